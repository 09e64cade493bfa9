//! Structs: own properties and `allOf` members merged.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use crate::ir::{Field, Struct, Type, TypeId, TypeKind};

use super::Lowerer;
use super::components::{COMPONENT_SCHEMAS, Component};
use super::naming::{Hint, hint_from_pointer};
use super::pointer::Pointer;
use super::read::Object;
use super::refs::Target;
use super::schema::Slot;

/// How a member of an `allOf` (or a `oneOf`) contributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Member {
    /// An object: its properties are merged.
    Object,
    /// Only annotations or constraints (`description`, `required`, …): no type of its own.
    Annotation,
    /// Anything else: a primitive, an array, an enum, a union.
    Other,
}

/// How many `$ref`s and nested compositions [`Lowerer::member`] looks through.
const MEMBER_LOOKUP_LIMIT: usize = 32;

/// Fields gathered from a schema and its `allOf` members.
#[derive(Default)]
struct Fields<'a> {
    fields: Vec<Field>,
    positions: HashMap<&'a str, usize>,
    required: HashSet<&'a str>,
    additional_properties: Option<Type>,
}

impl<'a> Fields<'a> {
    /// Adds a field; a later one with the same name replaces the earlier in place.
    fn insert(&mut self, name: &'a str, field: Field) {
        match self.positions.get(name) {
            Some(&position) => self.fields[position] = field,
            None => {
                self.positions.insert(name, self.fields.len());
                self.fields.push(field);
            }
        }
    }

    fn finish(mut self) -> Struct {
        for field in &mut self.fields {
            field.required = self.required.contains(field.name.as_str());
        }
        Struct {
            fields: self.fields,
            additional_properties: self.additional_properties,
        }
    }
}

