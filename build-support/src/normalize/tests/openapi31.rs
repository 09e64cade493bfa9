//! OpenAPI 3.1 → 3.0.3.

use serde_json::json;

use super::{clean_schema_31, run, run_clean, schema_31, warning};

#[test]
fn type_list_with_null_becomes_a_nullable_type() {
    let schema = clean_schema_31(json!({"type": ["string", "null"], "maxLength": 3}));
    assert_eq!(
        schema,
        json!({"type": "string", "nullable": true, "maxLength": 3})
    );
}

#[test]
fn null_alone_in_a_type_list_becomes_a_nullable_any() {
    let schema = clean_schema_31(json!({"type": ["null"], "description": "d"}));
    assert_eq!(schema, json!({"description": "d", "nullable": true}));
}

#[test]
fn several_types_become_any_of_with_the_keywords_of_each_type() {
    let schema = clean_schema_31(json!({
        "type": ["string", "integer", "null"],
        "description": "d",
        "maxLength": 5,
        "minimum": 0,
        "format": "x"
    }));
    assert_eq!(
        schema,
        json!({
            "description": "d",
            "nullable": true,
            "anyOf": [
                {"type": "string", "format": "x", "maxLength": 5},
                {"type": "integer", "format": "x", "minimum": 0}
            ]
        })
    );
}

#[test]
fn null_branch_beside_a_ref_becomes_a_nullable_all_of() {
    let schema = clean_schema_31(json!({
        "anyOf": [{"$ref": "#/components/schemas/X"}, {"type": "null"}],
        "title": "X"
    }));
    assert_eq!(
        schema,
        json!({
            "title": "X",
            "allOf": [{"$ref": "#/components/schemas/X"}],
            "nullable": true
        })
    );
}

#[test]
fn null_branch_beside_an_inline_schema_is_merged_into_it() {
    let schema = clean_schema_31(json!({
        "anyOf": [{"type": "string", "format": "date-time"}, {"type": "null"}],
        "title": "Due At"
    }));
    assert_eq!(
        schema,
        json!({
            "title": "Due At",
            "type": "string",
            "format": "date-time",
            "nullable": true
        })
    );
}

#[test]
fn null_branch_among_several_leaves_the_others_nullable() {
    let schema = clean_schema_31(json!({
        "oneOf": [
            {"$ref": "#/components/schemas/A"},
            {"$ref": "#/components/schemas/B"},
            {"type": "null"}
        ]
    }));
    assert_eq!(
        schema,
        json!({
            "oneOf": [
                {"$ref": "#/components/schemas/A"},
                {"$ref": "#/components/schemas/B"}
            ],
            "nullable": true
        })
    );
}

#[test]
fn inline_branch_whose_keywords_clash_goes_under_all_of() {
    let schema = clean_schema_31(json!({
        "type": "object",
        "anyOf": [{"type": "string"}, {"type": "null"}]
    }));
    assert_eq!(
        schema,
        json!({"type": "object", "allOf": [{"type": "string"}], "nullable": true})
    );
}

#[test]
fn const_becomes_a_one_value_enum_with_its_type() {
    let schema = clean_schema_31(json!({
        "properties": {
            "kind": {"const": "dog"},
            "count": {"const": 3},
            "typed": {"type": "number", "const": 1.5},
            "none": {"const": null}
        }
    }));
    assert_eq!(
        schema,
        json!({
            "properties": {
                "kind": {"type": "string", "enum": ["dog"]},
                "count": {"type": "integer", "enum": [3]},
                "typed": {"type": "number", "enum": [1.5]},
                "none": {"nullable": true, "enum": [null]}
            }
        })
    );
}

#[test]
fn numeric_exclusive_bounds_become_inclusive_bounds_with_flags() {
    let schema = clean_schema_31(json!({
        "properties": {
            "a": {"type": "integer", "exclusiveMinimum": 0, "exclusiveMaximum": 10},
            "b": {"type": "number", "minimum": 5, "exclusiveMinimum": 1},
            "c": {"type": "number", "maximum": 5, "exclusiveMaximum": 5}
        }
    }));
    assert_eq!(
        schema,
        json!({
            "properties": {
                "a": {
                    "type": "integer",
                    "exclusiveMinimum": true,
                    "minimum": 0,
                    "exclusiveMaximum": true,
                    "maximum": 10
                },
                "b": {"type": "number", "minimum": 5},
                "c": {"type": "number", "maximum": 5, "exclusiveMaximum": true}
            }
        })
    );
}

