//! `$ref` resolution: components, cycles, nullable refs, inline targets and broken references.

use serde_json::json;

use crate::diagnostics::Severity;
use crate::ir::{Field, Struct, Type, TypeKind};

use super::{
    clean, field, fields, id, list, lowered, named, names, nullable, required, summary,
    with_schemas,
};

#[test]
fn component_ref_resolves_to_named_type() {
    let api = clean(&with_schemas(json!({
        "Pet": {
            "type": "object",
            "required": ["owner"],
            "properties": {"owner": {"$ref": "#/components/schemas/User"}}
        },
        "User": {"type": "object", "description": "A person", "properties": {"name": {"type": "string"}}},
        "UserAlias": {"$ref": "#/components/schemas/User"}
    })));
    let user = id(&api, "User");
    assert_eq!(
        fields(&api, "Pet"),
        [Field {
            description: Some("A person".into()),
            ..required("owner", Type::Named(user))
        }]
    );
    assert_eq!(
        named(&api, "UserAlias").1.kind,
        TypeKind::Alias(Type::Named(user))
    );
}

#[test]
fn self_referencing_schema_is_allowed() {
    let api = clean(&with_schemas(json!({
        "Node": {
            "type": "object",
            "properties": {
                "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}},
                "parent": {"$ref": "#/components/schemas/Node"}
            }
        }
    })));
    let node = id(&api, "Node");
    assert_eq!(
        fields(&api, "Node"),
        [
            field("children", list(Type::Named(node))),
            field("parent", Type::Named(node))
        ]
    );
}

#[test]
fn mutually_recursive_schemas() {
    let api = clean(&with_schemas(json!({
        "A": {"type": "object", "properties": {"b": {"$ref": "#/components/schemas/B"}}},
        "B": {"type": "object", "properties": {"a": {"$ref": "#/components/schemas/A"}}}
    })));
    assert_eq!(fields(&api, "A"), [field("b", Type::Named(id(&api, "B")))]);
    assert_eq!(fields(&api, "B"), [field("a", Type::Named(id(&api, "A")))]);
}

#[test]
fn nullable_ref_via_allof_is_nullable_named() {
    let api = clean(&with_schemas(json!({
        "User": {"type": "object", "description": "A person", "properties": {"name": {"type": "string"}}},
        "MaybeUser": {"type": "object", "nullable": true, "properties": {"name": {"type": "string"}}},
        "Pet": {
            "type": "object",
            "properties": {
                "owner": {"allOf": [{"$ref": "#/components/schemas/User"}], "nullable": true, "description": "The owner"},
                "vet": {"$ref": "#/components/schemas/User", "description": "The vet", "nullable": true},
                "sitter": {"$ref": "#/components/schemas/MaybeUser"},
                "friend": {"allOf": [{"$ref": "#/components/schemas/User"}]}
            }
        }
    })));
    let user = Type::Named(id(&api, "User"));
    let maybe = Type::Named(id(&api, "MaybeUser"));
    let described = |name: &str, ty: Type, text: &str| Field {
        description: Some(text.into()),
        ..field(name, ty)
    };
    assert_eq!(
        fields(&api, "Pet"),
        [
            described("owner", nullable(user.clone()), "The owner"),
            described("vet", nullable(user.clone()), "The vet"),
            field("sitter", nullable(maybe)),
            described("friend", user, "A person"),
        ]
    );
    // A nullable component is still a struct; its uses carry the nullability.
    assert!(matches!(
        named(&api, "MaybeUser").1.kind,
        TypeKind::Struct(_)
    ));
}

#[test]
fn ref_to_inline_node_is_lowered_once_per_pointer() {
    let api = clean(&with_schemas(json!({
        "A": {"type": "object", "properties": {"inner": {"type": "object", "properties": {"x": {"type": "string"}}}}},
        "B": {"type": "object", "properties": {
            "same": {"$ref": "#/components/schemas/A/properties/inner"},
            "again": {"$ref": "#/components/schemas/A/properties/inner"}
        }}
    })));
    assert_eq!(names(&api), ["A", "B", "A_inner"]);
    let inner = Type::Named(id(&api, "A_inner"));
    assert_eq!(fields(&api, "A"), [field("inner", inner.clone())]);
    assert_eq!(
        fields(&api, "B"),
        [field("same", inner.clone()), field("again", inner)]
    );
}