impl<'a> Lowerer<'a> {
    /// `allOf`: one real member passes through, object members merge into a struct; `None`
    /// when every member is only annotations and the rest of the schema decides.
    pub(super) fn all_of(
        &mut self,
        schema: &'a Object,
        members: &'a [Value],
        at: Pointer<'_>,
        slot: Slot<'_>,
    ) -> Option<Type> {
        let list = at.key("allOf");
        let typed: Vec<(usize, &'a Value, Member)> = members
            .iter()
            .enumerate()
            .map(|(index, member)| (index, member, self.member(member, 0)))
            .filter(|(_, _, kind)| *kind != Member::Annotation)
            .collect();
        let has_properties = schema
            .get("properties")
            .and_then(Value::as_object)
            .is_some_and(|properties| !properties.is_empty());
        if !has_properties {
            match typed.as_slice() {
                [] => return None,
                [(index, member, _)] => {
                    return Some(self.pass_through(member, list.index(*index), slot));
                }
                _ => {}
            }
        }
        if let Some((index, member, _)) = typed.iter().find(|(_, _, kind)| *kind == Member::Other) {
            let at = list.index(*index);
            self.warn(at, "`allOf` member is not an object; the schema is typed as this member");
            return Some(self.pass_through(member, at, slot));
        }
        Some(self.struct_type(schema, at, slot))
    }

    /// A one-member composition: the member's type, defining the component itself if it is one.
    pub(super) fn pass_through(&mut self, member: &'a Value, at: Pointer<'_>, slot: Slot<'_>) -> Type {
        match slot {
            Slot::Hoist(hint) => self.type_of(member, at, hint),
            Slot::Component(..) => self.shape(member, at, slot),
        }
    }

    /// A struct from the schema's `allOf` members and own properties.
    pub(super) fn struct_type(&mut self, schema: &'a Object, at: Pointer<'_>, slot: Slot<'_>) -> Type {
        self.define(slot, schema, at, |this, owner| {
            let mut fields = Fields::default();
            let mut visiting: Vec<TypeId> = match slot {
                Slot::Component(id, _) => vec![id],
                Slot::Hoist(_) => Vec::new(),
            };
            this.collect(schema, at, owner, &mut fields, &mut visiting);
            TypeKind::Struct(fields.finish())
        })
    }

    /// Gathers the fields of `schema` (named after `owner`): its `allOf` members' in order,
    /// then its own properties.
    fn collect(
        &mut self,
        schema: &'a Object,
        at: Pointer<'_>,
        owner: &str,
        fields: &mut Fields<'a>,
        visiting: &mut Vec<TypeId>,
    ) {
        if let Some(members) = self.list(schema, "allOf", at) {
            let list = at.key("allOf");
            for (index, member) in members.iter().enumerate() {
                self.collect_member(member, list.index(index), owner, fields, visiting);
            }
        }
        let owner_hint = Hint::Name(owner);
        if let Some(properties) = self.object(schema, "properties", at) {
            let at = at.key("properties");
            for (name, property) in properties {
                let field = self.field(name, property, at.key(name), owner_hint);
                fields.insert(name, field);
            }
        }
        if let Some(required) = self.list(schema, "required", at) {
            fields.required.extend(required.iter().filter_map(Value::as_str));
        }
        if schema.contains_key("additionalProperties") {
            fields.additional_properties = self.additional_properties(schema, at, owner_hint);
        }
    }

    fn collect_member(
        &mut self,
        member: &'a Value,
        at: Pointer<'_>,
        owner: &str,
        fields: &mut Fields<'a>,
        visiting: &mut Vec<TypeId>,
    ) {
        if self.member(member, 0) == Member::Other {
            self.warn(at, "`allOf` member is not an object; its type is not merged");
            return;
        }
        self.nested(at, (), |this| this.merge_member(member, at, owner, fields, visiting));
    }

    fn merge_member(
        &mut self,
        member: &'a Value,
        at: Pointer<'_>,
        owner: &str,
        fields: &mut Fields<'a>,
        visiting: &mut Vec<TypeId>,
    ) {
        let Some(object) = member.as_object() else {
            return;
        };
        let Some(reference) = object.get("$ref") else {
            self.collect(object, at, owner, fields, visiting);
            return;
        };
        match reference.as_str().map(|reference| self.target(reference)) {
            Some(Target::Component(id)) => {
                let Component { name, schema, .. } = self.components[id.0];
                if visiting.contains(&id) {
                    self.fail(
                        at,
                        format!("`allOf` leads back to `{name}`, which includes itself"),
                        "remove the `allOf` member that leads back to this schema",
                    );
                    return;
                }
                if let Some(schema) = schema.as_object() {
                    let base = Pointer::Root(COMPONENT_SCHEMAS);
                    visiting.push(id);
                    self.collect(schema, base.key(name), name, fields, visiting);
                    visiting.pop();
                }
            }
            Some(Target::Node { pointer, node }) => {
                if let Some(schema) = node.as_object() {
                    let owner = hint_from_pointer(&pointer);
                    self.collect(schema, Pointer::Root(&pointer), &owner, fields, visiting);
                }
            }
            // Dangling, external or not a string: reported like any other `$ref`.
            _ => {
                self.reference(reference, at);
            }
        }
    }

    /// One property of a struct named `owner`.
    fn field(&mut self, name: &'a str, schema: &'a Value, at: Pointer<'_>, owner: Hint<'_>) -> Field {
        let ty = self.type_of(schema, at, owner.child(name));
        let description = self.description(schema);
        let (default, read_only, write_only, deprecated) = match schema.as_object() {
            Some(object) => (
                object.get("default").cloned(),
                self.flag(object, "readOnly", at),
                self.flag(object, "writeOnly", at),
                self.flag(object, "deprecated", at),
            ),
            None => (None, false, false, false),
        };
        Field {
            name: name.to_string(),
            ty,
            required: false,
            description,
            default,
            read_only,
            write_only,
            deprecated,
        }
    }

    /// How `member` contributes to an `allOf`, looking through `$ref`s and nested `allOf`s.
    pub(super) fn member(&self, member: &'a Value, hops: usize) -> Member {
        let Some(object) = member.as_object() else {
            return Member::Other;
        };
        if hops > MEMBER_LOOKUP_LIMIT {
            return Member::Other;
        }
        if let Some(reference) = object.get("$ref") {
            return match reference.as_str().and_then(|reference| self.target_schema(reference)) {
                Some(target) => self.member(target, hops + 1),
                None => Member::Other,
            };
        }
        let is_object = object.get("type").and_then(Value::as_str) == Some("object")
            || object.contains_key("properties")
            || object.contains_key("additionalProperties");
        if is_object {
            return Member::Object;
        }
        if let Some(members) = object.get("allOf").and_then(Value::as_array) {
            let mut merged = Member::Annotation;
            for member in members {
                match self.member(member, hops + 1) {
                    Member::Other => return Member::Other,
                    Member::Object => merged = Member::Object,
                    Member::Annotation => {}
                }
            }
            if merged == Member::Object {
                return Member::Object;
            }
        }
        let typed = ["type", "enum", "items", "oneOf", "anyOf"]
            .iter()
            .any(|key| object.contains_key(*key));
        if typed { Member::Other } else { Member::Annotation }
    }
}
