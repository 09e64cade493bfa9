//! The `types` module: one serde type per IR type definition.

use super::docs;
use super::from_map;
use super::names::{self, Scope};
use super::text::{self, Frame, Tail, line, line_fmt, typed_line};
use super::types::{self, Names, Place};
use crate::ir::{Api, Enum, EnumLiteral, Field, Struct, Type, TypeDef, TypeId, TypeKind, Union};
use crate::targets::constraints;

/// Names a variant cannot take: `Self` is a keyword in that position.
const VARIANT_RESERVED: &[&str] = &["Self"];

/// Indent of the items of the `types` module.
const INDENT: usize = 8;

/// Appends the items of the `types` module, in spec order: every type an operation sends or
/// receives. Types no operation reaches (GitHub's webhook payloads, say) are left out: each
/// would cost the user's crate compile time and could not travel anyway.
pub fn write_items(out: &mut String, api: &Api, names: Names<'_>, format: bool) {
    for (index, def) in api.types.iter().enumerate() {
        let id = TypeId(index);
        if !names.usage.is_sent(id) && !names.usage.is_received(id) {
            continue;
        }
        let start = out.len();
        definition(out, api, def, id, names, Serde::of(api, id, names));
        text::settle_item(out, start, Frame::InnerModule, format);
        if let TypeKind::Struct(body) = &def.kind
            && names.usage.is_sent(id)
        {
            let start = out.len();
            constructor(out, &names.types[id.0], body, names, Place::defining(id));
            text::format_item(out, start, Frame::InnerModule, format);
        }
    }
}

/// The serde traits a type's definition provides: both, on every type that travels (what is
/// sent can be read back, what is read can be stored and sent on). `Serialize` on a type the
/// client only reads comes with the runtime's `serialize-responses` feature: on GitHub's spec it
/// would add two thirds to `cargo check` of the client, past its budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Serde {
    /// `Serialize`: the client sends the type.
    pub serialize: bool,
    /// `Deserialize`: the client receives the type.
    pub deserialize: bool,
    /// `Serialize` only with the `serialize-responses` feature (the client only reads the
    /// type): asked for by the `#[serialize_responses]` attribute, not in the derive list; the
    /// `#[serde(…)]` attributes are written all the same (the attribute drops them when off).
    pub gated: bool,
}

impl Serde {
    /// What the definition of `id` derives (nothing for plain aliases, which derive nothing,
    /// nor for types that do not travel, which are not written).
    pub fn of(api: &Api, id: TypeId, names: Names<'_>) -> Serde {
        let derives = match &api.type_def(id).kind {
            TypeKind::Alias(_) => names.recursion.is_newtype(id),
            TypeKind::Union(union) => !union.variants.is_empty(),
            TypeKind::Struct(_) | TypeKind::Enum(_) => true,
        };
        let travels = names.usage.is_sent(id) || names.usage.is_received(id);
        Serde {
            serialize: derives && travels,
            deserialize: derives && travels,
            gated: !names.usage.is_sent(id),
        }
    }

    /// The reading half alone: enums derive only `Deserialize`, and write `Serialize` by hand.
    fn read_only(self) -> Serde {
        Serde {
            serialize: false,
            gated: false,
            ..self
        }
    }

    /// Whether the definition uses serde at all (and so may carry `#[serde(…)]`).
    fn any(self) -> bool {
        self.serialize || self.deserialize
    }

    /// Whether `Serialize` is in the derive list (not behind the feature).
    pub fn derives_serialize(self) -> bool {
        self.serialize && !self.gated
    }

    /// The `#[serialize_responses]` attribute, when `Serialize` is behind the feature; it goes
    /// before the derive list.
    fn gate(self, out: &mut String) {
        if self.serialize && self.gated {
            line(
                out,
                INDENT,
                "#[::clientgen::__private::serialize_responses]",
            );
        }
    }

    /// `traits` followed by the serde derives.
    fn derives<'a>(self, traits: &[&'a str]) -> Vec<&'a str> {
        let mut all = traits.to_vec();
        if self.derives_serialize() {
            all.push("Serialize");
        }
        if self.deserialize {
            all.push("Deserialize");
        }
        all
    }
}

