//! OpenAPI 3.0.x: already in shape; only what 3.0 cannot hold is fixed.

use serde_json::json;

use super::{run_clean, with_schema};

#[test]
fn version_becomes_3_0_3_and_valid_schemas_stay_as_they_are() {
    let schema = json!({
        "type": "object",
        "properties": {
            "n": {"type": "integer", "minimum": 0, "exclusiveMinimum": true},
            "pet": {"$ref": "#/components/schemas/Pet", "description": "d", "maxLength": 3},
            "maybe": {"allOf": [{"$ref": "#/components/schemas/Pet"}], "nullable": true}
        }
    });
    let output = run_clean(with_schema("3.0.1", schema.clone()));
    assert_eq!(output, with_schema("3.0.3", schema));
}

#[test]
fn shapes_3_0_cannot_hold_are_fixed_in_3_0_documents_too() {
    let output = run_clean(with_schema(
        "3.0.0",
        json!({"anyOf": [{"type": "string"}, {"type": "null"}], "examples": ["a"]}),
    ));
    assert_eq!(
        output,
        with_schema(
            "3.0.3",
            json!({"type": "string", "nullable": true, "example": "a"})
        )
    );
}
