//! The declarations of `models.ts`: one interface or type alias per IR type, each written
//! whole here (names and types decided, escaped) so the template only lays them out.
//!
//! They are built as text rather than as views for a template: GitHub's spec gives 7,000 types
//! and a 2.6 MB `models.ts` (4.6 MB for the whole client), which minijinja (about 100 MB/s)
//! would render in most of the target's 60 ms budget.

use super::escape;
use super::names;
use super::print;
use super::types::{self, Direction, Names};
use crate::ir::{
    Api, Discriminator, EnumLiteral, Field, Struct, Type, TypeDef, TypeId, TypeKind, TypeOrigin,
    Union,
};
use crate::targets::constraints;

/// Every declaration of `models.ts`, in type order; `exported` are the types' exported names
/// (see `TypeNames` in `mod.rs`).
pub fn declarations(api: &Api, names: &Names, exported: &[String]) -> Vec<String> {
    api.types
        .iter()
        .enumerate()
        .map(|(index, def)| {
            // Enums, and unions of enums only, are declared closed: their read uses add the
            // unknown value.
            let direction = match names.unknown_of(index) {
                Some(_) => Direction::Sent,
                None => names.direction_of(index),
            };
            let name = &names.names[index];
            let mut out = String::with_capacity(256);
            if is_deprecated(api, def) {
                // Declared under the name the generated code uses, then exported under its own
                // as a deprecated alias, with the doc it would have had.
                let exported = &exported[index];
                let note = format!(
                    "The deprecated {{@link {exported}}}, under the name the generated code uses."
                );
                push_type_doc(&mut out, def, exported, &note, "");
                push_declaration(&mut out, api, names, name, def, direction);
                out.push('\n');
                push_type_doc(&mut out, def, exported, "", "@deprecated");
                print::push_alias(&mut out, &format!("export type {exported}"), name);
            } else {
                push_type_doc(&mut out, def, name, "", "");
                push_declaration(&mut out, api, names, name, def, direction);
            }
            out
        })
        .collect()
}

/// Appends the declaration of `def` under `name`, spelled for the way it travels (see
/// [`Names::direction_of`]).
fn push_declaration(
    out: &mut String,
    api: &Api,
    names: &Names,
    name: &str,
    def: &TypeDef,
    direction: Direction,
) {
    match &def.kind {
        TypeKind::Struct(model) => push_interface(out, api, names, name, model, direction),
        TypeKind::Enum(values) => {
            let literals = values.values.iter().map(|value| match &value.value {
                EnumLiteral::String(text) => escape::string_literal(text),
                EnumLiteral::Integer(number) => number.to_string(),
            });
            push_alternatives(out, name, literals.collect(), "never");
        }
        // An alternative that is `unknown` makes the union `unknown`: the rest would be noise.
        TypeKind::Union(union) if union.variants.iter().any(|ty| names.is_unknown(ty)) => {
            push_alternatives(out, name, Vec::new(), "unknown")
        }
        TypeKind::Union(union) => {
            let variants = variants(api, names, union, direction);
            push_alternatives(out, name, variants, "unknown")
        }
        TypeKind::Alias(ty) => {
            let head = format!("export type {name}");
            print::push_alias(out, &head, &names.spell(ty, "", direction));
        }
    }
}

/// `export type Name = A | B;`, broken as prettier breaks it; `empty` when there is none.
fn push_alternatives(out: &mut String, name: &str, alternatives: Vec<String>, empty: &str) {
    let ty = if alternatives.is_empty() {
        empty.to_string()
    } else {
        alternatives.join(" | ")
    };
    print::push_alias(out, &format!("export type {name}"), &ty);
}

fn push_interface(
    out: &mut String,
    api: &Api,
    names: &Names,
    name: &str,
    model: &Struct,
    direction: Direction,
) {
    if model.fields.is_empty() && model.additional_properties.is_none() {
        // An object whose properties the spec does not list. Not `interface Name {}`: `{}` also
        // admits strings and numbers.
        print::push_alias(
            out,
            &format!("export type {name}"),
            "Record<string, unknown>",
        );
        return;
    }
    out.push_str("export interface ");
    out.push_str(name);
    out.push_str(" {\n");
    for field in &model.fields {
        push_field_doc(out, api, field);
        let mut key = String::with_capacity(field.name.len() + 3);
        push_key(&mut key, &field.name);
        if !field.required {
            key.push('?');
        }
        let ty = names.spell(&field.ty, "", direction);
        print::push_member(out, "  ", &key, &ty, ";");
        out.push('\n');
    }
    if let Some(extra) = &model.additional_properties {
        let value = names.spell(extra, "", direction);
        // Every property must fit the index signature: unless all are required and of the
        // extra values' type, the signature is `unknown`.
        let fits = model
            .fields
            .iter()
            .all(|field| field.required && names.spell(&field.ty, "", direction) == value);
        let value = if fits { value.as_str() } else { "unknown" };
        print::push_member(out, "  ", "[key: string]", value, ";");
        out.push('\n');
    }
    out.push_str("}\n");
}

/// Appends a property key: bare when it is an identifier, else a string literal.
pub fn push_key(out: &mut String, key: &str) {
    if names::is_bare_key(key) {
        out.push_str(key);
    } else {
        escape::push_string_literal(out, key);
    }
}

/// The doc comment of type `name`: its description and checks, then `note` and `tag`.
fn push_type_doc(out: &mut String, def: &TypeDef, name: &str, note: &str, tag: &str) {
    let text = def.documentation(name).unwrap_or("");
    let checks = match &def.kind {
        TypeKind::Alias(ty) => constraints::summary(&def.constraints, ty)
            .map(|summary| summary + ".")
            .unwrap_or_default(),
        _ => String::new(),
    };
    escape::push_doc(out, &[text, "", &checks, "", note, tag], "");
}

