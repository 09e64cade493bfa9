//! Operations: ids, parameters, bodies and responses.

use serde_json::json;

use crate::diagnostics::Severity;
use crate::ir::{
    Constraints, Content, IntegerFormat, MediaKind, Method, Parameter, ParameterLocation,
    ParameterStyle, RequestBody, Response, Status, StringFormat, Struct, Type, TypeKind,
};

use super::{clean, field, id, list, lowered, named, summary, with_paths};

fn string() -> Type {
    Type::String(StringFormat::Plain)
}

fn parameter(name: &str, location: ParameterLocation, ty: Type) -> Parameter {
    let path = location == ParameterLocation::Path;
    let form = matches!(
        location,
        ParameterLocation::Query | ParameterLocation::Cookie
    );
    Parameter {
        name: name.into(),
        location,
        ty,
        required: path,
        description: None,
        default: None,
        constraints: Constraints::default(),
        style: if form {
            ParameterStyle::Form
        } else {
            ParameterStyle::Simple
        },
        explode: form,
        deprecated: false,
    }
}

fn content(media_type: &str, ty: Type) -> Content {
    Content {
        media_type: media_type.into(),
        kind: MediaKind::of(media_type),
        ty,
    }
}

#[test]
fn operation_id_fallback_and_collisions() {
    let ok = json!({"responses": {}});
    let (api, diagnostics) = lowered(&with_paths(json!({
        "/users/{id}/posts": {"get": ok, "post": {"operationId": "make", "responses": {}}},
        "/": {"get": ok},
        "/users/{id}/posts/": {"get": ok},
        "/other": {"put": {"operationId": "make"}, "delete": {"operationId": "get_root"}, "summary": "s", "x-tag": 1}
    })));
    let ids: Vec<(&str, bool, Method)> = api
        .operations
        .iter()
        .map(|op| (op.id.as_str(), op.id_from_spec, op.method))
        .collect();
    assert_eq!(
        ids,
        [
            ("get_users_id_posts", false, Method::Get),
            ("make", true, Method::Post),
            ("get_root", false, Method::Get),
            ("get_users_id_posts_2", false, Method::Get),
            ("make_2", true, Method::Put),
            ("get_root_2", true, Method::Delete),
        ]
    );
    let about_ids: Vec<_> = summary(&diagnostics)
        .into_iter()
        .filter(|(_, pointer, _)| pointer.ends_with("/operationId"))
        .collect();
    assert_eq!(
        about_ids,
        [
            (
                Severity::Warning,
                "/paths/~1other/put/operationId",
                "operationId `make` is used more than once; this operation is named `make_2`"
            ),
            (
                Severity::Warning,
                "/paths/~1other/delete/operationId",
                "operationId `get_root` is used more than once; this operation is named `get_root_2`"
            ),
        ]
    );
}

#[test]
fn path_and_operation_parameters_merge() {
    let (api, diagnostics) = lowered(&with_paths(json!({
        "/orgs/{org}/repos/{repo}": {
            "parameters": [
                {"name": "limit", "in": "query", "schema": {"type": "integer"}, "description": "path-level"},
                {"name": "repo", "in": "path", "schema": {"type": "string"}},
                {"name": "org", "in": "path", "required": false, "schema": {"type": "string"}}
            ],
            "get": {
                "operationId": "list",
                "parameters": [
                    {"name": "X-Trace", "in": "header", "schema": {"type": "string"}},
                    {"name": "limit", "in": "query", "schema": {"type": "integer", "default": 10}, "required": true, "style": "spaceDelimited", "explode": true},
                    {"name": "session", "in": "cookie", "schema": {"type": "string"}, "deprecated": true}
                ],
                "responses": {}
            }
        },
        "/files/{name}": {"get": {"operationId": "file", "responses": {}}}
    })));
    let integer = Type::Integer(IntegerFormat::Unspecified);
    assert_eq!(
        api.operations[0].parameters,
        [
            parameter("org", ParameterLocation::Path, string()),
            parameter("repo", ParameterLocation::Path, string()),
            Parameter {
                required: true,
                default: Some(json!(10)),
                style: ParameterStyle::SpaceDelimited,
                explode: true,
                ..parameter("limit", ParameterLocation::Query, integer)
            },
            parameter("X-Trace", ParameterLocation::Header, string()),
            Parameter {
                deprecated: true,
                ..parameter("session", ParameterLocation::Cookie, string())
            },
        ]
    );
    assert_eq!(
        api.operations[1].parameters,
        [parameter("name", ParameterLocation::Path, string())]
    );
    assert_eq!(
        summary(&diagnostics),
        [(
            Severity::Warning,
            "/paths/~1files~1{name}/get",
            "path parameter `name` is not declared; typed as string"
        )]
    );
}

