//! Unions: `oneOf` / `anyOf` alternatives and their discriminator.

use rustc_hash::FxHashSet;

use serde_json::Value;

use crate::ir::{Discriminator, Type, TypeId, TypeKind, Union};

use super::Lowerer;
use super::compose::Member;
use super::keywords::{Keywords, is_null_schema};
use super::naming::Hint;
use super::pointer::{Pointer, local_pointer, resolve};
use super::read::Object;
use super::refs::Target;
use super::schema::{Slot, primitive_type};

/// How many `$ref`s [`Lowerer::is_null_member`] follows.
const NULL_LOOKUP_LIMIT: usize = 32;

impl<'a> Lowerer<'a> {
    /// Whether `member` of a `oneOf`/`anyOf` is the null type itself or a `$ref` (through up to
    /// [`NULL_LOOKUP_LIMIT`] references) to it: drf-spectacular writes blank+null choice fields
    /// as `oneOf: [XEnum, BlankEnum, NullEnum]` with `NullEnum = {enum: [null]}`. Reads the
    /// document only, so it works before every component is registered.
    pub(super) fn is_null_member(&self, member: &'a Value) -> bool {
        let mut current = member;
        for _ in 0..NULL_LOOKUP_LIMIT {
            if is_null_schema(current) {
                return true;
            }
            let Some(reference) = current.get("$ref").and_then(Value::as_str) else {
                return false;
            };
            let Some(pointer) = local_pointer(reference) else {
                return false;
            };
            match resolve(self.doc, &pointer) {
                Some(target) => current = target,
                None => return false,
            }
        }
        false
    }

    /// Whether `schema` admits `null`: as [`Keywords::admits_null`] says, or because one of its
    /// `oneOf`/`anyOf` alternatives is a `$ref` to the null type.
    pub(super) fn admits_null(&self, schema: &Keywords<'a>) -> bool {
        schema.admits_null()
            || [schema.one_of, schema.any_of]
                .into_iter()
                .flatten()
                .filter_map(Value::as_array)
                .flatten()
                .any(|member| self.is_null_member(member))
    }

    /// Whether a `oneOf`/`anyOf` only constrains an otherwise typed schema (`type: object` with
    /// `oneOf: [{required: [a]}, {required: [b]}]`) rather than listing alternatives.
    pub(super) fn is_constraint(&self, schema: &Keywords<'a>, members: &'a [Value]) -> bool {
        (schema.ty.is_some() || schema.properties.is_some())
            && members
                .iter()
                .all(|member| self.member(member, 0) == Member::Annotation)
    }

