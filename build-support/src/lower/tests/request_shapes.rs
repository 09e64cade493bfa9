//! Request shapes: a type that reads differently than it is sent gets a `<name>Request` shape
//! for what requests send.

use serde_json::{Value, json};

use super::{Field, clean, field, fields, id, list, map, named, names, required};
use crate::ir::{Api, IntegerFormat, StringFormat, Type, TypeKind, TypeOrigin};

fn integer() -> Type {
    Type::Integer(IntegerFormat::Unspecified)
}

fn string() -> Type {
    Type::String(StringFormat::Plain)
}

/// A document whose `POST /things` sends `sent` and answers 201 with `read` (component names).
fn sending(sent: &str, read: &str, schemas: Value) -> Value {
    json!({
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1"},
        "paths": {"/things": {"post": {
            "operationId": "create",
            "requestBody": {"content": {"application/json": {
                "schema": {"$ref": format!("#/components/schemas/{sent}")}
            }}},
            "responses": {"201": {"description": "made", "content": {"application/json": {
                "schema": {"$ref": format!("#/components/schemas/{read}")}
            }}}}
        }}},
        "components": {"schemas": schemas}
    })
}

fn body_type(api: &Api) -> &Type {
    let body = api.operations[0].body.as_ref().expect("a body");
    &body.content[0].ty
}

fn response_type(api: &Api) -> &Type {
    &api.operations[0].responses[0].content[0].ty
}

#[test]
fn read_only_property_is_left_out_of_the_request_shape_the_body_uses() {
    let api = clean(&sending(
        "Ticket",
        "Ticket",
        json!({"Ticket": {
            "type": "object",
            "properties": {
                "id": {"type": "integer", "readOnly": true},
                "title": {"type": "string"}
            },
            "required": ["id", "title"]
        }}),
    ));
    assert_eq!(names(&api), ["Ticket", "TicketRequest"]);
    assert_eq!(
        fields(&api, "Ticket"),
        [
            Field {
                read_only: true,
                ..required("id", integer())
            },
            required("title", string()),
        ]
    );
    assert_eq!(fields(&api, "TicketRequest"), [required("title", string())]);
    let (request, shape) = named(&api, "TicketRequest");
    assert_eq!(
        shape.origin,
        TypeOrigin::RequestShape {
            of: id(&api, "Ticket")
        }
    );
    assert_eq!(body_type(&api), &Type::Named(request));
    assert_eq!(response_type(&api), &Type::Named(id(&api, "Ticket")));
}

#[test]
fn write_only_property_is_optional_when_read_and_required_when_sent() {
    // simplejwt's TokenObtainPair: one schema for the credentials sent and the tokens read.
    let api = clean(&sending(
        "TokenObtainPair",
        "TokenObtainPair",
        json!({"TokenObtainPair": {
            "type": "object",
            "properties": {
                "username": {"type": "string", "writeOnly": true},
                "password": {"type": "string", "writeOnly": true},
                "access": {"type": "string", "readOnly": true},
                "refresh": {"type": "string", "readOnly": true}
            },
            "required": ["access", "password", "refresh", "username"]
        }}),
    ));
    let write_only = |field: Field| Field {
        write_only: true,
        ..field
    };
    let read_only = |field: Field| Field {
        read_only: true,
        ..field
    };
    let optional = |field: Field| Field {
        required: false,
        ..field
    };
    assert_eq!(
        fields(&api, "TokenObtainPair"),
        [
            optional(write_only(required("username", string()))),
            optional(write_only(required("password", string()))),
            read_only(required("access", string())),
            read_only(required("refresh", string())),
        ]
    );
    assert_eq!(
        fields(&api, "TokenObtainPairRequest"),
        [
            write_only(required("username", string())),
            write_only(required("password", string())),
        ]
    );
}

#[test]
fn type_without_read_or_write_only_properties_stays_one_type() {
    let api = clean(&sending(
        "Note",
        "Note",
        json!({"Note": {
            "type": "object",
            "properties": {
                "text": {"type": "string"},
                "hint": {"type": "string", "writeOnly": true}
            },
            "required": ["text"]
        }}),
    ));
    assert_eq!(names(&api), ["Note"]);
    assert_eq!(body_type(&api), &Type::Named(id(&api, "Note")));
}

