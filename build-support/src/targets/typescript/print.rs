//! Printing as prettier prints (its defaults: 80 columns, 2 spaces, trailing commas): the
//! generated files pass `prettier --check` without running prettier at generation time.
//!
//! Only the shapes the target writes are covered: function signatures, call arguments, and
//! types made of unions (`A | B`) and generic references (`Exclude<A, B>`). A type breaks as
//! prettier breaks it: a union one member a line, each led by `| `; a generic one argument a
//! line; the outermost first, and only what does not fit.

/// The column prettier wraps at.
pub const WIDTH: usize = 80;

/// The parts of `ty` separated by `separator` at the top level, outside `<…>`, `(…)`, `{…}`,
/// `[…]` and string literals.
fn split_top<'a>(ty: &'a str, separator: &str) -> Vec<&'a str> {
    let bytes = ty.as_bytes();
    let mut parts = Vec::new();
    let (mut depth, mut start, mut index) = (0usize, 0usize, 0usize);
    // The quote of the string literal the scan is in, if any.
    let mut quote: Option<u8> = None;
    while index < bytes.len() {
        let byte = bytes[index];
        if let Some(open) = quote {
            match byte {
                b'\\' => index += 1,
                _ if byte == open => quote = None,
                _ => {}
            }
        } else {
            match byte {
                b'"' | b'\'' => quote = Some(byte),
                b'<' | b'(' | b'{' | b'[' => depth += 1,
                b'>' | b')' | b'}' | b']' => depth = depth.saturating_sub(1),
                _ if depth == 0 && ty[index..].starts_with(separator) => {
                    parts.push(&ty[start..index]);
                    index += separator.len();
                    start = index;
                    continue;
                }
                _ => {}
            }
        }
        index += 1;
    }
    parts.push(&ty[start..]);
    parts
}

/// Whether `ty` is a bare name (`models.Item`, `string`): prettier never breaks a lone type
/// argument of that kind onto lines of its own.
fn is_simple(ty: &str) -> bool {
    ty.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b == b'.')
}

/// Whether `ty` is one object type literal (`{ [key: string]: T }`).
fn is_object(ty: &str) -> bool {
    ty.starts_with("{ ") && ty.ends_with(" }") && split_top(ty, " | ").len() == 1
}

/// `Name<args>` split into `Name` and its top-level arguments, when `ty` is one generic
/// reference.
fn generic(ty: &str) -> Option<(&str, Vec<&str>)> {
    let open = ty.find('<')?;
    let name = &ty[..open];
    let simple = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b == b'.');
    let inner = ty.strip_suffix('>')?.get(open + 1..)?;
    // `A<B> | C<D>` ends with `>` too: the arguments must close exactly at the end.
    (simple && split_top(ty, " | ").len() == 1).then(|| (name, split_top(inner, ", ")))
}

