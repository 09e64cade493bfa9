//! Swagger 2.0 → OpenAPI 3.0.3.

use serde_json::{Value, json};

use super::{run, run_clean, warning};

/// A 2.0 document with `paths` and the extra top-level members of `extra`.
fn swagger(paths: Value, extra: Value) -> Value {
    let mut document = json!({
        "swagger": "2.0",
        "info": {"title": "t", "version": "1"},
        "paths": paths
    });
    if let (Value::Object(document), Value::Object(extra)) = (&mut document, extra) {
        document.extend(extra);
    }
    document
}

/// The operation `post /items` of a normalized document.
fn post_items(output: &Value) -> &Value {
    &output["paths"]["/items"]["post"]
}

#[test]
fn host_base_path_and_schemes_become_one_server() {
    let output = run_clean(swagger(
        json!({}),
        json!({"host": "api.example.com", "basePath": "/v1", "schemes": ["http", "https"]}),
    ));
    assert_eq!(
        output,
        json!({
            "openapi": "3.0.3",
            "info": {"title": "t", "version": "1"},
            "servers": [{"url": "http://api.example.com/v1"}],
            "paths": {}
        })
    );
}

#[test]
fn server_defaults_to_https_and_to_the_base_path_without_a_host() {
    let with_host = run_clean(swagger(json!({}), json!({"host": "example.com"})));
    assert_eq!(
        with_host["servers"],
        json!([{"url": "https://example.com"}])
    );
    let without_host = run_clean(swagger(json!({}), json!({"basePath": "/api"})));
    assert_eq!(without_host["servers"], json!([{"url": "/api"}]));
    let bare = run_clean(swagger(json!({}), json!({})));
    assert_eq!(bare["servers"], json!([{"url": "/"}]));
}

#[test]
fn body_parameter_becomes_a_request_body_per_consumed_media_type() {
    let output = run_clean(swagger(
        json!({"/items": {"post": {
            "consumes": ["application/json", "application/xml"],
            "parameters": [{
                "in": "body",
                "name": "item",
                "description": "The item.",
                "required": true,
                "schema": {"$ref": "#/definitions/Item"}
            }],
            "responses": {"204": {"description": "created"}}
        }}}),
        json!({}),
    ));
    let item = json!({"schema": {"$ref": "#/components/schemas/Item"}});
    assert_eq!(
        post_items(&output),
        &json!({
            "requestBody": {
                "description": "The item.",
                "content": {"application/json": item, "application/xml": item},
                "required": true
            },
            "x-codegen-request-body-name": "item",
            "responses": {"204": {"description": "created"}}
        })
    );
}

#[test]
fn form_data_with_a_file_becomes_a_multipart_request_body() {
    let output = run_clean(swagger(
        json!({"/items": {"post": {
            "parameters": [
                {"in": "formData", "name": "file", "type": "file", "required": true},
                {"in": "formData", "name": "note", "type": "string", "description": "A note."},
                {"in": "query", "name": "dry", "type": "boolean"}
            ],
            "responses": {"200": {"description": "ok"}}
        }}}),
        json!({}),
    ));
    assert_eq!(
        post_items(&output),
        &json!({
            "parameters": [{"in": "query", "name": "dry", "schema": {"type": "boolean"}}],
            "requestBody": {
                "content": {"multipart/form-data": {"schema": {
                    "type": "object",
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "note": {"type": "string", "description": "A note."}
                    },
                    "required": ["file"]
                }}},
                "required": true
            },
            "responses": {"200": {"description": "ok"}}
        })
    );
}

#[test]
fn form_data_without_a_file_becomes_a_url_encoded_request_body() {
    let output = run_clean(swagger(
        json!({"/items": {"post": {
            "parameters": [{"in": "formData", "name": "name", "type": "string"}],
            "responses": {"200": {"description": "ok"}}
        }}}),
        json!({}),
    ));
    assert_eq!(
        post_items(&output)["requestBody"],
        json!({"content": {"application/x-www-form-urlencoded": {"schema": {
            "type": "object",
            "properties": {"name": {"type": "string"}}
        }}}})
    );
}

#[test]
fn shared_body_parameter_is_inlined_where_it_is_referenced() {
    let output = run_clean(swagger(
        json!({"/items": {"post": {
            "parameters": [
                {"$ref": "#/parameters/Body"},
                {"$ref": "#/parameters/Limit"}
            ],
            "responses": {"200": {"description": "ok"}}
        }}}),
        json!({"parameters": {
            "Body": {"in": "body", "name": "body", "schema": {"type": "object"}},
            "Limit": {"in": "query", "name": "limit", "type": "integer"}
        }}),
    ));
    assert_eq!(
        post_items(&output),
        &json!({
            "parameters": [{"$ref": "#/components/parameters/Limit"}],
            "requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}},
            "x-codegen-request-body-name": "body",
            "responses": {"200": {"description": "ok"}}
        })
    );
    assert_eq!(
        output["components"],
        json!({"parameters": {
            "Limit": {"in": "query", "name": "limit", "schema": {"type": "integer"}}
        }})
    );
}

