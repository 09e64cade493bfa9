//! JSON text to a [`Value`], a big document parsed on two threads.
//!
//! Parsing is the one stage of a big run that has a core to itself: nothing else can start
//! before it ends. So a document of [`SPLIT_FROM`] bytes or more is cut into pieces: the values
//! three levels down (`/paths/~1users/get`, `/components/schemas/User`), and shallower values
//! that are not objects. The calling thread finds them with [`Scanner`], which builds nothing
//! (in pretty-printed text, by the line that closes each: [`closing_line`]), and hands each
//! over as soon as it is found; another thread parses pieces with serde_json
//! meanwhile, and once the scan is done both parse what is left. The pieces are then put back in
//! document order. The result is the value one `serde_json::from_str` gives: same members, same
//! order, a repeated key's last value in its first place. Any piece that fails sends the whole
//! text through `serde_json::from_str`, so errors point where they always did.
//!
//! The one member no stage reads, [`UNREAD`], is one piece that is checked to be JSON but not
//! built, and is left out of the result (the caller leaves it out of every document anyway).
//! So are the document's top-level extensions (`x-webhooks`: 0.6 MB of GitHub's 13 MB) when no
//! `$ref` can point into them (see [`extensions_unreferenced`]): no stage reads them either.

use std::ops::Range;
use std::sync::{Condvar, Mutex, PoisonError};

use serde::de::IgnoredAny;
use serde_json::{Map, Value};

use super::UNREAD;
use crate::locate::{Landmarks, escape_segment};
use crate::scan::Scanner;

/// Documents smaller than this are parsed whole: a thread costs more than it saves.
const SPLIT_FROM: usize = 1 << 20;

/// How many levels of objects are cut into pieces (and recorded as landmarks).
const LEVELS: usize = 3;

/// Parses `text` as one JSON value; for a big document also gives the [`Landmarks`] found on
/// the way, `offset` (a byte order mark) added to each position.
pub fn parse(text: &str, offset: usize) -> serde_json::Result<(Value, Landmarks)> {
    if text.len() >= SPLIT_FROM {
        let mut landmarks = Landmarks::default();
        if let Some(value) = parse_in_pieces(text, offset, &mut landmarks) {
            return Ok((value, landmarks));
        }
    }
    Ok((serde_json::from_str(text)?, Landmarks::default()))
}

/// The document's shape above the pieces.
enum Node {
    /// The value of piece number `.0`.
    Piece(usize),
    /// An object whose members were cut apart.
    Object(Vec<(String, Node)>),
    /// A member left out: its text is a piece that is only checked.
    Unread,
}

/// A stretch of the text to parse on whichever thread takes it.
struct Piece {
    range: Range<usize>,
    /// Whether its value is kept, or the text only checked to be JSON.
    kept: bool,
}

/// Pieces found so far, shared between the scanning thread and the parsing ones.
struct Pieces {
    state: Mutex<Found>,
    /// Signalled when a piece is added or the scan ends.
    changed: Condvar,
}

#[derive(Default)]
struct Found {
    pieces: Vec<Piece>,
    /// How many pieces some thread has taken.
    taken: usize,
    /// Whether the scan has ended (every piece is in `pieces`).
    done: bool,
}

impl Pieces {
    fn push(&self, range: Range<usize>, kept: bool) -> usize {
        let mut found = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        found.pieces.push(Piece { range, kept });
        self.changed.notify_one();
        found.pieces.len() - 1
    }

    fn finish(&self) {
        self.state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .done = true;
        self.changed.notify_all();
    }

    /// The next piece nobody has taken, waiting for the scan to find one; `None` once the scan
    /// has ended and every piece is taken.
    fn take(&self) -> Option<(usize, Range<usize>, bool)> {
        let mut found = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            if found.taken < found.pieces.len() {
                let index = found.taken;
                found.taken += 1;
                let piece = &found.pieces[index];
                return Some((index, piece.range.clone(), piece.kept));
            }
            if found.done {
                return None;
            }
            found = self
                .changed
                .wait(found)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    /// Parses pieces until none is left (the values of those kept); `None` when one is not JSON.
    fn parse_all(&self, text: &str) -> Option<Vec<(usize, Value)>> {
        let mut values = Vec::new();
        while let Some((index, range, kept)) = self.take() {
            let piece = text.get(range)?;
            if kept {
                values.push((index, serde_json::from_str(piece).ok()?));
            } else {
                serde_json::from_str::<IgnoredAny>(piece).ok()?;
            }
        }
        Some(values)
    }
}

/// Scans `text` into pieces while another thread parses them, then parses the rest beside it
/// and puts the document together. `None` when the text is not one object of JSON.
fn parse_in_pieces(text: &str, offset: usize, landmarks: &mut Landmarks) -> Option<Value> {
    let pieces = Pieces {
        state: Mutex::new(Found::default()),
        changed: Condvar::new(),
    };
    let (shape, mine, theirs) = std::thread::scope(|threads| {
        let theirs = threads.spawn(|| pieces.parse_all(text));
        let shape = scan(text, offset, landmarks, &pieces);
        pieces.finish();
        // A failed scan leaves nothing to parse here: the other thread stops at once.
        let mine = shape.as_ref().and_then(|_| pieces.parse_all(text));
        (shape, mine, theirs.join().ok().flatten())
    });
    let mut values: Vec<Option<Value>> = Vec::new();
    values.resize_with(
        pieces
            .state
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner)
            .pieces
            .len(),
        || None,
    );
    for (index, value) in mine?.into_iter().chain(theirs?) {
        values[index] = Some(value);
    }
    assemble(shape?, &mut values)
}