#[test]
fn parameter_refs_and_content_parameters() {
    let api = clean(&json!({
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1"},
        "paths": {
            "/items": {
                "get": {
                    "operationId": "items",
                    "parameters": [
                        {"$ref": "#/components/parameters/Page"},
                        {"name": "filter", "in": "query", "content": {"application/json": {"schema": {"type": "object", "properties": {"q": {"type": "string"}}}}}},
                        {"name": "order", "in": "query", "schema": {"type": "string", "enum": ["asc", "desc"]}}
                    ],
                    "responses": {}
                }
            }
        },
        "components": {
            "parameters": {
                "Page": {"$ref": "#/components/parameters/PageNumber"},
                "PageNumber": {"name": "page", "in": "query", "description": "Page", "schema": {"type": "integer", "format": "int32"}}
            }
        }
    }));
    let filter = id(&api, "items_filter");
    let order = id(&api, "items_order");
    assert_eq!(
        api.operations[0].parameters,
        [
            Parameter {
                description: Some("Page".into()),
                ..parameter(
                    "page",
                    ParameterLocation::Query,
                    Type::Integer(IntegerFormat::Int32)
                )
            },
            parameter("filter", ParameterLocation::Query, Type::Named(filter)),
            parameter("order", ParameterLocation::Query, Type::Named(order)),
        ]
    );
    assert_eq!(
        named(&api, "items_filter").1.origin,
        super::inline("/paths/~1items/get/parameters/1/content/application~1json/schema")
    );
    assert!(matches!(
        named(&api, "items_order").1.kind,
        TypeKind::Enum(_)
    ));
}

#[test]
fn request_body_media_types() {
    let api = clean(&json!({
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1"},
        "paths": {
            "/upload": {
                "post": {
                    "operationId": "upload",
                    "requestBody": {
                        "required": true,
                        "description": "The file",
                        "content": {
                            "application/json": {"schema": {"type": "object", "properties": {"name": {"type": "string"}}}},
                            "multipart/form-data": {"schema": {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}}},
                            "application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/Form"}},
                            "application/octet-stream": {},
                            "text/plain": {"schema": {"type": "string"}}
                        }
                    },
                    "responses": {}
                }
            },
            "/shared": {"put": {"operationId": "shared", "requestBody": {"$ref": "#/components/requestBodies/Shared"}, "responses": {}}}
        },
        "components": {
            "schemas": {"Form": {"type": "object", "properties": {"a": {"type": "string"}}}},
            "requestBodies": {"Shared": {"content": {"application/json": {"schema": {"type": "array", "items": {"type": "string"}}}}}}
        }
    }));
    let upload_body = &api.operations[0].body;
    assert_eq!(
        upload_body,
        &Some(RequestBody {
            required: true,
            description: Some("The file".into()),
            content: vec![
                content("application/json", Type::Named(id(&api, "upload_body"))),
                content(
                    "multipart/form-data",
                    Type::Named(id(&api, "upload_body_2"))
                ),
                content(
                    "application/x-www-form-urlencoded",
                    Type::Named(id(&api, "Form"))
                ),
                content("application/octet-stream", Type::Binary),
                content("text/plain", string()),
            ],
        })
    );
    assert_eq!(
        named(&api, "upload_body_2").1.kind,
        TypeKind::Struct(Struct {
            fields: vec![field("file", Type::Binary)],
            additional_properties: None
        })
    );
    assert_eq!(
        api.operations[1].body,
        Some(RequestBody {
            required: false,
            description: None,
            content: vec![content("application/json", list(string()))],
        })
    );
}

