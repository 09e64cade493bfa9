//! JSON text to a [`Value`], the biggest members of a big document parsed on two threads.
//!
//! Parsing is the one stage of a big run that has a core to itself: nothing else can start
//! before it ends. So a document of [`SPLIT_FROM`] bytes or more is cut along its members — the
//! top-level ones, and those of a top-level object too big to leave whole (`components` of the
//! GitHub description) — found with [`Scanner`] without building anything; the pieces are
//! shared out by size between two threads, parsed by serde_json, and put back in document order.
//! The result is the value one `serde_json::from_str` gives: same members, same order, a
//! repeated key's last value in its first place. Any piece that fails sends the whole text
//! through `serde_json::from_str`, so errors point where they always did.

use std::ops::Range;

use serde_json::{Map, Value};

use crate::locate::{Landmarks, escape_segment};
use crate::scan::Scanner;

/// Documents smaller than this are parsed whole: a thread costs more than it saves.
const SPLIT_FROM: usize = 1 << 20;

/// Parses `text` as one JSON value; for a big document also gives the [`Landmarks`] found on
/// the way, `offset` (a byte order mark) added to each position.
pub fn parse(text: &str, offset: usize) -> serde_json::Result<(Value, Landmarks)> {
    if text.len() >= SPLIT_FROM {
        let mut landmarks = Landmarks::default();
        let parsed =
            split(text, offset, &mut landmarks).and_then(|members| parse_members(text, members));
        if let Some(value) = parsed {
            return Ok((value, landmarks));
        }
    }
    Ok((serde_json::from_str(text)?, Landmarks::default()))
}

/// One member of an object, and where its value is in the text.
struct Member {
    key: String,
    value: Range<usize>,
}

/// A top-level member: parsed whole, or cut into its own members.
enum Part {
    Whole(Member),
    Cut { key: String, members: Vec<Member> },
}

/// The document's top-level members, the biggest object among them cut into its members when
/// it holds more than half the text; found in one pass, which also records in `landmarks` where
/// every node of the first three levels is. `None` when the text is not one object.
fn split(text: &str, offset: usize, landmarks: &mut Landmarks) -> Option<Vec<Part>> {
    let mut scanner = Scanner::new(text.as_bytes());
    let mut top = Vec::new();
    object(&mut scanner, |scanner, key, key_at| {
        let pointer = format!("/{}", escape_segment(&key));
        let value = value(scanner, &pointer, key_at, offset, landmarks, 2)?;
        let members = value.members.map(|members| {
            members
                .into_iter()
                .map(|(key, value)| Member { key, value })
                .collect()
        });
        top.push((
            Member {
                key,
                value: value.range,
            },
            members,
        ));
        Some(())
    })?;
    scanner.skip_whitespace();
    if scanner.pos != text.len() {
        return None;
    }
    let half = text.len() / 2;
    let parts = top
        .into_iter()
        .map(|(member, members)| match members {
            Some(members) if member.value.len() > half => Part::Cut {
                key: member.key,
                members,
            },
            _ => Part::Whole(member),
        })
        .collect();
    Some(parts)
}

/// A value the split stepped over: where it is and, for an object, its members.
struct Stepped {
    range: Range<usize>,
    members: Option<Vec<(String, Range<usize>)>>,
}

/// At a member's value (after its `:`): records the member at `pointer` in `landmarks` and steps
/// over the value, going `levels` more levels into objects.
fn value(
    scanner: &mut Scanner,
    pointer: &str,
    key_at: usize,
    offset: usize,
    landmarks: &mut Landmarks,
    levels: usize,
) -> Option<Stepped> {
    scanner.skip_whitespace();
    let start = scanner.pos;
    landmarks.insert(pointer, key_at + offset, start + offset);
    if levels == 0 || scanner.peek()? != b'{' {
        scanner.skip_value()?;
        return Some(Stepped {
            range: start..scanner.pos,
            members: None,
        });
    }
    let mut members = Vec::new();
    object(scanner, |scanner, key, key_at| {
        let pointer = format!("{pointer}/{}", escape_segment(&key));
        let stepped = value(scanner, &pointer, key_at, offset, landmarks, levels - 1)?;
        members.push((key, stepped.range));
        Some(())
    })?;
    Some(Stepped {
        range: start..scanner.pos,
        members: Some(members),
    })
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

/// Parses every piece of `parts` on two threads and puts the document back together.
fn parse_members(text: &str, parts: Vec<Part>) -> Option<Value> {
    let pieces: Vec<&Range<usize>> = parts
        .iter()
        .flat_map(|part| match part {
            Part::Whole(member) => std::slice::from_ref(member),
            Part::Cut { members, .. } => members.as_slice(),
        })
        .map(|member| &member.value)
        .collect();
    let mut values = parse_pieces(text, &pieces)?.into_iter();
    let mut document = Map::with_capacity(parts.len());
    for part in parts {
        match part {
            Part::Whole(member) => {
                document.insert(member.key, values.next()?);
            }
            Part::Cut { key, members } => {
                let mut object = Map::with_capacity(members.len());
                for member in members {
                    object.insert(member.key, values.next()?);
                }
                document.insert(key, Value::Object(object));
            }
        }
    }
    Some(Value::Object(document))
}

/// The value of every piece, in order; the pieces shared between two threads by size (the
/// biggest first, each to the less loaded thread). `None` when any fails to parse.
fn parse_pieces(text: &str, pieces: &[&Range<usize>]) -> Option<Vec<Value>> {
    let mut order: Vec<usize> = (0..pieces.len()).collect();
    order.sort_by_key(|&index| std::cmp::Reverse(pieces[index].len()));
    let (mut mine, mut theirs) = (Vec::new(), Vec::new());
    let (mut my_load, mut their_load) = (0, 0);
    for index in order {
        if my_load <= their_load {
            my_load += pieces[index].len();
            mine.push(index);
        } else {
            their_load += pieces[index].len();
            theirs.push(index);
        }
    }
    let parse_all = |indices: &[usize]| -> Option<Vec<(usize, Value)>> {
        indices
            .iter()
            .map(|&index| {
                let value = serde_json::from_str(text.get(pieces[index].clone())?).ok()?;
                Some((index, value))
            })
            .collect()
    };
    let (mine, theirs) = std::thread::scope(|threads| {
        let theirs = threads.spawn(|| parse_all(&theirs));
        let mine = parse_all(&mine);
        (mine, theirs.join().ok().flatten())
    });
    let mut values: Vec<Option<Value>> = vec![None; pieces.len()];
    for (index, value) in mine?.into_iter().chain(theirs?) {
        values[index] = Some(value);
    }
    values.into_iter().collect()
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
        let whole: Value = serde_json::from_str(&text).unwrap();
        let (split, _) = parse(&text, 0).unwrap();
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

    #[test]
    fn a_broken_big_document_reports_serde_jsons_own_error() {
        let text = big_document("\"tags\": [1 2], ");
        let expected = serde_json::from_str::<Value>(&text)
            .unwrap_err()
            .to_string();
        assert_eq!(parse(&text, 0).unwrap_err().to_string(), expected);
    }

    #[test]
    fn what_serde_json_refuses_is_refused() {
        for broken in [
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
