//! The lock file: every message's field numbers and every enum's value numbers, kept across
//! regenerations so that the wire format never changes under the users' feet.
//!
//! The rules: a field keeps its number for as long as its name exists; a new field gets the
//! number after the highest one the message ever used; a field that disappears becomes
//! `reserved` (number and name) and, should the name come back, gets its number back. Enum
//! values likewise (0 is always `<ENUM>_UNSPECIFIED` and is not recorded), except that a new
//! value of an integer enum takes its own value as its number when that is free, so that proto3
//! JSON, which reads an enum from its number, reads the wire value. The file is the user's
//! data: entries of messages, enums or zones that are gone are kept as they are, and entries are
//! never reordered (new ones are appended).
//!
//! Version 1 was written before fields kept proto keywords as names (`message`, once
//! `message_value`) and before enum values were spelled as on the wire (`member`, once
//! `ROLE_MEMBER`). Reading one, each entry is renamed in place to the name its field or value
//! has now (the caller gives the names the old version would have used), so every number
//! carries over; the file is written back as version 2.
//!
//! ```json
//! {
//!   "about": "…",
//!   "version": 1,
//!   "zones": {
//!     "reference_api": {
//!       "messages": { "User": { "fields": { "id": 1, "name": 2 }, "reserved": { "nick": 3 } } },
//!       "enums": { "Role": { "values": { "admin": 1 } } }
//!     }
//!   }
//! }
//! ```

use std::collections::HashSet;
use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use super::LOCK_FILE;
use crate::Error;
use crate::targets::text::{push_indent, push_number};
use rustc_hash::{FxHashMap, FxHashSet};

/// The format version this code writes.
const VERSION: u32 = 2;
/// The version written before field and enum value names changed (see the module's comment).
const LEGACY_VERSION: u32 = 1;

/// What the file says about itself, for whoever opens it.
const ABOUT: &str = "Field and enum value numbers of the proto output, kept stable by clientgen \
                     across regenerations. Commit this file; deleting it renumbers every field.";

/// The field numbers protobuf allows.
const FIELDS: Range = Range {
    min: 1,
    max: 536_870_911,
    fields: true,
};
/// Field numbers protobuf reserves for itself.
const RESERVED_FIELDS: std::ops::RangeInclusive<i64> = 19_000..=19_999;
/// The enum value numbers protobuf allows (int32; 0 is the zero value's, never recorded).
const ENUM_VALUES: Range = Range {
    min: i32::MIN as i64,
    max: i32::MAX as i64,
    fields: false,
};

/// The numbers a message's fields or an enum's values may have.
#[derive(Debug, Clone, Copy)]
struct Range {
    min: i64,
    max: i64,
    /// Field numbers: 19,000 to 19,999 are protobuf's own.
    fields: bool,
}

impl Range {
    fn allows(self, number: i64) -> bool {
        number != 0
            && (self.min..=self.max).contains(&number)
            && !(self.fields && RESERVED_FIELDS.contains(&number))
    }
}

/// The whole lock file.
#[derive(Debug, Default)]
pub struct Lock {
    zones: Table<Zone>,
    /// Read from a version 1 file: its names are the old ones, to be renamed.
    legacy: bool,
}

/// The numbers of one zone's package.
#[derive(Debug, Default, Deserialize)]
pub struct Zone {
    #[serde(default)]
    messages: Table<Fields>,
    #[serde(default)]
    enums: Table<Values>,
}

#[derive(Debug, Default, Deserialize)]
struct Fields {
    #[serde(default)]
    fields: Ordered<i64>,
    #[serde(default)]
    reserved: Ordered<i64>,
}

#[derive(Debug, Default, Deserialize)]
struct Values {
    #[serde(default)]
    values: Ordered<i64>,
    #[serde(default)]
    reserved: Ordered<i64>,
}

#[derive(Deserialize)]
struct File {
    version: u32,
    #[serde(default)]
    zones: Table<Zone>,
}

/// The numbers a message's fields or an enum's values get.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assigned {
    /// One number per member, in the order the members were given.
    pub numbers: Vec<i64>,
    /// Numbers and names no longer used, in the order they were retired.
    pub reserved: Vec<(Arc<str>, i64)>,
}

