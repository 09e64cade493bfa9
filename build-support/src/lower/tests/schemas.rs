//! Schemas to types: hoisting, enums, unions, allOf, maps and formats.

use serde_json::json;

use crate::diagnostics::Severity;
use crate::ir::{
    Constraints, Discriminator, Enum, EnumLiteral, EnumValue, Field, IntegerFormat, NumberFormat,
    StringFormat, Struct, Type, TypeDef, TypeKind, TypeOrigin, Union,
};

use super::{
    clean, field, fields, id, inline, list, lowered, map, named, names, nullable, required,
    summary, with_schemas,
};

fn string() -> Type {
    Type::String(StringFormat::Plain)
}

#[test]
fn inline_property_object_is_hoisted_with_stable_name() {
    let api = clean(&with_schemas(json!({
        "Pet": {
            "type": "object",
            "properties": {
                "owner": {
                    "type": "object",
                    "description": "Who owns it",
                    "properties": {"name": {"type": "string"}}
                },
                "tags": {"type": "array", "items": {"properties": {"label": {"type": "string"}}}},
                "home": {"title": "Address", "type": "object", "properties": {"city": {"type": "string"}}}
            }
        }
    })));
    assert_eq!(
        names(&api),
        ["Pet", "Pet_owner", "Pet_tags_item", "Address"]
    );
    let owner = id(&api, "Pet_owner");
    let address = id(&api, "Address");
    assert_eq!(
        fields(&api, "Pet"),
        [
            Field {
                description: Some("Who owns it".into()),
                ..field("owner", Type::Named(owner))
            },
            field("tags", list(Type::Named(id(&api, "Pet_tags_item")))),
            field("home", Type::Named(address)),
        ]
    );
    assert_eq!(
        named(&api, "Pet_owner").1,
        &TypeDef {
            name: "Pet_owner".into(),
            origin: inline("/components/schemas/Pet/properties/owner"),
            title: None,
            description: Some("Who owns it".into()),
            kind: TypeKind::Struct(Struct {
                fields: vec![field("name", string())],
                additional_properties: None,
            }),
            constraints: Constraints::default(),
            deprecated: false,
        }
    );
    assert_eq!(
        named(&api, "Pet_tags_item").1.origin,
        inline("/components/schemas/Pet/properties/tags/items")
    );
}

#[test]
fn hoisted_name_collision_gets_suffix() {
    let object = json!({"type": "object", "properties": {"x": {"type": "integer"}}});
    let api = clean(&with_schemas(json!({
        "Pet": {"type": "object", "properties": {"owner": object, "home": {"title": "Pet_owner", "properties": {"y": {}}}}},
        "Pet_owner": {"type": "string"},
        "Cat": {"type": "object", "properties": {"a": {"title": "Thing", "properties": {"z": {}}}, "b": {"title": "Thing", "properties": {"w": {}}}}}
    })));
    assert_eq!(
        names(&api),
        [
            "Pet",
            "Pet_owner",
            "Cat",
            "Pet_owner_2",
            "Pet_home",
            "Thing",
            "Cat_b"
        ]
    );
}

#[test]
fn string_and_integer_enums() {
    let api = clean(&with_schemas(json!({
        "Status": {
            "type": "string",
            "description": "Where it is",
            "enum": ["open", "closed", "open"],
            "x-enum-varnames": ["Open", "Closed", "Open"],
            "x-enum-descriptions": ["Still going", "Done", "Again"]
        },
        "Level": {"type": "integer", "enum": [1, 2], "x-enumNames": ["Low", "High"]},
        "Task": {"type": "object", "properties": {"state": {"type": "string", "enum": ["a", "b"]}}}
    })));
    let value = |value: EnumLiteral, name: Option<&str>, description: Option<&str>| EnumValue {
        value,
        name: name.map(Into::into),
        description: description.map(Into::into),
    };
    let text = |s: &str| EnumLiteral::String(s.into());
    assert_eq!(
        named(&api, "Status").1,
        &TypeDef {
            name: "Status".into(),
            origin: TypeOrigin::Component,
            title: None,
            description: Some("Where it is".into()),
            kind: TypeKind::Enum(Enum {
                values: vec![
                    value(text("open"), Some("Open"), Some("Still going")),
                    value(text("closed"), Some("Closed"), Some("Done")),
                ]
            }),
            constraints: Constraints::default(),
            deprecated: false,
        }
    );
    assert_eq!(
        named(&api, "Level").1.kind,
        TypeKind::Enum(Enum {
            values: vec![
                value(EnumLiteral::Integer(1), Some("Low"), None),
                value(EnumLiteral::Integer(2), Some("High"), None),
            ]
        })
    );
    assert_eq!(
        fields(&api, "Task"),
        [field("state", Type::Named(id(&api, "Task_state")))]
    );
    assert_eq!(
        named(&api, "Task_state").1.kind,
        TypeKind::Enum(Enum {
            values: vec![value(text("a"), None, None), value(text("b"), None, None)]
        })
    );
}