fn definition(
    out: &mut String,
    api: &Api,
    def: &TypeDef,
    id: TypeId,
    names: Names<'_>,
    serde: Serde,
) {
    let name = names.types[id.0].as_str();
    // FastAPI titles every schema with its own name: that says nothing.
    let title = def.title.as_deref().filter(|title| *title != def.name);
    docs::doc_pair(out, INDENT, title, def.description.as_deref());
    if let TypeKind::Alias(ty) = &def.kind
        && let Some(summary) = constraints::summary(&def.constraints, ty)
    {
        if title.is_some() || def.description.is_some() {
            line(out, INDENT, "///");
        }
        docs::doc(out, INDENT, Some(&(summary + ".")));
    }
    if def.deprecated {
        line(out, INDENT, "#[deprecated]");
    }
    let place = Place::defining(id);
    match &def.kind {
        TypeKind::Struct(body) => {
            let sent = names.usage.is_sent(id);
            structure(out, name, body, names, place, serde, sent)
        }
        TypeKind::Enum(values) => enumeration(out, name, values, serde),
        TypeKind::Union(union) if union.variants.is_empty() => line_fmt(
            out,
            INDENT,
            format_args!("pub type {name} = ::clientgen::serde_json::Value;"),
        ),
        TypeKind::Union(union) => union_type(out, api, name, union, names, place, serde),
        TypeKind::Alias(ty) if names.recursion.is_newtype(id) => {
            let ty = types::spell(ty, names, place);
            serde.gate(out);
            derive(
                out,
                INDENT,
                &serde.derives(&["Debug", "Clone", "PartialEq"]),
            );
            if serde.any() {
                line(
                    out,
                    INDENT,
                    "#[serde(crate = \"::clientgen::serde\", transparent)]",
                );
            }
            line_fmt(out, INDENT, format_args!("pub struct {name}(pub {ty});"));
        }
        TypeKind::Alias(ty) => {
            let ty = types::spell(ty, names, place);
            line_fmt(out, INDENT, format_args!("pub type {name} = {ty};"));
        }
    }
}

/// Appends `#[derive(…)]` at `indent`: on one line when it fits, else a line per trait.
pub fn derive(out: &mut String, indent: usize, traits: &[&str]) {
    let joined = traits.join(", ");
    if indent + joined.len() + "#[derive()]".len() <= text::MARGIN {
        line_fmt(out, indent, format_args!("#[derive({joined})]"));
        return;
    }
    line(out, indent, "#[derive(");
    for (index, name) in traits.iter().enumerate() {
        let comma = if index + 1 < traits.len() { "," } else { "" };
        line_fmt(out, indent + 4, format_args!("{name}{comma}"));
    }
    line(out, indent, ")]");
}

/// The attributes and first line of the untagged enum `name` of a union, with the serde
/// derives `derived` allows.
fn untagged_enum_head(out: &mut String, derived: Serde, name: &str) {
    derived.gate(out);
    derive(
        out,
        INDENT,
        &derived.derives(&["Debug", "Clone", "PartialEq"]),
    );
    if derived.any() {
        line(
            out,
            INDENT,
            "#[serde(crate = \"::clientgen::serde\", untagged)]",
        );
    }
    line_fmt(out, INDENT, format_args!("pub enum {name} {{"));
}

/// Appends `Variant(Type),` at `indent`, broken after `(` when it does not fit.
pub fn tuple_variant(out: &mut String, indent: usize, variant: &str, ty: &str) {
    if indent + variant.len() + ty.len() + 3 <= text::MARGIN {
        line_fmt(out, indent, format_args!("{variant}({ty}),"));
        return;
    }
    line_fmt(out, indent, format_args!("{variant}("));
    typed_line(out, indent + 4, "", ty, Tail::TrailingComma);
    line(out, indent, "),");
}

/// The Rust names of a struct's fields, in order, then the name of its additional-properties
/// map.
/// `new` is kept for the constructor of the structs the client sends.
pub fn field_names(body: &Struct) -> (Vec<String>, String) {
    let mut scope = Scope::with_reserved(&["new"]);
    let fields = body
        .fields
        .iter()
        .map(|field| scope.claim(names::snake_name(&field.name)))
        .collect();
    (fields, scope.claim("additional_properties".to_string()))
}