/// The members of one message or enum, in order, as [`Zone::message`] and
/// [`Zone::enumeration`] number them.
#[derive(Debug, Clone, Copy)]
pub struct Members<'a> {
    /// The names, distinct.
    pub names: &'a [Arc<str>],
    /// Per member, the name a version 1 lock knows it by (`message_value` for `message`), when
    /// one is being read; else empty.
    pub legacy: &'a [Arc<str>],
    /// Per member, the number it should take when new and that number is free (an integer
    /// enum's value); else empty.
    pub preferred: &'a [Option<i64>],
}

impl<'a> Members<'a> {
    /// Members known by `names` alone.
    pub fn named(names: &'a [Arc<str>]) -> Self {
        Members {
            names,
            legacy: &[],
            preferred: &[],
        }
    }
}

impl Lock {
    /// The lock recorded in `text` (what a previous run wrote), or an empty one.
    pub fn parse(text: Option<&str>) -> Result<Lock, Error> {
        let Some(text) = text else {
            return Ok(Lock::default());
        };
        let file: File = serde_json::from_str(text).map_err(|e| invalid(e.to_string()))?;
        if file.version != VERSION && file.version != LEGACY_VERSION {
            return Err(invalid(format!(
                "its version is {}, this clientgen reads versions {LEGACY_VERSION} and {VERSION}",
                file.version
            )));
        }
        for (zone_name, zone) in &file.zones.entries {
            for (name, fields) in &zone.messages.entries {
                check(&fields.fields, &fields.reserved, FIELDS)
                    .map_err(|e| invalid(format!("message {zone_name}.{name}: {e}")))?;
            }
            for (name, values) in &zone.enums.entries {
                check(&values.values, &values.reserved, ENUM_VALUES)
                    .map_err(|e| invalid(format!("enum {zone_name}.{name}: {e}")))?;
            }
        }
        Ok(Lock {
            zones: file.zones,
            legacy: file.version == LEGACY_VERSION,
        })
    }

    /// Whether the lock was written by a version of clientgen that named fields and enum values
    /// differently: its entries are then looked up by [`Members::legacy`] names.
    pub fn legacy(&self) -> bool {
        self.legacy
    }

    /// The numbers of `zone`, added (at the end) when the lock has none yet.
    pub fn zone(&mut self, zone: &str) -> &mut Zone {
        self.zones.entry(zone)
    }

    /// The lock file's text: pretty JSON (two-space indents, keys in lock order) ending in a
    /// newline. Written by hand: serde_json's pretty printer took a tenth of the proto stage on
    /// GitHub's spec, whose lock holds some 50,000 numbers.
    pub fn to_text(&self) -> String {
        let mut out = String::with_capacity(1024 + self.text_len_hint());
        out.push_str("{\n  \"about\": ");
        push_json_string(&mut out, ABOUT);
        out.push_str(",\n  \"version\": ");
        push_number(&mut out, VERSION);
        out.push_str(",\n  \"zones\": ");
        object(&mut out, 2, &self.zones.entries, zone_text);
        out.push_str("\n}\n");
        out
    }
}

impl Lock {
    /// About the length of the numbers' lines in the text (each name, its indentation and
    /// number), so that the text is allocated once: it is some megabytes on a big spec.
    fn text_len_hint(&self) -> usize {
        const LINE: usize = 24;
        let numbers = |entries: &[(Arc<str>, i64)]| {
            entries
                .iter()
                .map(|(name, _)| name.len() + LINE)
                .sum::<usize>()
        };
        self.zones
            .entries
            .iter()
            .flat_map(|(_, zone)| {
                let messages = zone.messages.entries.iter().map(|(name, fields)| {
                    name.len() + 2 * LINE + numbers(&fields.fields.0) + numbers(&fields.reserved.0)
                });
                let enums = zone.enums.entries.iter().map(|(name, values)| {
                    name.len() + 2 * LINE + numbers(&values.values.0) + numbers(&values.reserved.0)
                });
                messages.chain(enums)
            })
            .sum()
    }
}

/// One zone's object, `indent` being the indentation of its closing brace.
fn zone_text(out: &mut String, indent: usize, zone: &Zone) {
    out.push('{');
    let mut members = 0;
    if !zone.messages.entries.is_empty() {
        key(out, indent + 2, "messages", members);
        members += 1;
        object(
            out,
            indent + 2,
            &zone.messages.entries,
            |out, indent, fields| {
                numbers_text(out, indent, "fields", &fields.fields, &fields.reserved);
            },
        );
    }
    if !zone.enums.entries.is_empty() {
        key(out, indent + 2, "enums", members);
        members += 1;
        object(
            out,
            indent + 2,
            &zone.enums.entries,
            |out, indent, values| {
                numbers_text(out, indent, "values", &values.values, &values.reserved);
            },
        );
    }
    close(out, indent, members == 0);
}