#[test]
fn examples_list_becomes_its_first_example() {
    let schema = clean_schema_31(json!({
        "properties": {
            "name": {"type": "string", "examples": ["Rex", "Fido"]},
            "kept": {"type": "string", "example": "own", "examples": ["other"]},
            "empty": {"type": "string", "examples": []}
        }
    }));
    assert_eq!(
        schema,
        json!({
            "properties": {
                "name": {"type": "string", "example": "Rex"},
                "kept": {"type": "string", "example": "own"},
                "empty": {"type": "string"}
            }
        })
    );
}

#[test]
fn content_media_type_upload_becomes_a_binary_string() {
    let schema = clean_schema_31(json!({
        "type": "object",
        "properties": {
            "file": {"type": "string", "contentMediaType": "application/octet-stream", "title": "File"},
            "image": {"type": "string", "contentEncoding": "base64", "contentMediaType": "image/png"},
            "note": {"type": "string", "contentMediaType": "text/plain"}
        },
        "required": ["file"]
    }));
    assert_eq!(
        schema,
        json!({
            "type": "object",
            "properties": {
                "file": {"type": "string", "title": "File", "format": "binary"},
                "image": {"type": "string", "format": "byte"},
                "note": {"type": "string"}
            },
            "required": ["file"]
        })
    );
}

#[test]
fn ref_with_annotation_siblings_keeps_them_beside_the_ref() {
    let schema = clean_schema_31(json!({
        "$ref": "#/components/schemas/X",
        "description": "d",
        "readOnly": true,
        "examples": ["e"]
    }));
    assert_eq!(
        schema,
        json!({
            "$ref": "#/components/schemas/X",
            "description": "d",
            "readOnly": true,
            "example": "e"
        })
    );
}

#[test]
fn ref_with_constraint_siblings_is_wrapped_in_all_of() {
    let schema = clean_schema_31(json!({
        "$ref": "#/components/schemas/Name",
        "description": "d",
        "maxLength": 80
    }));
    assert_eq!(
        schema,
        json!({
            "description": "d",
            "maxLength": 80,
            "allOf": [{"$ref": "#/components/schemas/Name"}]
        })
    );
}

#[test]
fn prefix_items_become_items_with_a_warning() {
    let (schema, problems) = schema_31(json!({
        "type": "array",
        "prefixItems": [{"type": "string"}, {"type": ["integer", "null"]}]
    }));
    assert_eq!(
        schema,
        json!({
            "type": "array",
            "items": {"anyOf": [{"type": "string"}, {"type": "integer", "nullable": true}]}
        })
    );
    assert_eq!(
        problems,
        [warning(
            "/components/schemas/S/prefixItems",
            "`prefixItems` (a tuple) is not possible in OpenAPI 3.0; read as a list whose items \
             may be any of the tuple's schemas"
        )]
    );
}

#[test]
fn null_type_property_becomes_a_nullable_any() {
    let schema = clean_schema_31(json!({
        "type": "object",
        "properties": {"nothing": {"type": "null", "title": "Nothing"}}
    }));
    assert_eq!(
        schema,
        json!({
            "type": "object",
            "properties": {"nothing": {"title": "Nothing", "nullable": true}}
        })
    );
}

#[test]
fn boolean_schemas_become_object_schemas() {
    let schema = clean_schema_31(json!({
        "type": "object",
        "properties": {"anything": true, "nothing": false},
        "additionalProperties": false
    }));
    assert_eq!(
        schema,
        json!({
            "type": "object",
            "properties": {"anything": {}, "nothing": {"not": {}}},
            "additionalProperties": false
        })
    );
}

#[test]
fn defs_stay_in_place_and_are_fixed() {
    let schema = clean_schema_31(json!({
        "$defs": {"Id": {"type": ["string", "null"]}},
        "properties": {"id": {"$ref": "#/components/schemas/S/$defs/Id"}}
    }));
    assert_eq!(
        schema,
        json!({
            "$defs": {"Id": {"type": "string", "nullable": true}},
            "properties": {"id": {"$ref": "#/components/schemas/S/$defs/Id"}}
        })
    );
}

