//! Rust source as text, laid out exactly as prettyplease prints it.
//!
//! The target writes text rather than building tokens and formatting them: on a big spec the
//! quote → syn → prettyplease path costs seconds, writing text milliseconds. prettyplease stays
//! the formatter of record: the text follows its layout (4-space blocks, a line per field,
//! statement and match arm, a group broken when its line would pass 89 columns), and an item
//! whose layout this module cannot vouch for (a statement or attribute longer than the margin)
//! is handed to prettyplease alone. A test checks, for every fixture spec, that prettyplease
//! leaves the whole file unchanged.
//!
//! Everything from the spec reaches the text through [`push_literal`] (string literals) or
//! [`super::docs`] (doc comments), never raw.

use proc_macro2::Literal;

use crate::targets::text::push_indent;

/// prettyplease's line width: a group that would end past this column is broken.
pub const MARGIN: usize = 89;

/// Appends `#[allow(…)]` of `lints` at `indent`, nothing when there are none.
pub fn allow(out: &mut String, indent: usize, lints: &[&str]) {
    if !lints.is_empty() {
        line_fmt(out, indent, format_args!("#[allow({})]", lints.join(", ")));
    }
}

/// Appends `text` as a Rust string literal.
pub fn push_literal(out: &mut String, text: &str) {
    if text
        .bytes()
        .all(|b| (b' '..=b'~').contains(&b) && b != b'"' && b != b'\\')
    {
        out.push('"');
        out.push_str(text);
        out.push('"');
    } else {
        out.push_str(&Literal::string(text).to_string());
    }
}

/// `text` as a Rust string literal.
pub fn literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    push_literal(&mut out, text);
    out
}

/// Appends `indent` spaces, `text` and a newline.
pub fn line(out: &mut String, indent: usize, text: &str) {
    push_indent(out, indent);
    out.push_str(text);
    out.push('\n');
}

/// Appends `indent` spaces, formatted `text` and a newline (no temporary string).
pub fn line_fmt(out: &mut String, indent: usize, text: std::fmt::Arguments<'_>) {
    use std::fmt::Write as _;
    push_indent(out, indent);
    // Writing to a String cannot fail.
    let _ = out.write_fmt(text);
    out.push('\n');
}

/// Appends `{prefix}{ty}{suffix}` at `indent` as prettyplease lays it out: on one line when it
/// fits, else with the type's generic arguments one per line, recursively. A trailing comma
/// that prettyplease prints only when the list is broken does not count towards the width:
/// pass [`Tail::TrailingComma`] for it.
pub fn typed_line(out: &mut String, indent: usize, prefix: &str, ty: &str, tail: Tail<'_>) {
    let (suffix, counted) = match tail {
        Tail::Counted(suffix) => (suffix, suffix.len()),
        Tail::TrailingComma => (",", 0),
    };
    push_indent(out, indent);
    out.push_str(prefix);
    match split_generics(ty) {
        Some((head, args)) if indent + prefix.len() + ty.len() + counted > MARGIN => {
            out.push_str(head);
            out.push_str("<\n");
            let last = args.len() - 1;
            for (index, arg) in args.iter().enumerate() {
                let tail = if index == last {
                    Tail::TrailingComma
                } else {
                    Tail::Counted(",")
                };
                typed_line(out, indent + 4, "", arg, tail);
            }
            push_indent(out, indent);
            out.push('>');
        }
        _ => out.push_str(ty),
    }
    out.push_str(suffix);
    out.push('\n');
}

/// What follows a type on its line, for [`typed_line`].
#[derive(Debug, Clone, Copy)]
pub enum Tail<'a> {
    /// Text that is always printed (`,` after a struct field, ` {` after a return type).
    Counted(&'a str),
    /// The comma after the last item of a list, printed only when the list is broken.
    TrailingComma,
}

