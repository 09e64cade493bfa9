//! Lowering a big document on two threads gives exactly what one pass gives: the same types in
//! the same order under the same names, the same operations, the same diagnostics, including
//! when the two halves' work meets.

use serde_json::{Map, Value, json};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::ir::Api;

use super::super::lower_document;
use super::super::split::Threads;

/// Enough component schemas to be split, each with an inline object and an inline enum, after
/// the schemas of `early` and before those of `late`; `paths` is the document's.
fn big_document(early: Value, late: Value, paths: Value) -> Value {
    let mut schemas = Map::new();
    schemas.extend(members(early));
    for n in 0..100 {
        schemas.insert(
            format!("C{n}"),
            json!({
                "type": "object",
                "properties": {
                    "inner": {"type": "object", "properties": {"n": {"type": "integer"}}},
                    "state": {"type": "string", "enum": ["on", "off"]},
                    "next": {"$ref": format!("#/components/schemas/C{}", (n + 1) % 100)}
                }
            }),
        );
    }
    schemas.extend(members(late));
    json!({
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1"},
        "paths": paths,
        "components": {"schemas": schemas}
    })
}

fn members(object: Value) -> Map<String, Value> {
    match object {
        Value::Object(members) => members,
        _ => Map::new(),
    }
}

/// An operation returning an inline object, named by `id`.
fn operation(id: &str, schema: Value) -> Value {
    json!({
        "operationId": id,
        "responses": {"200": {
            "description": "ok",
            "content": {"application/json": {"schema": schema}}
        }}
    })
}

fn lowered(document: &Value, threads: Threads) -> (Api, Vec<Diagnostic>) {
    let mut diagnostics = Diagnostics::new("spec.json");
    let api = lower_document(document, &mut diagnostics, threads);
    (api, diagnostics.into_items())
}

fn assert_same_as_one_pass(document: &Value) {
    assert_eq!(
        lowered(document, Threads::Two),
        lowered(document, Threads::One)
    );
}

fn inline_titled(title: &str) -> Value {
    json!({"type": "object", "title": title, "properties": {"a": {"type": "string"}}})
}

#[test]
fn two_threads_give_one_pass_result_on_a_document_whose_halves_never_meet() {
    let paths = json!({
        "/a": {"get": operation("getA", inline_titled("Reply"))},
        "/b/{id}": {"post": operation("postB", json!({"$ref": "#/components/schemas/C99"}))},
        "/c": {"get": operation("getC", json!({"allOf": [
            {"$ref": "#/components/schemas/C7"},
            {"type": "object", "properties": {"more": {"type": "string", "enum": ["a"]}}}
        ]}))}
    });
    assert_same_as_one_pass(&big_document(json!({}), json!({}), paths));
}

#[test]
fn two_threads_give_one_pass_names_when_both_halves_hoist_the_same_title() {
    let early = json!({"A0": {"type": "object", "properties": {"x": inline_titled("Shared")}}});
    let late = json!({"Z9": {"type": "object", "properties": {"x": inline_titled("Shared")}}});
    let paths = json!({"/a": {"get": operation("getA", inline_titled("Shared"))}});
    let document = big_document(early, late, paths);
    assert_same_as_one_pass(&document);
    let (api, _) = lowered(&document, Threads::Two);
    let shared = api
        .types
        .iter()
        .filter(|def| def.name.starts_with("Shared"));
    assert_eq!(shared.count(), 1, "one title, then names from hints");
}

#[test]
fn two_threads_give_one_pass_names_when_hints_collide_across_halves() {
    // The first side's titles take names the other side's hints give.
    let early = json!({
        "Early": {"type": "object", "properties": {
            "x": inline_titled("C99_inner"),
            "y": inline_titled("getA_200")
        }}
    });
    let paths = json!({"/a": {"get": operation("getA", inline_titled("not an identifier"))}});
    assert_same_as_one_pass(&big_document(early, json!({}), paths));
}

#[test]
fn two_threads_give_one_pass_result_when_both_halves_reach_one_node() {
    let early = json!({
        "Early": {"type": "object", "properties": {
            "x": {"$ref": "#/components/schemas/C98/properties/inner"}
        }}
    });
    let paths = json!({"/a": {"get": operation(
        "getA",
        json!({"$ref": "#/components/schemas/C98/properties/inner"})
    )}});
    assert_same_as_one_pass(&big_document(early, json!({}), paths));
}

#[test]
fn two_threads_give_one_pass_diagnostics() {
    let odd = json!({"type": "object", "properties": {
        "bad": {"type": "strange"},
        "seen": {"type": "string", "readOnly": true}
    }});
    let mut early = Map::new();
    let mut late = Map::new();
    for n in 0..3 {
        early.insert(format!("Early{n}"), odd.clone());
        late.insert(format!("Late{n}"), odd.clone());
    }
    let paths = json!({
        "/a": {"get": operation("getA", odd.clone()), "bogus": {}},
        "/b": {"get": operation("getA", odd)}
    });
    let document = big_document(Value::Object(early), Value::Object(late), paths);
    assert_same_as_one_pass(&document);
    let (_, diagnostics) = lowered(&document, Threads::Two);
    assert!(diagnostics.iter().any(|d| d.message.contains("strange")));
}
