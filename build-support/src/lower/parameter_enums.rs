//! Parameter enums that say again what another enum says get that enum's type.
//!
//! django-filter writes a model field's choices inline in every list operation's query
//! parameter, beside the component enum drf-spectacular made for the same field (the values in
//! another order); specs written by hand repeat `order: [asc, desc]` in every list operation.
//! Left alone, each becomes a type named after the first operation that met it
//! (`TicketsListStatus`), and a caller cannot pass the component's `StatusEnum.CLOSED`.
//!
//! So, for the inline enum of a parameter (directly, or as a list's items):
//! - when a component enum has the same values (in any order), the parameter uses it;
//! - else inline enums of parameters of one name with the same values become one type, named
//!   after the parameter (`order`), when they are several and that name is free.
//!
//! An inline enum no longer used is dropped.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::ir::{self, EnumLiteral, Type, TypeId, TypeKind, TypeOrigin};

/// A set of enum values, order aside.
type ValueSet = Vec<(bool, String)>;

/// Points parameters at the enum their inline enum repeats, as the module says.
pub(super) fn share(api: &mut ir::Api) {
    let mut components: FxHashMap<ValueSet, TypeId> = FxHashMap::default();
    for (id, def) in api.types.iter().enumerate() {
        if let (TypeOrigin::Component, TypeKind::Enum(values)) = (&def.origin, &def.kind) {
            components.entry(value_set(values)).or_insert(TypeId(id));
        }
    }
    // Inline enum → the type it becomes.
    let mut replaced: FxHashMap<TypeId, TypeId> = FxHashMap::default();
    // (parameter name, values) → the inline enums met, in spec order.
    let mut groups: Vec<((&str, ValueSet), Vec<TypeId>)> = Vec::new();
    for parameter in api.operations.iter().flat_map(|o| &o.parameters) {
        let Some(id) = inline_enum(api, &parameter.ty) else {
            continue;
        };
        let TypeKind::Enum(values) = &api.type_def(id).kind else {
            continue;
        };
        let values = value_set(values);
        if let Some(&component) = components.get(&values) {
            replaced.insert(id, component);
            continue;
        }
        let key = (parameter.name.as_str(), values);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, ids)) if !ids.contains(&id) => ids.push(id),
            Some(_) => {}
            None => groups.push((key, vec![id])),
        }
    }
    // Names as targets will tell them apart: `order` would collide with a component `Order`.
    let mut taken: FxHashSet<String> = api.types.iter().map(|def| squashed(&def.name)).collect();
    let mut renamed = Vec::new();
    for ((parameter, _), ids) in &groups {
        let [kept, others @ ..] = ids.as_slice() else {
            continue;
        };
        if others.is_empty() {
            continue;
        }
        others.iter().for_each(|other| {
            replaced.insert(*other, *kept);
        });
        if taken.insert(squashed(parameter)) {
            renamed.push((*kept, parameter.to_string()));
        }
    }
    if replaced.is_empty() {
        return;
    }
    for (id, name) in renamed {
        api.types[id.0].name = name;
    }
    let to = |id: TypeId| replaced.get(&id).copied().unwrap_or(id);
    for def in &mut api.types {
        def.renumber(&to);
    }
    for operation in &mut api.operations {
        operation.renumber(&to);
    }
    let kept: Vec<TypeId> = (0..api.types.len())
        .map(TypeId)
        .filter(|id| !replaced.contains_key(id))
        .collect();
    api.reorder_types(&kept);
}

/// The inline enum a parameter's type is, or holds as a list's items.
fn inline_enum(api: &ir::Api, ty: &Type) -> Option<TypeId> {
    let id = match ty {
        Type::Named(id) => *id,
        Type::List(item) | Type::Nullable(item) => return inline_enum(api, item),
        _ => return None,
    };
    let def = api.type_def(id);
    let inline = matches!(def.origin, TypeOrigin::Inline { .. });
    (inline && matches!(def.kind, TypeKind::Enum(_))).then_some(id)
}

/// The values of an enum, sorted: strings and integers apart.
fn value_set(values: &ir::Enum) -> ValueSet {
    let mut set: ValueSet = values
        .values
        .iter()
        .map(|value| match &value.value {
            EnumLiteral::String(text) => (false, text.clone()),
            EnumLiteral::Integer(integer) => (true, integer.to_string()),
        })
        .collect();
    set.sort_unstable();
    set
}

/// A name lower-cased, without what is not a letter or digit.
fn squashed(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}
