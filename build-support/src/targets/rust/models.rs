//! The `types` module: one serde type per IR type definition.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::docs;
use super::names::{self, Scope};
use super::types::{self, Names, Place};
use crate::ir::{Api, Enum, EnumLiteral, Field, Struct, Type, TypeDef, TypeId, TypeKind, Union};

/// The items of the `types` module, in spec order.
pub fn items(api: &Api, names: Names<'_>) -> Vec<TokenStream> {
    api.types
        .iter()
        .enumerate()
        .map(|(index, def)| definition(def, TypeId(index), names))
        .collect()
}

fn definition(def: &TypeDef, id: TypeId, names: Names<'_>) -> TokenStream {
    let name = &names.types[id.0];
    // FastAPI titles every schema with its own name: that says nothing.
    let title = def.title.as_deref().filter(|title| *title != def.name);
    let doc = docs::doc_pair(title, def.description.as_deref());
    let deprecated = def.deprecated.then(|| quote!(#[deprecated]));
    let place = Place::defining(id);
    let body = match &def.kind {
        TypeKind::Struct(body) => structure(name, body, names, place),
        TypeKind::Enum(values) => enumeration(name, values),
        TypeKind::Union(union) if union.variants.is_empty() => {
            quote!(pub type #name = ::clientgen::serde_json::Value;)
        }
        TypeKind::Union(union) => union_type(name, union, names, place),
        TypeKind::Alias(ty) if names.recursion.is_newtype(id) => {
            let ty = types::spell(ty, names, place);
            quote! {
                #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
                #[serde(crate = "::clientgen::serde", transparent)]
                pub struct #name(pub #ty);
            }
        }
        TypeKind::Alias(ty) => {
            let ty = types::spell(ty, names, place);
            quote!(pub type #name = #ty;)
        }
    };
    quote!(#doc #deprecated #body)
}

/// The Rust names of a struct's fields, in order, then the name of its additional-properties
/// map.
pub fn field_names(body: &Struct) -> (Vec<String>, String) {
    let mut scope = Scope::default();
    let fields = body
        .fields
        .iter()
        .map(|field| scope.claim(names::snake_name(&field.name)))
        .collect();
    (fields, scope.claim("additional_properties".to_string()))
}

fn structure(name: &Ident, body: &Struct, names: Names<'_>, place: Place) -> TokenStream {
    let (field_names, extra_name) = field_names(body);
    let all_optional = body
        .fields
        .iter()
        .all(|field| !field.required || types::is_nullable(&field.ty));
    let fields = body
        .fields
        .iter()
        .zip(&field_names)
        .map(|(field, rust_name)| struct_field(field, rust_name, names, place));
    let extra = body.additional_properties.as_ref().map(|ty| {
        let ident = names::ident(&extra_name);
        let ty = types::spell(&Type::Map(Box::new(ty.clone())), names, place);
        quote! {
            /// Properties the spec does not name.
            #[serde(flatten)]
            pub #ident: #ty,
        }
    });
    let default = all_optional.then(|| quote!(Default,));
    quote! {
        #[derive(Debug, Clone, PartialEq, #default Serialize, Deserialize)]
        #[serde(crate = "::clientgen::serde")]
        pub struct #name {
            #(#fields)*
            #extra
        }
    }
}

/// One field. Required fields are `T` (`Option<T>` when nullable); optional ones are `Option<T>`
/// left out when `None`, and optional nullable ones `Option<Option<T>>`, so that "absent" and
/// "null" stay apart (`Some(None)` sends `null`).
fn struct_field(field: &Field, rust_name: &str, names: Names<'_>, place: Place) -> TokenStream {
    let ident = names::ident(rust_name);
    let doc = docs::doc(field.description.as_deref());
    let deprecated = field.deprecated.then(|| quote!(#[deprecated]));
    let rename = (rust_name != field.name).then(|| {
        let wire = docs::string(&field.name);
        quote!(#[serde(rename = #wire)])
    });
    let ty = types::spell(&field.ty, names, place);
    let (ty, serde) = match &field.ty {
        _ if field.required => (ty, None),
        Type::Nullable(inner) if **inner != Type::Any => (
            quote!(Option<#ty>),
            Some(quote! {
                #[serde(
                    default,
                    skip_serializing_if = "Option::is_none",
                    with = "::clientgen::__private::double_option"
                )]
            }),
        ),
        _ => (
            quote!(Option<#ty>),
            Some(quote!(#[serde(default, skip_serializing_if = "Option::is_none")])),
        ),
    };
    quote! {
        #doc
        #deprecated
        #rename
        #serde
        pub #ident: #ty,
    }
}

fn enumeration(name: &Ident, values: &Enum) -> TokenStream {
    let integers: Option<Vec<i64>> = values
        .values
        .iter()
        .map(|value| match value.value {
            EnumLiteral::Integer(n) => Some(n),
            EnumLiteral::String(_) => None,
        })
        .collect();
    let mut scope = Scope::camel_with_reserved(&[]);
    let variants: Vec<(Ident, TokenStream)> = values
        .values
        .iter()
        .map(|value| {
            let raw = match (&value.name, &value.value) {
                (Some(name), _) => name.clone(),
                (None, EnumLiteral::String(text)) => text.clone(),
                (None, EnumLiteral::Integer(n)) => n.to_string(),
            };
            let ident = names::ident(&scope.claim(names::variant_name(&raw)));
            (ident, docs::doc(value.description.as_deref()))
        })
        .collect();
    let unknown = names::ident(&scope.claim("UnknownValue".to_string()));
    match integers {
        Some(numbers) if !numbers.is_empty() => integer_enum(name, &variants, &numbers, &unknown),
        _ => string_enum(name, values, &variants, &unknown),
    }
}

fn string_enum(
    name: &Ident,
    values: &Enum,
    variants: &[(Ident, TokenStream)],
    unknown: &Ident,
) -> TokenStream {
    let declared = values
        .values
        .iter()
        .zip(variants)
        .map(|(value, (ident, doc))| {
            let wire = match &value.value {
                EnumLiteral::String(text) => text.clone(),
                EnumLiteral::Integer(n) => n.to_string(),
            };
            let wire = docs::string(&wire);
            quote!(#doc #[serde(rename = #wire)] #ident,)
        });
    quote! {
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(crate = "::clientgen::serde")]
        pub enum #name {
            #(#declared)*
            /// A value this client does not know (the server may be newer than the spec).
            #[serde(untagged)]
            #unknown(String),
        }
    }
}

fn integer_enum(
    name: &Ident,
    variants: &[(Ident, TokenStream)],
    numbers: &[i64],
    unknown: &Ident,
) -> TokenStream {
    let declared = variants.iter().map(|(ident, doc)| quote!(#doc #ident,));
    let idents: Vec<&Ident> = variants.iter().map(|(ident, _)| ident).collect();
    let literals: Vec<proc_macro2::Literal> = numbers
        .iter()
        .map(|n| proc_macro2::Literal::i64_unsuffixed(*n))
        .collect();
    quote! {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(crate = "::clientgen::serde", from = "i64", into = "i64")]
        pub enum #name {
            #(#declared)*
            /// A value this client does not know (the server may be newer than the spec).
            #unknown(i64),
        }

        impl From<i64> for #name {
            fn from(value: i64) -> Self {
                match value {
                    #(#literals => Self::#idents,)*
                    other => Self::#unknown(other),
                }
            }
        }

        impl From<#name> for i64 {
            fn from(value: #name) -> Self {
                match value {
                    #(#name::#idents => #literals,)*
                    #name::#unknown(other) => other,
                }
            }
        }
    }
}

fn union_type(name: &Ident, union: &Union, names: Names<'_>, place: Place) -> TokenStream {
    let mut scope = Scope::camel_with_reserved(&[]);
    match &union.discriminator {
        Some(discriminator) if !discriminator.mapping.is_empty() => {
            let mut variants: Vec<(TypeId, Ident, Vec<String>)> = Vec::new();
            for (tag, id) in &discriminator.mapping {
                match variants.iter_mut().find(|(seen, _, _)| seen == id) {
                    Some((_, _, tags)) => tags.push(tag.clone()),
                    None => {
                        let ident = scope.claim(names.types[id.0].to_string());
                        variants.push((*id, names::ident(&ident), vec![tag.clone()]));
                    }
                }
            }
            let unknown = names::ident(&scope.claim("UnknownValue".to_string()));
            let declared = variants.iter().map(|(id, ident, _)| {
                let ty = types::spell(&Type::Named(*id), names, place);
                quote!(#ident(#ty),)
            });
            let property = docs::string(&discriminator.property);
            let arms = variants.iter().map(|(id, ident, tags)| {
                let tags = tags.iter().map(|tag| docs::string(tag));
                let boxed = place
                    .owner
                    .is_some_and(|owner| names.recursion.needs_box(owner, *id));
                let wrap = if boxed {
                    quote!(|value| Self::#ident(Box::new(value)))
                } else {
                    quote!(Self::#ident)
                };
                quote!(#(Some(#tags))|* => ::clientgen::__private::from_value(value).map(#wrap),)
            });
            quote! {
                #[derive(Debug, Clone, PartialEq, Serialize)]
                #[serde(crate = "::clientgen::serde", untagged)]
                pub enum #name {
                    #(#declared)*
                    /// A variant this client does not know (an unknown tag).
                    #unknown(::clientgen::serde_json::Value),
                }

                impl<'de> Deserialize<'de> for #name {
                    fn deserialize<D: ::clientgen::serde::Deserializer<'de>>(
                        deserializer: D,
                    ) -> Result<Self, D::Error> {
                        let value = ::clientgen::__private::any_value(deserializer)?;
                        match ::clientgen::__private::tag(&value, #property) {
                            #(#arms)*
                            _ => Ok(Self::#unknown(value)),
                        }
                    }
                }
            }
        }
        _ => {
            let declared = union.variants.iter().map(|ty| {
                let ident = names::ident(&scope.claim(variant_of(ty, names)));
                let ty = types::spell(ty, names, place);
                quote!(#ident(#ty),)
            });
            quote! {
                #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
                #[serde(crate = "::clientgen::serde", untagged)]
                pub enum #name {
                    #(#declared)*
                }
            }
        }
    }
}

/// The variant name of an untagged union member: the type's name, or what the value is.
fn variant_of(ty: &Type, names: Names<'_>) -> String {
    match ty {
        Type::Named(id) => names.types[id.0].to_string(),
        Type::Any => "Any".to_string(),
        Type::Boolean => "Boolean".to_string(),
        Type::Integer(_) => "Integer".to_string(),
        Type::Number(_) => "Number".to_string(),
        Type::String(_) => "String".to_string(),
        Type::Binary => "File".to_string(),
        Type::List(item) => format!("{}List", variant_of(item, names)),
        Type::Map(value) => format!("{}Map", variant_of(value, names)),
        Type::Nullable(inner) => format!("Nullable{}", variant_of(inner, names)),
    }
}
