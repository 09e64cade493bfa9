//! Proto syntax for the definitions: messages, enums and rpcs, one block each.
//!
//! The templates lay out the head of each file (header, package, imports, the service's name);
//! these blocks are appended after it. A large API has tens of thousands of fields, and rendering them one by
//! one through the template engine took more than ten times the 40 ms budget on GitHub's spec,
//! so the per-definition layout lives here, in plain string pushes.

use super::lock::push_signed;
use super::messages::{Definition, Enum, Field, Message};
use super::options::HttpRule;
use super::service::Rpc;
use super::types::Shape;

/// Appends every definition to `out`, each after a blank line.
pub fn definitions(out: &mut String, definitions: &[Definition]) {
    out.reserve(definitions.len() * 512);
    for definition in definitions {
        out.push('\n');
        match definition {
            Definition::Message(message) => print_message(out, message),
            Definition::Enum(enumeration) => print_enum(out, enumeration),
        }
    }
}

/// Appends every message to `out`, each after a blank line.
pub fn messages(out: &mut String, messages: &[Message]) {
    out.reserve(messages.len() * 256);
    for message in messages {
        out.push('\n');
        print_message(out, message);
    }
}

/// Appends the body of a service to `out`: the rpcs, indented and separated by blank lines, and
/// the closing brace.
pub fn service_body(out: &mut String, rpcs: &[Rpc]) {
    out.reserve(rpcs.len() * 256);
    for (index, rpc) in rpcs.iter().enumerate() {
        if index > 0 {
            out.push('\n');
        }
        comments(out, "  ", &rpc.doc);
        for part in [
            "  rpc ",
            &rpc.name,
            "(",
            &rpc.request,
            ") returns (",
            &rpc.response,
        ] {
            out.push_str(part);
        }
        let rule = match &rpc.http {
            Some(HttpRule::Mapped {
                method,
                kind,
                path,
                body,
                response_body,
                ..
            }) => Some((*method, *kind, path, body, response_body)),
            _ => None,
        };
        if rule.is_none() && !rpc.deprecated {
            out.push_str(");\n");
            continue;
        }
        out.push_str(") {\n");
        if let Some((Some(method), _, path, None, None)) = rule {
            // `buf format` keeps a one-field rule on one line.
            for part in [
                "    option (google.api.http) = {",
                method,
                ": \"",
                path,
                "\"};\n",
            ] {
                out.push_str(part);
            }
        } else if let Some((method, kind, path, body, response_body)) = rule {
            out.push_str("    option (google.api.http) = {\n");
            match method {
                Some(method) => {
                    for part in ["      ", method, ": \"", path, "\"\n"] {
                        out.push_str(part);
                    }
                }
                None => {
                    for part in ["      custom: {\n        kind: \"", kind, "\"\n"] {
                        out.push_str(part);
                    }
                    for part in ["        path: \"", path, "\"\n      }\n"] {
                        out.push_str(part);
                    }
                }
            }
            for (key, value) in [("body", body), ("response_body", response_body)] {
                if let Some(value) = value {
                    for part in ["      ", key, ": \"", value, "\"\n"] {
                        out.push_str(part);
                    }
                }
            }
            out.push_str("    };\n");
        }
        if rpc.deprecated {
            out.push_str("    option deprecated = true;\n");
        }
        out.push_str("  }\n");
    }
    out.push_str("}\n");
}

fn print_message(out: &mut String, message: &Message) {
    comments(out, "", &message.doc);
    out.push_str("message ");
    out.push_str(&message.name);
    let empty =
        message.fields.is_empty() && message.reserved_numbers.is_empty() && !message.deprecated;
    if empty {
        out.push_str(" {}\n");
        return;
    }
    out.push_str(" {\n");
    if message.deprecated {
        out.push_str("  option deprecated = true;\n");
    }
    for field in &message.fields {
        print_field(out, "  ", field);
    }
    reserved(
        out,
        "  ",
        &message.reserved_numbers,
        &message.reserved_names,
    );
    out.push_str("}\n");
}

fn print_field(out: &mut String, indent: &str, field: &Field) {
    comments(out, indent, &field.doc);
    out.push_str(indent);
    out.push_str(field.label);
    match &field.shape {
        Shape::Single(single) | Shape::Repeated(single) => out.push_str(single.name.as_str()),
        Shape::Map(single) => {
            out.push_str("map<string, ");
            out.push_str(single.name.as_str());
            out.push('>');
        }
    }
    for part in [" ", &*field.name, " = "] {
        out.push_str(part);
    }
    push_signed(out, field.number);
    field_options(out, indent, field);
    out.push(';');
    if let Some(note) = &field.note {
        out.push_str(" // ");
        out.push_str(note);
    }
    out.push('\n');
}

/// A field's options as `buf format` writes them: one on the field's line (`[json_name = "x"]`),
/// two one a line, indented a level more, the `]` back at the field's indent.
fn field_options(out: &mut String, indent: &str, field: &Field) {
    let parts: &[&str] = match (field.json_name.as_deref(), field.deprecated) {
        (None, false) => &[],
        (None, true) => &[" [deprecated = true]"],
        (Some(name), false) => &[" [json_name = \"", name, "\"]"],
        (Some(name), true) => &[
            " [\n",
            indent,
            "  json_name = \"",
            name,
            "\",\n",
            indent,
            "  deprecated = true\n",
            indent,
            "]",
        ],
    };
    for part in parts {
        out.push_str(part);
    }
}

/// An enum: top-level (`enum Role { … }`), or in the JSON style nested in a message of its name
/// (`message Role { enum Value { … } }`), its values then indented one level more.
fn print_enum(out: &mut String, enumeration: &Enum) {
    comments(out, "", &enumeration.doc);
    let indent = match &enumeration.nested {
        Some(nested) => {
            for part in ["message ", &enumeration.name, " {\n  enum ", nested, " {\n"] {
                out.push_str(part);
            }
            "    "
        }
        None => {
            for part in ["enum ", &enumeration.name, " {\n"] {
                out.push_str(part);
            }
            "  "
        }
    };
    for part in [indent, &*enumeration.zero, " = 0;"] {
        out.push_str(part);
    }
    if let Some(note) = &enumeration.zero_note {
        out.push_str(" // ");
        out.push_str(note);
    }
    out.push('\n');
    for value in &enumeration.values {
        comments(out, indent, &value.doc);
        for part in [indent, &*value.name, " = "] {
            out.push_str(part);
        }
        push_signed(out, value.number);
        out.push_str("; // ");
        out.push_str(&value.wire);
        out.push('\n');
    }
    reserved(
        out,
        indent,
        &enumeration.reserved_numbers,
        &enumeration.reserved_names,
    );
    if enumeration.nested.is_some() {
        out.push_str("  }\n");
    }
    out.push_str("}\n");
}

fn reserved(out: &mut String, indent: &str, numbers: &str, names: &str) {
    if numbers.is_empty() {
        return;
    }
    for part in [
        indent,
        "reserved ",
        numbers,
        ";\n",
        indent,
        "reserved ",
        names,
        ";\n",
    ] {
        out.push_str(part);
    }
}

/// `//` comment lines of `doc` (lines joined by `\n`); an empty line is a bare `//`.
fn comments(out: &mut String, indent: &str, doc: &str) {
    if doc.is_empty() {
        return;
    }
    for line in doc.split('\n') {
        out.push_str(indent);
        out.push_str("//");
        if !line.is_empty() {
            out.push(' ');
            out.push_str(line);
        }
        out.push('\n');
    }
}