/// `Head<A, B>` → `("Head", ["A", "B"])`; `None` for a type without generic arguments.
fn split_generics(ty: &str) -> Option<(&str, Vec<&str>)> {
    let open = ty.find('<')?;
    let inner = ty[open + 1..].strip_suffix('>')?;
    let mut args = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (index, byte) in inner.bytes().enumerate() {
        match byte {
            b'<' | b'(' | b'[' => depth += 1,
            b'>' | b')' | b']' => depth = depth.saturating_sub(1),
            b',' if depth == 0 => {
                args.push(inner[start..index].trim());
                start = index + 1;
            }
            _ => {}
        }
    }
    args.push(inner[start..].trim());
    Some((&ty[..open], args))
}

/// Where an item sits, for [`settle_item`]: how prettyplease would indent it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// An item of the API module (indent 4).
    ApiModule,
    /// An item of `types` or `responses` (indent 8).
    InnerModule,
    /// A method of an `impl` block of the API module (indent 8).
    Impl,
}

impl Frame {
    fn wrappers(self) -> (&'static str, &'static str, usize) {
        match self {
            Frame::ApiModule => ("mod m {\n", "}\n", 1),
            Frame::InnerModule => ("mod m {\nmod n {\n", "}\n}\n", 2),
            Frame::Impl => ("mod m {\nimpl N {\n", "}\n}\n", 2),
        }
    }
}

/// Settles the item written to `out` from byte `start` on (at `frame`'s indent). When `format`
/// is on and a line of it could break but passes the margin, the item is replaced by what
/// prettyplease prints for it, in wrappers that give it the indent it has in the file, so
/// the result is what prettyplease prints for the whole file.
pub fn settle_item(out: &mut String, start: usize, frame: Frame, format: bool) {
    if !format || fits(&out[start..]) {
        return;
    }
    if let Some(formatted) = prettyplease_item(&out[start..], frame) {
        out.truncate(start);
        out.push_str(&formatted);
    }
}

/// Settles the item written to `out` from byte `start` on by handing it to prettyplease whenever
/// `format` is on: for items whose layout this module does not follow line by line (struct
/// literals, chained calls).
pub fn format_item(out: &mut String, start: usize, frame: Frame, format: bool) {
    if !format {
        return;
    }
    if let Some(formatted) = prettyplease_item(&out[start..], frame) {
        out.truncate(start);
        out.push_str(&formatted);
    }
}

/// Whether prettyplease would print every line of `item` as it is: each line ends within the
/// margin, or is a doc comment, or has nowhere to break (no call, generic argument list, slice
/// or inner comma once string literals are blanked out: a long name, a `let` of a literal).
fn fits(item: &str) -> bool {
    item.lines()
        .all(|line| line.len() <= MARGIN || unbreakable(line))
}

fn unbreakable(line: &str) -> bool {
    let code = line.trim();
    if code.starts_with("///") || code.starts_with("//!") {
        return true;
    }
    let blanked = blank_literals(code);
    let body = blanked
        .strip_suffix(" {")
        .or_else(|| {
            blanked
                .strip_suffix(',')
                .or_else(|| blanked.strip_suffix(';'))
        })
        .unwrap_or(&blanked);
    !body.contains(['(', '<', '[', '{', ',']) && (!body.contains(" = ") || body.starts_with("let "))
}

/// `line` with the contents of its string literals removed.
fn blank_literals(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut in_literal = false;
    let mut escaped = false;
    for c in line.chars() {
        if in_literal {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_literal = false;
                out.push(c);
            }
        } else {
            if c == '"' {
                in_literal = true;
            }
            out.push(c);
        }
    }
    out
}

fn prettyplease_item(item: &str, frame: Frame) -> Option<String> {
    let (open, close, depth) = frame.wrappers();
    let file = syn::parse_file(&format!("{open}{item}{close}")).ok()?;
    let printed = prettyplease::unparse(&file);
    let lines: Vec<&str> = printed.lines().collect();
    let body = lines.get(depth..lines.len().checked_sub(depth)?)?;
    let mut out = String::with_capacity(item.len());
    for line in body {
        out.push_str(line);
        out.push('\n');
    }
    Some(out)
}

