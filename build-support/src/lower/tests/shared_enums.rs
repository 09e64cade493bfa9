//! Inline enums that repeat another enum get that enum's type; shared parameters are named
//! after their key.

use serde_json::{Value, json};

use super::{clean, fields, id, list, names, with_schemas};
use crate::ir::{Api, Type};

/// A document with these paths and component schemas.
fn document(paths: Value, schemas: Value) -> Value {
    json!({
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1"},
        "paths": paths,
        "components": {"schemas": schemas}
    })
}

/// A GET operation with these parameters.
fn listing(operation_id: &str, parameters: Value) -> Value {
    json!({"get": {
        "operationId": operation_id,
        "parameters": parameters,
        "responses": {"204": {"description": "none"}}
    }})
}

fn query(name: &str, schema: Value) -> Value {
    json!({"name": name, "in": "query", "schema": schema})
}

fn parameter_type<'a>(api: &'a Api, operation: &str, parameter: &str) -> &'a Type {
    let operation = api.operations.iter().find(|o| o.id == operation).unwrap();
    let parameter = operation.parameters.iter().find(|p| p.name == parameter);
    &parameter.unwrap().ty
}

#[test]
fn query_enum_with_a_component_enums_values_uses_the_component_enum() {
    // django-filter lists the choices sorted; drf-spectacular's component keeps model order.
    let api = clean(&document(
        json!({
            "/tickets": listing("tickets_list", json!([
                query("status", json!({"type": "string", "enum": ["closed", "in_progress", "open"]})),
                query("states", json!({"type": "array", "items": {"type": "string", "enum": ["open", "closed", "in_progress"]}}))
            ]))
        }),
        json!({"StatusEnum": {"type": "string", "enum": ["open", "in_progress", "closed"]}}),
    ));
    assert_eq!(names(&api), ["StatusEnum"]);
    let status = Type::Named(id(&api, "StatusEnum"));
    assert_eq!(parameter_type(&api, "tickets_list", "status"), &status);
    assert_eq!(
        parameter_type(&api, "tickets_list", "states"),
        &list(status)
    );
}

#[test]
fn inline_parameter_enums_repeated_across_operations_become_one_type_named_after_the_parameter() {
    let order = || query("order", json!({"type": "string", "enum": ["asc", "desc"]}));
    let api = clean(&document(
        json!({
            "/a": listing("list_a", json!([order()])),
            "/b": listing("list_b", json!([order()]))
        }),
        json!({}),
    ));
    assert_eq!(names(&api), ["order"]);
    let order = Type::Named(id(&api, "order"));
    assert_eq!(parameter_type(&api, "list_a", "order"), &order);
    assert_eq!(parameter_type(&api, "list_b", "order"), &order);
}

#[test]
fn an_inline_parameter_enum_met_once_keeps_its_operation_name() {
    let api = clean(&document(
        json!({"/a": listing("list_a", json!([
            query("order", json!({"type": "string", "enum": ["asc", "desc"]}))
        ]))}),
        json!({}),
    ));
    assert_eq!(names(&api), ["list_a_order"]);
}

#[test]
fn parameter_name_spelled_like_a_component_keeps_the_first_operations_name() {
    let order = || query("order", json!({"type": "string", "enum": ["asc", "desc"]}));
    let api = clean(&document(
        json!({
            "/a": listing("list_a", json!([order()])),
            "/b": listing("list_b", json!([order()]))
        }),
        json!({"Order": {"type": "object", "properties": {"id": {"type": "integer"}}}}),
    ));
    assert_eq!(names(&api), ["Order", "list_a_order"]);
}

#[test]
fn shared_parameter_from_components_is_named_after_its_key() {
    // GitHub's `direction`: one parameter, twenty operations.
    let direction = json!({"$ref": "#/components/parameters/direction"});
    let mut document = document(
        json!({
            "/a": listing("enterprise-admin/list-public-keys", json!([direction.clone()])),
            "/b": listing("repos/list", json!([direction]))
        }),
        json!({}),
    );
    document["components"]["parameters"] = json!({"direction": {
        "name": "direction", "in": "query",
        "schema": {"type": "string", "enum": ["asc", "desc"]}
    }});
    let api = clean(&document);
    assert_eq!(names(&api), ["direction"]);
}

#[test]
fn shared_parameter_named_like_a_component_schema_is_named_key_parameter() {
    let mut document = document(
        json!({"/a": listing("checks/list", json!([{"$ref": "#/components/parameters/status"}]))}),
        json!({"status": {"type": "object", "properties": {"state": {"type": "string"}}}}),
    );
    document["components"]["parameters"] = json!({"status": {
        "name": "status", "in": "query",
        "schema": {"type": "string", "enum": ["queued", "completed"]}
    }});
    let api = clean(&document);
    assert_eq!(names(&api), ["status", "status_parameter"]);
}

#[test]
fn inline_property_enums_of_one_name_and_values_become_one_type_named_after_the_property() {
    let message = || json!({"type": "string", "enum": ["PR_BODY", "PR_TITLE", "BLANK"]});
    let state = |values: Value| json!({"type": "string", "enum": values});
    let api = clean(&with_schemas(json!({
        "Repository": {"type": "object", "properties": {
            "merge_commit_message": message(),
            "state": state(json!(["open", "closed"]))
        }},
        "FullRepository": {"type": "object", "properties": {
            "merge_commit_message": message(),
            "state": state(json!(["open", "closed", "all"]))
        }},
        "Template": {"type": "object", "properties": {
            "merge_commit_message": {"type": "array", "items": message()}
        }}
    })));
    assert_eq!(
        names(&api),
        [
            "Repository",
            "FullRepository",
            "Template",
            "merge_commit_message",
            "Repository_state",
            "FullRepository_state"
        ]
    );
    let message = Type::Named(id(&api, "merge_commit_message"));
    assert_eq!(fields(&api, "FullRepository")[0].ty, message);
    assert_eq!(fields(&api, "Template")[0].ty, list(message));
}