fn structure(
    out: &mut String,
    name: &str,
    body: &Struct,
    names: Names<'_>,
    place: Place,
    serde: Serde,
    sent: bool,
) {
    let (field_names, extra_name) = field_names(body);
    let all_optional = body
        .fields
        .iter()
        .all(|field| !field.required || types::is_nullable(&field.ty));
    let traits: &[&str] = if all_optional {
        &["Debug", "Clone", "PartialEq", "Default"]
    } else {
        &["Debug", "Clone", "PartialEq"]
    };
    // A struct the client receives is read by a written `FromMap` where it can be; the serde
    // attributes are for what is still derived.
    let written = serde.deserialize && from_map::applies(body);
    let serde = Serde {
        deserialize: serde.deserialize && !written,
        ..serde
    };
    serde.gate(out);
    derive(out, INDENT, &serde.derives(traits));
    if serde.any() {
        line(out, INDENT, "#[serde(crate = \"::clientgen::serde\")]");
    }
    if body.fields.is_empty() && body.additional_properties.is_none() {
        line_fmt(out, INDENT, format_args!("pub struct {name} {{}}"));
        return;
    }
    line_fmt(out, INDENT, format_args!("pub struct {name} {{"));
    for (field, rust_name) in body.fields.iter().zip(&field_names) {
        struct_field(out, field, rust_name, names, place, serde.any(), sent);
    }
    if let Some(ty) = &body.additional_properties {
        let ty = types::spell(&Type::Map(Box::new(ty.clone())), names, place);
        line(out, INDENT + 4, "/// Properties the spec does not name.");
        if serde.any() {
            line(out, INDENT + 4, "#[serde(flatten)]");
        }
        typed_line(
            out,
            INDENT + 4,
            &format!("pub {extra_name}: "),
            &ty,
            Tail::Counted(","),
        );
    }
    line(out, INDENT, "}");
    if written {
        from_map::write(out, INDENT, name, body, &field_names, sent);
    }
}

/// Whether a field is `Option<Option<T>>`, absent and `null` apart: an optional nullable field
/// of a struct the client `sent`, where leaving a field out and sending `null` can mean two
/// things to the server (PATCH: "leave as is" and "clear"). A struct the client only reads has
/// `Option<T>` there: a caller has nothing to tell apart. A struct both sent and read keeps
/// the two levels, since what it sends decides.
pub fn is_double_option(field: &Field, sent: bool) -> bool {
    sent && !field.required && matches!(&field.ty, Type::Nullable(inner) if **inner != Type::Any)
}

/// One field. Required fields are `T` (`Option<T>` when nullable); optional ones are `Option<T>`
/// left out when `None`, and optional nullable ones of a `sent` struct `Option<Option<T>>`, so
/// that "absent" and "null" stay apart (`Some(None)` sends `null`; see [`is_double_option`]).
/// Without `serde`, the type derives no serde trait and the field carries no `#[serde(…)]`.
fn struct_field(
    out: &mut String,
    field: &Field,
    rust_name: &str,
    names: Names<'_>,
    place: Place,
    serde: bool,
    sent: bool,
) {
    const FIELD: usize = INDENT + 4;
    let checks = constraints::summary(&field.constraints, &field.ty);
    let default = field
        .default
        .as_ref()
        .filter(|d| !d.is_null())
        .map(|default| format!("Default: `{default}`."));
    let notes: Vec<String> = checks
        .map(|summary| summary + ".")
        .into_iter()
        .chain(default)
        .collect();
    match (field.description.as_deref(), notes.is_empty()) {
        (description, true) => docs::doc(out, FIELD, description),
        (Some(description), false) => {
            let text = format!("{}\n\n{}", description.trim(), notes.join(" "));
            docs::doc(out, FIELD, Some(&text));
        }
        (None, false) => docs::doc(out, FIELD, Some(&notes.join(" "))),
    }
    if field.deprecated {
        line(out, FIELD, "#[deprecated]");
    }
    if serde && rust_name != field.name {
        line_fmt(
            out,
            FIELD,
            format_args!("#[serde(rename = {})]", text::literal(&field.name)),
        );
    }
    let ty = field_type(field, sent, names, place);
    match &field.ty {
        _ if field.required || !serde => {}
        _ if is_double_option(field, sent) => {
            line(out, FIELD, "#[serde(");
            line(out, FIELD + 4, "default,");
            line(out, FIELD + 4, "skip_serializing_if = \"Option::is_none\",");
            line(
                out,
                FIELD + 4,
                "with = \"::clientgen::__private::double_option\"",
            );
            line(out, FIELD, ")]");
        }
        _ => line(
            out,
            FIELD,
            "#[serde(default, skip_serializing_if = \"Option::is_none\")]",
        ),
    }
    typed_line(
        out,
        FIELD,
        &format!("pub {rust_name}: "),
        &ty,
        Tail::Counted(","),
    );
}

