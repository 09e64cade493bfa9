//! Schemas to [`Type`]s: dispatch on the schema's shape, primitives, objects, maps and arrays.
//!
//! Structs, enums and unions need a [`crate::ir::TypeDef`]: a component schema that is one
//! defines its own type, an inline one is hoisted under a stable name (see [`Slot`]).

use serde_json::Value;

use crate::ir::{IntegerFormat, NumberFormat, StringFormat, Type, TypeId, TypeKind, TypeOrigin};

use super::Lowerer;
use super::components::type_def;
use super::keywords::Keywords;
use super::naming::{Hint, is_identifier_like};
use super::pointer::Pointer;
use super::split::Claim;

/// How deep schemas may nest before lowering gives up on a branch (the walk is recursive).
const MAX_DEPTH: usize = 256;

/// Where the named type of a struct, enum or union schema goes.
#[derive(Debug, Clone, Copy)]
pub(super) enum Slot<'h> {
    /// An inline schema: hoisted to a new type named by its `title` or this hint.
    Hoist(Hint<'h>),
    /// A component schema: it defines this type itself.
    Component(TypeId, &'h str),
}

impl<'h> Slot<'h> {
    /// The name the schema's own inline parts are named after.
    pub(super) fn hint(self) -> Hint<'h> {
        match self {
            Slot::Hoist(hint) => hint,
            Slot::Component(_, name) => Hint::Name(name),
        }
    }
}

impl<'a> Lowerer<'a> {
    /// The type of an inline schema at `at`, hoisting what needs a name under `hint`.
    pub(super) fn type_of(&mut self, schema: &'a Value, at: Pointer<'_>, hint: Hint<'_>) -> Type {
        match Keywords::of_value(schema) {
            Some(keywords) => self.type_with(&keywords, at, hint),
            None => self.shape(schema, at, Slot::Hoist(hint)),
        }
    }

    /// [`Lowerer::type_of`] for a schema whose keywords are already read.
    pub(super) fn type_with(
        &mut self,
        schema: &Keywords<'a>,
        at: Pointer<'_>,
        hint: Hint<'_>,
    ) -> Type {
        let ty = self.nested(at, Type::Any, |this| {
            this.shape_of(schema, at, Slot::Hoist(hint))
        });
        if self.admits_null(schema) {
            nullable(ty)
        } else {
            ty
        }
    }

    /// The type of `schema` ignoring whether it admits `null`.
    pub(super) fn shape(&mut self, schema: &'a Value, at: Pointer<'_>, slot: Slot<'_>) -> Type {
        self.nested(at, Type::Any, |this| match schema {
            Value::Object(object) => this.shape_of(&Keywords::of(object), at, slot),
            Value::Bool(true) => Type::Any,
            _ => {
                this.warn(at, "a schema should be an object; typed as any");
                Type::Any
            }
        })
    }

    /// Runs `lower` one schema level deeper; past [`MAX_DEPTH`] levels reports an error at `at`
    /// and gives `fallback` instead, so hostile nesting cannot overflow the stack.
    pub(super) fn nested<T>(
        &mut self,
        at: Pointer<'_>,
        fallback: T,
        lower: impl FnOnce(&mut Self) -> T,
    ) -> T {
        if self.depth >= MAX_DEPTH {
            self.fail(
                at,
                format!("schemas nest more than {MAX_DEPTH} levels deep; this one is typed as any"),
                "move inner schemas to `components/schemas` and refer to them",
            );
            return fallback;
        }
        self.depth += 1;
        let result = lower(self);
        self.depth -= 1;
        result
    }

    fn shape_of(&mut self, schema: &Keywords<'a>, at: Pointer<'_>, slot: Slot<'_>) -> Type {
        if let Some(reference) = schema.reference {
            return self.reference(reference, at);
        }
        if let Some(members) = self.list_of(schema.all_of, "allOf", at)
            && let Some(ty) = self.all_of(schema, members, at, slot)
        {
            return ty;
        }
        for (key, value, exclusive) in [
            ("oneOf", schema.one_of, true),
            ("anyOf", schema.any_of, false),
        ] {
            if let Some(members) = self.list_of(value, key, at)
                && !self.is_constraint(schema, members)
            {
                return self.union(schema, key, members, exclusive, at, slot);
            }
        }
        if let Some(values) = self.list_of(schema.values, "enum", at) {
            return self.enumeration(schema, values, at, slot);
        }
        self.by_type(schema, at, slot)
    }

    /// The type `type` (or, without one, `properties` or `items`) gives the schema.
    pub(super) fn by_type(
        &mut self,
        schema: &Keywords<'a>,
        at: Pointer<'_>,
        slot: Slot<'_>,
    ) -> Type {
        match self.text_of(schema.ty, "type", at) {
            Some("object") => self.object_type(schema, at, slot),
            Some("array") => self.array_type(schema, at, slot),
            Some(primitive) => self.primitive(schema, primitive, at),
            None if schema.properties.is_some() || schema.additional_properties.is_some() => {
                self.object_type(schema, at, slot)
            }
            None if schema.items.is_some() => self.array_type(schema, at, slot),
            None => Type::Any,
        }
    }

