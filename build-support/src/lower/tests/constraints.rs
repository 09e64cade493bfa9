//! Validation keywords and defaults: lowered where the schema is, checked, and warned about.

use serde_json::{Number, json};

use crate::diagnostics::Severity;
use crate::ir::{Bound, Constraints, Pattern, Type};

use super::{clean, fields, lowered, named, summary, with_paths, with_schemas};

fn bound(value: i64, exclusive: bool) -> Option<Bound> {
    Some(Bound {
        value: Number::from(value),
        exclusive,
    })
}

fn pattern(source: &str, regular: bool) -> Option<Pattern> {
    Some(Pattern {
        source: source.into(),
        regular,
    })
}

#[test]
fn validation_keywords_of_a_property_become_its_constraints() {
    let api = clean(&with_schemas(json!({
        "User": {"type": "object", "properties": {
            "name": {"type": "string", "minLength": 1, "maxLength": 150, "pattern": "^[\\w.@+-]+$"},
            "age": {"type": "integer", "minimum": 0, "maximum": 130, "exclusiveMaximum": true},
            "score": {"type": "number", "multipleOf": 0.5},
            "tags": {"type": "array", "items": {"type": "string"}, "minItems": 1, "maxItems": 5},
            "plain": {"type": "string"}
        }}
    })));
    let constraints: Vec<&Constraints> = fields(&api, "User")
        .iter()
        .map(|f| &f.constraints)
        .collect();
    assert_eq!(
        constraints,
        [
            &Constraints {
                min_length: Some(1),
                max_length: Some(150),
                pattern: pattern("^[\\w.@+-]+$", true),
                ..Constraints::default()
            },
            &Constraints {
                minimum: bound(0, false),
                maximum: bound(130, true),
                ..Constraints::default()
            },
            &Constraints {
                multiple_of: Number::from_f64(0.5),
                ..Constraints::default()
            },
            &Constraints {
                min_items: Some(1),
                max_items: Some(5),
                ..Constraints::default()
            },
            &Constraints::default(),
        ]
    );
}

#[test]
fn an_alias_component_keeps_its_constraints_on_its_type() {
    let api = clean(&with_schemas(json!({
        "Username": {"type": "string", "maxLength": 150},
        "User": {"type": "object", "properties": {"name": {"$ref": "#/components/schemas/Username"}}}
    })));
    let (id, username) = named(&api, "Username");
    assert_eq!(
        username.constraints,
        Constraints {
            max_length: Some(150),
            ..Constraints::default()
        }
    );
    let name = &fields(&api, "User")[0];
    assert_eq!(name.ty, Type::Named(id));
    assert!(name.constraints.is_empty());
}

#[test]
fn parameter_schema_gives_the_parameter_its_constraints_and_default() {
    let api = clean(&with_paths(json!({"/items": {"get": {
        "operationId": "list",
        "parameters": [{"name": "limit", "in": "query",
            "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}}],
        "responses": {"204": {"description": "none"}}
    }}})));
    let limit = &api.operations[0].parameters[0];
    assert_eq!(limit.default, Some(json!(20)));
    assert_eq!(
        limit.constraints,
        Constraints {
            minimum: bound(1, false),
            maximum: bound(100, false),
            ..Constraints::default()
        }
    );
}

#[test]
fn default_that_is_not_a_value_of_the_schema_is_dropped_with_a_warning() {
    let (api, diagnostics) = lowered(&with_schemas(json!({
        "Status": {"type": "string", "enum": ["open", "closed"]},
        "Query": {"type": "object", "properties": {
            "count": {"type": "integer", "default": "ten"},
            "ratio": {"type": "integer", "default": 0.5},
            "status": {"allOf": [{"$ref": "#/components/schemas/Status"}], "default": "gone"},
            "kept": {"allOf": [{"$ref": "#/components/schemas/Status"}], "default": "open"},
            "missing": {"type": "string", "nullable": true, "default": null},
            "ids": {"type": "array", "items": {"type": "integer"}, "default": [1, "2"]}
        }}
    })));
    let defaults: Vec<_> = fields(&api, "Query")
        .iter()
        .map(|f| f.default.clone())
        .collect();
    assert_eq!(
        defaults,
        [
            None,
            None,
            None,
            Some(json!("open")),
            Some(json!(null)),
            None
        ]
    );
    let at = |name: &str| format!("/components/schemas/Query/properties/{name}/default");
    let expected: Vec<(Severity, String, String)> = [
        ("count", "\"ten\""),
        ("ratio", "0.5"),
        ("status", "\"gone\""),
        ("ids", "[1,\"2\"]"),
    ]
    .iter()
    .map(|(name, value)| {
        let message =
            format!("`default` {value} is not a value of the schema; the clients leave it out");
        (Severity::Warning, at(name), message)
    })
    .collect();
    let found: Vec<(Severity, String, String)> = summary(&diagnostics)
        .into_iter()
        .map(|(severity, pointer, message)| (severity, pointer.to_string(), message.to_string()))
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn pattern_a_finite_automaton_cannot_run_is_kept_unchecked_with_a_warning() {
    let (api, diagnostics) = lowered(&with_schemas(json!({
        "Password": {"type": "string", "pattern": "^(?=.*\\d).{8,}$"},
        "Twice": {"type": "string", "pattern": "^(a)\\1$"}
    })));
    let patterns: Vec<_> = ["Password", "Twice"]
        .iter()
        .map(|name| named(&api, name).1.constraints.pattern.clone())
        .collect();
    assert_eq!(
        patterns,
        [
            pattern("^(?=.*\\d).{8,}$", false),
            pattern("^(a)\\1$", false)
        ]
    );
    let found = summary(&diagnostics);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(found[0].1, "/components/schemas/Password/pattern");
    assert!(found[0].2.contains("look-around"), "{}", found[0].2);
    assert!(found[0].2.contains("the Python client does not check it"));
}

#[test]
fn malformed_validation_keywords_are_ignored_with_a_warning() {
    let (api, diagnostics) = lowered(&with_schemas(json!({
        "Odd": {"type": "object", "properties": {
            "a": {"type": "string", "maxLength": "10", "minLength": -1},
            "b": {"type": "number", "multipleOf": 0, "minimum": "1"},
            "c": {"type": "string", "pattern": 7}
        }}
    })));
    assert!(fields(&api, "Odd").iter().all(|f| f.constraints.is_empty()));
    let at = "/components/schemas/Odd/properties";
    assert_eq!(
        summary(&diagnostics),
        [
            (
                Severity::Warning,
                &*format!("{at}/a/minLength"),
                "`minLength` must be a non-negative integer, found -1; ignored"
            ),
            (
                Severity::Warning,
                &*format!("{at}/a/maxLength"),
                "`maxLength` must be a non-negative integer, found \"10\"; ignored"
            ),
            (
                Severity::Warning,
                &*format!("{at}/b/minimum"),
                "`minimum` must be a number, found \"1\"; ignored"
            ),
            (
                Severity::Warning,
                &*format!("{at}/b/multipleOf"),
                "`multipleOf` must be greater than 0, found 0; ignored"
            ),
            (
                Severity::Warning,
                &*format!("{at}/c/pattern"),
                "`pattern` should be a string; ignored"
            ),
        ]
    );
}