/// Appends `ty` at a column where `used` characters of the line are taken (the indent
/// included) and `tail` characters follow it on its last line; `indent` is the line's indent.
/// `leading_break`: a broken union starts on a new line (after `key:`), else right there
/// (inside `<…>`, where the line already broke).
pub fn push_type(
    out: &mut String,
    ty: &str,
    indent: &str,
    used: usize,
    tail: usize,
    leading_break: bool,
) {
    if used + ty.len() + tail <= WIDTH {
        out.push_str(ty);
        return;
    }
    let inner = format!("{indent}  ");
    let members = split_top(ty, " | ");
    if members.len() > 1 {
        let member_indent = if leading_break {
            inner.as_str()
        } else {
            indent
        };
        for (index, member) in members.iter().enumerate() {
            if index > 0 || leading_break {
                out.push('\n');
                out.push_str(member_indent);
            }
            out.push_str("| ");
            let tail = if index + 1 == members.len() { tail } else { 0 };
            // A member that breaks in turn is indented past its `| `.
            let nested = format!("{member_indent}  ");
            push_type(out, member, &nested, nested.len(), tail, false);
        }
        return;
    }
    if let Some(union) = ty
        .strip_prefix('(')
        .and_then(|rest| rest.strip_suffix(")[]"))
        && members.len() == 1
        && split_top(union, " | ").len() > 1
    {
        // `(A | B)[]`: the union between the parentheses, on lines of its own.
        out.push_str("(\n");
        out.push_str(&inner);
        push_type(out, union, &inner, inner.len(), 0, false);
        out.push('\n');
        out.push_str(indent);
        out.push_str(")[]");
        return;
    }
    if is_object(ty) && members.len() == 1 {
        // `{ [key: string]: T }`: one member a line.
        out.push_str("{\n");
        for member in split_top(&ty[2..ty.len() - 2], "; ") {
            let (key, value) = match split_top(member, ": ").as_slice() {
                [key, value] => (*key, *value),
                _ => (member, ""),
            };
            push_member(out, &inner, key, value, ";");
            out.push('\n');
        }
        out.push_str(indent);
        out.push('}');
        return;
    }
    let Some((name, args)) =
        generic(ty).filter(|(_, args)| !matches!(args[..], [one] if is_simple(one)))
    else {
        out.push_str(ty);
        return;
    };
    out.push_str(name);
    out.push('<');
    for (index, arg) in args.iter().enumerate() {
        out.push('\n');
        out.push_str(&inner);
        let last = index + 1 == args.len();
        push_type(out, arg, &inner, inner.len(), usize::from(!last), false);
        if !last {
            out.push(',');
        }
    }
    out.push('\n');
    out.push_str(indent);
    out.push('>');
}

/// `{indent}{key}: {ty}` and `tail` (`;`), as a property of an object type: the type on the
/// key's line when it fits; else a union on the next line, or one member a line when it does
/// not fit there either (`Name | null` stays on the key's line, `Name` broken if generic); an
/// object type or a generic broken on the key's line; a name, which cannot break, as it is.
pub fn push_member(out: &mut String, indent: &str, key: &str, ty: &str, tail: &str) {
    out.push_str(indent);
    let used = indent.len() + key.len() + ": ".len();
    if used + ty.len() + tail.len() <= WIDTH {
        out.push_str(key);
        out.push_str(": ");
        out.push_str(ty);
        out.push_str(tail);
        return;
    }
    let members = split_top(ty, " | ");
    let inner = format!("{indent}  ");
    if let Some(index) = key.strip_prefix('[').filter(|_| is_simple(ty)) {
        // An index signature whose type cannot break: its brackets break instead.
        out.push_str("[\n");
        out.push_str(&inner);
        out.push_str(index.strip_suffix(']').unwrap_or(index));
        out.push('\n');
        out.push_str(indent);
        out.push(']');
    } else {
        out.push_str(key);
    }
    out.push(':');
    match members.as_slice() {
        [first, "null"] if is_simple(first) || generic(first).is_some() => {
            out.push(' ');
            push_type(
                out,
                first,
                indent,
                used,
                " | null".len() + tail.len(),
                false,
            );
            out.push_str(" | null");
        }
        [_, _, ..] if inner.len() + ty.len() + tail.len() <= WIDTH => {
            out.push('\n');
            out.push_str(&inner);
            out.push_str(ty);
        }
        [_, _, ..] => push_type(out, ty, indent, used, tail.len(), true),
        _ => {
            out.push(' ');
            push_type(out, ty, indent, used, tail.len(), false);
        }
    }
    out.push_str(tail);
}

/// `{head} = {ty};` and a newline, as prettier prints a type alias: on one line when it fits;
/// else a union on the next line, or one member a line when it does not fit there either; a
/// generic reference broken inside its `<…>`; anything else on the next line.
pub fn push_alias(out: &mut String, head: &str, ty: &str) {
    out.push_str(head);
    if head.len() + " = ;".len() + ty.len() <= WIDTH {
        out.push_str(" = ");
        out.push_str(ty);
    } else if split_top(ty, " | ").len() > 1 {
        out.push_str(" =");
        if "  ;".len() + ty.len() <= WIDTH {
            out.push_str("\n  ");
        }
        push_type(out, ty, "", "  ".len(), ";".len(), true);
    } else if is_object(ty)
        || generic(ty).is_some_and(|(name, args)| {
            !matches!(args[..], [one] if is_simple(one))
                && head.len() + " = <".len() + name.len() <= WIDTH
        })
    {
        out.push_str(" = ");
        push_type(out, ty, "", head.len() + " = ".len(), ";".len(), false);
    } else {
        out.push_str(" =\n  ");
        out.push_str(ty);
    }
    out.push_str(";\n");
}