#[test]
fn responses_by_status_including_default_and_ranges() {
    let object = json!({"type": "object", "properties": {"id": {"type": "integer"}}});
    let (api, diagnostics) = lowered(&json!({
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1"},
        "paths": {
            "/a": {
                "get": {
                    "operationId": "one",
                    "responses": {
                        "200": {"description": "OK", "content": {"application/json": {"schema": object}}},
                        "2XX": {"description": "Fine", "content": {"text/plain": {}, "image/png": {}, "application/json": {}}},
                        "4xx": {"$ref": "#/components/responses/Problem"},
                        "default": {"description": "Else"},
                        "20": {"description": "bad"}
                    }
                },
                "post": {
                    "operationId": "two",
                    "responses": {
                        "201": {"description": "Made", "content": {"application/json": {"schema": object}}},
                        "202": {"description": "Queued", "content": {"application/json": {"schema": object}}}
                    }
                }
            }
        },
        "components": {
            "responses": {"Problem": {"description": "Problem", "content": {"application/problem+json": {"schema": {"type": "string"}}}}}
        }
    }));
    assert_eq!(
        api.operations[0].responses,
        [
            Response {
                status: Status::Code(200),
                description: Some("OK".into()),
                content: vec![content(
                    "application/json",
                    Type::Named(id(&api, "one_response_200"))
                )],
            },
            Response {
                status: Status::Range(2),
                description: Some("Fine".into()),
                content: vec![
                    content("text/plain", string()),
                    content("image/png", Type::Binary),
                    content("application/json", Type::Any),
                ],
            },
            Response {
                status: Status::Range(4),
                description: Some("Problem".into()),
                content: vec![content("application/problem+json", string())],
            },
            Response {
                status: Status::Default,
                description: Some("Else".into()),
                content: vec![]
            },
        ]
    );
    let statuses: Vec<Type> = api.operations[1]
        .responses
        .iter()
        .map(|response| response.content[0].ty.clone())
        .collect();
    assert_eq!(
        statuses,
        [
            Type::Named(id(&api, "two_response_201")),
            Type::Named(id(&api, "two_response_202"))
        ]
    );
    assert_eq!(
        summary(&diagnostics),
        [(
            Severity::Warning,
            "/paths/~1a/get/responses/20",
            "response status `20` is not a code, a range like `2XX`, or `default`; skipped"
        )]
    );
}

#[test]
fn operation_fields_are_kept_in_spec_order() {
    let api = clean(&with_paths(json!({
        "/b": {"delete": {"operationId": "del", "responses": {}}, "get": {
            "operationId": "get",
            "summary": "Get it",
            "description": "Long",
            "tags": ["things", "stuff"],
            "deprecated": true,
            "responses": {}
        }},
        "/a": {"post": {"operationId": "post", "responses": {}}}
    })));
    let order: Vec<(&str, &str)> = api
        .operations
        .iter()
        .map(|op| (op.path.as_str(), op.id.as_str()))
        .collect();
    assert_eq!(order, [("/b", "del"), ("/b", "get"), ("/a", "post")]);
    let get = &api.operations[1];
    assert_eq!(get.summary.as_deref(), Some("Get it"));
    assert_eq!(get.description.as_deref(), Some("Long"));
    assert_eq!(get.tags, ["things", "stuff"]);
    assert!(get.deprecated);
}
