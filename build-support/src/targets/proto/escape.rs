//! The one place where text from the spec becomes proto comments, proto string literals
//! (`json_name`) or README Markdown.
//!
//! Names never come from here (see `names`); descriptions, titles, paths and wire values do.
//! Proto comments are copied by the plugins into generated code, unescaped: into `/** … */` in
//! Java and TypeScript, `//` in C++ and Go, and `"""…"""` docstrings in gRPC's Python stubs.
//! So a comment line holds no `*/` or `/*`, no `"""` (written `'''`), no control characters and
//! no trailing backslash (which continues a C++ `//` comment onto the next line); backslashes
//! are doubled, since `\x` or `\N` in a Python docstring is a syntax error.

use std::borrow::Cow;

/// The text of a `//` comment block holding `text`: its lines joined by `\n`, each without the
/// `//`; empty when there is nothing to say. Blank lines inside are kept, blank lines around
/// dropped.
pub fn comment_block(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_lines = 0;
    for line in text.lines() {
        let line = clean_line(line);
        if line.is_empty() {
            blank_lines += usize::from(!out.is_empty());
            continue;
        }
        if !out.is_empty() {
            out.extend(std::iter::repeat_n('\n', blank_lines + 1));
        }
        blank_lines = 0;
        out.push_str(&line);
    }
    out
}

/// `text` as one comment line: whitespace runs (newlines included) become one space.
pub fn comment(text: &str) -> String {
    let single_spaced = !text.starts_with(' ')
        && !text.contains("  ")
        && !text.bytes().any(|b| b.is_ascii_whitespace() && b != b' ');
    if single_spaced {
        return clean_line(text).into_owned();
    }
    clean_line(&text.split_whitespace().collect::<Vec<_>>().join(" ")).into_owned()
}

/// `text` inside a proto string literal (`"…"`, a `json_name`): quotes and backslashes escaped,
/// control characters as octal escapes, everything else as it is (protoc reads UTF-8).
pub fn string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_ascii_control() => out.push_str(&format!("\\{:03o}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// `text` for inside a Markdown code span or table cell: one line, no backticks or pipes.
pub fn markdown_code(text: &str) -> String {
    comment(text).replace('`', "'").replace('|', "\\|")
}

fn clean_line(line: &str) -> Cow<'_, str> {
    // Every byte is looked at, without an early exit, so that the check is vectorized (most
    // lines are simple, and descriptions are long).
    let simple = line.bytes().fold(true, |simple, b| {
        simple & (b' '..=b'~').contains(&b) & (b != b'\\') & (b != b'*') & (b != b'"')
    });
    if simple {
        return Cow::Borrowed(line.trim_end());
    }
    let mut out: String = line
        .chars()
        .map(|c| {
            let invisible = c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}');
            if invisible { ' ' } else { c }
        })
        .collect();
    while out.contains("*/") || out.contains("/*") {
        out = out.replace("*/", "* /").replace("/*", "/ *");
    }
    while out.contains("\"\"\"") {
        out = out.replace("\"\"\"", "'''");
    }
    Cow::Owned(
        out.trim_end_matches(|c: char| c == '\\' || c.is_whitespace())
            .replace('\\', "\\\\"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comment_block_cannot_close_a_block_comment() {
        assert_eq!(
            comment_block("A node. */ end\n/** still */"),
            "A node. * / end\n/ ** still * /"
        );
    }

    #[test]
    fn comment_block_keeps_inner_blank_lines_only() {
        assert_eq!(
            comment_block("\n\nfirst\n\n  second  \n\n"),
            "first\n\n  second"
        );
        assert!(comment_block("  \n ").is_empty());
    }

    #[test]
    fn comment_block_drops_controls_and_trailing_backslashes() {
        assert_eq!(comment_block("a\tb\u{0}c \\\\\nd\r\n"), "a b c\nd");
    }

    #[test]
    fn comment_block_cannot_break_a_python_docstring() {
        assert_eq!(
            comment_block("Say \"\"\"\"hi\"\"\" in C:\\x\\N"),
            "Say '''\"hi''' in C:\\\\x\\\\N"
        );
    }

    #[test]
    fn comment_is_one_line() {
        assert_eq!(comment("a\nb\r\n c */"), "a b c * /");
    }

    #[test]
    fn string_literal_escapes_quotes_backslashes_and_controls() {
        assert_eq!(string_literal("@type"), "@type");
        assert_eq!(string_literal("a\"b\\c\nd"), "a\\\"b\\\\c\\012d");
        assert_eq!(string_literal("日本"), "日本");
    }

    #[test]
    fn markdown_code_cannot_break_a_table() {
        assert_eq!(markdown_code("/a|b`c`"), "/a\\|b'c'");
    }
}