/// `{head}(args): Promise<returns> {` and a newline, indented by `indent`: on one line when it
/// fits, else one argument a line (an argument spanning lines is indented already: its lines
/// after the first as for an argument line), then the return type broken as it needs.
pub fn push_signature(out: &mut String, indent: &str, head: &str, args: &[String], returns: &str) {
    let flat_args = args.join(", ");
    let flat =
        indent.len() + head.len() + flat_args.len() + returns.len() + "(): Promise<> {".len();
    out.push_str(indent);
    out.push_str(head);
    if flat <= WIDTH && !flat_args.contains('\n') {
        out.push('(');
        out.push_str(&flat_args);
        out.push_str("): Promise<");
        out.push_str(returns);
        out.push_str("> {\n");
        return;
    }
    out.push_str("(\n");
    push_one_a_line(out, indent, args);
    out.push_str(indent);
    out.push_str("): Promise<");
    if indent.len() + "): Promise<> {".len() + returns.len() <= WIDTH || is_simple(returns) {
        out.push_str(returns);
    } else {
        let inner = format!("{indent}  ");
        out.push('\n');
        out.push_str(&inner);
        let members = split_top(returns, " | ");
        if members.len() > 1 && inner.len() + returns.len() > WIDTH {
            // A union that does not fit on its own line: each member led by `| `.
            for (index, member) in members.iter().enumerate() {
                if index > 0 {
                    out.push('\n');
                    out.push_str(&inner);
                }
                out.push_str("| ");
                let nested = format!("{inner}  ");
                push_type(out, member, &nested, nested.len(), 0, false);
            }
        } else {
            push_type(out, returns, &inner, inner.len(), 0, false);
        }
        out.push('\n');
        out.push_str(indent);
    }
    out.push_str("> {\n");
}

/// `items` one a line, indented one level from `indent`, each with a trailing comma.
fn push_one_a_line(out: &mut String, indent: &str, items: &[impl AsRef<str>]) {
    for item in items {
        out.push_str(indent);
        out.push_str("  ");
        out.push_str(item.as_ref());
        out.push_str(",\n");
    }
}

/// `{indent}{head}(args){tail}` and a newline: on one line when it fits, else one argument a
/// line with a trailing comma.
pub fn push_call(out: &mut String, indent: &str, head: &str, args: &[&str], tail: &str) {
    let flat_args = args.join(", ");
    out.push_str(indent);
    out.push_str(head);
    out.push('(');
    if indent.len() + head.len() + flat_args.len() + 2 + tail.len() <= WIDTH || args.is_empty() {
        out.push_str(&flat_args);
    } else {
        out.push('\n');
        push_one_a_line(out, indent, args);
        out.push_str(indent);
    }
    out.push(')');
    out.push_str(tail);
    out.push('\n');
}

/// `{indent}{lhs}{callee}(args){tail}` and a newline, as an assignment (`const response = `):
/// the call on the assignment's line when it fits there, or with its arguments one a line when
/// its start (`callee(`) fits and they can break; else on the next line.
pub fn push_assigned_call(
    out: &mut String,
    indent: &str,
    lhs: &str,
    callee: &str,
    args: &[&str],
    tail: &str,
) {
    let call = callee.len() + args.join(", ").len() + "()".len() + tail.len();
    let fits_after = indent.len() + lhs.len() + call <= WIDTH;
    let head_fits = indent.len() + lhs.len() + callee.len() + "(".len() <= WIDTH;
    // No arguments, or one short one (`client`), cannot break: the call moves down whole.
    let breakable = args.len() > 1 || args.iter().any(|arg| arg.len() > WIDTH / 4);
    if fits_after || (head_fits && breakable) {
        push_call(out, indent, &format!("{lhs}{callee}"), args, tail);
        return;
    }
    out.push_str(indent);
    out.push_str(lhs.trim_end());
    out.push('\n');
    push_call(out, &format!("{indent}  "), callee, args, tail);
}