/// `{ "<label>": {…}, "reserved": {…} }`, the reserved part only when there is one.
fn numbers_text(
    out: &mut String,
    indent: usize,
    label: &str,
    assigned: &Ordered<i64>,
    reserved: &Ordered<i64>,
) {
    out.push('{');
    key(out, indent + 2, label, 0);
    object(out, indent + 2, &assigned.0, |out, _, number| {
        push_signed(out, *number)
    });
    if !reserved.0.is_empty() {
        key(out, indent + 2, "reserved", 1);
        object(out, indent + 2, &reserved.0, |out, _, number| {
            push_signed(out, *number)
        });
    }
    close(out, indent, false);
}

/// A JSON object of `entries`, each value written by `value` (given the indentation of the
/// value's closing brace).
fn object<T>(
    out: &mut String,
    indent: usize,
    entries: &[(Arc<str>, T)],
    mut value: impl FnMut(&mut String, usize, &T),
) {
    out.push('{');
    for (index, (name, entry)) in entries.iter().enumerate() {
        key(out, indent + 2, name, index);
        value(out, indent + 2, entry);
    }
    close(out, indent, entries.is_empty());
}

/// `,` (after the first member), a new line, the indentation and `"name": `.
fn key(out: &mut String, indent: usize, name: &str, index: usize) {
    out.push_str(if index > 0 { ",\n" } else { "\n" });
    push_indent(out, indent);
    push_json_string(out, name);
    out.push_str(": ");
}

/// The closing brace of an object whose members were written at `indent + 2`.
fn close(out: &mut String, indent: usize, empty: bool) {
    if !empty {
        out.push('\n');
        push_indent(out, indent);
    }
    out.push('}');
}

/// `text` as a JSON string literal.
fn push_json_string(out: &mut String, text: &str) {
    // Every byte is looked at, without an early exit, so that the check is vectorized: names
    // are short, and a byte at a time was most of the lock's text.
    let plain = text.bytes().fold(true, |plain, b| {
        plain & (b' '..=b'~').contains(&b) & (b != b'"') & (b != b'\\')
    });
    if plain {
        out.push('"');
        out.push_str(text);
        out.push('"');
    } else {
        out.push_str(&serde_json::Value::from(text).to_string());
    }
}

impl Zone {
    /// Whether the lock numbers value `value` of enum `name` (or, in a version 1 lock, the
    /// value's old name `legacy`).
    pub fn numbers_value(&self, name: &str, value: &str, legacy: Option<&str>) -> bool {
        let Some(&position) = self.enums.index.get(name) else {
            return false;
        };
        let values = &self.enums.entries[position].1.values.0;
        values
            .iter()
            .any(|(key, _)| &**key == value || Some(&**key) == legacy)
    }
}

/// Appends `number` in decimal, with its sign.
pub fn push_signed(out: &mut String, number: i64) {
    out.push_str(itoa::Buffer::new().format(number));
}

impl Zone {
    /// The numbers of message `name`'s fields `members`, updating the lock.
    pub fn message(&mut self, name: &str, members: Members<'_>) -> Result<Assigned, Error> {
        let entry = self.messages.entry(name);
        assign(&mut entry.fields, &mut entry.reserved, members, FIELDS)
            .map_err(|e| Error::Input(format!("message {name}: {e}")))
    }

    /// The numbers of enum `name`'s values `members` (0, the zero value, excluded), updating
    /// the lock.
    pub fn enumeration(&mut self, name: &str, members: Members<'_>) -> Result<Assigned, Error> {
        let entry = self.enums.entry(name);
        assign(&mut entry.values, &mut entry.reserved, members, ENUM_VALUES)
            .map_err(|e| Error::Input(format!("enum {name}: {e}")))
    }
}

fn invalid(what: String) -> Error {
    Error::Input(format!(
        "{LOCK_FILE} is not a valid clientgen lock file ({what}); restore it from version \
         control: deleting it renumbers every field and breaks wire compatibility"
    ))
}

