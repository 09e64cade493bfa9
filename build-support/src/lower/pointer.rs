//! JSON pointers: built lazily while walking the document, parsed when a `$ref` names one.
//!
//! Walking the 13 MB GitHub description visits hundreds of thousands of schemas, so a node's
//! pointer is a chain of borrowed segments on the stack and becomes a `String` only when a
//! diagnostic or a hoisted type needs it.

use std::borrow::Cow;
use std::fmt::Write;

use serde_json::Value;

/// Where a node sits in the document.
#[derive(Debug, Clone, Copy)]
pub(super) enum Pointer<'p> {
    /// An absolute pointer already rendered (`""` for the document, or a `$ref`'s target).
    Root(&'p str),
    /// A member of an object, by its unescaped key.
    Key(&'p Pointer<'p>, &'p str),
    /// An element of an array.
    Index(&'p Pointer<'p>, usize),
}

impl<'p> Pointer<'p> {
    /// The pointer of member `key` of this node.
    pub(super) fn key(&'p self, key: &'p str) -> Pointer<'p> {
        Pointer::Key(self, key)
    }

    /// The pointer of element `index` of this node.
    pub(super) fn index(&'p self, index: usize) -> Pointer<'p> {
        Pointer::Index(self, index)
    }

    /// The pointer as a string (`/components/schemas/Pet`).
    pub(super) fn render(&self) -> String {
        let mut out = String::with_capacity(128);
        self.write_to(&mut out);
        out
    }

    fn write_to(&self, out: &mut String) {
        match self {
            Pointer::Root(rendered) => out.push_str(rendered),
            Pointer::Key(parent, key) => {
                parent.write_to(out);
                out.push('/');
                escape_into(key, out);
            }
            Pointer::Index(parent, index) => {
                parent.write_to(out);
                // Writing to a String cannot fail.
                let _ = write!(out, "/{index}");
            }
        }
    }
}

/// `segment` escaped for a JSON pointer (`~` → `~0`, `/` → `~1`).
pub(super) fn escape(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    escape_into(segment, &mut out);
    out
}

fn escape_into(segment: &str, out: &mut String) {
    if !segment.contains(['~', '/']) {
        out.push_str(segment);
        return;
    }
    for c in segment.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}

/// A pointer segment unescaped (`~1` → `/`, `~0` → `~`).
pub(super) fn unescape(segment: &str) -> Cow<'_, str> {
    if segment.contains('~') {
        Cow::Owned(segment.replace("~1", "/").replace("~0", "~"))
    } else {
        Cow::Borrowed(segment)
    }
}

/// The node `pointer` names in `document`.
///
/// Like [`Value::pointer`], without allocating for segments that need no unescaping.
pub(super) fn resolve<'a>(document: &'a Value, pointer: &str) -> Option<&'a Value> {
    if pointer.is_empty() {
        return Some(document);
    }
    let mut node = document;
    for segment in pointer.strip_prefix('/')?.split('/') {
        let segment = unescape(segment);
        node = match node {
            Value::Object(object) => object.get(segment.as_ref())?,
            Value::Array(items) => items.get(segment.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(node)
}

/// The JSON pointer a local reference (`#/components/schemas/Pet`) names, percent-decoded;
/// `None` for a reference into another document.
pub(super) fn local_pointer(reference: &str) -> Option<Cow<'_, str>> {
    let fragment = reference.strip_prefix('#')?;
    if !fragment.contains('%') {
        return Some(Cow::Borrowed(fragment));
    }
    Some(Cow::Owned(
        percent_decode(fragment).unwrap_or_else(|| fragment.to_string()),
    ))
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_pointer_renders_escaped_segments() {
        let root = Pointer::Root("/paths");
        let path = root.key("/users/{id}");
        let op = path.key("get");
        let params = op.key("parameters");
        assert_eq!(
            params.index(2).render(),
            "/paths/~1users~1{id}/get/parameters/2"
        );
        assert_eq!(Pointer::Root("").key("a~b").render(), "/a~0b");
    }

    #[test]
    fn local_references_are_percent_decoded() {
        assert_eq!(
            local_pointer("#/components/schemas/A%20B").as_deref(),
            Some("/components/schemas/A B")
        );
        assert_eq!(local_pointer("other.yaml#/x"), None);
        assert_eq!(unescape("a~1b~0c"), "a/b~c");
    }
}