#[test]
fn path_level_body_parameter_reaches_every_operation() {
    let output = run_clean(swagger(
        json!({"/items": {
            "parameters": [
                {"in": "body", "name": "body", "schema": {"type": "string"}},
                {"in": "header", "name": "X-Trace", "type": "string"}
            ],
            "post": {"responses": {"200": {"description": "ok"}}},
            "put": {"responses": {"200": {"description": "ok"}}}
        }}),
        json!({}),
    ));
    let body = json!({"content": {"application/json": {"schema": {"type": "string"}}}});
    let item = &output["paths"]["/items"];
    assert_eq!(
        item["parameters"],
        json!([{"in": "header", "name": "X-Trace", "schema": {"type": "string"}}])
    );
    assert_eq!(item["post"]["requestBody"], body);
    assert_eq!(item["put"]["requestBody"], body);
}

#[test]
fn definitions_move_to_components_and_refs_are_rewritten() {
    let output = run_clean(swagger(
        json!({"/items": {"get": {
            "parameters": [{"$ref": "#/parameters/Page"}],
            "responses": {
                "200": {"description": "ok", "schema": {
                    "type": "array",
                    "items": {"$ref": "#/definitions/Item"}
                }},
                "404": {"$ref": "#/responses/NotFound"}
            }
        }}}),
        json!({
            "definitions": {
                "Item": {"type": "object", "properties": {
                    "owner": {"$ref": "#/definitions/User"},
                    "kind": {"type": "string", "x-nullable": true}
                }},
                "User": {"type": "object", "discriminator": "kind"}
            },
            "parameters": {"Page": {"in": "query", "name": "page", "type": "integer"}},
            "responses": {"NotFound": {"description": "missing", "schema": {"$ref": "#/definitions/User"}}}
        }),
    ));
    assert_eq!(
        output,
        json!({
            "openapi": "3.0.3",
            "info": {"title": "t", "version": "1"},
            "servers": [{"url": "/"}],
            "paths": {"/items": {"get": {
                "parameters": [{"$ref": "#/components/parameters/Page"}],
                "responses": {
                    "200": {"description": "ok", "content": {"application/json": {"schema": {
                        "type": "array",
                        "items": {"$ref": "#/components/schemas/Item"}
                    }}}},
                    "404": {"$ref": "#/components/responses/NotFound"}
                }
            }}},
            "components": {
                "schemas": {
                    "Item": {"type": "object", "properties": {
                        "owner": {"$ref": "#/components/schemas/User"},
                        "kind": {"type": "string", "nullable": true}
                    }},
                    "User": {"type": "object", "discriminator": {"propertyName": "kind"}}
                },
                "parameters": {"Page": {"in": "query", "name": "page", "schema": {"type": "integer"}}},
                "responses": {"NotFound": {
                    "description": "missing",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/User"}}}
                }}
            }
        })
    );
}

#[test]
fn security_definitions_become_security_schemes() {
    let output = run_clean(swagger(
        json!({}),
        json!({"securityDefinitions": {
            "basic": {"type": "basic", "description": "Basic."},
            "key": {"type": "apiKey", "name": "X-Key", "in": "header"},
            "password": {
                "type": "oauth2",
                "flow": "password",
                "tokenUrl": "https://example.com/token",
                "scopes": {"read": "Read."}
            },
            "code": {
                "type": "oauth2",
                "flow": "accessCode",
                "authorizationUrl": "https://example.com/authorize",
                "tokenUrl": "https://example.com/token",
                "scopes": {}
            },
            "app": {"type": "oauth2", "flow": "application", "tokenUrl": "https://example.com/token"}
        }}),
    ));
    assert_eq!(
        output["components"]["securitySchemes"],
        json!({
            "basic": {"type": "http", "description": "Basic.", "scheme": "basic"},
            "key": {"type": "apiKey", "name": "X-Key", "in": "header"},
            "password": {"type": "oauth2", "flows": {"password": {
                "tokenUrl": "https://example.com/token",
                "scopes": {"read": "Read."}
            }}},
            "code": {"type": "oauth2", "flows": {"authorizationCode": {
                "authorizationUrl": "https://example.com/authorize",
                "tokenUrl": "https://example.com/token",
                "scopes": {}
            }}},
            "app": {"type": "oauth2", "flows": {"clientCredentials": {
                "tokenUrl": "https://example.com/token",
                "scopes": {}
            }}}
        })
    );
}

