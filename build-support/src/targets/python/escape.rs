//! The one place where text from the spec becomes Python source: string literals and docstrings.
//!
//! Nothing from the spec reaches a generated file except through these functions, so no name or
//! description can end a string early or inject code.

/// A double-quoted Python string literal holding `text` exactly.
pub fn string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    push_all_escaped(&mut out, text, '"');
    out.push('"');
    out
}

/// The body of a `"""` docstring holding `text`, indented by `indent` on continuation lines;
/// `None` when there is nothing to say.
///
/// Backslashes and quotes are escaped so the docstring cannot end early, control characters are
/// written as escapes, and trailing whitespace is trimmed from each line (PEP 8).
pub fn docstring(text: &str, indent: &str) -> Option<String> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len() + 16);
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    for (index, line) in lines.iter().enumerate() {
        if index > 0 {
            out.push('\n');
            if !line.is_empty() {
                out.push_str(indent);
            }
        }
        push_all_escaped(&mut out, line, '"');
    }
    Some(out)
}

/// Text for a `#` comment: one line, no control characters (Python refuses a NUL anywhere in
/// the source, comments included).
pub fn comment(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text for inside a Markdown code span or table cell: one line, no backticks or pipes.
pub fn markdown_code(text: &str) -> String {
    comment(text).replace('`', "'").replace('|', "\\|")
}

/// Appends `text` escaped; most text needs no escape and is copied as it is.
fn push_all_escaped(out: &mut String, text: &str, quote: char) {
    let plain = text
        .bytes()
        .all(|b| (0x20..0x7f).contains(&b) && b != b'\\' && b != quote as u8);
    if plain {
        out.push_str(text);
    } else {
        text.chars().for_each(|c| push_escaped(out, c, quote));
    }
}

fn push_escaped(out: &mut String, c: char, quote: char) {
    match c {
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if c == quote => {
            out.push('\\');
            out.push(c);
        }
        c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') => {
            out.push_str(&format!("\\u{:04x}", c as u32));
        }
        c => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_literal_escapes_quotes_backslashes_and_controls() {
        assert_eq!(string_literal(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(string_literal("line\nnext\0"), r#""line\nnext\u0000""#);
        assert_eq!(string_literal("{id}"), r#""{id}""#);
    }

    #[test]
    fn docstring_cannot_end_early() {
        let body = docstring("Say \"\"\"hi\"\"\" \\ \n  second line  \n", "    ").unwrap();
        assert_eq!(
            body,
            "Say \\\"\\\"\\\"hi\\\"\\\"\\\" \\\\\n      second line"
        );
        assert_eq!(docstring("  \n ", ""), None);
    }

    #[test]
    fn docstring_ending_in_a_quote_stays_closed() {
        assert_eq!(docstring("ends with \"", "").unwrap(), "ends with \\\"");
    }

    #[test]
    fn comment_is_one_line() {
        assert_eq!(comment("a\nb\r\n c"), "a b c");
        assert_eq!(comment("nul\0here\u{7}bell"), "nul here bell");
    }
}
