//! Inline enums that say again what another enum says become that enum.
//!
//! django-filter writes a model field's choices inline in every list operation's query
//! parameter, beside the component enum drf-spectacular made for the same field (the values in
//! another order); GitHub's description repeats `merge_commit_message: [PR_BODY, PR_TITLE,
//! BLANK]` inline in eight schemas and `state: [open, closed]` in seven. Left alone, each becomes
//! a type named after the first schema or operation that met it (`TicketsListStatus`,
//! `FullRepositoryMergeCommitMessage`), and a caller cannot pass the component's
//! `StatusEnum.CLOSED` or compare one repository's value with another's type.
//!
//! So:
//! - a parameter's inline enum (directly, or as a list's items) with the values of a component
//!   enum (in any order) is that component enum;
//! - inline enums of one parameter or property name with the same values (and value names)
//!   are one type, named after the parameter or property (`merge_commit_message`) when no
//!   other type is called so, else after the first that met it.
//!
//! The inline enums no longer used are dropped.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::ir::{self, EnumLiteral, Type, TypeId, TypeKind, TypeOrigin};

use super::pointer::unescape;

/// A set of enum values (integer or not, the value, and with [`named_values`] the name the
/// spec gives it), order aside.
type ValueSet = Vec<(bool, String, Option<String>)>;

/// Makes inline enums that repeat another enum that enum, as the module says.
pub(super) fn share(api: &mut ir::Api) {
    let mut components: FxHashMap<ValueSet, TypeId> = FxHashMap::default();
    for (id, def) in api.types.iter().enumerate() {
        if let (TypeOrigin::Component, TypeKind::Enum(values)) = (&def.origin, &def.kind) {
            components.entry(values_of(values)).or_insert(TypeId(id));
        }
    }
    // Inline enum → the type it becomes.
    let mut replaced: FxHashMap<TypeId, TypeId> = FxHashMap::default();
    // Inline enums by the name they could share, in the order met.
    let mut named: Vec<(String, TypeId, &ir::Enum)> = Vec::new();
    for parameter in api.operations.iter().flat_map(|o| &o.parameters) {
        let Some((id, values)) = inline_enum(api, &parameter.ty) else {
            continue;
        };
        match components.get(&values_of(values)) {
            Some(&component) => {
                replaced.insert(id, component);
            }
            None => named.push((parameter.name.clone(), id, values)),
        }
    }
    for (id, def) in api.types.iter().enumerate() {
        if let (TypeOrigin::Inline { pointer }, TypeKind::Enum(values)) = (&def.origin, &def.kind)
            && let Some(property) = property_name(pointer)
        {
            named.push((property, TypeId(id), values));
        }
    }
    // (name, values) → the inline enums met, groups in the order met.
    let mut groups: Vec<(String, Vec<TypeId>)> = Vec::new();
    let mut group_of: FxHashMap<(String, ValueSet), usize> = FxHashMap::default();
    let mut grouped: FxHashSet<TypeId> = FxHashSet::default();
    for (name, id, values) in named {
        if replaced.contains_key(&id) || !grouped.insert(id) {
            continue;
        }
        let next = groups.len();
        let group = *group_of
            .entry((name.clone(), named_values(values)))
            .or_insert(next);
        match groups.get_mut(group) {
            Some((_, ids)) => ids.push(id),
            None => groups.push((name, vec![id])),
        }
    }
    let shared: Vec<&(String, Vec<TypeId>)> =
        groups.iter().filter(|(_, ids)| ids.len() > 1).collect();
    if replaced.is_empty() && shared.is_empty() {
        return;
    }
    // Names as targets will tell them apart: `order` would collide with a component `Order`.
    let mut taken: FxHashSet<String> = api.types.iter().map(|def| squashed(&def.name)).collect();
    let mut renamed = Vec::new();
    for (name, ids) in shared {
        let kept = *ids.iter().min().unwrap_or(&ids[0]);
        ids.iter().filter(|id| **id != kept).for_each(|other| {
            replaced.insert(*other, kept);
        });
        if taken.insert(squashed(name)) {
            renamed.push((kept, name.clone()));
        }
    }
    for (id, name) in renamed {
        api.types[id.0].name = name;
    }
    let kept: Vec<TypeId> = (0..api.types.len())
        .map(TypeId)
        .filter(|id| !replaced.contains_key(id))
        .collect();
    let mut merged: Vec<(TypeId, TypeId)> = replaced.into_iter().collect();
    merged.sort_unstable();
    api.reorder_types(&kept, &merged);
}

/// The inline enum a parameter's type is, or holds as a list's items.
fn inline_enum<'a>(api: &'a ir::Api, ty: &Type) -> Option<(TypeId, &'a ir::Enum)> {
    let id = match ty {
        Type::Named(id) => *id,
        Type::List(item) | Type::Nullable(item) => return inline_enum(api, item),
        _ => return None,
    };
    match &api.type_def(id) {
        ir::TypeDef {
            origin: TypeOrigin::Inline { .. },
            kind: TypeKind::Enum(values),
            ..
        } => Some((id, values)),
        _ => None,
    }
}

/// The property an inline schema at `pointer` is, or holds as its items
/// (`…/properties/state`, `…/properties/labels/items`).
fn property_name(pointer: &str) -> Option<String> {
    let pointer = pointer.strip_suffix("/items").unwrap_or(pointer);
    let (parent, name) = pointer.rsplit_once('/')?;
    parent
        .ends_with("/properties")
        .then(|| unescape(name).into_owned())
}

/// The values of an enum, sorted, without their names.
fn values_of(values: &ir::Enum) -> ValueSet {
    let mut set = named_values(values);
    set.iter_mut().for_each(|(_, _, name)| *name = None);
    set
}

/// The values of an enum with the names the spec gives them, sorted.
fn named_values(values: &ir::Enum) -> ValueSet {
    let mut set: ValueSet = values
        .values
        .iter()
        .map(|value| match &value.value {
            EnumLiteral::String(text) => (false, text.clone(), value.name.clone()),
            EnumLiteral::Integer(integer) => (true, integer.to_string(), value.name.clone()),
        })
        .collect();
    set.sort_unstable();
    set
}

/// A name lower-cased, without what is not a letter or digit.
fn squashed(name: &str) -> String {
    if name.is_ascii() {
        let bytes = name.bytes().filter(u8::is_ascii_alphanumeric);
        return bytes
            .map(|byte| char::from(byte.to_ascii_lowercase()))
            .collect();
    }
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}