/// Checks that every number is in range and used once.
fn check(assigned: &Ordered<i64>, reserved: &Ordered<i64>, range: Range) -> Result<(), String> {
    let mut seen = HashSet::new();
    let mut names = HashSet::new();
    for (name, number) in assigned.0.iter().chain(&reserved.0) {
        if !names.insert(&**name) {
            return Err(format!("{name} is listed twice"));
        }
        let number = *number;
        if !range.allows(number) {
            return Err(format!("{name} has the invalid number {number}"));
        }
        if !seen.insert(number) {
            return Err(format!("number {number} is used twice"));
        }
    }
    Ok(())
}

/// Numbers `members` from `assigned`, retiring what is gone into `reserved`.
fn assign(
    assigned: &mut Ordered<i64>,
    reserved: &mut Ordered<i64>,
    members: Members<'_>,
    range: Range,
) -> Result<Assigned, String> {
    if !members.legacy.is_empty() {
        rename_legacy(assigned, reserved, members);
    }
    let names = members.names;
    let unchanged = assigned.0.len() == names.len()
        && assigned
            .0
            .iter()
            .zip(names)
            .all(|((name, _), member)| name == member);
    if unchanged {
        return Ok(Assigned {
            numbers: assigned.0.iter().map(|(_, number)| *number).collect(),
            reserved: reserved.0.clone(),
        });
    }
    let mut highest = assigned
        .0
        .iter()
        .chain(&reserved.0)
        .map(|(_, number)| *number)
        .max()
        .unwrap_or(0)
        .max(0);
    // Names no member has any more are retired first, so that a name that moved keeps order.
    let mut index = 0;
    while index < assigned.0.len() {
        if names.contains(&assigned.0[index].0) {
            index += 1;
        } else {
            reserved.0.push(assigned.0.remove(index));
        }
    }
    // The numbers in use, for members that would take a number of their own.
    let mut used: FxHashSet<i64> = if members.preferred.iter().any(Option::is_some) {
        assigned
            .0
            .iter()
            .chain(&reserved.0)
            .map(|(_, n)| *n)
            .collect()
    } else {
        FxHashSet::default()
    };
    let mut numbers = Vec::with_capacity(names.len());
    // Members are distinct, so a member can only find its number among the entries that were
    // there before: looking through the ones this call adds made a new message's numbering
    // quadratic in its fields.
    let kept = assigned.0.len();
    assigned
        .0
        .reserve(names.len().saturating_sub(assigned.0.len()));
    for (position, member) in names.iter().enumerate() {
        if let Some((_, number)) = assigned.0[..kept].iter().find(|(name, _)| name == member) {
            numbers.push(*number);
            continue;
        }
        let preferred = members
            .preferred
            .get(position)
            .copied()
            .flatten()
            .filter(|number| range.allows(*number) && !used.contains(number));
        let number = match reserved.0.iter().position(|(name, _)| name == member) {
            Some(position) => reserved.0.remove(position).1,
            None => match preferred {
                Some(number) => {
                    highest = highest.max(number);
                    number
                }
                None => {
                    highest += 1;
                    if range.fields && RESERVED_FIELDS.contains(&highest) {
                        highest = RESERVED_FIELDS.end() + 1;
                    }
                    while used.contains(&highest) {
                        highest += 1;
                    }
                    if highest > range.max {
                        return Err(format!(
                            "no number is left for {member} (the highest is {})",
                            range.max
                        ));
                    }
                    highest
                }
            },
        };
        used.insert(number);
        assigned.0.push((Arc::clone(member), number));
        numbers.push(number);
    }
    Ok(Assigned {
        numbers,
        reserved: reserved.0.clone(),
    })
}

/// Renames the entries a version 1 lock holds under a member's old name to the member's name,
/// in place, numbers unchanged. A rename that would give two entries one name is not made (that
/// member is then numbered anew): numbers are never shared.
fn rename_legacy(assigned: &mut Ordered<i64>, reserved: &mut Ordered<i64>, members: Members<'_>) {
    let renames: FxHashMap<&str, &Arc<str>> = members
        .legacy
        .iter()
        .zip(members.names)
        .filter(|(old, new)| old != new)
        .map(|(old, new)| (&**old, new))
        .collect();
    if renames.is_empty() {
        return;
    }
    let entries = || assigned.0.iter().chain(&reserved.0);
    let renamed = |name: &Arc<str>| renames.get(&**name).map_or(name, |new| *new).clone();
    let mut count: FxHashMap<Arc<str>, usize> = FxHashMap::default();
    for (name, _) in entries() {
        *count.entry(renamed(name)).or_default() += 1;
    }
    let apply = |entries: &mut Vec<(Arc<str>, i64)>| {
        for (name, _) in entries.iter_mut() {
            let new = renamed(name);
            if count[&new] == 1 {
                *name = new;
            }
        }
    };
    apply(&mut assigned.0);
    apply(&mut reserved.0);
}

