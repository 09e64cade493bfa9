//! The one place where text from the spec becomes Python source: string literals and docstrings.
//!
//! Nothing from the spec reaches a generated file except through these functions, so no name or
//! description can end a string early or inject code.

use crate::targets::text::plain_ascii_len;

/// A Python string literal holding `text` exactly: double-quoted, unless `text` holds more
/// double quotes than single ones (then single-quoted, as ruff's formatter chooses).
pub fn string_literal(text: &str) -> String {
    let doubles = memchr::memchr_iter(b'"', text.as_bytes()).count();
    let singles = memchr::memchr_iter(b'\'', text.as_bytes()).count();
    let quote = if doubles > singles { '\'' } else { '"' };
    let mut out = String::with_capacity(text.len() + 2);
    out.push(quote);
    push_all_escaped(&mut out, text, quote as u8);
    out.push(quote);
    out
}

/// The body of a `"""` docstring holding `text`, indented by `indent` on continuation lines;
/// `None` when there is nothing to say.
///
/// Backslashes and quotes are escaped so the docstring cannot end early, control characters are
/// written as escapes, trailing whitespace is trimmed from each line (PEP 8), and the
/// continuation lines lose the indent they share, as `ruff format` would take it off.
pub fn docstring(text: &str, indent: &str) -> Option<String> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let shared = text
        .lines()
        .skip(1)
        .map(str::trim_end)
        .filter(|line| !line.is_empty())
        .map(|line| line.len() - line.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0);
    let mut out = String::with_capacity(text.len() + 16);
    for (index, line) in text.lines().map(str::trim_end).enumerate() {
        if index > 0 {
            out.push('\n');
            if !line.is_empty() {
                out.push_str(indent);
            }
        }
        let line = if index > 0 {
            line.get(shared..).unwrap_or(line)
        } else {
            line
        };
        push_all_escaped(&mut out, line, b'"');
    }
    Some(out)
}

/// Text for a `#` comment: one line, no control characters (Python refuses a NUL anywhere in
/// the source, comments included).
///
/// Every run of whitespace and control characters becomes one space; none is left at the ends.
pub fn comment(text: &str) -> String {
    let trimmed = text.trim_matches(' ');
    // Most descriptions are one line of printable ASCII already (NUL is no extra stop: it is
    // below the space anyway).
    let printable = plain_ascii_len(trimmed.as_bytes(), [0, 0]) == trimmed.len();
    if printable && memchr::memmem::find(trimmed.as_bytes(), b"  ").is_none() {
        return trimmed.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let words = text
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|word| !word.is_empty());
    for word in words {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Text for inside a Markdown code span or table cell: one line, no backticks or pipes.
pub fn markdown_code(text: &str) -> String {
    comment(text).replace('`', "'").replace('|', "\\|")
}

/// Appends `text` escaped: the runs between characters that need an escape are copied whole.
fn push_all_escaped(out: &mut String, text: &str, quote: u8) {
    let bytes = text.as_bytes();
    let mut copied = 0;
    let mut at = 0;
    while at < bytes.len() {
        at += plain_ascii_len(&bytes[at..], [b'\\', quote]);
        let Some(width) = bytes.get(at..).and_then(|rest| escaped_width(rest, quote)) else {
            // The end, or a byte of a character that is written as it is.
            at += 1;
            continue;
        };
        out.push_str(&text[copied..at]);
        if let Some(c) = text[at..].chars().next() {
            push_escaped(out, c, quote);
        }
        at += width;
        copied = at;
    }
    out.push_str(&text[copied..]);
}

/// The UTF-8 width of the character `bytes` starts with when it needs an escape: a backslash,
/// `quote`, a control character (C0, DEL, C1), a line or paragraph separator or a byte order
/// mark; `None` for any other byte.
fn escaped_width(bytes: &[u8], quote: u8) -> Option<usize> {
    match bytes {
        [b'\\' | 0x00..=0x1f | 0x7f, ..] => Some(1),
        [first, ..] if *first == quote => Some(1),
        [0xc2, 0x80..=0x9f, ..] => Some(2),
        [0xe2, 0x80, 0xa8 | 0xa9, ..] | [0xef, 0xbb, 0xbf, ..] => Some(3),
        _ => None,
    }
}

fn push_escaped(out: &mut String, c: char, quote: u8) {
    match c {
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if c == char::from(quote) => {
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
        assert_eq!(string_literal(r#"a"b'\c"#), r#""a\"b'\\c""#);
        assert_eq!(string_literal(r#"a"b\c"#), r#"'a"b\\c'"#);
        assert_eq!(string_literal(r#"a"b"'"#), r#"'a"b"\''"#);
        assert_eq!(string_literal("line\nnext\0"), r#""line\nnext\u0000""#);
        assert_eq!(string_literal("{id}"), r#""{id}""#);
    }

    #[test]
    fn every_character_that_needs_an_escape_gets_one_and_only_those() {
        let text = "é\u{80}x\u{9f}\u{a0}\u{2028}\u{2027}\u{2029}\u{feff}\u{7f}ü\"\\\t\u{1}日本";
        let expected = [
            "é", r"\u0080", "x", r"\u009f", "\u{a0}", r"\u2028", "\u{2027}", r"\u2029", r"\ufeff",
            r"\u007f", "ü", "\"", r"\\", r"\t", r"\u0001", "日本",
        ];
        // One double quote and no single one: the literal is single-quoted.
        assert_eq!(string_literal(text), format!("'{}'", expected.concat()));
    }

    #[test]
    fn docstring_continuation_lines_lose_their_shared_indent() {
        let text = "Lock reasons:\n * `off-topic`\n   * `spam`\n\n * `resolved`";
        assert_eq!(
            docstring(text, "    ").as_deref(),
            Some("Lock reasons:\n    * `off-topic`\n      * `spam`\n\n    * `resolved`")
        );
    }

    #[test]
    fn docstring_cannot_end_early() {
        let body = docstring("Say \"\"\"hi\"\"\" \\ \n  second line  \n", "    ").unwrap();
        assert_eq!(body, "Say \\\"\\\"\\\"hi\\\"\\\"\\\" \\\\\n    second line");
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
        assert_eq!(
            comment("  a\u{2003}b\u{85}c\u{7f}d  é\u{a0}日本 long-enough-for-a-chunk  "),
            "a b c d é 日本 long-enough-for-a-chunk"
        );
        assert_eq!(comment(" \n\t "), "");
    }
}
