//! The one place where text from the spec becomes Rust doc comments.
//!
//! Each line of a description becomes one `///` line: control characters (newlines, NUL, CR)
//! and bidirectional-override characters become spaces, so no description can end the comment,
//! start code or reorder what a reader sees; `*/` is harmless in a line comment. Doc text is
//! also made harmless for rustdoc: code blocks in descriptions would otherwise become doctests
//! of the user's crate. String literals are escaped by [`super::text::push_literal`].

use std::borrow::Cow;

use crate::targets::text::push_indent;

/// Appends `///` lines at `indent` for `text`; nothing when the text is empty.
pub fn doc(out: &mut String, indent: usize, text: Option<&str>) {
    comment(out, indent, "///", text);
}

/// Appends `//!` lines (the doc of the enclosing module) at `indent` for `text`.
pub fn inner_doc(out: &mut String, indent: usize, text: Option<&str>) {
    comment(out, indent, "//!", text);
}

/// Doc lines for a summary and a description, a blank line apart.
pub fn doc_pair(out: &mut String, indent: usize, summary: Option<&str>, description: Option<&str>) {
    let summary = summary.map(str::trim).filter(|text| !text.is_empty());
    let description = description.map(str::trim).filter(|text| !text.is_empty());
    match (summary, description) {
        (Some(summary), Some(description)) if summary != description => {
            doc(out, indent, Some(&format!("{summary}\n\n{description}")))
        }
        (Some(text), _) | (None, Some(text)) => doc(out, indent, Some(text)),
        (None, None) => {}
    }
}

fn comment(out: &mut String, indent: usize, marker: &str, text: Option<&str>) {
    let Some(text) = text.map(str::trim).filter(|text| !text.is_empty()) else {
        return;
    };
    let mut in_fence = false;
    for line in text.lines() {
        push_indent(out, indent);
        out.push_str(marker);
        let line = safe_line(line, &mut in_fence);
        if !line.is_empty() {
            out.push(' ');
            out.push_str(&line);
        }
        out.push('\n');
    }
    if in_fence {
        push_indent(out, indent);
        out.push_str(marker);
        out.push_str(" ```\n");
    }
}

/// Characters that would break a comment line or mislead a reader: controls, and the Unicode
/// bidirectional overrides and isolates (rustc rejects them in comments).
fn unsafe_char(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// One line of doc text: unsafe characters become spaces, trailing space goes, a code fence
/// is marked `text` (so rustdoc does not compile it), and outside fences leading indentation
/// is dropped (four spaces would start an indented code block, which rustdoc also compiles).
fn safe_line<'a>(line: &'a str, in_fence: &mut bool) -> Cow<'a, str> {
    if line.chars().any(unsafe_char) {
        let cleaned: String = line
            .chars()
            .map(|c| if unsafe_char(c) { ' ' } else { c })
            .collect();
        return Cow::Owned(layout_line(&cleaned, in_fence).to_string());
    }
    Cow::Borrowed(layout_line(line, in_fence))
}

/// The fence and indentation rules of [`safe_line`], on a line without unsafe characters.
fn layout_line<'a>(line: &'a str, in_fence: &mut bool) -> &'a str {
    let trimmed = line.trim();
    if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
        let opening = !*in_fence;
        *in_fence = opening;
        return if opening { "```text" } else { "```" };
    }
    if *in_fence { line.trim_end() } else { trimmed }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc_of(text: &str) -> String {
        let mut out = String::new();
        doc(&mut out, 4, Some(text));
        out
    }

    #[test]
    fn doc_lines_cannot_end_the_comment_or_start_code() {
        assert_eq!(
            doc_of("Say \"hi\" */ \\\n\nnext\rline\0end\u{202E}x"),
            "    /// Say \"hi\" */ \\\n    ///\n    /// next line end x\n"
        );
        assert!(doc_of("  \n").is_empty());
    }

    #[test]
    fn code_in_descriptions_never_becomes_a_doctest() {
        let out = doc_of("```\nfn main() {}\n```\n\n    indented\n```rust\nopen");
        assert!(out.contains("/// ```text\n"), "{out}");
        assert!(out.contains("/// indented\n"), "{out}");
        assert!(out.ends_with("    /// ```\n"), "{out}");
    }
}