/// `{indent}{key}: {value},` and a newline, for a value that cannot break (a string literal):
/// after the key when it fits or the key is short (under 5 characters: prettier's tab width
/// plus 3), else on the next line.
pub fn push_property(out: &mut String, indent: &str, key: &str, value: &str) {
    out.push_str(indent);
    out.push_str(key);
    out.push(':');
    if indent.len() + key.len() + ": ,".len() + value.len() <= WIDTH || key.len() < 5 {
        out.push(' ');
    } else {
        out.push('\n');
        out.push_str(indent);
        out.push_str("  ");
    }
    out.push_str(value);
    out.push_str(",\n");
}

/// `import A, { b, c } from "from";`: on one line when it fits, else one named import a line.
pub fn import_line(default: &[&str], named: &[&str], from: &str) -> String {
    if named.is_empty() {
        return format!("import {} from \"{from}\";", default.join(", "));
    }
    let default = default
        .iter()
        .map(|name| format!("{name}, "))
        .collect::<String>();
    let line = format!(
        "import {default}{{ {} }} from \"{from}\";",
        named.join(", ")
    );
    if line.len() <= WIDTH {
        return line;
    }
    let named: String = named.iter().map(|name| format!("  {name},\n")).collect();
    format!("import {default}{{\n{named}}} from \"{from}\";")
}

/// The lines of a Markdown table whose first row is the header, as prettier prints it: the
/// columns padded to their widest cell, however wide.
pub fn markdown_table(rows: &[[String; 3]]) -> Vec<String> {
    // Emoji and East Asian wide characters take two columns, as prettier counts them.
    let wide = |c: char| matches!(u32::from(c), 0x1100..=0x115f | 0x2e80..=0xa4cf | 0xac00..=0xd7a3 | 0xf900..=0xfaff | 0xfe30..=0xfe4f | 0xff00..=0xff60 | 0xffe0..=0xffe6 | 0x1f300..=0x1faff | 0x20000..=0x3fffd);
    let width = |cell: &String| {
        cell.chars()
            .map(|c| if wide(c) { 2 } else { 1 })
            .sum::<usize>()
    };
    let widths: Vec<usize> = (0..3)
        .map(|column| {
            rows.iter()
                .map(|row| width(&row[column]))
                .max()
                .unwrap_or(0)
                .max(3)
        })
        .collect();
    let line = |cells: Vec<String>| format!("| {} |", cells.join(" | "));
    let pad = |column: usize, cell: &String| {
        format!("{cell}{}", " ".repeat(widths[column] - width(cell)))
    };
    let mut lines = Vec::with_capacity(rows.len() + 1);
    for (index, row) in rows.iter().enumerate() {
        lines.push(line(
            row.iter()
                .enumerate()
                .map(|(column, cell)| pad(column, cell))
                .collect(),
        ));
        if index == 0 {
            let dashes = |column: usize| "-".repeat(widths[column]);
            lines.push(line((0..3).map(dashes).collect()));
        }
    }
    lines
}

/// The brackets of a literal: `{ a: 1 }` or `["a"]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bracket {
    /// An object literal, its items `key: value`.
    Object,
    /// An array literal.
    Array,
}

impl Bracket {
    fn flat(self, items: &[String]) -> String {
        match self {
            Bracket::Object if items.is_empty() => "{}".to_string(),
            Bracket::Object => format!("{{ {} }}", items.join(", ")),
            Bracket::Array => format!("[{}]", items.join(", ")),
        }
    }

    fn ends(self) -> (char, char) {
        match self {
            Bracket::Object => ('{', '}'),
            Bracket::Array => ('[', ']'),
        }
    }
}

/// `{indent}{key}: { a, b },` and a newline, for an object literal given by its `key: value`
/// items: on one line when it fits, else one item a line.
pub fn push_object_property(out: &mut String, indent: &str, key: &str, items: &[String]) {
    push_literal(
        out,
        indent,
        &format!("{key}: "),
        Bracket::Object,
        items,
        ",",
    );
}