#[test]
fn enum_with_null_is_nullable() {
    let (api, diagnostics) = lowered(&with_schemas(json!({
        "Color": {"type": "string", "enum": ["red", null]},
        "Car": {
            "type": "object",
            "properties": {
                "color": {"$ref": "#/components/schemas/Color"},
                "kind": {"type": "string", "enum": ["a", null], "nullable": true},
                "flag": {"type": "boolean", "enum": [true]}
            }
        }
    })));
    let color = id(&api, "Color");
    let red = EnumValue {
        value: EnumLiteral::String("red".into()),
        name: None,
        description: None,
    };
    assert_eq!(
        named(&api, "Color").1.kind,
        TypeKind::Enum(Enum { values: vec![red] })
    );
    assert_eq!(
        fields(&api, "Car"),
        [
            field("color", nullable(Type::Named(color))),
            field("kind", nullable(Type::Named(id(&api, "Car_kind")))),
            field("flag", Type::Boolean),
        ]
    );
    assert_eq!(
        summary(&diagnostics),
        [(
            Severity::Warning,
            "/components/schemas/Car/properties/flag/enum",
            "enum of booleans typed as boolean"
        )]
    );
}

#[test]
fn oneof_with_discriminator_mapping() {
    let object = json!({"type": "object", "properties": {"petType": {"type": "string"}}});
    let api = clean(&with_schemas(json!({
        "Pet": {
            "oneOf": [
                {"$ref": "#/components/schemas/Cat"},
                {"$ref": "#/components/schemas/Dog"},
                {"$ref": "#/components/schemas/Lizard"}
            ],
            "discriminator": {
                "propertyName": "petType",
                "mapping": {"dog": "#/components/schemas/Dog", "kitty": "Cat"}
            }
        },
        "Cat": object, "Dog": object, "Lizard": object,
        "Owner": {
            "type": "object",
            "properties": {
                "pet": {"anyOf": [{"type": "string"}, {"title": "Tag", "type": "object", "properties": {"t": {}}}, {"type": "null"}]}
            }
        }
    })));
    let [cat, dog, lizard] = ["Cat", "Dog", "Lizard"].map(|name| id(&api, name));
    assert_eq!(
        named(&api, "Pet").1.kind,
        TypeKind::Union(Union {
            variants: vec![Type::Named(cat), Type::Named(dog), Type::Named(lizard)],
            discriminator: Some(Discriminator {
                property: "petType".into(),
                mapping: vec![
                    ("dog".into(), dog),
                    ("kitty".into(), cat),
                    ("Lizard".into(), lizard)
                ],
            }),
            exclusive: true,
        })
    );
    let pet = id(&api, "Owner_pet");
    assert_eq!(
        fields(&api, "Owner"),
        [field("pet", nullable(Type::Named(pet)))]
    );
    assert_eq!(
        named(&api, "Owner_pet").1.kind,
        TypeKind::Union(Union {
            variants: vec![string(), Type::Named(id(&api, "Tag"))],
            discriminator: None,
            exclusive: false,
        })
    );
}

#[test]
fn allof_merges_fields_and_required() {
    let (api, diagnostics) = lowered(&with_schemas(json!({
        "Base": {
            "type": "object",
            "required": ["id"],
            "properties": {"id": {"type": "integer"}, "name": {"type": "string"}}
        },
        "Named": {"allOf": [{"$ref": "#/components/schemas/Base"}], "properties": {"nick": {"type": "string"}}},
        "Extended": {
            "description": "More",
            "allOf": [
                {"$ref": "#/components/schemas/Named"},
                {"type": "object", "required": ["extra"], "properties": {"name": {"type": "integer"}, "extra": {"type": "boolean"}}},
                {"description": "annotations only", "required": ["nick"]}
            ]
        },
        "Odd": {"allOf": [{"type": "string"}, {"type": "object", "properties": {"a": {}}}]}
    })));
    let integer = Type::Integer(IntegerFormat::Unspecified);
    assert_eq!(
        fields(&api, "Extended"),
        [
            required("id", integer.clone()),
            field("name", integer),
            required("nick", string()),
            required("extra", Type::Boolean),
        ]
    );
    assert_eq!(
        named(&api, "Extended").1.description.as_deref(),
        Some("More")
    );
    assert_eq!(named(&api, "Odd").1.kind, TypeKind::Alias(string()));
    assert_eq!(
        summary(&diagnostics),
        [(
            Severity::Warning,
            "/components/schemas/Odd/allOf/0",
            "`allOf` member is not an object; the schema is typed as this member"
        )]
    );
}