/// The document's shape, its pieces pushed to `pieces` as they are found, and the nodes of the
/// first [`LEVELS`] levels recorded in `landmarks`.
fn scan(text: &str, offset: usize, landmarks: &mut Landmarks, pieces: &Pieces) -> Option<Node> {
    let mut scanner = Scanner::new(text.as_bytes());
    let mut context = Scan {
        text: text.as_bytes(),
        offset,
        landmarks,
        pieces,
        extensions_unread: extensions_unreferenced(text),
        by_layout: true,
    };
    scanner.skip_whitespace();
    if scanner.peek()? != b'{' {
        return None;
    }
    let shape = context.value(&mut scanner, "", LEVELS, 0)?;
    scanner.skip_whitespace();
    (scanner.pos == text.len()).then_some(shape)
}

/// What [`scan`] carries down the levels.
struct Scan<'a> {
    text: &'a [u8],
    offset: usize,
    landmarks: &'a mut Landmarks,
    pieces: &'a Pieces,
    /// Whether the root's `x-` members are only checked, not built.
    extensions_unread: bool,
    /// Whether pieces still end where [`closing_line`] says.
    by_layout: bool,
}

impl Scan<'_> {
    /// At a value (after whitespace) whose key starts at `key_at`: an object while `levels`
    /// remain, cut into its members; otherwise one piece.
    fn value(
        &mut self,
        scanner: &mut Scanner,
        pointer: &str,
        levels: usize,
        key_at: usize,
    ) -> Option<Node> {
        if levels == 0 || scanner.peek()? != b'{' {
            let start = scanner.pos;
            self.skip_piece(scanner, key_at)?;
            return Some(Node::Piece(self.pieces.push(start..scanner.pos, true)));
        }
        let mut members = Vec::new();
        object(scanner, |scanner, key, key_at| {
            let pointer = format!("{pointer}/{}", escape_segment(&key));
            scanner.skip_whitespace();
            let value_at = scanner.pos;
            self.landmarks
                .insert(&pointer, key_at + self.offset, value_at + self.offset);
            let unread = pointer == UNREAD
                || (self.extensions_unread && levels == LEVELS && key.starts_with("x-"));
            let node = if unread {
                self.skip_piece(scanner, key_at)?;
                self.pieces.push(value_at..scanner.pos, false);
                Node::Unread
            } else {
                self.value(scanner, &pointer, levels - 1, key_at)?
            };
            members.push((key, node));
            Some(())
        })?;
        Some(Node::Object(members))
    }

    /// Steps over the value at the scanner, a piece whose key starts at `key_at`: to the line
    /// [`closing_line`] names when the text is laid out so, else token by token.
    fn skip_piece(&mut self, scanner: &mut Scanner, key_at: usize) -> Option<()> {
        if self.by_layout
            && let Some(line) = closing_line(self.text, key_at, scanner.pos)
        {
            match memchr::memmem::find(&self.text[scanner.pos..], &line) {
                Some(at) => {
                    scanner.pos += at + line.len();
                    return Some(());
                }
                // Not laid out as it looked: searching for each later piece would read the
                // rest of the text each time, so the scan goes token by token from here on.
                None => self.by_layout = false,
            }
        }
        scanner.skip_value()
    }
}

/// The line that ends the object or array opening at `start` in pretty-printed JSON (a line
/// break, the indentation of the key at `key_at`, the closing bracket), or `None` when the text
/// is not laid out so: the key begins a line after some indentation, and the bracket ends its
/// line.
///
/// A JSON string holds no raw line break, so one vectorised search for that line finds the end
/// without reading the tokens in between (GitHub's 13 MB: a few million instructions instead
/// of some 80 million). Text laid out otherwise can fool it, and needs no check here: the piece
/// is then either unbalanced or followed by more text, so it does not parse, and a piece that
/// does not parse sends the whole text to the one-thread parse.
fn closing_line(text: &[u8], key_at: usize, start: usize) -> Option<Vec<u8>> {
    let close = match text.get(start)? {
        b'{' => b'}',
        b'[' => b']',
        _ => return None,
    };
    let is_indentation = |byte: &u8| matches!(byte, b' ' | b'\t');
    let line = text
        .get(..key_at)?
        .iter()
        .rposition(|byte| !is_indentation(byte))?;
    let breaks_after_bracket = text
        .get(start + 1..)?
        .iter()
        .find(|byte| !is_indentation(byte) && **byte != b'\r')
        .is_some_and(|byte| *byte == b'\n');
    (text[line] == b'\n' && breaks_after_bracket).then(|| [&text[line..key_at], &[close]].concat())
}