/// `{indent}{key}: [a, b],` and a newline, for an array of object or array literals (each
/// given by its items). As prettier does, the array is one element a line when it has several
/// and each has several items, or when it does not fit; an element that does not fit on its
/// line is broken in turn.
pub fn push_array_property(
    out: &mut String,
    indent: &str,
    key: &str,
    elements: Bracket,
    items: &[Vec<String>],
) {
    let flat: Vec<String> = items.iter().map(|element| elements.flat(element)).collect();
    let matrix = items.len() > 1 && items.iter().all(|element| element.len() > 1);
    let line = format!("{indent}{key}: {},", Bracket::Array.flat(&flat));
    if !matrix && line.len() <= WIDTH {
        out.push_str(&line);
        out.push('\n');
        return;
    }
    out.push_str(indent);
    out.push_str(key);
    out.push_str(": [\n");
    let inner = format!("{indent}  ");
    for element in items {
        push_literal(out, &inner, "", elements, element, ",");
    }
    out.push_str(indent);
    out.push_str("],\n");
}

/// `{indent}{head}{literal}{tail}` and a newline: the literal on one line when it fits, else
/// one item a line with trailing commas.
fn push_literal(
    out: &mut String,
    indent: &str,
    head: &str,
    bracket: Bracket,
    items: &[String],
    tail: &str,
) {
    let flat = bracket.flat(items);
    out.push_str(indent);
    out.push_str(head);
    if indent.len() + head.len() + flat.len() + tail.len() <= WIDTH || items.is_empty() {
        out.push_str(&flat);
    } else {
        let (open, close) = bracket.ends();
        out.push(open);
        out.push('\n');
        for item in items {
            out.push_str(indent);
            out.push_str("  ");
            out.push_str(item);
            out.push_str(",\n");
        }
        out.push_str(indent);
        out.push(close);
    }
    out.push_str(tail);
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(ty: &str, indent: &str, used: usize, tail: usize, leading: bool) -> String {
        let mut out = String::new();
        push_type(&mut out, ty, indent, used, tail, leading);
        out
    }

    #[test]
    fn a_union_that_does_not_fit_breaks_one_member_a_line() {
        let ty =
            "TypedResponse<404, models.Item> | TypedResponse<Exclude<HttpStatus, 200>, unknown>";
        assert_eq!(
            typed(ty, "  ", "  getX:".len(), 1, true),
            "\n    | TypedResponse<404, models.Item>\n    \
             | TypedResponse<Exclude<HttpStatus, 200>, unknown>"
        );
    }

    #[test]
    fn a_generic_that_does_not_fit_breaks_one_argument_a_line() {
        let ty = "TypedResponse<Exclude<HttpStatus, 200 | 404>, unknown>";
        let used = "  getXyyyyyyyyyyyyyyyyyyyyyyyyyyyyy: ".len();
        assert_eq!(
            typed(ty, "  ", used, 1, true),
            "TypedResponse<\n    Exclude<HttpStatus, 200 | 404>,\n    unknown\n  >"
        );
    }

    #[test]
    fn a_signature_breaks_its_arguments_then_its_return_type() {
        let mut out = String::new();
        let args = [
            "client: ApiClient".to_string(),
            "options?: CallOptions".to_string(),
        ];
        let returns = "TypedResponse<200, models.Itemaaaaaaaaaaaaaaaaaaaaaaaaaa> | TypedResponse<201, undefined>";
        push_signature(&mut out, "", "export function getY", &args, returns);
        assert_eq!(
            out,
            "export function getY(\n  client: ApiClient,\n  options?: CallOptions,\n): Promise<\n  \
             | TypedResponse<200, models.Itemaaaaaaaaaaaaaaaaaaaaaaaaaa>\n  \
             | TypedResponse<201, undefined>\n> {\n"
        );
    }

    #[test]
    fn an_import_without_named_imports_has_no_braces() {
        assert_eq!(
            import_line(&["API"], &[], "./empty/index.js"),
            "import API from \"./empty/index.js\";"
        );
    }
}
