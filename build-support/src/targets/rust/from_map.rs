//! How a struct the client receives is read from a JSON object: an `impl FromMap` (the runtime's
//! trait) and a one-line `Deserialize` that calls it. A derived `Deserialize` gives the user's
//! crate several times more to check — a sequence form, a field-name enum with three visitors,
//! a duplicate check per field — and on GitHub's spec it was two thirds of the check time.
//!
//! The reading matches the derive's where a JSON document can tell: unknown keys are skipped,
//! an absent required field is a "missing field" error (an absent nullable one is `None`), and
//! optional nullable fields keep absent (`None`) and `null` (`Some(None)`) apart. Two
//! differences: a repeated key takes its last value, and an array is not read as a struct.

use super::models::is_double_option;
use super::text::{MARGIN, impl_header, line, line_fmt, literal, signature};
use crate::ir::Struct;

/// Whether the struct's `Deserialize` is written here rather than derived: structs with fields
/// and without additional properties (those keep serde's `flatten`).
pub fn applies(body: &Struct) -> bool {
    !body.fields.is_empty() && body.additional_properties.is_none()
}

/// The widest `Self { … }` that prettyplease keeps on one line.
const STRUCT_LITERAL_WIDTH: usize = 35;

/// Appends `impl FromMap` and `impl Deserialize` for the struct `name` at `indent`;
/// `field_names` are the Rust names of its fields; `sent`: whether the client sends the struct
/// (see [`is_double_option`]).
pub fn write(
    out: &mut String,
    indent: usize,
    name: &str,
    body: &Struct,
    field_names: &[String],
    sent: bool,
) {
    impl_header(out, indent, "impl FromMap", name);
    signature(
        out,
        indent + 4,
        "fn from_map<'de, A: ::clientgen::serde::de::MapAccess<'de>>",
        &[("mut map: ".to_string(), "A".to_string())],
        "Result<Self, A::Error>",
    );
    let body_indent = indent + 8;
    let wires: Vec<String> = body.fields.iter().map(|f| literal(&f.name)).collect();
    field_list(out, body_indent, &wires);
    for index in 0..body.fields.len() {
        line_fmt(
            out,
            body_indent,
            format_args!("let mut field{index} = None;"),
        );
    }
    line(
        out,
        body_indent,
        "while let Some(index) = next_field(&mut map, FIELDS)? {",
    );
    line(out, body_indent + 4, "match index {");
    for (index, field) in body.fields.iter().enumerate() {
        // An optional field reads `Option<T>` (so `null` is `None`); the others are wrapped, so
        // that a present `null` of an optional nullable field is `Some(None)`.
        let value = if !field.required && !is_double_option(field, sent) {
            "map.next_value()?"
        } else {
            "Some(map.next_value()?)"
        };
        line_fmt(
            out,
            body_indent + 8,
            format_args!("{index} => field{index} = {value},"),
        );
    }
    line(out, body_indent + 8, "_ => skip_value(&mut map)?,");
    line(out, body_indent + 4, "}");
    line(out, body_indent, "}");
    let values: Vec<(String, Option<&str>)> = body
        .fields
        .iter()
        .zip(&wires)
        .enumerate()
        .map(|(index, (field, wire))| {
            let slot = format!("field{index}");
            (slot, field.required.then_some(wire.as_str()))
        })
        .collect();
    struct_literal(out, body_indent, field_names, &values);
    line(out, indent + 4, "}");
    line(out, indent, "}");
    deserialize_impl(out, indent, name, |out| {
        line(out, indent + 8, "from_map(deserializer)");
    });
}

/// `impl<'de> Deserialize<'de> for {name}` at `indent`, with `body` writing the statements of
/// `fn deserialize` (at `indent + 8`, `deserializer` in scope).
pub fn deserialize_impl(
    out: &mut String,
    indent: usize,
    name: &str,
    body: impl FnOnce(&mut String),
) {
    impl_header(out, indent, "impl<'de> Deserialize<'de>", name);
    signature(
        out,
        indent + 4,
        "fn deserialize<D: ::clientgen::serde::Deserializer<'de>>",
        &[("deserializer: ".to_string(), "D".to_string())],
        "Result<Self, D::Error>",
    );
    body(out);
    line(out, indent + 4, "}");
    line(out, indent, "}");
}

/// `const FIELDS: &[&str] = &[…];`: on one line when it fits, else a name per line.
fn field_list(out: &mut String, indent: usize, wires: &[String]) {
    let one_line = format!("const FIELDS: &[&str] = &[{}];", wires.join(", "));
    if indent + one_line.len() <= MARGIN {
        line(out, indent, &one_line);
        return;
    }
    line(out, indent, "const FIELDS: &[&str] = &[");
    for wire in wires {
        line_fmt(out, indent + 4, format_args!("{wire},"));
    }
    line(out, indent, "];");
}

/// `Ok(Self { … })` from the slots: `(slot, Some(wire name))` for a required field, whose
/// absence is checked, `(slot, None)` for an optional one.
fn struct_literal(
    out: &mut String,
    indent: usize,
    field_names: &[String],
    values: &[(String, Option<&str>)],
) {
    let inits: Vec<String> = field_names
        .iter()
        .zip(values)
        .map(|(name, (slot, wire))| match wire {
            Some(wire) => format!("{name}: required(&map, {slot}, {wire})?"),
            None => format!("{name}: {slot}"),
        })
        .collect();
    let one_line = format!("Self {{ {} }}", inits.join(", "));
    if one_line.len() <= STRUCT_LITERAL_WIDTH && indent + one_line.len() + 4 <= MARGIN {
        line_fmt(out, indent, format_args!("Ok({one_line})"));
        return;
    }
    line(out, indent, "Ok(Self {");
    let last = inits.len().saturating_sub(1);
    for (index, ((name, (slot, wire)), init)) in
        field_names.iter().zip(values).zip(&inits).enumerate()
    {
        // The last field's comma is printed only when the value breaks: it does not count.
        let comma = usize::from(index != last);
        match wire {
            Some(wire) if indent + 4 + init.len() + comma > MARGIN => {
                line_fmt(out, indent + 4, format_args!("{name}: required("));
                line(out, indent + 8, "&map,");
                line_fmt(out, indent + 8, format_args!("{slot},"));
                line_fmt(out, indent + 8, format_args!("{wire},"));
                line(out, indent + 4, ")?,");
            }
            _ => line_fmt(out, indent + 4, format_args!("{init},")),
        }
    }
    line(out, indent, "})");
}