/// The Rust type of a field of a struct the client sends (`sent`) or only reads: `T` when
/// required, `Option<T>` when optional, `Option<Option<T>>` when [`is_double_option`].
fn field_type(field: &Field, sent: bool, names: Names<'_>, place: Place) -> String {
    let ty = types::spell(&field.ty, names, place);
    let single = matches!(&field.ty, Type::Nullable(inner) if **inner != Type::Any)
        && !is_double_option(field, sent);
    if field.required || single {
        ty
    } else {
        format!("Option<{ty}>")
    }
}

/// `new` and a setter per optional field, for a struct the client sends: callers name only
/// the required fields, so a field the spec gains later does not break them. Setters of
/// `Option<Option<T>>` fields take the `Option<T>` (`None` sends `null`); `String` fields take
/// `impl Into<String>`.
fn constructor(out: &mut String, name: &str, body: &Struct, names: Names<'_>, place: Place) {
    let (field_names, extra_name) = field_names(body);
    let fields: Vec<(&Field, &String, String)> = body
        .fields
        .iter()
        .zip(&field_names)
        .map(|(field, rust_name)| (field, rust_name, field_type(field, true, names, place)))
        .collect();
    let argument = |ty: &str| match ty {
        "String" => "impl Into<String>".to_string(),
        other => other.to_string(),
    };
    let value = |rust_name: &str, ty: &str| match ty {
        "String" => format!("{rust_name}.into()"),
        _ => rust_name.to_string(),
    };
    line_fmt(out, INDENT, format_args!("impl {name} {{"));
    let required: Vec<&(&Field, &String, String)> = fields
        .iter()
        .filter(|(field, _, _)| field.required)
        .collect();
    docs::doc(
        out,
        INDENT + 4,
        Some(if required.is_empty() {
            "An empty value: set the fields to send with the setters."
        } else {
            "A value with the required fields; the optional ones are left out until set."
        }),
    );
    line(out, INDENT + 4, "#[must_use]");
    text::allow(
        out,
        INDENT + 4,
        &names::method_allows("new", names::Receiver::None, required.len()),
    );
    let arguments: Vec<String> = required
        .iter()
        .map(|(_, rust_name, ty)| format!("{rust_name}: {}", argument(ty)))
        .collect();
    line_fmt(
        out,
        INDENT + 4,
        format_args!("pub fn new({}) -> Self {{", arguments.join(", ")),
    );
    line(out, INDENT + 8, "Self {");
    for (field, rust_name, ty) in &fields {
        let init = if field.required {
            value(rust_name, ty)
        } else {
            "None".to_string()
        };
        if init == **rust_name {
            // Field init shorthand, as clippy's `redundant_field_names` asks.
            line_fmt(out, INDENT + 12, format_args!("{rust_name},"));
        } else {
            line_fmt(out, INDENT + 12, format_args!("{rust_name}: {init},"));
        }
    }
    if body.additional_properties.is_some() {
        line_fmt(
            out,
            INDENT + 12,
            format_args!("{extra_name}: BTreeMap::new(),"),
        );
    }
    line(out, INDENT + 8, "}");
    line(out, INDENT + 4, "}");
    for (field, rust_name, ty) in fields.iter().filter(|(field, _, _)| !field.required) {
        // The setter takes what goes in the outer `Some`.
        let inner = &ty["Option<".len()..ty.len() - 1];
        let doc = if is_double_option(field, true) {
            format!("Sets `{rust_name}`; `None` sends `null`.")
        } else {
            format!("Sets `{rust_name}`.")
        };
        docs::doc(out, INDENT + 4, Some(&doc));
        if field.deprecated {
            line(out, INDENT + 4, "#[deprecated]");
        }
        line(out, INDENT + 4, "#[must_use]");
        text::allow(
            out,
            INDENT + 4,
            &names::method_allows(rust_name, names::Receiver::Value, 2),
        );
        line_fmt(
            out,
            INDENT + 4,
            format_args!(
                "pub fn {rust_name}(mut self, value: {}) -> Self {{",
                argument(inner)
            ),
        );
        line_fmt(
            out,
            INDENT + 8,
            format_args!("self.{rust_name} = Some({});", value("value", inner)),
        );
        line(out, INDENT + 8, "self");
        line(out, INDENT + 4, "}");
    }
    line(out, INDENT, "}");
}