/// Whether every `$ref` of `text` is written as a local pointer whose first segment starts with
/// neither `x`, `%` nor a backslash (`"#/components/schemas/Pet"`): then none can reach a
/// top-level extension. Any other spelling (`#/x-defs/Pet`, percent-encoded or escaped, another
/// file's node) keeps the extensions, as does a `$ref` that is not a string. (A key spelled with
/// an escape, `"\u0024ref"`, is not seen: its target would be reported missing.)
fn extensions_unreferenced(text: &str) -> bool {
    const KEY: &str = "\"$ref\"";
    memchr::memmem::find_iter(text.as_bytes(), KEY).all(|at| {
        let rest = text[at + KEY.len()..].trim_start();
        // Not followed by `:`, the match is the end of some string, not a member's key.
        rest.strip_prefix(':').is_none_or(|value| {
            value
                .trim_start()
                .strip_prefix("\"#/")
                .is_some_and(|pointer| !pointer.starts_with(['x', '%', '\\']))
        })
    })
}

/// The value of `node`, its pieces' values taken from `values`.
fn assemble(node: Node, values: &mut [Option<Value>]) -> Option<Value> {
    match node {
        Node::Piece(index) => values.get_mut(index)?.take(),
        Node::Object(members) => {
            let mut object = Map::with_capacity(members.len());
            for (key, member) in members {
                if !matches!(member, Node::Unread) {
                    object.insert(key, assemble(member, values)?);
                }
            }
            Some(Value::Object(object))
        }
        Node::Unread => None,
    }
}