/// Name → value pairs in file order (a JSON object whose key order matters).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Ordered<T>(Vec<(Arc<str>, T)>);

impl<T> Default for Ordered<T> {
    fn default() -> Self {
        Ordered(Vec::new())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Ordered<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(OrderedVisitor(PhantomData))
    }
}

struct OrderedVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for OrderedVisitor<T> {
    type Value = Ordered<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
        let mut entries: Vec<(Arc<str>, T)> = Vec::with_capacity(access.size_hint().unwrap_or(0));
        while let Some((name, value)) = access.next_entry::<String, T>()? {
            entries.push((name.into(), value));
        }
        Ok(Ordered(entries))
    }
}

/// Named entries in file order, with an index for lookups.
#[derive(Debug)]
struct Table<T> {
    entries: Vec<(Arc<str>, T)>,
    index: FxHashMap<Arc<str>, usize>,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Table {
            entries: Vec::new(),
            index: FxHashMap::default(),
        }
    }
}

impl<T: Default> Table<T> {
    /// The entry called `name`, appended empty when missing.
    fn entry(&mut self, name: &str) -> &mut T {
        let position = match self.index.get(name) {
            Some(&position) => position,
            None => {
                let name: Arc<str> = name.into();
                self.index.insert(Arc::clone(&name), self.entries.len());
                self.entries.push((name, T::default()));
                self.entries.len() - 1
            }
        };
        &mut self.entries[position].1
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Table<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let entries = Ordered::<T>::deserialize(deserializer)?.0;
        let mut index = FxHashMap::default();
        index.reserve(entries.len());
        for (position, (name, _)) in entries.iter().enumerate() {
            if index.insert(name.clone(), position).is_some() {
                return Err(de::Error::custom(format!("{name} is listed twice")));
            }
        }
        Ok(Table { entries, index })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(lock: &mut Lock, message: &str, fields: &[&str]) -> Assigned {
        lock.zone("z")
            .message(message, Members::named(&shared(fields)))
            .unwrap()
    }

    fn shared(names: &[&str]) -> Vec<Arc<str>> {
        names.iter().map(|name| Arc::from(*name)).collect()
    }

    #[test]
    fn new_fields_are_numbered_in_order() {
        let mut lock = Lock::default();
        let assigned = numbers(&mut lock, "User", &["id", "name"]);
        assert_eq!(assigned.numbers, vec![1, 2]);
        assert!(assigned.reserved.is_empty());
    }

    #[test]
    fn removed_field_is_reserved_and_its_number_never_reused() {
        let mut lock = Lock::default();
        numbers(&mut lock, "User", &["id", "nick", "name"]);
        let assigned = numbers(&mut lock, "User", &["id", "name", "email"]);
        assert_eq!(assigned.numbers, vec![1, 3, 4]);
        assert_eq!(assigned.reserved, vec![("nick".into(), 2)]);
    }

    #[test]
    fn returning_field_gets_its_number_back() {
        let mut lock = Lock::default();
        numbers(&mut lock, "User", &["id", "nick"]);
        numbers(&mut lock, "User", &["id"]);
        let assigned = numbers(&mut lock, "User", &["nick", "id"]);
        assert_eq!(assigned.numbers, vec![2, 1]);
        assert!(assigned.reserved.is_empty());
    }

    #[test]
    fn field_numbers_skip_the_range_protobuf_reserves() {
        let text =
            r#"{"version": 1, "zones": {"z": {"messages": {"M": {"fields": {"a": 18999}}}}}}"#;
        let mut lock = Lock::parse(Some(text)).unwrap();
        assert_eq!(
            numbers(&mut lock, "M", &["a", "b"]).numbers,
            vec![18999, 20000]
        );
    }

    #[test]
    fn enum_values_are_numbered_from_one() {
        let mut lock = Lock::default();
        let assigned = lock
            .zone("z")
            .enumeration("Role", Members::named(&shared(&["ROLE_A", "ROLE_B"])))
            .unwrap();
        assert_eq!(assigned.numbers, vec![1, 2]);
    }

    #[test]
    fn text_round_trips_and_keeps_order() {
        let mut lock = Lock::default();
        numbers(&mut lock, "Zeta", &["b", "a"]);
        numbers(&mut lock, "Alpha", &["x"]);
        numbers(&mut lock, "Zeta", &["a"]);
        let text = lock.to_text();
        let again = Lock::parse(Some(&text)).unwrap();
        assert_eq!(again.to_text(), text);
        assert!(text.find("Zeta").unwrap() < text.find("Alpha").unwrap());
        assert!(text.contains("\"reserved\": {\n"));
    }

    #[test]
    fn bad_lock_text_is_an_error_that_says_what_to_do() {
        for text in [
            "not json",
            r#"{"version": 3, "zones": {}}"#,
            r#"{"version": 1, "zones": {"z": {"messages": {"M": {"fields": {"a": 1, "b": 1}}}}}}"#,
            r#"{"version": 1, "zones": {"z": {"messages": {"M": {"fields": {"a": 19000}}}}}}"#,
            r#"{"version": 1, "zones": {"z": {"enums": {"E": {"values": {"E_A": 0}}}}}}"#,
        ] {
            let error = Lock::parse(Some(text)).unwrap_err().to_string();
            assert!(error.contains("restore it from version control"), "{error}");
        }
    }

    #[test]
    fn integer_enum_values_take_their_own_number_when_free() {
        let mut lock = Lock::default();
        let names = shared(&["LEVEL_LOW", "LEVEL_HIGH", "LEVEL_UNKNOWN", "LEVEL_TOP"]);
        let preferred = [Some(1), Some(5), Some(-1), Some(5)];
        let members = Members {
            names: &names,
            legacy: &[],
            preferred: &preferred,
        };
        let assigned = lock.zone("z").enumeration("Level", members).unwrap();
        // 5 is taken by the time LEVEL_TOP asks for it: it gets the next after the highest.
        assert_eq!(assigned.numbers, vec![1, 5, -1, 6]);
        let text = lock.to_text();
        assert!(text.contains("\"LEVEL_UNKNOWN\": -1"), "{text}");
        assert!(Lock::parse(Some(&text)).is_ok());
    }

    #[test]
    fn a_lock_number_wins_over_an_integer_enum_value() {
        let text = r#"{"version": 2, "zones": {"z": {"enums": {"Level": {"values": {"LEVEL_0": 1, "LEVEL_1": 2}}}}}}"#;
        let mut lock = Lock::parse(Some(text)).unwrap();
        let names = shared(&["LEVEL_0", "LEVEL_1", "LEVEL_2"]);
        let preferred = [Some(0), Some(1), Some(2)];
        let members = Members {
            names: &names,
            legacy: &[],
            preferred: &preferred,
        };
        let assigned = lock.zone("z").enumeration("Level", members).unwrap();
        // LEVEL_2 would take 2, which LEVEL_1 holds.
        assert_eq!(assigned.numbers, vec![1, 2, 3]);
    }

    #[test]
    fn version_1_entries_are_renamed_to_the_new_names_keeping_numbers() {
        let text = r#"{"version": 1, "zones": {"z": {"messages": {"Error": {
            "fields": {"message_value": 1, "message_value_2": 2, "code": 3},
            "reserved": {"to_value": 4}
        }}}}}"#;
        let mut lock = Lock::parse(Some(text)).unwrap();
        assert!(lock.legacy());
        // "message" was `message_value`, "message_value" was `message_value_2`; "to" left the
        // spec and comes back.
        let names = shared(&["message_value", "code", "message", "to"]);
        let legacy = shared(&["message_value_2", "code", "message_value", "to_value"]);
        let members = Members {
            names: &names,
            legacy: &legacy,
            preferred: &[],
        };
        let assigned = lock.zone("z").message("Error", members).unwrap();
        assert_eq!(assigned.numbers, vec![2, 3, 1, 4]);
        assert!(assigned.reserved.is_empty());
        let text = lock.to_text();
        assert!(text.contains("\"version\": 2"), "{text}");
        let again = Lock::parse(Some(&text)).unwrap();
        assert!(!again.legacy());
    }
}