fn enumeration(out: &mut String, name: &str, values: &Enum, serde: Serde) {
    let integers: Option<Vec<i64>> = values
        .values
        .iter()
        .map(|value| match value.value {
            EnumLiteral::Integer(n) => Some(n),
            EnumLiteral::String(_) => None,
        })
        .collect();
    let mut scope = Scope::camel_with_reserved(VARIANT_RESERVED);
    let variants: Vec<String> = values
        .values
        .iter()
        .map(|value| {
            let raw = match (&value.name, &value.value) {
                (Some(name), _) => name.clone(),
                (None, EnumLiteral::String(text)) => text.clone(),
                (None, EnumLiteral::Integer(n)) => n.to_string(),
            };
            scope.claim(names::variant_name(&raw))
        })
        .collect();
    let unknown = scope.claim("UnknownValue".to_string());
    match integers {
        Some(numbers) if !numbers.is_empty() => {
            integer_enum(out, name, values, &variants, &numbers, &unknown, serde)
        }
        _ => string_enum(out, name, values, &variants, &unknown, serde),
    }
}

const UNKNOWN_VALUE_DOC: &str =
    "/// A value this client does not know (the server may be newer than the spec).";

/// A string enum: serde goes through `String` (`From` both ways), which costs the user's crate
/// far less to compile than a derived enum with an untagged fallback variant.
fn string_enum(
    out: &mut String,
    name: &str,
    values: &Enum,
    variants: &[String],
    unknown: &str,
    serde: Serde,
) {
    let read = serde.read_only();
    derive(
        out,
        INDENT,
        &read.derives(&["Debug", "Clone", "PartialEq", "Eq", "Hash"]),
    );
    serde_conversions(out, read, "String");
    line_fmt(out, INDENT, format_args!("pub enum {name} {{"));
    for (value, variant) in values.values.iter().zip(variants) {
        docs::doc(out, INDENT + 4, value.description.as_deref());
        line_fmt(out, INDENT + 4, format_args!("{variant},"));
    }
    line(out, INDENT + 4, UNKNOWN_VALUE_DOC);
    line_fmt(out, INDENT + 4, format_args!("{unknown}(String),"));
    line(out, INDENT, "}");
    let wires: Vec<String> = values
        .values
        .iter()
        .map(|value| match &value.value {
            EnumLiteral::String(text) => text::literal(text),
            EnumLiteral::Integer(n) => text::literal(&n.to_string()),
        })
        .collect();
    let from_wire: Vec<(String, String)> = wires
        .iter()
        .zip(variants)
        .map(|(wire, variant)| (wire.clone(), format!("Self::{variant}")))
        .collect();
    conversion(
        out,
        "String",
        name,
        "value.as_str()",
        &from_wire,
        &format!("_ => Self::{unknown}(value),"),
    );
    let arms: Vec<(&String, String)> = variants.iter().zip(wires).collect();
    to_wire(out, name, &arms, unknown, Wire::String);
    if serde.serialize {
        listed_serialize(out, name, unknown, Wire::String);
    }
}

/// The wire type of an enum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wire {
    String,
    Integer,
}