/// At `{` (after whitespace): calls `member` at each member's value, with its key and the key's
/// offset, then steps past the `}`.
fn object(
    scanner: &mut Scanner,
    mut member: impl FnMut(&mut Scanner, String, usize) -> Option<()>,
) -> Option<()> {
    scanner.expect(b'{')?;
    scanner.skip_whitespace();
    if scanner.peek()? == b'}' {
        scanner.pos += 1;
        return Some(());
    }
    loop {
        scanner.skip_whitespace();
        if scanner.peek()? != b'"' {
            return None;
        }
        let key_at = scanner.pos;
        let key = scanner.string()?;
        scanner.expect(b':')?;
        member(scanner, key, key_at)?;
        scanner.skip_whitespace();
        match scanner.peek()? {
            b',' => scanner.pos += 1,
            b'}' => {
                scanner.pos += 1;
                return Some(());
            }
            _ => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A document over [`SPLIT_FROM`] bytes: `filler` members, then `components` holding most.
    fn big_document(extra: &str) -> String {
        let schema = r#"{"type": "object", "properties": {"a": {"type": "string", "description": "x\"}]"}}}"#;
        let schemas: Vec<String> = (0..8000).map(|n| format!("\"S{n}\": {schema}")).collect();
        format!(
            "{{\"openapi\": \"3.0.3\", \"paths\": {{\"/a\": {{}}}}, \"dup\": 1, {extra}\
             \"components\": {{\"schemas\": {{{}}}, \"examples\": {{{}}}}}, \"dup\": 2}}",
            schemas.join(", "),
            schemas.join(", ")
        )
    }

    #[test]
    fn a_big_document_parses_to_what_serde_json_gives() {
        let text = big_document("\"tags\": [], ");
        assert!(text.len() >= SPLIT_FROM);
        let mut whole: Value = serde_json::from_str(&text).unwrap();
        let (split, _) = parse(&text, 0).unwrap();
        assert!(split["components"].get("examples").is_none());
        whole["components"]
            .as_object_mut()
            .unwrap()
            .remove("examples");
        assert_eq!(split, whole);
        let keys = |value: &Value| {
            value
                .as_object()
                .unwrap()
                .keys()
                .cloned()
                .collect::<Vec<_>>()
        };
        assert_eq!(keys(&split), keys(&whole));
        assert_eq!(keys(&split["components"]), keys(&whole["components"]));
        assert_eq!(split["dup"], 2);
    }

    /// What `serde_json` gives for `text`, without the member left unread.
    fn whole_without_examples(text: &str) -> Value {
        let mut whole: Value = serde_json::from_str(text).unwrap();
        whole["components"]
            .as_object_mut()
            .unwrap()
            .remove("examples");
        whole
    }

    #[test]
    fn a_laid_out_value_ends_at_the_line_with_its_keys_indentation() {
        let text = b"{\n  \"a\": {\n    \"b\": {\n    }\n  },\n  \"c\": [ \r\n  ],\n  \"d\": {}\n}";
        let at = |needle: &str| {
            text.windows(needle.len())
                .position(|w| w == needle.as_bytes())
        };
        let (a, c, d) = (
            at("\"a\"").unwrap(),
            at("\"c\"").unwrap(),
            at("\"d\"").unwrap(),
        );
        assert_eq!(closing_line(text, a, a + 5).as_deref(), Some(&b"\n  }"[..]));
        assert_eq!(closing_line(text, c, c + 5).as_deref(), Some(&b"\n  ]"[..]));
        // Closed on its own line, or a key that does not begin its line: read token by token.
        assert_eq!(closing_line(text, d, d + 5), None);
        assert_eq!(closing_line(text, a + 7, a + 12), None);
    }

    #[test]
    fn a_pretty_printed_big_document_parses_to_what_serde_json_gives() {
        let pretty =
            serde_json::to_string_pretty(&whole_without_examples(&big_document(""))).unwrap();
        let (split, _) = parse(&pretty, 0).unwrap();
        assert_eq!(split, whole_without_examples(&pretty));
        // A value closed at its key's indentation before its end: the guess fails, the
        // result does not.
        let misleading = pretty.replacen("\"S5\": {\n", "\"S5\": {\n\"inner\": {\n      },\n", 1);
        assert_ne!(misleading, pretty);
        let (split, _) = parse(&misleading, 0).unwrap();
        assert_eq!(split, whole_without_examples(&misleading));
        assert!(split["components"]["schemas"]["S5"]["inner"].is_object());
        // Closing brackets indented unlike their keys: no line is found, nor needed.
        let shifted = pretty.replace("\n      }", "\n     }");
        let (split, _) = parse(&shifted, 0).unwrap();
        assert_eq!(split, whole_without_examples(&shifted));
    }

    /// Asserts that `parse` refuses `text` with the error serde_json gives for it.
    fn assert_serde_jsons_error(text: &str) {
        let expected = serde_json::from_str::<Value>(text).unwrap_err().to_string();
        assert_eq!(parse(text, 0).unwrap_err().to_string(), expected);
    }

    #[test]
    fn a_broken_big_document_reports_serde_jsons_own_error() {
        assert_serde_jsons_error(&big_document("\"tags\": [1 2], "));
    }

    #[test]
    fn a_broken_example_is_an_error_though_examples_are_not_built() {
        let text = big_document("");
        let last = "\"S7999\": {";
        let at = text.rfind(last).unwrap() + last.len();
        assert!(at > text.find("\"examples\"").unwrap());
        assert_serde_jsons_error(&format!("{}\"x\" 1, {}", &text[..at], &text[at..]));
    }

    #[test]
    fn top_level_extensions_are_left_out_unless_a_ref_may_reach_them() {
        let members = "\"x-webhooks\": {\"a\": [1]}, \"info\": {\"x-logo\": 2}, ";
        let (split, _) = parse(&big_document(members), 0).unwrap();
        assert!(split.get("x-webhooks").is_none());
        assert_eq!(split["info"]["x-logo"], 2);
        for reference in [
            "#/x-webhooks/a",
            "#/%78-webhooks/a",
            "#\\/x-webhooks/a",
            "other.json#/a",
            "#",
        ] {
            let reference = format!("\"r\": {{\"$ref\" : \"{reference}\"}}, ");
            let (split, _) = parse(&big_document(&(reference.clone() + members)), 0).unwrap();
            assert_eq!(split["x-webhooks"]["a"][0], 1, "{reference}");
        }
        let local = "\"r\": {\"$ref\": \"#/components/schemas/S1\"}, ";
        let (split, _) = parse(&big_document(&(local.to_owned() + members)), 0).unwrap();
        assert!(split.get("x-webhooks").is_none());
    }

    #[test]
    fn what_serde_json_refuses_is_refused() {
        for broken in [
            big_document("\"x-webhooks\": {\"a\": [1 2]}, "),
            big_document("\"trailing\": 1,, "),
            big_document("\"control\u{1}\": 1, "),
            big_document("\"tags\": [], ").replacen("\"dup\": 2}", "\"dup\": 2,}", 1),
        ] {
            assert!(serde_json::from_str::<Value>(&broken).is_err());
            assert!(parse(&broken, 0).is_err(), "accepted {}", &broken[..80]);
        }
    }

    #[test]
    fn text_after_the_document_is_an_error() {
        let text = big_document("") + " {}";
        assert!(parse(&text, 0).is_err());
    }
}
