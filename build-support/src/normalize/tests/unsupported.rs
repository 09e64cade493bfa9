//! Features the clients do not carry: one warning per feature, at its first place, with the count
//! and the next places.

use serde_json::json;

use super::{run, warning, with_schema};

#[test]
fn unsupported_schema_keywords_warn_once_per_feature_at_the_first_place() {
    let (_, problems) = run(json!({
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "components": {"schemas": {
            "A": {"type": "object", "not": {"required": ["x"]}, "if": {}, "then": {}, "else": {}},
            "B": {"type": "object", "patternProperties": {"^x-": {"type": "string"}},
                  "properties": {"not": {"type": "string"}}},
            "C": {"dependentRequired": {"a": ["b"]}, "unevaluatedProperties": false,
                  "items": {"$dynamicRef": "#node"}, "xml": {"name": "c"}}
        }}
    }));

    assert_eq!(
        problems,
        [
            warning(
                "/components/schemas/A/not",
                "`not` is not supported: it is ignored, so the values it excludes are accepted"
            ),
            warning(
                "/components/schemas/A/if",
                "`if`/`then`/`else` is not supported: the schema is read without the condition (3 places; also at #/components/schemas/A/then, #/components/schemas/A/else)"
            ),
            warning(
                "/components/schemas/B/patternProperties",
                "`patternProperties` is not supported: properties matching the patterns are not typed (an object without other properties is read as a map of any value)"
            ),
            warning(
                "/components/schemas/C/dependentRequired",
                "`dependentSchemas`/`dependentRequired` is not supported: the properties are read as declared, without the dependency"
            ),
            warning(
                "/components/schemas/C/unevaluatedProperties",
                "`unevaluatedProperties`/`unevaluatedItems` is not supported: it is ignored, so other properties or items are not restricted"
            ),
            warning(
                "/components/schemas/C/items/$dynamicRef",
                "`$dynamicRef`/`$recursiveRef` is not supported: the reference is not followed; without other keywords the schema is any value"
            ),
            warning(
                "/components/schemas/C/xml",
                "`xml` is not supported: XML names, attributes and wrapping are ignored; XML bodies are sent and read as text"
            ),
        ]
    );
}

#[test]
fn a_feature_used_many_times_names_the_count_and_the_first_places() {
    let schemas: serde_json::Map<String, serde_json::Value> = (0..10)
        .map(|i| {
            (
                format!("S{i}"),
                json!({"type": "string", "xml": {"attribute": true}}),
            )
        })
        .collect();
    let (_, problems) = run(with_schema(
        "3.0.3",
        json!({"type": "object", "properties": schemas}),
    ));

    assert_eq!(
        problems,
        [warning(
            "/components/schemas/S/properties/S0/xml",
            "`xml` is not supported: XML names, attributes and wrapping are ignored; XML bodies are sent and read as \
             text (10 places; also at #/components/schemas/S/properties/S1/xml, \
             #/components/schemas/S/properties/S2/xml, #/components/schemas/S/properties/S3/xml, …)"
        )]
    );
}

#[test]
fn callbacks_webhooks_links_allow_reserved_and_encoding_warn() {
    let (_, problems) = run(json!({
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/files/{path}": {"post": {
            "parameters": [
                {"name": "path", "in": "path", "required": true, "allowReserved": true, "schema": {"type": "string"}},
                {"name": "q", "in": "query", "allowEmptyValue": true, "schema": {"type": "string"}}
            ],
            "requestBody": {"content": {"multipart/form-data": {
                "schema": {"type": "object", "properties": {"meta": {"type": "object"}}},
                "encoding": {"meta": {"contentType": "application/json"}}
            }}},
            "responses": {"201": {"description": "made", "links": {"get": {"operationId": "getFile"}}}},
            "callbacks": {"done": {"{$request.body#/url}": {"post": {"responses": {"200": {"description": "ok"}}}}}}
        }}},
        "webhooks": {"fileAdded": {"post": {"responses": {"200": {"description": "ok"}}}}}
    }));

    let post = "/paths/~1files~1{path}/post";
    assert_eq!(
        problems,
        [
            warning(
                &format!("{post}/callbacks"),
                "`callbacks` are not generated: clients make requests; code for the requests a server sends back is left out"
            ),
            warning(
                "/webhooks",
                "`webhooks` are not generated: clients make requests; code for receiving webhooks is left out"
            ),
            warning(
                &format!("{post}/responses/201/links"),
                "response `links` are not supported: no helper follows them; the linked operations are generated as usual"
            ),
            warning(
                &format!("{post}/parameters/0/allowReserved"),
                "`allowReserved` is not supported: reserved characters in the value are percent-encoded"
            ),
            warning(
                &format!("{post}/parameters/1/allowEmptyValue"),
                "`allowEmptyValue` is not supported: an empty value is sent like any other"
            ),
            warning(
                &format!("{post}/requestBody/content/multipart~1form-data/encoding"),
                "`encoding` of a request body is not supported: parts and fields are sent with their default content type and no extra headers"
            ),
        ]
    );
}

#[test]
fn features_switched_off_or_empty_do_not_warn() {
    let (_, problems) = run(json!({
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {"/a": {"get": {
            "parameters": [{"name": "q", "in": "query", "allowReserved": false, "schema": {"type": "string"}}],
            "responses": {"200": {"description": "ok", "links": {}}},
            "callbacks": {}
        }}}
    }));

    assert_eq!(problems, []);
}