/// `as_str()`/`as_i64()`, the value as it goes on the wire, and `From<{name}>` for the wire
/// type by it. The match is on `Self`, so that its lines stay short whatever the enum's name.
fn to_wire(out: &mut String, name: &str, arms: &[(&String, String)], unknown: &str, wire: Wire) {
    let (method, ret, other, target, into) = match wire {
        Wire::String => ("as_str", "&str", "other", "String", ".to_string()"),
        Wire::Integer => ("as_i64", "i64", "*other", "i64", ""),
    };
    line_fmt(out, INDENT, format_args!("impl {name} {{"));
    line(out, INDENT + 4, "/// The value as it goes on the wire.");
    line_fmt(
        out,
        INDENT + 4,
        format_args!("pub fn {method}(&self) -> {ret} {{"),
    );
    line(out, INDENT + 8, "match self {");
    for (variant, value) in arms {
        text::match_arm(out, INDENT + 12, &format!("Self::{variant}"), value);
    }
    line_fmt(
        out,
        INDENT + 12,
        format_args!("Self::{unknown}(other) => {other},"),
    );
    line(out, INDENT + 8, "}");
    line(out, INDENT + 4, "}");
    line(out, INDENT, "}");
    text::impl_header(out, INDENT, &format!("impl From<{name}>"), target);
    text::signature(
        out,
        INDENT + 4,
        "fn from",
        &[("value: ".to_string(), name.to_string())],
        "Self",
    );
    line_fmt(out, INDENT + 8, format_args!("value.{method}(){into}"));
    line(out, INDENT + 4, "}");
    line(out, INDENT, "}");
}

/// `#[serde(crate = …, from = …, into = …)]` for an enum that travels as `wire`, in the
/// directions it travels.
fn serde_conversions(out: &mut String, serde: Serde, wire: &str) {
    let conversions = match (serde.serialize, serde.deserialize) {
        (true, true) => format!(", from = \"{wire}\", into = \"{wire}\""),
        (true, false) => format!(", into = \"{wire}\""),
        (false, true) => format!(", from = \"{wire}\""),
        (false, false) => return,
    };
    line_fmt(
        out,
        INDENT,
        format_args!("#[serde(crate = \"::clientgen::serde\"{conversions})]"),
    );
}

/// `impl From<source> for target` by a `match` on `scrutinee` with `arms` (pattern, value), then
/// `fallback`.
fn conversion(
    out: &mut String,
    source: &str,
    target: &str,
    scrutinee: &str,
    arms: &[(String, String)],
    fallback: &str,
) {
    text::impl_header(out, INDENT, &format!("impl From<{source}>"), target);
    text::signature(
        out,
        INDENT + 4,
        "fn from",
        &[("value: ".to_string(), source.to_string())],
        "Self",
    );
    line_fmt(out, INDENT + 8, format_args!("match {scrutinee} {{"));
    for (pattern, body) in arms {
        text::match_arm(out, INDENT + 12, pattern, body);
    }
    line(out, INDENT + 12, fallback);
    line(out, INDENT + 8, "}");
    line(out, INDENT + 4, "}");
    line(out, INDENT, "}");
}

fn integer_enum(
    out: &mut String,
    name: &str,
    values: &Enum,
    variants: &[String],
    numbers: &[i64],
    unknown: &str,
    serde: Serde,
) {
    let read = serde.read_only();
    derive(
        out,
        INDENT,
        &read.derives(&["Debug", "Clone", "Copy", "PartialEq", "Eq", "Hash"]),
    );
    serde_conversions(out, read, "i64");
    line_fmt(out, INDENT, format_args!("pub enum {name} {{"));
    for (value, variant) in values.values.iter().zip(variants) {
        docs::doc(out, INDENT + 4, value.description.as_deref());
        line_fmt(out, INDENT + 4, format_args!("{variant},"));
    }
    line(out, INDENT + 4, UNKNOWN_VALUE_DOC);
    line_fmt(out, INDENT + 4, format_args!("{unknown}(i64),"));
    line(out, INDENT, "}");
    let from_number: Vec<(String, String)> = variants
        .iter()
        .zip(numbers)
        .map(|(variant, number)| (number.to_string(), format!("Self::{variant}")))
        .collect();
    conversion(
        out,
        "i64",
        name,
        "value",
        &from_number,
        &format!("other => Self::{unknown}(other),"),
    );
    let arms: Vec<(&String, String)> = variants
        .iter()
        .zip(numbers.iter().map(i64::to_string))
        .collect();
    to_wire(out, name, &arms, unknown, Wire::Integer);
    if serde.serialize {
        listed_serialize(out, name, unknown, Wire::Integer);
    }
}