/// Whether a type is deprecated itself. A schema hoisted from a property (or a parameter, a
/// body) is deprecated with that property, whose doc says so: others may share the type
/// (`reason?: Reason` where only one `reason` is deprecated).
pub fn is_deprecated(api: &Api, def: &TypeDef) -> bool {
    match def.origin {
        TypeOrigin::Component => def.deprecated,
        TypeOrigin::Inline { .. } => false,
        TypeOrigin::RequestShape { of } => is_deprecated(api, api.type_def(of)),
    }
}

fn push_field_doc(out: &mut String, api: &Api, field: &Field) {
    let description = field
        .description
        .as_deref()
        .filter(|text| !repeats_type_doc(api, &field.ty, text))
        .unwrap_or("");
    let note = types::format_note(&field.ty).unwrap_or("");
    let checks = constraints::summary(&field.constraints, &field.ty)
        .map(|summary| summary + ".")
        .unwrap_or_default();
    let default = field
        .default
        .as_ref()
        .map(|value| format!("@defaultValue `{value}`"))
        .unwrap_or_default();
    let deprecated = if field.deprecated { "@deprecated" } else { "" };
    let parts = [description, "", note, "", &checks, &default, deprecated];
    if parts.iter().all(|part| part.is_empty()) {
        return;
    }
    escape::push_doc(out, &parts, "  ");
}

/// Whether `text` only repeats the description of the type a field refers to.
fn repeats_type_doc(api: &Api, ty: &Type, text: &str) -> bool {
    let referenced = match ty {
        Type::Named(id) => Some(*id),
        Type::Nullable(inner) => match inner.as_ref() {
            Type::Named(id) => Some(*id),
            _ => None,
        },
        _ => None,
    };
    referenced.is_some_and(|id| api.type_def(id).description.as_deref() == Some(text))
}

/// The union's alternatives, distinct, `null` once and last; with a discriminator, each model variant is narrowed to
/// its tags (`Cat & { pet_type: "cat" }`) so that checking the tag narrows the union.
///
/// A union of enums of one kind (drf's `ThemeEnum | BlankEnum`) is declared closed: where it is
/// read, its uses add the unknown value. Other unions the client only reads (`direction`) list
/// their enum alternatives closed and what those admit beyond them once, last.
fn variants(api: &Api, names: &Names, union: &Union, direction: Direction) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(union.variants.len());
    let mut unknowns: Vec<&str> = Vec::new();
    let mut nullable = false;
    for variant in &union.variants {
        // `string | null | number | null` says `null` twice.
        let variant = match variant {
            Type::Nullable(inner) => {
                nullable = true;
                inner.as_ref()
            }
            Type::Null => {
                nullable = true;
                continue;
            }
            other => other,
        };
        let unknown = match variant {
            Type::Named(id) if direction == Direction::Read => names.unknown_of(id.0),
            _ => None,
        };
        let mut spelled = match unknown {
            Some(unknown) => {
                if !unknowns.contains(&unknown) {
                    unknowns.push(unknown);
                }
                names.spell(variant, "", Direction::Sent)
            }
            None => names.spell(variant, "", direction),
        };
        if let (Some(discriminator), Type::Named(id)) = (&union.discriminator, variant)
            && let Some(tags) = tags_of(api, discriminator, *id)
        {
            let mut narrowed = String::with_capacity(spelled.len() + 32);
            narrowed.push('(');
            narrowed.push_str(&spelled);
            narrowed.push_str(" & { ");
            push_key(&mut narrowed, &discriminator.property);
            narrowed.push_str(": ");
            narrowed.push_str(&tags.join(" | "));
            narrowed.push_str(" })");
            spelled = narrowed;
        }
        if !out.contains(&spelled) {
            out.push(spelled);
        }
    }
    for unknown in unknowns {
        // `string | (string & {})` says no more than `string`.
        let plain = &unknown[1..unknown.len() - " & {})".len()];
        if !out.iter().any(|alternative| alternative == plain) {
            out.push(unknown.to_string());
        }
    }
    if nullable {
        out.push("null".to_string());
    }
    out
}

/// The tag literals of variant `id`, when it is a model whose discriminator property can hold
/// them (absent, a string, or an enum listing them).
fn tags_of(api: &Api, discriminator: &Discriminator, id: TypeId) -> Option<Vec<String>> {
    let TypeKind::Struct(model) = &api.type_def(id).kind else {
        return None;
    };
    let tags: Vec<&str> = discriminator
        .mapping
        .iter()
        .filter(|(_, target)| *target == id)
        .map(|(tag, _)| tag.as_str())
        .collect();
    if tags.is_empty() {
        return None;
    }
    let field = model
        .fields
        .iter()
        .find(|f| f.name == discriminator.property);
    let fits = match field.map(|f| strip_nullable(&f.ty)) {
        None | Some(Type::String(_) | Type::Any) => true,
        Some(Type::Named(enum_id)) => match &api.type_def(*enum_id).kind {
            TypeKind::Enum(values) => tags.iter().all(|tag| {
                values
                    .values
                    .iter()
                    .any(|v| v.value == EnumLiteral::String((*tag).to_string()))
            }),
            _ => false,
        },
        Some(_) => false,
    };
    fits.then(|| tags.iter().map(|tag| escape::string_literal(tag)).collect())
}

fn strip_nullable(ty: &Type) -> &Type {
    match ty {
        Type::Nullable(inner) => strip_nullable(inner),
        other => other,
    }
}
