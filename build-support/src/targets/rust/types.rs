//! How IR types are spelled as Rust types.

use super::recursion::Recursion;
use crate::ir::Usage;
use crate::ir::{IntegerFormat, StringFormat, Type, TypeId};

/// What the spelling of a type depends on.
#[derive(Debug, Clone, Copy)]
pub struct Names<'a> {
    /// Type names by [`TypeId`].
    pub types: &'a [String],
    /// Recursion facts, for boxing.
    pub recursion: &'a Recursion,
    /// Which way each type travels, for its serde derives.
    pub usage: &'a Usage,
}

/// Which module a type is spelled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Module {
    /// The `types` module: `User`.
    Types,
    /// The API module, beside `types`: `types::User`.
    Api,
    /// The `responses` module: `super::types::User`.
    Responses,
}

/// Where a type is spelled.
#[derive(Debug, Clone, Copy)]
pub struct Place {
    /// The module.
    pub module: Module,
    /// The type being defined, whose by-value references to its own cycle are boxed.
    pub owner: Option<TypeId>,
}

impl Place {
    /// In an operation of the `Client` or a builder.
    pub const OPERATION: Place = Place {
        module: Module::Api,
        owner: None,
    };

    /// In the `responses` module.
    pub const RESPONSES: Place = Place {
        module: Module::Responses,
        owner: None,
    };

    /// In the definition of `owner`, inside the `types` module.
    pub fn defining(owner: TypeId) -> Place {
        Place {
            module: Module::Types,
            owner: Some(owner),
        }
    }
}

/// Spells `ty` at `place`.
pub fn spell(ty: &Type, names: Names<'_>, place: Place) -> String {
    let mut out = String::new();
    spell_at(&mut out, ty, names, place, true);
    out
}

fn spell_at(out: &mut String, ty: &Type, names: Names<'_>, place: Place, by_value: bool) {
    match ty {
        Type::Any => out.push_str("::clientgen::serde_json::Value"),
        // `()` reads and writes JSON `null`.
        Type::Null => out.push_str("()"),
        Type::Boolean => out.push_str("bool"),
        Type::Integer(IntegerFormat::Int32) => out.push_str("i32"),
        Type::Integer(_) => out.push_str("i64"),
        Type::Number(_) => out.push_str("f64"),
        Type::String(StringFormat::DateTime) => out.push_str("::clientgen::DateTime"),
        Type::String(StringFormat::Date) => out.push_str("::clientgen::Date"),
        Type::String(StringFormat::Uuid) => out.push_str("::clientgen::Uuid"),
        Type::String(_) => out.push_str("String"),
        Type::Binary => out.push_str("::clientgen::File"),
        Type::FileOrText => out.push_str("::clientgen::FileOrText"),
        Type::Named(id) => {
            let boxed = matches!(place.owner, Some(owner) if by_value && names.recursion.needs_box(owner, *id));
            if boxed {
                out.push_str("Box<");
            }
            match place.module {
                Module::Types => {}
                Module::Api => out.push_str("types::"),
                Module::Responses => out.push_str("super::types::"),
            }
            out.push_str(&names.types[id.0]);
            if boxed {
                out.push('>');
            }
        }
        Type::List(item) => {
            out.push_str("Vec<");
            spell_at(out, item, names, place, false);
            out.push('>');
        }
        Type::Map(value) => {
            if place.module == Module::Types {
                out.push_str("BTreeMap<String, ");
            } else {
                out.push_str("::std::collections::BTreeMap<String, ");
            }
            spell_at(out, value, names, place, false);
            out.push('>');
        }
        Type::Nullable(inner) if **inner == Type::Any => {
            spell_at(out, inner, names, place, by_value)
        }
        Type::Nullable(inner) => {
            out.push_str("Option<");
            spell_at(out, inner, names, place, by_value);
            out.push('>');
        }
    }
}

/// Whether `ty` is JSON `null`-able as spelled (`Option<T>`, or `Value`, which holds `null`).
pub fn is_nullable(ty: &Type) -> bool {
    matches!(ty, Type::Nullable(_) | Type::Any)
}