#[test]
fn schemas_in_parameters_bodies_responses_and_headers_are_fixed() {
    let nullable = json!({"type": ["string", "null"]});
    let fixed = json!({"type": "string", "nullable": true});
    let output = run_clean(json!({
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/items": {
            "parameters": [{"name": "p", "in": "query", "schema": nullable}],
            "post": {
                "requestBody": {"content": {"application/json": {"schema": nullable}}},
                "responses": {"200": {
                    "description": "ok",
                    "headers": {"X-Next": {"schema": nullable}},
                    "content": {"application/json": {"schema": nullable}}
                }}
            }
        }}
    }));
    assert_eq!(
        output,
        json!({
            "openapi": "3.0.3",
            "info": {"title": "t", "version": "1"},
            "paths": {"/items": {
                "parameters": [{"name": "p", "in": "query", "schema": fixed}],
                "post": {
                    "requestBody": {"content": {"application/json": {"schema": fixed}}},
                    "responses": {"200": {
                        "description": "ok",
                        "headers": {"X-Next": {"schema": fixed}},
                        "content": {"application/json": {"schema": fixed}}
                    }}
                }
            }}
        })
    );
}

#[test]
fn examples_in_media_types_are_not_read_as_schemas() {
    let media = json!({
        "schema": {"type": "object"},
        "example": {"type": ["not", "a", "schema"], "const": 1}
    });
    let output = run_clean(json!({
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/a": {"get": {"responses": {"200": {
            "description": "ok",
            "content": {"application/json": media.clone()}
        }}}}}
    }));
    assert_eq!(
        output["paths"]["/a"]["get"]["responses"]["200"]["content"]["application/json"],
        media
    );
}

#[test]
fn document_without_paths_gets_empty_paths() {
    let (output, problems) = run(json!({
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "webhooks": {"ping": {"post": {"responses": {"200": {"description": "ok"}}}}}
    }));
    assert_eq!(
        output,
        json!({
            "openapi": "3.0.3",
            "info": {"title": "t", "version": "1"},
            "webhooks": {"ping": {"post": {"responses": {"200": {"description": "ok"}}}}},
            "paths": {}
        })
    );
    let pointers: Vec<&str> = problems.iter().map(|p| p.pointer.as_str()).collect();
    assert_eq!(pointers, ["/webhooks"]);
}

#[test]
fn operation_without_responses_gets_empty_responses() {
    let output = run_clean(json!({
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/a": {"get": {"operationId": "a"}}}
    }));
    assert_eq!(
        output["paths"]["/a"]["get"],
        json!({"operationId": "a", "responses": {}})
    );
}

#[test]
fn mutual_tls_scheme_is_dropped_from_components_and_requirements() {
    let (output, problems) = run(json!({
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "security": [{"mtls": [], "key": []}],
        "paths": {"/a": {"get": {"security": [{"mtls": []}], "responses": {}}}},
        "components": {"securitySchemes": {
            "mtls": {"type": "mutualTLS"},
            "key": {"type": "apiKey", "name": "k", "in": "header"}
        }}
    }));
    assert_eq!(
        output,
        json!({
            "openapi": "3.0.3",
            "info": {"title": "t", "version": "1"},
            "security": [{"key": []}],
            "paths": {"/a": {"get": {"security": [{}], "responses": {}}}},
            "components": {"securitySchemes": {
                "key": {"type": "apiKey", "name": "k", "in": "header"}
            }}
        })
    );
    assert_eq!(
        problems,
        [warning(
            "/components/securitySchemes/mtls",
            "mutualTLS security has no OpenAPI 3.0 form; the scheme is dropped (set up the \
             client certificate in the HTTP client)"
        )]
    );
}

#[test]
fn misplaced_additional_properties_property_becomes_the_keyword() {
    let (schema, problems) = schema_31(json!({
        "type": "object",
        "properties": {"additionalProperties": false, "id": {"type": "string"}}
    }));
    assert_eq!(
        schema,
        json!({
            "type": "object",
            "properties": {"id": {"type": "string"}},
            "additionalProperties": false
        })
    );
    assert_eq!(
        problems,
        [warning(
            "/components/schemas/S/properties/additionalProperties",
            "a property named `additionalProperties` with a boolean schema is read as the \
             `additionalProperties` keyword of the enclosing schema"
        )]
    );
}

#[test]
fn schema_that_is_not_an_object_is_read_as_any_with_a_warning() {
    let (schema, problems) = schema_31(json!({"properties": {"bad": 42}}));
    assert_eq!(schema, json!({"properties": {"bad": {}}}));
    assert_eq!(
        problems,
        [warning(
            "/components/schemas/S/properties/bad",
            "a schema must be an object, found a number; read as a schema that accepts any value"
        )]
    );
}