/// A function signature and the opening brace, as prettyplease lays it out: on one line when
/// it fits, else one argument per line and the return type after `)`.
pub fn signature(
    out: &mut String,
    indent: usize,
    head: &str,
    arguments: &[(String, String)],
    ret: &str,
) {
    let joined = arguments
        .iter()
        .map(|(prefix, ty)| format!("{prefix}{ty}"))
        .collect::<Vec<_>>()
        .join(", ");
    let one_line = format!("{head}({joined}) -> {ret} {{");
    if indent + one_line.len() <= MARGIN {
        line(out, indent, &one_line);
        return;
    }
    push_indent(out, indent);
    out.push_str(head);
    out.push_str("(\n");
    let last = arguments.len().saturating_sub(1);
    for (index, (prefix, ty)) in arguments.iter().enumerate() {
        let tail = if index == last {
            Tail::TrailingComma
        } else {
            Tail::Counted(",")
        };
        typed_line(out, indent + 4, prefix, ty, tail);
    }
    typed_line(out, indent, ") -> ", ret, Tail::Counted(" {"));
}

/// A match arm `{pattern} => {body},` at `indent`, or, when it does not fit, the body in a block
/// on its own line, as prettyplease does (the comma is printed only on one line: it does not
/// count).
pub fn match_arm(out: &mut String, indent: usize, pattern: &str, body: &str) {
    if indent + pattern.len() + " => ".len() + body.len() <= MARGIN {
        line_fmt(out, indent, format_args!("{pattern} => {body},"));
    } else {
        line_fmt(out, indent, format_args!("{pattern} => {{"));
        line(out, indent + 4, body);
        line(out, indent, "}");
    }
}

/// `{head} for {name} {` at `indent` (`head`: `impl<'de> Deserialize<'de>`, `impl From<X>`),
/// broken before `for` when it does not fit, as prettyplease does.
pub fn impl_header(out: &mut String, indent: usize, head: &str, name: &str) {
    if indent + head.len() + " for ".len() + name.len() + " {".len() <= MARGIN {
        line_fmt(out, indent, format_args!("{head} for {name} {{"));
    } else {
        line(out, indent, head);
        line_fmt(out, indent, format_args!("for {name} {{"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_escape_quotes_backslashes_and_controls() {
        assert_eq!(literal("plain"), "\"plain\"");
        assert_eq!(literal("a\"b\\c"), "\"a\\\"b\\\\c\"");
        assert_eq!(literal("nul\0"), "\"nul\\0\"");
        assert_eq!(literal("é"), "\"é\"");
    }

    #[test]
    fn long_types_break_at_their_generic_arguments() {
        let mut out = String::new();
        let long = format!("Option<Vec<{}>>", "X".repeat(80));
        typed_line(&mut out, 12, "pub field: ", &long, Tail::Counted(","));
        let expected = format!(
            "            pub field: Option<\n                Vec<\n                    {},\n                >,\n            >,\n",
            "X".repeat(80)
        );
        assert_eq!(out, expected);
    }

    #[test]
    fn items_past_the_margin_are_formatted_by_prettyplease() {
        let mut out = String::from("        pub fn before() {}\n");
        let start = out.len();
        let item = format!(
            "        pub fn f() {{\n            call(\"{}\", \"{}\");\n        }}\n",
            "a".repeat(50),
            "b".repeat(50)
        );
        out.push_str(&item);
        settle_item(&mut out, start, Frame::Impl, true);
        assert!(
            out.starts_with(
                "        pub fn before() {}\n        pub fn f() {\n            call(\n"
            ),
            "{out}"
        );
    }

    #[test]
    fn long_lines_without_a_break_point_are_left_as_they_are() {
        let name = "N".repeat(90);
        assert!(unbreakable(&format!("        pub enum {name} {{")));
        assert!(unbreakable(&format!(
            "            pub field: types::{name},"
        )));
        assert!(unbreakable(&format!(
            "            let path = \"/a(b), {name}\";"
        )));
        assert!(!unbreakable(&format!(
            "            request.query(\"{name}\", &x, true);"
        )));
        assert!(!unbreakable(&format!(
            "            pub field: Vec<{name}>,"
        )));
        assert!(!unbreakable(&format!("        pub type {name} = String;")));
    }
}
