//! Unit tests of the normalizer, one behaviour each, asserting the exact output.

mod openapi30;
mod openapi31;
mod swagger2;
mod unsupported;

use serde_json::{Value, json};

use super::normalize;
use crate::diagnostics::{Diagnostics, Severity};

/// One recorded problem, as the tests compare it.
#[derive(Debug, PartialEq, Eq)]
struct Problem {
    severity: Severity,
    pointer: String,
    message: String,
    help: Option<String>,
}

/// Normalizes `document`; the output and every problem recorded.
fn run(document: Value) -> (Value, Vec<Problem>) {
    let mut diagnostics = Diagnostics::new("openapi.json");
    let output = normalize(document, &mut diagnostics);
    let problems = diagnostics
        .into_items()
        .into_iter()
        .map(|diagnostic| Problem {
            severity: diagnostic.severity,
            pointer: diagnostic.pointer,
            message: diagnostic.message,
            help: diagnostic.help,
        })
        .collect();
    (output, problems)
}

/// Normalizes `document`, asserting that nothing was reported.
fn run_clean(document: Value) -> Value {
    let (output, problems) = run(document);
    assert_eq!(problems, [], "unexpected diagnostics");
    output
}

/// A warning at `pointer`.
fn warning(pointer: &str, message: &str) -> Problem {
    Problem {
        severity: Severity::Warning,
        pointer: pointer.into(),
        message: message.into(),
        help: None,
    }
}

/// An error at `pointer`.
fn error(pointer: &str, message: &str, help: &str) -> Problem {
    Problem {
        severity: Severity::Error,
        pointer: pointer.into(),
        message: message.into(),
        help: Some(help.into()),
    }
}

/// A minimal document of `version` whose only schema, `S`, is `schema`.
fn with_schema(version: &str, schema: Value) -> Value {
    json!({
        "openapi": version,
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "components": {"schemas": {"S": schema}}
    })
}

/// Normalizes `schema` inside a 3.1 document; the normalized schema and every problem.
fn schema_31(schema: Value) -> (Value, Vec<Problem>) {
    let (mut output, problems) = run(with_schema("3.1.0", schema));
    (output["components"]["schemas"]["S"].take(), problems)
}

/// Normalizes `schema` inside a 3.1 document, asserting nothing was reported.
fn clean_schema_31(schema: Value) -> Value {
    let (schema, problems) = schema_31(schema);
    assert_eq!(problems, [], "unexpected diagnostics");
    schema
}

const SUPPORTED: &str = "clientgen reads Swagger 2.0 and OpenAPI 3.0.x and 3.1.x documents";

#[test]
fn unsupported_openapi_version_is_an_error_at_openapi() {
    let document = json!({"openapi": "4.0.0", "info": {"title": "t", "version": "1"}});
    let (output, problems) = run(document.clone());
    assert_eq!(
        problems,
        [error(
            "/openapi",
            "unsupported OpenAPI version \"4.0.0\"",
            SUPPORTED
        )]
    );
    assert_eq!(output, document);
}

#[test]
fn unsupported_swagger_version_is_an_error_at_swagger() {
    let (_, problems) = run(json!({"swagger": "1.2"}));
    assert_eq!(
        problems,
        [error(
            "/swagger",
            "unsupported Swagger version \"1.2\"",
            SUPPORTED
        )]
    );
}

#[test]
fn swagger_1_2_version_field_is_an_error_at_swagger_version() {
    let (_, problems) = run(json!({"swaggerVersion": "1.2", "apis": []}));
    assert_eq!(
        problems,
        [error(
            "/swaggerVersion",
            "unsupported Swagger version \"1.2\"",
            SUPPORTED
        )]
    );
}

#[test]
fn missing_version_is_an_error_at_the_root() {
    let (_, problems) = run(json!({"info": {"title": "t", "version": "1"}, "paths": {}}));
    assert_eq!(
        problems,
        [error(
            "",
            "the document has no \"openapi\" or \"swagger\" field, so its version is unknown",
            "add \"openapi\": \"3.0.3\" (or the version the document follows) at its top level; \
             clientgen reads Swagger 2.0 and OpenAPI 3.0.x and 3.1.x documents"
        )]
    );
}

#[test]
fn version_written_as_a_number_is_read_with_a_warning() {
    let (output, problems) =
        run(json!({"openapi": 3.0, "info": {"title": "t", "version": "1"}, "paths": {}}));
    assert_eq!(
        problems,
        [warning(
            "/openapi",
            "the version is the number 3.0, not a string; read as \"3.0\""
        )]
    );
    assert_eq!(output["openapi"], "3.0.3");
}

#[test]
fn non_object_root_is_an_error() {
    let (output, problems) = run(json!(["not", "a", "document"]));
    assert_eq!(
        problems,
        [error(
            "",
            "the document is a list, not an object",
            "an OpenAPI document is an object with an \"openapi\" (or \"swagger\") field at its \
             top level"
        )]
    );
    assert_eq!(output, json!(["not", "a", "document"]));
}

/// Every JSON pointer into `value`.
fn pointers(value: &Value, prefix: String, into: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let escaped = key.replace('~', "~0").replace('/', "~1");
                pointers(child, format!("{prefix}/{escaped}"), into);
            }
        }
        Value::Array(list) => {
            for (index, child) in list.iter().enumerate() {
                pointers(child, format!("{prefix}/{index}"), into);
            }
        }
        _ => {}
    }
    into.push(prefix);
}