    fn primitive(&mut self, schema: &Keywords<'a>, primitive: &str, at: Pointer<'_>) -> Type {
        let format = schema.format.and_then(Value::as_str);
        primitive_type(primitive, format).unwrap_or_else(|| {
            self.warn(
                at.key("type"),
                format!("unknown type `{primitive}`; typed as any"),
            );
            Type::Any
        })
    }

    fn object_type(&mut self, schema: &Keywords<'a>, at: Pointer<'_>, slot: Slot<'_>) -> Type {
        let properties = self.object_of(schema.properties, "properties", at);
        if properties.is_some_and(|properties| !properties.is_empty()) {
            return self.struct_type(schema, at, slot);
        }
        match schema.additional_properties {
            None | Some(Value::Bool(true)) => Type::Map(Box::new(Type::Any)),
            Some(Value::Bool(false)) => self.struct_type(schema, at, slot),
            Some(values) => {
                let hint = slot.hint();
                let ty = self.type_of(values, at.key("additionalProperties"), hint.child("value"));
                Type::Map(Box::new(ty))
            }
        }
    }

    fn array_type(&mut self, schema: &Keywords<'a>, at: Pointer<'_>, slot: Slot<'_>) -> Type {
        let item = match schema.items {
            None => Type::Any,
            Some(items @ Value::Object(_)) => {
                let hint = slot.hint();
                self.type_of(items, at.key("items"), hint.child("item"))
            }
            Some(_) => {
                self.warn(
                    at.key("items"),
                    "`items` should be one schema; items typed as any",
                );
                Type::Any
            }
        };
        Type::List(Box::new(item))
    }

    /// `additionalProperties` of a struct: `true`/`{}` → any value, a schema → its type,
    /// `false`/absent → none.
    pub(super) fn additional_properties(
        &mut self,
        schema: &Keywords<'a>,
        at: Pointer<'_>,
        owner: Hint<'_>,
    ) -> Option<Type> {
        match schema.additional_properties? {
            Value::Bool(true) => Some(Type::Any),
            Value::Bool(false) => None,
            values => {
                let at = at.key("additionalProperties");
                Some(self.type_of(values, at, owner.child("value")))
            }
        }
    }

    /// Defines the named type for a struct, enum or union `schema`: the component's own, or a
    /// new hoisted one (one per pointer). `build` gets the type's name for naming inner parts.
    pub(super) fn define(
        &mut self,
        slot: Slot<'_>,
        schema: &Keywords<'a>,
        at: Pointer<'_>,
        build: impl FnOnce(&mut Self, &str) -> TypeKind,
    ) -> Type {
        let (id, name) = match slot {
            Slot::Component(id, name) => (id, name.to_string()),
            Slot::Hoist(hint) => {
                let pointer = at.render();
                if let Some(&id) = self.hoisted.get(&pointer) {
                    return Type::Named(id);
                }
                if let Some(id) = self.left_to_other(&pointer) {
                    return Type::Named(id);
                }
                let title = schema
                    .object
                    .get("title")
                    .and_then(Value::as_str)
                    .filter(|title| is_identifier_like(title));
                let (name, hint) = match title {
                    Some(title) if !self.type_names.is_taken(title) => {
                        (self.type_names.claim(title), None)
                    }
                    _ => {
                        let hint = hint.render();
                        (self.type_names.claim(&hint), Some(hint))
                    }
                };
                self.claims.push(Claim { title, hint });
                let id = TypeId(self.types.len());
                let origin = TypeOrigin::Inline {
                    pointer: pointer.clone(),
                };
                self.types
                    .push(type_def(name.clone(), origin, Some(schema.object)));
                self.hoisted.insert(pointer, id);
                (id, name)
            }
        };
        let kind = build(self, &name);
        self.types[id.0].kind = kind;
        Type::Named(id)
    }
}

/// `ty` or null, never wrapped twice.
pub(super) fn nullable(ty: Type) -> Type {
    match ty {
        Type::Nullable(_) | Type::Null => ty,
        other => Type::Nullable(Box::new(other)),
    }
}

/// The type of a `type: <primitive>` schema with this `format`; `None` for a type name OpenAPI
/// does not have.
pub(super) fn primitive_type(primitive: &str, format: Option<&str>) -> Option<Type> {
    Some(match primitive {
        "string" => match format {
            Some("binary") => Type::Binary,
            Some("date-time") => Type::String(StringFormat::DateTime),
            Some("date") => Type::String(StringFormat::Date),
            Some("uuid") => Type::String(StringFormat::Uuid),
            Some("byte") => Type::String(StringFormat::Byte),
            Some("uri") => Type::String(StringFormat::Uri),
            _ => Type::String(StringFormat::Plain),
        },
        "integer" => Type::Integer(match format {
            Some("int32") => IntegerFormat::Int32,
            Some("int64") => IntegerFormat::Int64,
            _ => IntegerFormat::Unspecified,
        }),
        "number" => Type::Number(match format {
            Some("float") => NumberFormat::Float,
            Some("double") => NumberFormat::Double,
            _ => NumberFormat::Unspecified,
        }),
        "boolean" => Type::Boolean,
        "null" => Type::Null,
        _ => return None,
    })
}