#[test]
fn collection_formats_become_style_and_explode() {
    let array = |name: &str, location: &str, format: Option<&str>| {
        let mut parameter =
            json!({"in": location, "name": name, "type": "array", "items": {"type": "string"}});
        if let Some(format) = format {
            parameter["collectionFormat"] = json!(format);
        }
        parameter
    };
    let (output, problems) = run(swagger(
        json!({"/items/{ids}": {"get": {
            "parameters": [
                array("csv", "query", Some("csv")),
                array("default", "query", None),
                array("multi", "query", Some("multi")),
                array("ssv", "query", Some("ssv")),
                array("pipes", "query", Some("pipes")),
                array("tsv", "query", Some("tsv")),
                array("ids", "path", Some("csv"))
            ],
            "responses": {"200": {"description": "ok"}}
        }}}),
        json!({}),
    ));
    let styled = |name: &str, location: &str, style: &str, explode: bool| {
        json!({
            "in": location,
            "name": name,
            "style": style,
            "explode": explode,
            "schema": {"type": "array", "items": {"type": "string"}}
        })
    };
    assert_eq!(
        output["paths"]["/items/{ids}"]["get"]["parameters"],
        json!([
            styled("csv", "query", "form", false),
            styled("default", "query", "form", false),
            styled("multi", "query", "form", true),
            styled("ssv", "query", "spaceDelimited", false),
            styled("pipes", "query", "pipeDelimited", false),
            styled("tsv", "query", "form", false),
            styled("ids", "path", "simple", false)
        ])
    );
    assert_eq!(
        problems,
        [warning(
            "/paths/~1items~1{ids}/get/parameters/5/collectionFormat",
            "collectionFormat \"tsv\" (tab-separated) has no OpenAPI 3.0 style; read as \
             comma-separated (csv)"
        )]
    );
}

#[test]
fn x_nullable_becomes_nullable() {
    let output = run_clean(swagger(
        json!({}),
        json!({"definitions": {"Pet": {"type": "object", "properties": {
            "name": {"type": "string", "x-nullable": true},
            "tag": {"type": "string", "x-nullable": false},
            "owner": {"$ref": "#/definitions/Owner", "x-nullable": true}
        }}}}),
    ));
    assert_eq!(
        output["components"]["schemas"]["Pet"],
        json!({"type": "object", "properties": {
            "name": {"type": "string", "nullable": true},
            "tag": {"type": "string"},
            "owner": {"$ref": "#/components/schemas/Owner", "nullable": true}
        }})
    );
}

#[test]
fn response_schema_examples_and_headers_move_to_3_0_places() {
    let output = run_clean(swagger(
        json!({"/items": {"get": {
            "produces": ["application/json", "text/csv"],
            "responses": {
                "200": {
                    "description": "ok",
                    "schema": {"type": "file"},
                    "examples": {"text/csv": "a,b"},
                    "headers": {"X-Rate": {"type": "integer", "description": "Left."}}
                },
                "default": {"description": "error"}
            }
        }}}),
        json!({}),
    ));
    assert_eq!(
        output["paths"]["/items"]["get"]["responses"],
        json!({
            "200": {
                "description": "ok",
                "headers": {"X-Rate": {"description": "Left.", "schema": {"type": "integer"}}},
                "content": {
                    "application/json": {"schema": {"type": "string", "format": "binary"}},
                    "text/csv": {"schema": {"type": "string", "format": "binary"}, "example": "a,b"}
                }
            },
            "default": {"description": "error"}
        })
    );
}

#[test]
fn unusable_parameters_are_skipped_with_warnings() {
    let (output, problems) = run(swagger(
        json!({"/items": {"get": {
            "parameters": [7, {"name": "q", "in": "cookie", "type": "string"}],
            "responses": {"200": {"description": "ok"}}
        }}}),
        json!({}),
    ));
    assert_eq!(
        output["paths"]["/items"]["get"],
        json!({"responses": {"200": {"description": "ok"}}})
    );
    assert_eq!(
        problems,
        [
            warning(
                "/paths/~1items/get/parameters/0",
                "a parameter must be an object, found a number; ignored"
            ),
            warning(
                "/paths/~1items/get/parameters/1/in",
                "parameter location \"cookie\" is not one of query, path, header, body or \
                 formData; the parameter is ignored"
            )
        ]
    );
}
