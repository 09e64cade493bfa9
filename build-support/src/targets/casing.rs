//! Case conversion for every target: heck's word rules, with a fast path for ASCII text.
//!
//! heck writes each character through `fmt` and costs about 200 instructions a character; a big
//! spec (GitHub's: 7,000 types, 40,000 properties) spends a fifth of its Python generation
//! there. Spec names are almost always ASCII, so ASCII text is split here with exactly heck's
//! rules (a test checks it against heck on every name of the fixture specs), and anything else
//! goes to heck itself.

use heck::{ToLowerCamelCase, ToShoutySnakeCase, ToSnakeCase, ToUpperCamelCase};

/// `UpperCamelCase`, as [`heck::ToUpperCamelCase`].
pub fn upper_camel(text: &str) -> String {
    if !text.is_ascii() {
        return text.to_upper_camel_case();
    }
    let mut out = String::with_capacity(text.len());
    push_joined(&mut out, text, "", Case::Capitalized);
    out
}

/// `lowerCamelCase`, as [`heck::ToLowerCamelCase`].
pub fn lower_camel(text: &str) -> String {
    if !text.is_ascii() {
        return text.to_lower_camel_case();
    }
    let mut out = String::with_capacity(text.len());
    for_each_word(text, |word| {
        let case = if out.is_empty() {
            Case::Lower
        } else {
            Case::Capitalized
        };
        push_cased(&mut out, word, case);
    });
    out
}

/// `snake_case`, as [`heck::ToSnakeCase`].
pub fn snake(text: &str) -> String {
    if !text.is_ascii() {
        return text.to_snake_case();
    }
    let mut out = String::with_capacity(text.len() + 4);
    push_joined(&mut out, text, "_", Case::Lower);
    out
}

/// `SHOUTY_SNAKE_CASE`, as [`heck::ToShoutySnakeCase`].
pub fn shouty_snake(text: &str) -> String {
    if !text.is_ascii() {
        return text.to_shouty_snake_case();
    }
    let mut out = String::with_capacity(text.len() + 4);
    push_joined(&mut out, text, "_", Case::Upper);
    out
}

/// How [`push_joined`] cases each word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// `word`.
    Lower,
    /// `WORD`.
    Upper,
    /// `Word`.
    Capitalized,
}

/// Appends the words of ASCII `text` to `out`, each cased as `case`, joined by `separator`, with
/// heck's word boundaries and no allocation. Non-ASCII characters separate words.
pub fn push_joined(out: &mut String, text: &str, separator: &str, case: Case) {
    let mut first = true;
    for_each_word(text, |word| {
        if !first {
            out.push_str(separator);
        }
        first = false;
        push_cased(out, word, case);
    });
}

fn push_cased(out: &mut String, word: &str, case: Case) {
    // The word is ASCII: appended whole, then cased in place (a `push` per byte costs a
    // capacity check and an encoding each).
    let start = out.len();
    out.push_str(word);
    let pushed = &mut out[start..];
    match case {
        Case::Upper => pushed.make_ascii_uppercase(),
        Case::Lower => pushed.make_ascii_lowercase(),
        Case::Capitalized => {
            pushed.make_ascii_lowercase();
            if let Some(first) = pushed.get_mut(..1) {
                first.make_ascii_uppercase();
            }
        }
    }
}

/// heck's word split of ASCII `text`: words are runs of letters and digits, also broken
/// between a lower-case and an upper-case letter (`userId` → `user`, `Id`) and before the last
/// capital of an acronym followed by a lower-case letter (`HTTPServer` → `HTTP`, `Server`).
fn for_each_word(text: &str, mut word: impl FnMut(&str)) {
    #[derive(Clone, Copy, PartialEq)]
    enum Mode {
        Boundary,
        Lowercase,
        Uppercase,
    }
    // `text` is ASCII, so every byte index is a char boundary: the parts between the bytes
    // that are not letters or digits are cut out by index (a `char` split decodes each one).
    let mut part_start = 0;
    while part_start < text.len() {
        let part_end = text.as_bytes()[part_start..]
            .iter()
            .position(|byte| !byte.is_ascii_alphanumeric())
            .map_or(text.len(), |length| part_start + length);
        let part = &text[part_start..part_end];
        part_start = part_end + 1;
        let bytes = part.as_bytes();
        let mut start = 0;
        let mut mode = Mode::Boundary;
        for (index, &current) in bytes.iter().enumerate() {
            let Some(&next) = bytes.get(index + 1) else {
                word(&part[start..]);
                break;
            };
            let next_mode = if current.is_ascii_lowercase() {
                Mode::Lowercase
            } else if current.is_ascii_uppercase() {
                Mode::Uppercase
            } else {
                mode
            };
            if next_mode == Mode::Lowercase && next.is_ascii_uppercase() {
                word(&part[start..=index]);
                start = index + 1;
                mode = Mode::Boundary;
            } else if mode == Mode::Uppercase
                && current.is_ascii_uppercase()
                && next.is_ascii_lowercase()
            {
                word(&part[start..index]);
                start = index;
                mode = Mode::Boundary;
            } else {
                mode = next_mode;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_same_as_heck(text: &str) {
        assert_eq!(
            upper_camel(text),
            text.to_upper_camel_case(),
            "upper camel of {text:?}"
        );
        assert_eq!(
            lower_camel(text),
            text.to_lower_camel_case(),
            "lower camel of {text:?}"
        );
        assert_eq!(snake(text), text.to_snake_case(), "snake of {text:?}");
        assert_eq!(
            shouty_snake(text),
            text.to_shouty_snake_case(),
            "shouty of {text:?}"
        );
    }

    #[test]
    fn ascii_words_split_like_heck() {
        for text in [
            "",
            "a",
            "A",
            "userId",
            "UserID",
            "user_id",
            "HTTPServer",
            "XMLHttpRequest",
            "webhook-fork_forkee",
            "  spaced  out ",
            "v2Beta3",
            "2fa",
            "ABC",
            "aB",
            "Ab1C",
            "snake__double",
            "x-request-id",
            "Body_upload_avatar",
            "a.b/c\\d",
            "IPv6Address",
            "HTTPServer2Error",
            "http2Server",
            "fooBar_baz-qux",
            "V1Status",
            "__a__b__",
            "2Bar",
        ] {
            assert_same_as_heck(text);
        }
    }

    #[test]
    fn every_name_in_the_fixture_specs_cases_like_heck() {
        let specs =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/specs");
        let mut names = std::collections::HashSet::new();
        for entry in std::fs::read_dir(specs).expect("fixture specs exist") {
            let text = std::fs::read_to_string(entry.expect("entry").path()).expect("readable");
            let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) else {
                continue;
            };
            let mut pending = vec![&value];
            while let Some(node) = pending.pop() {
                match node {
                    serde_json::Value::Object(map) => {
                        for (key, child) in map {
                            names.insert(key.clone());
                            pending.push(child);
                        }
                    }
                    serde_json::Value::Array(items) => pending.extend(items),
                    serde_json::Value::String(text) if text.len() < 80 => {
                        names.insert(text.clone());
                    }
                    _ => {}
                }
            }
        }
        assert!(names.len() > 20_000, "only {} names checked", names.len());
        names.iter().for_each(|name| assert_same_as_heck(name));
    }

    #[test]
    fn non_ascii_goes_to_heck() {
        assert_same_as_heck("CaféÉclair");
        assert_same_as_heck("straße_größe");
    }
}
