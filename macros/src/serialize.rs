//! `#[serialize_responses]`: `Serialize` on the types a generated client only reads, when the
//! `serialize-responses` feature is on.
//!
//! Deriving `Serialize` on every response type would double the time `cargo check` takes on a
//! big spec (GitHub's), so it is a feature. Generated code marks those types with this attribute
//! and writes their `#[serde(…)]` attributes as the derive needs them; with the feature off the
//! item keeps no derive, and the `#[serde(…)]` attributes go too unless another serde derive
//! (`Deserialize`) still reads them. Tokens are walked as they are: no parsing.

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};
use quote::quote;

/// Expands the attribute on `item`.
pub fn expand(item: TokenStream) -> TokenStream {
    if cfg!(feature = "serialize-responses") {
        return quote! {
            #[derive(::clientgen::serde::Serialize)]
            #item
        };
    }
    if derives_deserialize(&item) {
        item
    } else {
        strip_serde(item, true)
    }
}

/// Whether one of the item's own `#[derive(…)]` lists names `Deserialize`.
fn derives_deserialize(item: &TokenStream) -> bool {
    item.clone().into_iter().any(|tree| match tree {
        TokenTree::Group(group) if group.delimiter() == Delimiter::Bracket => {
            let mut inner = group.stream().into_iter();
            matches!(inner.next(), Some(TokenTree::Ident(name)) if name == "derive")
                && inner.any(|tree| match tree {
                    TokenTree::Group(list) => list.stream().into_iter().any(
                        |tree| matches!(tree, TokenTree::Ident(name) if name == "Deserialize"),
                    ),
                    _ => false,
                })
        }
        _ => false,
    })
}

/// `tokens` without `#[serde(…)]` attributes: those of the item, and (with `outer`) those of
/// its fields or variants, in the item's brace or parenthesis group.
fn strip_serde(tokens: TokenStream, outer: bool) -> TokenStream {
    let mut out = Vec::new();
    let mut trees = tokens.into_iter().peekable();
    while let Some(tree) = trees.next() {
        match tree {
            TokenTree::Punct(pound) if pound.as_char() == '#' => match trees.peek() {
                Some(TokenTree::Group(group)) if is_serde_attribute(group) => {
                    trees.next();
                }
                _ => out.push(TokenTree::Punct(pound)),
            },
            TokenTree::Group(group)
                if outer
                    && matches!(group.delimiter(), Delimiter::Brace | Delimiter::Parenthesis) =>
            {
                let mut stripped =
                    Group::new(group.delimiter(), strip_serde(group.stream(), false));
                stripped.set_span(group.span());
                out.push(TokenTree::Group(stripped));
            }
            other => out.push(other),
        }
    }
    out.into_iter().collect()
}

/// Whether `group` is the `[serde(…)]` of an attribute.
fn is_serde_attribute(group: &Group) -> bool {
    group.delimiter() == Delimiter::Bracket
        && matches!(group.stream().into_iter().next(), Some(TokenTree::Ident(name)) if name == "serde")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_the_feature_serde_attributes_go_unless_deserialize_reads_them() {
        let item: TokenStream = quote! {
            #[derive(Debug)]
            #[serde(crate = "::clientgen::serde")]
            pub struct User {
                #[serde(rename = "type")]
                pub type_: String,
                #[doc = "kept"]
                pub id: i64,
            }
        };
        let stripped = strip_serde(item.clone(), true).to_string();
        assert!(!stripped.contains("serde"), "{stripped}");
        assert!(stripped.contains("doc"), "{stripped}");
        let derived: TokenStream = quote! {
            #[derive(Debug, Deserialize)]
            #[serde(crate = "::clientgen::serde")]
            pub struct Page { #[serde(flatten)] pub rest: Map }
        };
        assert!(derives_deserialize(&derived));
        assert!(!derives_deserialize(&item));
    }
}
