//! The one place where text from the spec becomes Rust: doc attributes and string literals.
//!
//! Text reaches the generated code only as string literal tokens (which `proc_macro2` escapes),
//! so no description can end a comment or inject code. Doc text is also made harmless for
//! rustdoc: code blocks in descriptions would otherwise become doctests of the user's crate.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// `#[doc = " …"]` attributes for `text`, one per line, each line with a leading space;
/// nothing when the text is empty.
pub fn doc(text: Option<&str>) -> TokenStream {
    let Some(text) = text.map(str::trim).filter(|text| !text.is_empty()) else {
        return TokenStream::new();
    };
    let mut out = TokenStream::new();
    let mut in_fence = false;
    for line in text.lines() {
        let line = safe_line(line, &mut in_fence);
        let literal = if line.is_empty() {
            Literal::string("")
        } else {
            Literal::string(&format!(" {line}"))
        };
        out.extend(quote!(#[doc = #literal]));
    }
    if in_fence {
        out.extend(quote!(#[doc = " ```"]));
    }
    out
}

/// Doc attributes for a summary and a description, a blank line apart.
pub fn doc_pair(summary: Option<&str>, description: Option<&str>) -> TokenStream {
    let summary = summary.map(str::trim).filter(|text| !text.is_empty());
    let description = description.map(str::trim).filter(|text| !text.is_empty());
    match (summary, description) {
        (Some(summary), Some(description)) if summary != description => {
            doc(Some(&format!("{summary}\n\n{description}")))
        }
        (Some(text), _) | (None, Some(text)) => doc(Some(text)),
        (None, None) => TokenStream::new(),
    }
}

/// A string literal holding `text` exactly.
pub fn string(text: &str) -> Literal {
    Literal::string(text)
}

/// One line of doc text: control characters become spaces, trailing space goes, a code fence
/// is marked `text` (so rustdoc does not compile it), and outside fences leading indentation
/// is dropped (four spaces would start an indented code block, which rustdoc also compiles).
fn safe_line(line: &str, in_fence: &mut bool) -> String {
    let cleaned: String = line
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let trimmed = cleaned.trim();
    if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
        let opening = !*in_fence;
        *in_fence = opening;
        return if opening {
            "```text".to_string()
        } else {
            "```".to_string()
        };
    }
    if *in_fence {
        cleaned.trim_end().to_string()
    } else {
        trimmed.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_lines_get_a_leading_space_and_stay_literals() {
        let tokens = doc(Some("Say \"hi\" */ \\\n\nnext")).to_string();
        assert_eq!(
            tokens,
            "# [doc = \" Say \\\"hi\\\" */ \\\\\"] # [doc = \"\"] # [doc = \" next\"]"
        );
        assert!(doc(Some("  \n")).is_empty());
    }

    #[test]
    fn code_in_descriptions_never_becomes_a_doctest() {
        let tokens = doc(Some(
            "```\nfn main() {}\n```\n\n    indented\n```rust\nopen",
        ))
        .to_string();
        assert!(tokens.contains("\" ```text\""), "{tokens}");
        assert!(tokens.contains("\" indented\""), "{tokens}");
        assert!(tokens.ends_with("# [doc = \" ```\"]"), "{tokens}");
    }
}