#[test]
fn additional_properties_map_and_free_form_object() {
    let api = clean(&with_schemas(json!({
        "Labels": {"type": "object", "additionalProperties": {"type": "string"}},
        "Free": {"type": "object"},
        "Open": {"type": "object", "additionalProperties": true},
        "Mixed": {"type": "object", "properties": {"a": {"type": "string"}}, "additionalProperties": {}},
        "Holder": {
            "type": "object",
            "properties": {"byName": {"type": "object", "additionalProperties": {"properties": {"v": {"type": "string"}}}}}
        }
    })));
    assert_eq!(named(&api, "Labels").1.kind, TypeKind::Alias(map(string())));
    assert_eq!(named(&api, "Free").1.kind, TypeKind::Alias(map(Type::Any)));
    assert_eq!(named(&api, "Open").1.kind, TypeKind::Alias(map(Type::Any)));
    assert_eq!(
        named(&api, "Mixed").1.kind,
        TypeKind::Struct(Struct {
            fields: vec![field("a", string())],
            additional_properties: Some(Type::Any),
        })
    );
    let value = id(&api, "Holder_byName_value");
    assert_eq!(
        fields(&api, "Holder"),
        [field("byName", map(Type::Named(value)))]
    );
}

#[test]
fn formats_map_to_types() {
    let api = clean(&with_schemas(json!({
        "All": {
            "type": "object",
            "properties": {
                "when": {"type": "string", "format": "date-time"},
                "day": {"type": "string", "format": "date"},
                "id": {"type": "string", "format": "uuid"},
                "blob": {"type": "string", "format": "byte"},
                "file": {"type": "string", "format": "binary"},
                "email": {"type": "string", "format": "email"},
                "small": {"type": "integer", "format": "int32"},
                "big": {"type": "integer", "format": "int64"},
                "count": {"type": "integer"},
                "ratio": {"type": "number", "format": "float"},
                "precise": {"type": "number", "format": "double"},
                "amount": {"type": "number"},
                "ok": {"type": "boolean"},
                "anything": {},
                "ids": {"type": "array", "items": {"type": "integer", "format": "int64"}},
                "untyped": {"type": "array"}
            }
        }
    })));
    let types: Vec<Type> = fields(&api, "All").iter().map(|f| f.ty.clone()).collect();
    assert_eq!(
        types,
        [
            Type::String(StringFormat::DateTime),
            Type::String(StringFormat::Date),
            Type::String(StringFormat::Uuid),
            Type::String(StringFormat::Byte),
            Type::Binary,
            string(),
            Type::Integer(IntegerFormat::Int32),
            Type::Integer(IntegerFormat::Int64),
            Type::Integer(IntegerFormat::Unspecified),
            Type::Number(NumberFormat::Float),
            Type::Number(NumberFormat::Double),
            Type::Number(NumberFormat::Unspecified),
            Type::Boolean,
            Type::Any,
            list(Type::Integer(IntegerFormat::Int64)),
            list(Type::Any),
        ]
    );
}

#[test]
fn field_annotations_are_kept_without_warnings() {
    let api = clean(&with_schemas(json!({
        "Thing": {
            "type": "object",
            "properties": {
                "id": {"type": "integer", "readOnly": true, "description": "Id"},
                "secret": {"type": "string", "writeOnly": true, "default": "x"},
                "old": {"type": "string", "deprecated": true}
            }
        }
    })));
    assert_eq!(
        fields(&api, "Thing"),
        [
            Field {
                read_only: true,
                description: Some("Id".into()),
                ..field("id", Type::Integer(IntegerFormat::Unspecified))
            },
            Field {
                write_only: true,
                default: Some(json!("x")),
                ..field("secret", string())
            },
            Field {
                deprecated: true,
                ..field("old", string())
            },
        ]
    );
}