/// `Serialize` for an enum by its wire value, through the runtime's `enum_value`: a request
/// refuses `UnknownValue` (what a client sends is one of the listed values), anything else
/// writes it as it came (a value read and serialized again).
fn listed_serialize(out: &mut String, name: &str, unknown: &str, wire: Wire) {
    let method = match wire {
        Wire::String => "as_str",
        Wire::Integer => "as_i64",
    };
    text::impl_header(out, INDENT, "impl ::clientgen::serde::Serialize", name);
    text::signature(
        out,
        INDENT + 4,
        "fn serialize<S: ::clientgen::serde::Serializer>",
        &[
            ("&self".to_string(), String::new()),
            ("serializer: ".to_string(), "S".to_string()),
        ],
        "Result<S::Ok, S::Error>",
    );
    line_fmt(
        out,
        INDENT + 8,
        format_args!("let listed = !matches!(self, Self::{unknown}(_));"),
    );
    line_fmt(
        out,
        INDENT + 8,
        format_args!("::clientgen::__private::enum_value(self.{method}(), listed, serializer)"),
    );
    line(out, INDENT + 4, "}");
    line(out, INDENT, "}");
}

fn union_type(
    out: &mut String,
    api: &Api,
    name: &str,
    union: &Union,
    names: Names<'_>,
    place: Place,
    serde: Serde,
) {
    let mut scope = Scope::camel_with_reserved(VARIANT_RESERVED);
    match &union.discriminator {
        Some(discriminator) if !discriminator.mapping.is_empty() => {
            let mut variants: Vec<(TypeId, String, Vec<&str>)> = Vec::new();
            for (tag, id) in &discriminator.mapping {
                match variants.iter_mut().find(|(seen, _, _)| seen == id) {
                    Some((_, _, tags)) => tags.push(tag),
                    None => {
                        let variant = scope.claim(names.types[id.0].clone());
                        variants.push((*id, variant, vec![tag]));
                    }
                }
            }
            let unknown = scope.claim("UnknownValue".to_string());
            let derived = Serde {
                deserialize: false,
                ..serde
            };
            untagged_enum_head(out, derived, name);
            for (id, variant, _) in &variants {
                let ty = types::spell(&Type::Named(*id), names, place);
                tuple_variant(out, INDENT + 4, variant, &ty);
            }
            line(
                out,
                INDENT + 4,
                "/// A variant this client does not know (an unknown tag).",
            );
            line_fmt(
                out,
                INDENT + 4,
                format_args!("{unknown}(::clientgen::serde_json::Value),"),
            );
            line(out, INDENT, "}");
            if !serde.deserialize {
                return;
            }
            from_map::deserialize_impl(out, INDENT, name, |out| {
                line(out, INDENT + 8, "let value = any_value(deserializer)?;");
                line_fmt(
                    out,
                    INDENT + 8,
                    format_args!(
                        "match tag(&value, {}) {{",
                        text::literal(&discriminator.property)
                    ),
                );
                for (id, variant, tags) in &variants {
                    let pattern = tags
                        .iter()
                        .map(|tag| format!("Some({})", text::literal(tag)))
                        .collect::<Vec<_>>()
                        .join(" | ");
                    let boxed = place
                        .owner
                        .is_some_and(|owner| names.recursion.needs_box(owner, *id));
                    let wrap = if boxed {
                        format!("|value| Self::{variant}(Box::new(value))")
                    } else {
                        format!("Self::{variant}")
                    };
                    line_fmt(
                        out,
                        INDENT + 12,
                        format_args!("{pattern} => from_value(value).map({wrap}),"),
                    );
                }
                line_fmt(
                    out,
                    INDENT + 12,
                    format_args!("_ => Ok(Self::{unknown}(value)),"),
                );
                line(out, INDENT + 8, "}");
            });
        }
        _ => {
            let variants: Vec<(String, &Type)> = union
                .variants
                .iter()
                .map(|ty| (scope.claim(variant_of(ty, names)), ty))
                .collect();
            let listed = listed_values(api, &variants);
            // With enum variants, `Deserialize` is written: see [`choice_deserialize`].
            let derived = Serde {
                deserialize: serde.deserialize && listed.is_empty(),
                ..serde
            };
            untagged_enum_head(out, derived, name);
            for (variant, ty) in &variants {
                let ty = types::spell(ty, names, place);
                tuple_variant(out, INDENT + 4, variant, &ty);
            }
            line(out, INDENT, "}");
            if serde.deserialize && !listed.is_empty() {
                choice_deserialize(out, name, &variants, &listed);
            }
        }
    }
}