#[test]
fn dangling_ref_is_an_error_with_pointer() {
    let (api, diagnostics) = lowered(&with_schemas(json!({
        "Pet": {"type": "object", "properties": {"owner": {"$ref": "#/components/schemas/Missing"}}}
    })));
    assert_eq!(fields(&api, "Pet"), [field("owner", Type::Any)]);
    assert_eq!(diagnostics.len(), 1);
    let diagnostic = &diagnostics[0];
    assert_eq!(diagnostic.severity, Severity::Error);
    assert_eq!(
        diagnostic.pointer,
        "/components/schemas/Pet/properties/owner/$ref"
    );
    assert_eq!(
        diagnostic.message,
        "`$ref` `#/components/schemas/Missing` points at nothing"
    );
    assert_eq!(
        diagnostic.help.as_deref(),
        Some("define it, or correct the reference")
    );
}

#[test]
fn external_reference_is_an_error() {
    let (api, diagnostics) = lowered(&with_schemas(json!({
        "Pet": {"$ref": "other.yaml#/components/schemas/Pet"}
    })));
    assert_eq!(named(&api, "Pet").1.kind, TypeKind::Alias(Type::Any));
    assert_eq!(
        summary(&diagnostics),
        [(
            Severity::Error,
            "/components/schemas/Pet/$ref",
            "external reference `other.yaml#/components/schemas/Pet` is not bundled"
        )]
    );
}

#[test]
fn ref_loop_without_schema_is_an_error_not_a_hang() {
    let (api, diagnostics) = lowered(&with_schemas(json!({
        "A": {"$ref": "#/components/schemas/B"},
        "B": {"allOf": [{"$ref": "#/components/schemas/A"}], "nullable": true},
        "Self": {"$ref": "#/components/schemas/Self"},
        "Inline": {"type": "object", "properties": {
            "p": {"$ref": "#/components/schemas/Inline/properties/q"},
            "q": {"$ref": "#/components/schemas/Inline/properties/p"}
        }},
        "Circle": {"allOf": [{"$ref": "#/components/schemas/Square"}, {"properties": {"r": {}}}]},
        "Square": {"allOf": [{"$ref": "#/components/schemas/Circle"}, {"properties": {"s": {}}}]}
    })));
    for name in ["A", "B", "Self"] {
        assert_eq!(
            named(&api, name).1.kind,
            TypeKind::Alias(Type::Any),
            "{name}"
        );
    }
    assert_eq!(
        fields(&api, "Inline"),
        [field("p", Type::Any), field("q", Type::Any)]
    );
    assert_eq!(
        named(&api, "Circle").1.kind,
        TypeKind::Struct(Struct {
            fields: vec![field("s", Type::Any), field("r", Type::Any)],
            additional_properties: None,
        })
    );
    let errors: Vec<(&str, &str)> = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| (d.pointer.as_str(), d.message.as_str()))
        .collect();
    assert_eq!(
        errors,
        [
            (
                "/components/schemas/A",
                "`$ref` chain `#/components/schemas/B` → `#/components/schemas/A` → `#/components/schemas/B` loops without reaching a schema"
            ),
            (
                "/components/schemas/B",
                "`$ref` chain `#/components/schemas/A` → `#/components/schemas/B` → `#/components/schemas/A` loops without reaching a schema"
            ),
            (
                "/components/schemas/Self",
                "`$ref` chain `#/components/schemas/Self` → `#/components/schemas/Self` loops without reaching a schema"
            ),
            (
                "/components/schemas/Inline/properties/p/$ref",
                "`$ref` `#/components/schemas/Inline/properties/q` leads back to itself without reaching a schema"
            ),
            (
                "/components/schemas/Square/allOf/0",
                "`allOf` leads back to `Circle`, which includes itself"
            ),
            (
                "/components/schemas/Circle/allOf/0",
                "`allOf` leads back to `Square`, which includes itself"
            ),
        ]
    );
}