#[test]
fn constraint_only_oneof_is_not_a_union() {
    let api = clean(&with_schemas(json!({
        "Patch": {
            "type": "object",
            "properties": {"title": {"type": "string"}, "body": {"type": "string"}},
            "oneOf": [{"required": ["title"]}, {"required": ["body"]}]
        }
    })));
    assert_eq!(
        fields(&api, "Patch"),
        [field("title", string()), field("body", string())]
    );
}

#[test]
fn deep_nesting_lowers_and_excess_depth_is_an_error() {
    fn nest(levels: usize) -> serde_json::Value {
        let mut schema = json!({"type": "string"});
        for _ in 0..levels {
            schema = json!({"type": "array", "items": schema});
        }
        schema
    }
    let (api, diagnostics) = lowered(&with_schemas(json!({"Deep": nest(200)})));
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let mut expected = string();
    for _ in 0..200 {
        expected = list(expected);
    }
    assert_eq!(named(&api, "Deep").1.kind, TypeKind::Alias(expected));

    let mut objects = json!({"type": "string"});
    for _ in 0..300 {
        objects = json!({"type": "object", "properties": {"next": {"allOf": [objects, {"properties": {"x": {}}}]}}});
    }
    let (_, diagnostics) = lowered(&with_schemas(json!({"Objects": objects})));
    assert!(
        diagnostics.iter().any(|d| d.severity == Severity::Error),
        "the limit is reached"
    );

    let (_, diagnostics) = lowered(&with_schemas(json!({"Deeper": nest(300)})));
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0].severity, Severity::Error);
    assert!(diagnostics[0].message.contains("nest more than 256 levels"));
}

#[test]
fn wrong_json_types_warn_instead_of_panicking() {
    let garbage = [
        json!(null),
        json!([1, 2]),
        json!({"openapi": "3.0.3", "info": 5, "paths": []}),
        json!({"info": {"title": 1}, "servers": {"url": 2}, "components": {"schemas": [], "securitySchemes": 4}}),
        json!({
            "paths": {"/a": {"get": {"parameters": [5, {"name": 1}], "responses": {"200": {"content": {"x": 1}}, "nope": {}}, "security": {}}, "post": 7}},
            "components": {"schemas": {
                "A": {"type": 5, "properties": [], "required": "x", "allOf": {}, "enum": 1},
                "B": {"$ref": 5}, "C": 7, "D": {"oneOf": [1, null]}, "E": {"items": 3, "type": "array"},
                "F": {"allOf": [1, {"$ref": "#/components/schemas/F"}], "properties": {"p": 1}},
                "G": {"type": "object", "properties": {"q": {"readOnly": "yes"}}, "discriminator": 3, "oneOf": [{}, {}]}
            }}
        }),
    ];
    for document in garbage {
        let (_, diagnostics) = lowered(&document);
        assert!(!diagnostics.is_empty(), "{document}");
    }
}

#[test]
fn inline_union_variants_are_named_by_what_tells_them_apart() {
    let api = clean(&with_schemas(json!({
        "Label": {"oneOf": [
            {"type": "string"},
            {"type": "object", "properties": {"name": {"type": "string"}}}
        ]},
        "Card": {"oneOf": [
            {"type": "object", "properties": {"note": {"type": "string"}}, "required": ["note"]},
            {
                "type": "object",
                "properties": {"note": {"type": "string"}, "content_id": {"type": "integer"}},
                "required": ["content_id"]
            },
            {"type": "object", "properties": {"note": {"type": "string"}}}
        ]}
    })));
    assert_eq!(
        names(&api),
        [
            "Label",
            "Card",
            "Label_object",
            "Card_1",
            "Card_content_id",
            "Card_3"
        ]
    );
}

/// drf-spectacular's blank+null choice field: `oneOf [XEnum, BlankEnum, NullEnum]`.
fn drf_choice_schemas() -> serde_json::Value {
    json!({
        "ThemeEnum": {"type": "string", "enum": ["light", "dark"]},
        "BlankEnum": {"enum": [""]},
        "NullEnum": {"enum": [null]},
        "Profile": {
            "type": "object",
            "properties": {
                "theme": {
                    "oneOf": [
                        {"$ref": "#/components/schemas/ThemeEnum"},
                        {"$ref": "#/components/schemas/BlankEnum"},
                        {"$ref": "#/components/schemas/NullEnum"}
                    ]
                },
                "accent": {
                    "oneOf": [
                        {"$ref": "#/components/schemas/ThemeEnum"},
                        {"$ref": "#/components/schemas/NullEnum"}
                    ]
                }
            }
        }
    })
}