#[test]
fn type_only_read_gets_no_request_shape() {
    let api = clean(&sending(
        "Query",
        "Ticket",
        json!({
            "Query": {"type": "object", "properties": {"text": {"type": "string"}}},
            "Ticket": {
                "type": "object",
                "properties": {"id": {"type": "integer", "readOnly": true}},
                "required": ["id"]
            }
        }),
    ));
    assert_eq!(names(&api), ["Query", "Ticket"]);
}

#[test]
fn held_types_get_request_shapes_through_lists_maps_and_unions() {
    let api = clean(&sending(
        "Order",
        "Order",
        json!({
            "Order": {
                "type": "object",
                "properties": {
                    "items": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}},
                    "by_sku": {
                        "type": "object",
                        "additionalProperties": {"$ref": "#/components/schemas/Item"}
                    },
                    "payment": {"$ref": "#/components/schemas/Payment"},
                    "note": {"$ref": "#/components/schemas/Note"}
                }
            },
            "Item": {
                "type": "object",
                "properties": {
                    "id": {"type": "integer", "readOnly": true},
                    "sku": {"type": "string"}
                }
            },
            "Payment": {"oneOf": [
                {"$ref": "#/components/schemas/Item"},
                {"$ref": "#/components/schemas/Note"}
            ]},
            "Note": {"type": "object", "properties": {"text": {"type": "string"}}}
        }),
    ));
    assert_eq!(
        names(&api),
        [
            "Order",
            "OrderRequest",
            "Item",
            "ItemRequest",
            "Payment",
            "PaymentRequest",
            "Note"
        ]
    );
    let item = Type::Named(id(&api, "ItemRequest"));
    let order = fields(&api, "OrderRequest");
    assert_eq!(order[0].ty, list(item.clone()));
    assert_eq!(order[1].ty, map(item.clone()));
    assert_eq!(order[2].ty, Type::Named(id(&api, "PaymentRequest")));
    assert_eq!(order[3].ty, Type::Named(id(&api, "Note")));
    let TypeKind::Union(payment) = &named(&api, "PaymentRequest").1.kind else {
        panic!("PaymentRequest is not a union");
    };
    assert_eq!(payment.variants, [item, Type::Named(id(&api, "Note"))]);
    // What is read keeps the read shapes.
    let read = fields(&api, "Order");
    assert_eq!(read[0].ty, list(Type::Named(id(&api, "Item"))));
}

#[test]
fn read_only_nested_type_is_not_sent_so_needs_no_request_shape() {
    let api = clean(&sending(
        "Ticket",
        "Ticket",
        json!({
            "Ticket": {
                "type": "object",
                "properties": {
                    "author": {
                        "allOf": [{"$ref": "#/components/schemas/User"}],
                        "readOnly": true
                    },
                    "title": {"type": "string"}
                },
                "required": ["author", "title"]
            },
            "User": {
                "type": "object",
                "properties": {"id": {"type": "integer", "readOnly": true}},
                "required": ["id"]
            }
        }),
    ));
    assert_eq!(names(&api), ["Ticket", "TicketRequest", "User"]);
    assert_eq!(fields(&api, "TicketRequest"), [required("title", string())]);
}

#[test]
fn all_of_members_read_only_properties_are_left_out() {
    let api = clean(&sending(
        "Ticket",
        "Ticket",
        json!({
            "Base": {
                "type": "object",
                "properties": {"id": {"type": "integer", "readOnly": true}},
                "required": ["id"]
            },
            "Ticket": {"allOf": [
                {"$ref": "#/components/schemas/Base"},
                {"type": "object", "properties": {"title": {"type": "string"}}}
            ]}
        }),
    ));
    assert_eq!(fields(&api, "TicketRequest"), [field("title", string())]);
}

#[test]
fn recursive_type_request_shape_refers_to_itself() {
    let api = clean(&sending(
        "Node",
        "Node",
        json!({"Node": {
            "type": "object",
            "properties": {
                "id": {"type": "integer", "readOnly": true},
                "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}
            }
        }}),
    ));
    let node_request = Type::Named(id(&api, "NodeRequest"));
    assert_eq!(fields(&api, "NodeRequest")[0].ty, list(node_request));
}