    /// The `oneOf` (`exclusive`) or `anyOf` under `key`: a union of the non-null members (see
    /// [`Lowerer::is_null_member`]; the caller makes the union's uses nullable); a single member
    /// passes through.
    pub(super) fn union(
        &mut self,
        schema: &Keywords<'a>,
        key: &'static str,
        members: &'a [Value],
        exclusive: bool,
        at: Pointer<'_>,
        slot: Slot<'_>,
    ) -> Type {
        let variants: Vec<(usize, &'a Value)> = members
            .iter()
            .enumerate()
            .filter(|(_, member)| !self.is_null_member(member))
            .collect();
        match variants.as_slice() {
            // Only null alternatives: the null type.
            [] if !members.is_empty() => Type::Null,
            [] => Type::Any,
            [(index, member)] => {
                let list = at.key(key);
                self.pass_through(member, list.index(*index), slot)
            }
            [(index, member), ..] if same_primitive(&variants) => {
                // drf-spectacular's blank-or-email: `oneOf [{string, email}, {string, maxLength: 0}]`.
                let list = at.key(key);
                self.pass_through(member, list.index(*index), slot)
            }
            _ => self.define(slot, schema, at, |this, owner| {
                let union = this.union_of(schema, key, &variants, exclusive, at, owner);
                TypeKind::Union(union)
            }),
        }
    }

    fn union_of(
        &mut self,
        schema: &Keywords<'a>,
        key: &'static str,
        members: &[(usize, &'a Value)],
        exclusive: bool,
        at: Pointer<'_>,
        owner: &str,
    ) -> Union {
        let list = at.key(key);
        let owner = Hint::Name(owner);
        let mut variants = Vec::with_capacity(members.len());
        for (position, (index, member)) in members.iter().enumerate() {
            let part = match member.get("title").and_then(Value::as_str) {
                Some(title) => title.to_string(),
                None => variant_part(member, members).unwrap_or_else(|| (position + 1).to_string()),
            };
            variants.push(self.type_of(member, list.index(*index), owner.child(&part)));
        }
        let discriminator = match self.object(schema.object, "discriminator", at) {
            Some(discriminator) => {
                self.discriminator(discriminator, &variants, at.key("discriminator"))
            }
            None => None,
        };
        Union {
            variants,
            discriminator,
            exclusive,
        }
    }

    /// `discriminator`: explicit `mapping` entries in order, then each variant not mapped under
    /// its type's name. Only when every variant is a named type.
    fn discriminator(
        &mut self,
        discriminator: &'a Object,
        variants: &[Type],
        at: Pointer<'_>,
    ) -> Option<Discriminator> {
        let Some(property) = self.owned_text(discriminator, "propertyName", at) else {
            self.warn(at, "discriminator has no `propertyName`; ignored");
            return None;
        };
        let named: Option<Vec<TypeId>> = variants
            .iter()
            .map(|variant| match variant {
                Type::Named(id) => Some(*id),
                _ => None,
            })
            .collect();
        let Some(named) = named else {
            self.warn(
                at,
                "discriminator ignored: not every alternative is a named schema",
            );
            return None;
        };
        let mut mapping = Vec::with_capacity(named.len());
        let mut mapped = FxHashSet::default();
        if let Some(explicit) = self.object(discriminator, "mapping", at) {
            let at = at.key("mapping");
            for (tag, target) in explicit {
                match target
                    .as_str()
                    .and_then(|target| self.mapping_target(target))
                {
                    Some(id) => {
                        mapping.push((tag.clone(), id));
                        mapped.insert(id);
                    }
                    None => self.warn(
                        at.key(tag),
                        format!("discriminator mapping `{tag}` names no schema; ignored"),
                    ),
                }
            }
        }
        for id in named {
            if mapped.insert(id) {
                let name = self.type_name(id);
                mapping.push((name, id));
            }
        }
        Some(Discriminator { property, mapping })
    }

    /// The component a discriminator mapping value names: a `$ref` or a bare schema name.
    fn mapping_target(&self, target: &'a str) -> Option<TypeId> {
        if !target.contains('#') && !target.contains('/') {
            return self.component_ids.get(target).copied();
        }
        match self.target(target) {
            Target::Component(id) => Some(id),
            _ => None,
        }
    }
}

/// What tells an inline object variant apart, to name it by: `object` when it is the only
/// object among the members (`labels: oneOf [string, {name, color}]`), else the first of its
/// properties (required ones first) that no other member has (`note` beside `content_id`).
/// `None` when nothing does, and the variant is numbered.
fn variant_part(member: &Value, members: &[(usize, &Value)]) -> Option<String> {
    fn properties(member: &Value) -> Option<&serde_json::Map<String, Value>> {
        member.get("properties").and_then(Value::as_object)
    }
    let own = properties(member)?;
    let others: Vec<_> = members
        .iter()
        .filter(|(_, other)| !std::ptr::eq(*other, member))
        .filter_map(|(_, other)| properties(other))
        .collect();
    if others.is_empty() {
        return Some("object".to_string());
    }
    let required = member.get("required").and_then(Value::as_array);
    let required = required.into_iter().flatten().filter_map(Value::as_str);
    required
        .chain(own.keys().map(String::as_str))
        .find(|key| own.contains_key(*key) && !others.iter().any(|o| o.contains_key(*key)))
        .map(str::to_string)
}

/// Whether every member is a plain primitive of one type (a `type`, its `format` and
/// annotations, but no values or parts), so that the union is that type.
fn same_primitive(members: &[(usize, &Value)]) -> bool {
    const PARTS: [&str; 10] = [
        "enum",
        "const",
        "properties",
        "items",
        "additionalProperties",
        "allOf",
        "oneOf",
        "anyOf",
        "not",
        "$ref",
    ];
    let plain = |member: &Value| {
        let object = member.as_object()?;
        if PARTS.iter().any(|key| object.contains_key(*key)) {
            return None;
        }
        let format = object.get("format").and_then(Value::as_str);
        primitive_type(object.get("type")?.as_str()?, format)
    };
    let mut types = members.iter().map(|(_, member)| plain(member));
    match types.next() {
        Some(Some(first)) => types.all(|ty| ty.as_ref() == Some(&first)),
        _ => false,
    }
}