#[test]
fn null_enum_alternative_makes_the_union_nullable_instead_of_any() {
    let api = clean(&with_schemas(drf_choice_schemas()));
    let theme = id(&api, "ThemeEnum");
    let union = id(&api, "Profile_theme");
    assert_eq!(
        fields(&api, "Profile"),
        [
            field("theme", nullable(Type::Named(union))),
            field("accent", nullable(Type::Named(theme))),
        ]
    );
    match &named(&api, "Profile_theme").1.kind {
        TypeKind::Union(union) => assert_eq!(
            union.variants,
            [Type::Named(theme), Type::Named(id(&api, "BlankEnum"))]
        ),
        other => panic!("not a union: {other:?}"),
    }
}

#[test]
fn blank_enum_is_a_constant_and_null_enum_is_quiet() {
    let api = clean(&with_schemas(drf_choice_schemas()));
    let TypeKind::Enum(blank) = &named(&api, "BlankEnum").1.kind else {
        panic!("BlankEnum is not an enum");
    };
    assert_eq!(blank.constant(), Some(&EnumLiteral::String(String::new())));
    let TypeKind::Enum(theme) = &named(&api, "ThemeEnum").1.kind else {
        panic!("ThemeEnum is not an enum");
    };
    assert_eq!(theme.constant(), None);
    assert_eq!(named(&api, "NullEnum").1.kind, TypeKind::Alias(Type::Null));
}

#[test]
fn a_union_of_only_null_alternatives_is_the_null_type() {
    let api = clean(&with_schemas(json!({
        "NullEnum": {"enum": [null]},
        "Nothing": {"oneOf": [{"$ref": "#/components/schemas/NullEnum"}, {"enum": [null]}]}
    })));
    assert_eq!(named(&api, "Nothing").1.kind, TypeKind::Alias(Type::Null));
}

#[test]
fn component_union_with_null_enum_is_nullable_where_used() {
    let mut schemas = drf_choice_schemas();
    schemas["Choice"] = json!({"oneOf": [
        {"$ref": "#/components/schemas/ThemeEnum"},
        {"$ref": "#/components/schemas/BlankEnum"},
        {"$ref": "#/components/schemas/NullEnum"}
    ]});
    schemas["Holder"] = json!({
        "type": "object",
        "properties": {"choice": {"$ref": "#/components/schemas/Choice"}}
    });
    let api = clean(&with_schemas(schemas));
    let choice = id(&api, "Choice");
    assert_eq!(
        fields(&api, "Holder"),
        [field("choice", nullable(Type::Named(choice)))]
    );
    assert!(matches!(named(&api, "Choice").1.kind, TypeKind::Union(_)));
}

#[test]
fn integer_enum_names_come_from_drf_description_lines() {
    let api = clean(&with_schemas(json!({
        "PriorityEnum": {
            "type": "integer",
            "enum": [1, 2, 3],
            "description": "* `1` - Low\n* `2` - Medium\n* `3` - Very high"
        },
        "Partial": {
            "type": "integer",
            "enum": [1, 2],
            "description": "* `1` - Low"
        },
        "Named": {
            "type": "integer",
            "enum": [1, 2],
            "x-enum-varnames": ["One", "Two"],
            "description": "* `1` - Low\n* `2` - High"
        }
    })));
    let names_of = |name: &str| match &named(&api, name).1.kind {
        TypeKind::Enum(values) => values
            .values
            .iter()
            .map(|v| v.name.clone())
            .collect::<Vec<_>>(),
        other => panic!("not an enum: {other:?}"),
    };
    let some = |names: &[&str]| {
        names
            .iter()
            .map(|n| Some(n.to_string()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names_of("PriorityEnum"),
        some(&["Low", "Medium", "Very high"])
    );
    assert_eq!(names_of("Partial"), [None, None]);
    assert_eq!(names_of("Named"), some(&["One", "Two"]));
}

#[test]
fn union_of_one_primitive_twice_is_that_primitive() {
    // drf-spectacular's blank-or-email field.
    let api = clean(&with_schemas(json!({
        "User": {"type": "object", "properties": {
            "email": {"oneOf": [
                {"type": "string", "format": "email", "maxLength": 254},
                {"type": "string", "maxLength": 0}
            ]},
            "when": {"oneOf": [
                {"type": "string", "format": "date"},
                {"type": "string", "format": "date-time"}
            ]}
        }}
    })));
    assert_eq!(names(&api), ["User", "User_when"]);
    assert_eq!(fields(&api, "User")[0].ty, string());
}
