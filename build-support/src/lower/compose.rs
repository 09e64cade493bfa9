//! Structs: own properties and `allOf` members merged.

use rustc_hash::{FxHashMap, FxHashSet};

use serde_json::Value;

use crate::ir::{Constraints, Field, Struct, Type, TypeId, TypeKind};

use super::Lowerer;
use super::components::{COMPONENT_SCHEMAS, Component};
use super::keywords::Keywords;
use super::naming::{Hint, hint_from_pointer};
use super::pointer::Pointer;
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
    positions: FxHashMap<&'a str, usize>,
    required: FxHashSet<&'a str>,
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
        schema: &Keywords<'a>,
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
        if !schema.has_properties() {
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
            self.warn(
                at,
                "`allOf` member is not an object; the schema is typed as this member",
            );
            return Some(self.pass_through(member, at, slot));
        }
        Some(self.struct_type(schema, at, slot))
    }

    /// A one-member composition: the member's type, defining the component itself if it is one.
    pub(super) fn pass_through(
        &mut self,
        member: &'a Value,
        at: Pointer<'_>,
        slot: Slot<'_>,
    ) -> Type {
        match slot {
            Slot::Hoist(hint) => self.type_of(member, at, hint),
            Slot::Component(..) => self.shape(member, at, slot),
        }
    }

    /// A struct from the schema's `allOf` members and own properties.
    pub(super) fn struct_type(
        &mut self,
        schema: &Keywords<'a>,
        at: Pointer<'_>,
        slot: Slot<'_>,
    ) -> Type {
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
        schema: &Keywords<'a>,
        at: Pointer<'_>,
        owner: &str,
        fields: &mut Fields<'a>,
        visiting: &mut Vec<TypeId>,
    ) {
        if let Some(members) = self.list_of(schema.all_of, "allOf", at) {
            let list = at.key("allOf");
            for (index, member) in members.iter().enumerate() {
                self.collect_member(member, list.index(index), owner, fields, visiting);
            }
        }
        let owner_hint = Hint::Name(owner);
        if let Some(properties) = self.object_of(schema.properties, "properties", at) {
            let at = at.key("properties");
            for (name, property) in properties {
                let field = self.field(name, property, at.key(name), owner_hint);
                fields.insert(name, field);
            }
        }
        if let Some(required) = self.list_of(schema.required, "required", at) {
            fields
                .required
                .extend(required.iter().filter_map(Value::as_str));
        }
        if schema.additional_properties.is_some() {
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
            self.warn(
                at,
                "`allOf` member is not an object; its type is not merged",
            );
            return;
        }
        self.nested(at, (), |this| {
            this.merge_member(member, at, owner, fields, visiting)
        });
    }

    fn merge_member(
        &mut self,
        member: &'a Value,
        at: Pointer<'_>,
        owner: &str,
        fields: &mut Fields<'a>,
        visiting: &mut Vec<TypeId>,
    ) {
        let Some(member) = Keywords::of_value(member) else {
            return;
        };
        let Some(reference) = member.reference else {
            self.collect(&member, at, owner, fields, visiting);
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
                if let Some(schema) = Keywords::of_value(schema) {
                    let base = Pointer::Root(COMPONENT_SCHEMAS);
                    visiting.push(id);
                    self.collect(&schema, base.key(name), name, fields, visiting);
                    visiting.pop();
                }
            }
            Some(Target::Node { pointer, node }) => {
                if let Some(schema) = Keywords::of_value(node) {
                    let owner = hint_from_pointer(&pointer);
                    self.collect(&schema, Pointer::Root(&pointer), &owner, fields, visiting);
                }
            }
            // Dangling, external or not a string: reported like any other `$ref`.
            _ => {
                self.reference(reference, at);
            }
        }
    }

    /// One property of a struct named `owner`.
    fn field(
        &mut self,
        name: &'a str,
        schema: &'a Value,
        at: Pointer<'_>,
        owner: Hint<'_>,
    ) -> Field {
        let hint = owner.child(name);
        let mut field = Field {
            name: name.to_string(),
            ty: Type::Any,
            required: false,
            description: None,
            default: None,
            constraints: Constraints::default(),
            read_only: false,
            write_only: false,
            deprecated: false,
        };
        let Some(keywords) = Keywords::of_value(schema) else {
            field.ty = self.type_of(schema, at, hint);
            return field;
        };
        field.ty = self.type_with(&keywords, at, hint);
        field.description = self.description(&keywords);
        field.default = self.default_of(&keywords, at);
        field.constraints = self.constraints(&keywords, at);
        field.read_only = self.flag_of(keywords.read_only, "readOnly", at);
        field.write_only = self.flag_of(keywords.write_only, "writeOnly", at);
        field.deprecated = self.flag_of(keywords.deprecated, "deprecated", at);
        field
    }

    /// How `member` contributes to an `allOf`, looking through `$ref`s and nested `allOf`s.
    pub(super) fn member(&self, member: &'a Value, hops: usize) -> Member {
        let Some(member) = Keywords::of_value(member) else {
            return Member::Other;
        };
        if hops > MEMBER_LOOKUP_LIMIT {
            // A cycle of `$ref`s or `allOf`s: merging it reports the cycle.
            return Member::Object;
        }
        if let Some(reference) = member.reference {
            return match reference
                .as_str()
                .and_then(|reference| self.target_schema(reference))
            {
                Some(target) => self.member(target, hops + 1),
                None => Member::Other,
            };
        }
        let is_object = member.type_name() == Some("object")
            || member.properties.is_some()
            || member.additional_properties.is_some();
        if is_object {
            return Member::Object;
        }
        if let Some(members) = member.all_of.and_then(Value::as_array) {
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
        let typed = [
            member.ty,
            member.values,
            member.items,
            member.one_of,
            member.any_of,
        ]
        .iter()
        .any(Option::is_some);
        if typed {
            Member::Other
        } else {
            Member::Annotation
        }
    }
}