#[test]
fn request_shape_name_steps_aside_for_a_component_of_that_name() {
    let api = clean(&sending(
        "Ticket",
        "TicketRequest",
        json!({
            "Ticket": {
                "type": "object",
                "properties": {"id": {"type": "integer", "readOnly": true}}
            },
            "TicketRequest": {"type": "object", "properties": {"q": {"type": "string"}}}
        }),
    ));
    assert_eq!(names(&api), ["Ticket", "TicketRequest_2", "TicketRequest"]);
    assert_eq!(body_type(&api), &Type::Named(id(&api, "TicketRequest_2")));
}

#[test]
fn folding_request_shapes_gives_one_type_per_schema_back() {
    let api = clean(&sending(
        "Order",
        "Order",
        json!({
            "Order": {
                "type": "object",
                "properties": {
                    "items": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}}
                }
            },
            "Item": {
                "type": "object",
                "properties": {"id": {"type": "integer", "readOnly": true}}
            }
        }),
    ));
    let folded = api.with_request_shapes_folded();
    assert_eq!(names(&folded), ["Order", "Item"]);
    assert_eq!(body_type(&folded), &Type::Named(id(&folded, "Order")));
    assert_eq!(
        fields(&folded, "Order")[0].ty,
        list(Type::Named(id(&folded, "Item")))
    );
}

#[test]
fn type_never_read_keeps_its_required_write_only_properties_and_stays_one_type() {
    // drf-spectacular's COMPONENT_SPLIT_REQUEST: TokenObtainPairRequest is only sent.
    let api = clean(&sending(
        "TokenObtainPairRequest",
        "TokenObtainPair",
        json!({
            "TokenObtainPairRequest": {
                "type": "object",
                "properties": {"password": {"type": "string", "writeOnly": true}},
                "required": ["password"]
            },
            "TokenObtainPair": {
                "type": "object",
                "properties": {"access": {"type": "string", "readOnly": true}},
                "required": ["access"]
            }
        }),
    ));
    assert_eq!(names(&api), ["TokenObtainPairRequest", "TokenObtainPair"]);
    assert_eq!(
        fields(&api, "TokenObtainPairRequest"),
        [Field {
            write_only: true,
            ..required("password", string())
        }]
    );
    assert_eq!(
        body_type(&api),
        &Type::Named(id(&api, "TokenObtainPairRequest"))
    );
}

/// A document whose `POST /uploads` sends `Upload` as the given media types, and answers with it.
fn uploading(media_types: &[&str]) -> Value {
    let schema = json!({"schema": {"$ref": "#/components/schemas/Upload"}});
    let content: serde_json::Map<String, Value> = media_types
        .iter()
        .map(|media_type| (media_type.to_string(), schema.clone()))
        .collect();
    json!({
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1"},
        "paths": {"/uploads": {"post": {
            "operationId": "upload",
            "requestBody": {"content": content},
            "responses": {"201": {"description": "made", "content": {"application/json": schema}}}
        }}},
        "components": {"schemas": {"Upload": {
            "type": "object",
            "properties": {
                "file": {"type": "string", "format": "uri"},
                "note": {"type": "string", "format": "uri", "nullable": true},
                "title": {"type": "string"}
            },
            "required": ["file"]
        }}}
    })
}

#[test]
fn uri_strings_of_a_body_sent_only_as_multipart_take_a_file_or_text() {
    // drf-spectacular's default document: a FileField is `{type: string, format: uri}`.
    let api = clean(&uploading(&["multipart/form-data"]));
    assert_eq!(names(&api), ["Upload", "UploadRequest"]);
    let fields = fields(&api, "UploadRequest");
    assert_eq!(fields[0].ty, Type::FileOrText);
    assert_eq!(fields[1].ty, Type::Nullable(Box::new(Type::FileOrText)));
    assert_eq!(fields[2].ty, string());
    assert_eq!(body_type(&api), &Type::Named(id(&api, "UploadRequest")));
    let read = super::fields(&api, "Upload");
    assert_eq!(read[0].ty, Type::String(StringFormat::Uri));
}

#[test]
fn uri_strings_of_a_body_also_sent_as_json_stay_strings() {
    let api = clean(&uploading(&["application/json", "multipart/form-data"]));
    assert_eq!(names(&api), ["Upload"]);
}
