//! How IR types are spelled as Rust types.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::recursion::Recursion;
use crate::ir::{IntegerFormat, Type, TypeId};

/// What the spelling of a type depends on.
#[derive(Debug, Clone, Copy)]
pub struct Names<'a> {
    /// Type names by [`TypeId`].
    pub types: &'a [Ident],
    /// Recursion facts, for boxing.
    pub recursion: &'a Recursion,
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
    /// In an operation of the `Client`.
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
pub fn spell(ty: &Type, names: Names<'_>, place: Place) -> TokenStream {
    spell_at(ty, names, place, true)
}

fn spell_at(ty: &Type, names: Names<'_>, place: Place, by_value: bool) -> TokenStream {
    match ty {
        Type::Any => quote!(::clientgen::serde_json::Value),
        Type::Boolean => quote!(bool),
        Type::Integer(IntegerFormat::Int32) => quote!(i32),
        Type::Integer(_) => quote!(i64),
        Type::Number(_) => quote!(f64),
        Type::String(_) => quote!(String),
        Type::Binary => quote!(::clientgen::File),
        Type::Named(id) => {
            let name = &names.types[id.0];
            let path = match place.module {
                Module::Types => quote!(#name),
                Module::Api => quote!(types::#name),
                Module::Responses => quote!(super::types::#name),
            };
            match place.owner {
                Some(owner) if by_value && names.recursion.needs_box(owner, *id) => {
                    quote!(Box<#path>)
                }
                _ => path,
            }
        }
        Type::List(item) => {
            let item = spell_at(item, names, place, false);
            quote!(Vec<#item>)
        }
        Type::Map(value) => {
            let value = spell_at(value, names, place, false);
            if place.module == Module::Types {
                quote!(BTreeMap<String, #value>)
            } else {
                quote!(::std::collections::BTreeMap<String, #value>)
            }
        }
        Type::Nullable(inner) if **inner == Type::Any => spell_at(inner, names, place, by_value),
        Type::Nullable(inner) => {
            let inner = spell_at(inner, names, place, by_value);
            quote!(Option<#inner>)
        }
    }
}

/// Whether `ty` is JSON `null`-able as spelled (`Option<T>`, or `Value`, which holds `null`).
pub fn is_nullable(ty: &Type) -> bool {
    matches!(ty, Type::Nullable(_) | Type::Any)
}
