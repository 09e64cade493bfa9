//! The one place where text from the spec becomes TypeScript source: string literals, doc
//! comments and line comments (and the Markdown of the README).
//!
//! Nothing from the spec reaches a generated file except through these functions, so no name or
//! description can end a string or a comment early or inject code.

use std::fmt::Write;

/// A string literal holding `text` exactly, quoted as prettier quotes: in double quotes, unless
/// the text holds more double quotes than single ones (`'say "hi"'`).
pub fn string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    push_string_literal(&mut out, text);
    out
}

/// Appends [`string_literal`] of `text` to `out`.
pub fn push_string_literal(out: &mut String, text: &str) {
    let doubles = memchr::memchr_iter(b'"', text.as_bytes()).count();
    let quote = if doubles > 0 && doubles > memchr::memchr_iter(b'\'', text.as_bytes()).count() {
        '\''
    } else {
        '"'
    };
    push_quoted(out, text, quote);
}

/// A double-quoted string literal holding `text` exactly, valid JSON (for `package.json`).
pub fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    push_quoted(&mut out, text, '"');
    out
}

/// `text` between `quote`s, with the escapes valid in both JavaScript and JSON (the quote, the
/// backslash, line ends and control characters).
fn push_quoted(out: &mut String, text: &str, quote: char) {
    out.push(quote);
    let plain = text
        .bytes()
        .all(|b| (0x20..0x7f).contains(&b) && b != quote as u8 && b != b'\\');
    if plain {
        out.push_str(text);
        out.push(quote);
        return;
    }
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // U+2028 and U+2029 end a line in JavaScript; U+FEFF is invisible.
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') => {
                // Writing to a String cannot fail.
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
}

/// Appends a `/** … */` doc comment holding `lines` (paragraphs separated by empty strings) to
/// `out`, each line starting with `indent`; nothing when every line is blank.
///
/// `*/` in the text is written `*\/` so the comment cannot end early; control characters become
/// spaces and trailing whitespace is trimmed. One short line gives a one-line comment.
pub fn push_doc(out: &mut String, lines: &[&str], indent: &str) {
    let text = || {
        lines.iter().flat_map(|part| {
            // An empty part is a paragraph break; `lines()` would give nothing for it.
            let blank = part.is_empty().then_some("");
            blank.into_iter().chain(part.lines().map(str::trim_end))
        })
    };
    let mut filled = text().filter(|line| !line.is_empty());
    let Some(first) = filled.next() else {
        return;
    };
    if filled.next().is_none() && first.len() + indent.len() <= 90 {
        out.push_str(indent);
        out.push_str("/** ");
        push_comment_text(out, first);
        out.push_str(" */\n");
        return;
    }
    out.push_str(indent);
    out.push_str("/**\n");
    // Blank lines are written only between text: none first or last, runs collapse to one.
    let mut started = false;
    let mut blank = false;
    for line in text() {
        if line.is_empty() {
            blank = started;
            continue;
        }
        if blank {
            out.push_str(indent);
            out.push_str(" *\n");
            blank = false;
        }
        started = true;
        out.push_str(indent);
        out.push_str(" * ");
        push_comment_text(out, line);
        out.push('\n');
    }
    out.push_str(indent);
    out.push_str(" */\n");
}

/// [`push_doc`] into a new string.
pub fn doc(lines: &[&str], indent: &str) -> String {
    let mut out = String::new();
    push_doc(&mut out, lines, indent);
    out
}

fn push_comment_text(out: &mut String, line: &str) {
    // Most text is plain ASCII without `*/`: copied as it is.
    let plain = line.bytes().all(|b| (0x20..0x7f).contains(&b));
    if plain && !line.contains("*/") {
        out.push_str(line);
        return;
    }
    let mut previous = '\0';
    for c in line.chars() {
        match c {
            '/' if previous == '*' => out.push_str("\\/"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') => {
                out.push(' ')
            }
            c => out.push(c),
        }
        previous = c;
    }
}

/// Text for a `//` comment: one line (JavaScript also ends lines at U+2028 and U+2029, which
/// count as whitespace here), no control characters.
pub fn comment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().filter(|c| !c.is_control() && *c != '\u{feff}'));
    }
    out
}

/// Text for inside one line of a `/** … */` doc comment: one line, and `*/` cannot end it.
pub fn doc_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_comment_text(&mut out, &comment(text));
    out
}

/// Text for inside a Markdown code span or table cell: one line, no backticks or pipes.
pub fn markdown_code(text: &str) -> String {
    comment(text).replace('`', "'").replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_line_cannot_end_the_comment() {
        assert_eq!(doc_line("http://x/*/y */ z\n w"), "http://x/*\\/y *\\/ z w");
    }

    #[test]
    fn string_literal_escapes_quotes_backslashes_and_line_ends() {
        assert_eq!(string_literal(r#"a"b\c'"#), r#""a\"b\\c'""#);
        assert_eq!(string_literal(r#"a"b\c"#), r#"'a"b\\c'"#);
        assert_eq!(string_literal("line\nnext\0"), r#""line\nnext\u0000""#);
        assert_eq!(string_literal("a\u{2028}b"), r#""a\u2028b""#);
        assert_eq!(string_literal("${x} `y` 'z'"), r#""${x} `y` 'z'""#);
    }

    #[test]
    fn json_string_is_valid_json() {
        let text = "q\"\\\n\t\u{1}\u{2029}é";
        let literal = json_string(text);
        let parsed: String = serde_json::from_str(&literal).expect("valid JSON");
        assert_eq!(parsed, text);
    }

    #[test]
    fn doc_comment_cannot_end_early() {
        assert_eq!(doc(&["A */ B"], ""), "/** A *\\/ B */\n");
        assert_eq!(doc(&["ends with *"], ""), "/** ends with * */\n");
        assert_eq!(doc(&["**/"], ""), "/** **\\/ */\n");
    }

    #[test]
    fn doc_comment_keeps_paragraphs_and_indents() {
        let text = doc(&["Summary.", "", "Line one\n\n\n  line two  \n"], "  ");
        assert_eq!(
            text,
            "  /**\n   * Summary.\n   *\n   * Line one\n   *\n   *   line two\n   */\n"
        );
    }

    #[test]
    fn doc_comment_is_empty_for_blank_text() {
        assert_eq!(doc(&["", "  \n "], ""), "");
        assert_eq!(doc(&[], ""), "");
    }

    #[test]
    fn doc_comment_replaces_control_characters() {
        assert_eq!(doc(&["a\u{7}b\rc\u{2028}d"], ""), "/** a b c d */\n");
    }

    #[test]
    fn comment_is_one_line() {
        assert_eq!(comment("a\nb\r\n c\u{2028}d"), "a b c d");
    }

    #[test]
    fn markdown_code_has_no_backticks_or_pipes() {
        assert_eq!(markdown_code("a`b|c\nd"), "a'b\\|c d");
    }
}