/// Whether the untagged union `union` has an enum variant, and so reads through
/// [`choice_deserialize`] rather than serde's `untagged`.
pub fn has_enum_variant(api: &Api, union: &Union) -> bool {
    !is_tagged(union)
        && union.variants.iter().any(|variant| {
            matches!(variant, Type::Named(id) if matches!(api.type_def(*id).kind, TypeKind::Enum(_)))
        })
}

/// The enum variants of an untagged union: variant name and the pattern of the values its enum
/// lists (`Some("light" | "dark")`), as read by `as_str` or `as_i64`.
struct Listed {
    variant: String,
    accessor: &'static str,
    pattern: String,
}

fn listed_values(api: &Api, variants: &[(String, &Type)]) -> Vec<Listed> {
    variants
        .iter()
        .filter_map(|(variant, ty)| {
            let Type::Named(id) = ty else { return None };
            let TypeKind::Enum(values) = &api.type_def(*id).kind else {
                return None;
            };
            let literals: Vec<String> = values
                .values
                .iter()
                .map(|value| match &value.value {
                    EnumLiteral::String(text) => text::literal(text),
                    EnumLiteral::Integer(n) => n.to_string(),
                })
                .collect();
            (!literals.is_empty()).then(|| Listed {
                variant: variant.clone(),
                accessor: if values.holds_integers() {
                    "as_i64"
                } else {
                    "as_str"
                },
                pattern: format!("Some({})", literals.join(" | ")),
            })
        })
        .collect()
}

/// `Deserialize` of an untagged union with enum variants. Every generated enum reads any
/// string (or integer), keeping one it does not list as `UnknownValue`, so serde's `untagged`
/// would give drf's `ThemeEnum | BlankEnum` a blank as `ThemeEnum(UnknownValue(""))`. A value
/// one of the enums lists is read as that enum first (in variant order); then the variants are
/// tried in order as `untagged` would, so an unlisted value lands in the first enum that can
/// hold it.
fn choice_deserialize(
    out: &mut String,
    name: &str,
    variants: &[(String, &Type)],
    listed: &[Listed],
) {
    from_map::deserialize_impl(out, INDENT, name, |out| {
        line(out, INDENT + 8, "let value = any_value(deserializer)?;");
        for Listed {
            variant,
            accessor,
            pattern,
        } in listed
        {
            line_fmt(
                out,
                INDENT + 8,
                format_args!("if matches!(value.{accessor}(), {pattern}) {{"),
            );
            line_fmt(
                out,
                INDENT + 12,
                format_args!("return from_value(value).map(Self::{variant});"),
            );
            line(out, INDENT + 8, "}");
        }
        for (variant, _) in variants {
            line(
                out,
                INDENT + 8,
                "if let Ok(variant) = from_value::<_, D::Error>(value.clone()) {",
            );
            line_fmt(
                out,
                INDENT + 12,
                format_args!("return Ok(Self::{variant}(variant));"),
            );
            line(out, INDENT + 8, "}");
        }
        let message = format!("data did not match any variant of untagged enum {name}");
        line_fmt(
            out,
            INDENT + 8,
            format_args!(
                "Err(::clientgen::serde::de::Error::custom({}))",
                text::literal(&message)
            ),
        );
    });
}

/// Whether a union of the API decodes by its tag (and so uses the `__private` helpers).
pub fn is_tagged(union: &Union) -> bool {
    union
        .discriminator
        .as_ref()
        .is_some_and(|discriminator| !discriminator.mapping.is_empty())
        && !union.variants.is_empty()
}

/// The variant name of an untagged union member: the type's name, or what the value is.
fn variant_of(ty: &Type, names: Names<'_>) -> String {
    match ty {
        Type::Named(id) => names.types[id.0].clone(),
        Type::Any => "Any".to_string(),
        Type::Null => "Null".to_string(),
        Type::Boolean => "Boolean".to_string(),
        Type::Integer(_) => "Integer".to_string(),
        Type::Number(_) => "Number".to_string(),
        Type::String(_) => "String".to_string(),
        Type::Binary => "File".to_string(),
        Type::FileOrText => "FileOrText".to_string(),
        Type::List(item) => format!("{}List", variant_of(item, names)),
        Type::Map(value) => format!("{}Map", variant_of(value, names)),
        Type::Nullable(inner) => format!("Nullable{}", variant_of(inner, names)),
    }
}