#[test]
fn no_shape_of_input_makes_normalize_panic() {
    let documents = [
        json!({
            "swagger": "2.0",
            "info": {"title": "t", "version": "1"},
            "host": "h", "basePath": "/b", "schemes": ["http"],
            "consumes": ["application/json"], "produces": ["application/json"],
            "paths": {"/a/{id}": {
                "parameters": [{"in": "path", "name": "id", "type": "string", "required": true}],
                "post": {
                    "consumes": ["multipart/form-data"],
                    "parameters": [
                        {"in": "body", "name": "b", "schema": {"$ref": "#/definitions/D"}},
                        {"in": "formData", "name": "f", "type": "file"},
                        {"in": "query", "name": "q", "type": "array", "items": {"type": "string"},
                         "collectionFormat": "multi"},
                        {"$ref": "#/parameters/P"}
                    ],
                    "responses": {"200": {"description": "ok", "schema": {"type": "string"},
                        "headers": {"X": {"type": "integer"}}, "examples": {"application/json": 1}}}
                }
            }},
            "definitions": {"D": {"type": "object", "discriminator": "k",
                "properties": {"k": {"type": "string", "x-nullable": true}}}},
            "parameters": {"P": {"in": "body", "name": "p", "schema": {"type": "object"}}},
            "responses": {"R": {"description": "r", "schema": {"$ref": "#/definitions/D"}}},
            "securityDefinitions": {"o": {"type": "oauth2", "flow": "accessCode",
                "authorizationUrl": "u", "tokenUrl": "t", "scopes": {}}}
        }),
        json!({
            "openapi": "3.1.0",
            "info": {"title": "t", "version": "1"},
            "paths": {"/a": {"get": {
                "parameters": [{"in": "query", "name": "q", "schema": {"type": ["string", "null"]}}],
                "requestBody": {"content": {"application/json": {"schema": {
                    "anyOf": [{"$ref": "#/components/schemas/S"}, {"type": "null"}]}}}},
                "responses": {"200": {"description": "ok", "content": {"application/json": {
                    "schema": {"type": "array", "prefixItems": [{"const": 1}], "items": false}}}}}
            }}},
            "components": {
                "schemas": {"S": {"type": "object", "$defs": {"D": {"examples": [1]}},
                    "properties": {"n": {"type": "integer", "exclusiveMinimum": 0},
                        "f": {"type": "string", "contentMediaType": "image/png"},
                        "r": {"$ref": "#/components/schemas/S", "maxLength": 1}}}},
                "securitySchemes": {"m": {"type": "mutualTLS"}}
            },
            "security": [{"m": []}]
        }),
    ];
    let replacements = [
        Value::Null,
        json!(true),
        json!(7),
        json!("text"),
        json!([]),
        json!({}),
        json!([{}]),
    ];
    for document in documents {
        let mut all = Vec::new();
        pointers(&document, String::new(), &mut all);
        for pointer in &all {
            for replacement in &replacements {
                let mut broken = document.clone();
                if let Some(node) = broken.pointer_mut(pointer) {
                    *node = replacement.clone();
                }
                let _ = run(broken);
            }
        }
    }
}

/// A big document (over the split threshold) gives the output and the problems, in order, of a
/// small one: the components fixed on another thread report after the paths, and a feature
/// seen on both sides is one warning, first at its place in the paths.
#[test]
fn a_document_split_over_two_threads_reports_in_document_order() {
    let document = |schema_count: usize| {
        let mut schemas = serde_json::Map::new();
        schemas.insert(
            "Bad".into(),
            json!({"type": "string", "xml": {"name": "b"}}),
        );
        for n in 0..schema_count {
            schemas.insert(format!("S{n}"), json!({"type": "string"}));
        }
        json!({
            "openapi": "3.0.3",
            "info": {"title": "t", "version": "1"},
            "paths": {"/a": {
                "get": {
                    "parameters": [{"name": "p", "in": "query", "allowReserved": true,
                                    "schema": {"type": "string", "xml": {"name": "p"}}}],
                    "responses": {"200": {"description": "ok"}}
                },
                "post": {}
            }},
            "components": {"schemas": schemas, "responses": 3}
        })
    };
    let (small, small_problems) = run(document(1));
    let (big, big_problems) = run(document(100));
    let without_fillers = |mut output: Value| {
        if let Some(Value::Object(schemas)) = output.pointer_mut("/components/schemas") {
            schemas.retain(|name, _| !name.starts_with('S'));
        }
        output
    };
    assert_eq!(without_fillers(big), without_fillers(small));
    assert_eq!(big_problems, small_problems);
    let pointers: Vec<&str> = big_problems.iter().map(|p| p.pointer.as_str()).collect();
    assert_eq!(
        pointers,
        [
            "/paths/~1a/post",
            "/components/responses",
            "/paths/~1a/get/parameters/0/schema/xml",
            "/paths/~1a/get/parameters/0/allowReserved",
        ]
    );
    assert!(
        big_problems[2]
            .message
            .contains("2 places; also at #/components/schemas/Bad/xml"),
        "{}",
        big_problems[2].message
    );
}
