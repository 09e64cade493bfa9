//! Helpers for generated code only; not part of the public API.

use std::cell::Cell;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{DeserializeOwned, DeserializeSeed, Error as _, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

pub use clientgen_macros::serialize_responses;

/// `#[serde(with = "::clientgen::__private::double_option")]`: an optional, nullable field as
/// `Option<Option<T>>`: absent is `None`, `null` is `Some(None)`.
pub mod double_option {
    use super::*;

    /// Writes `Some(None)` as `null` (absent fields are skipped by `skip_serializing_if`).
    pub fn serialize<T: Serialize, S: Serializer>(
        value: &Option<Option<T>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(inner) => inner.serialize(serializer),
            None => serializer.serialize_none(),
        }
    }

    /// Reads a present field: `null` is `Some(None)`.
    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Option<T>>, D::Error> {
        Option::<T>::deserialize(deserializer).map(Some)
    }
}

thread_local! {
    /// Whether what is being serialized on this thread goes into a request (see [`sending`]).
    static SENDING: Cell<bool> = const { Cell::new(false) };
}

/// Runs `serialize`, which writes part of a request: an enum value the spec does not list is
/// refused there (see [`enum_value`]). Serialization is synchronous, so the mark is the
/// thread's for exactly that long.
pub(crate) fn sending<T>(serialize: impl FnOnce() -> T) -> T {
    /// Clears the mark however `serialize` ends.
    struct Sent(bool);
    impl Drop for Sent {
        fn drop(&mut self) {
            SENDING.set(self.0);
        }
    }
    let _restore = Sent(SENDING.replace(true));
    serialize()
}

/// Serializes an enum's wire value. A value the spec does not list (`UnknownValue`, which only
/// a response should hold) is refused while a request is built, so a client sends listed
/// values only; anywhere else (a value read and written again) it is written as it came.
pub fn enum_value<V: Serialize, S: Serializer>(
    wire: V,
    listed: bool,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    if !listed && SENDING.get() {
        return Err(serde::ser::Error::custom(
            "a value the spec does not list (UnknownValue) is not sent: use one of the enum's \
             listed variants",
        ));
    }
    wire.serialize(serializer)
}

/// The string value of `property` in a JSON object, for discriminated unions.
pub fn tag<'v>(value: &'v Value, property: &str) -> Option<&'v str> {
    value.get(property).and_then(Value::as_str)
}

/// Decodes `value` as `T`, with `D`'s error type.
pub fn from_value<T: DeserializeOwned, E: serde::de::Error>(value: Value) -> Result<T, E> {
    serde_json::from_value(value).map_err(E::custom)
}

/// Reads any JSON value.
pub fn any_value<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
    Value::deserialize(deserializer).map_err(D::Error::custom)
}

/// A struct that generated code reads from a JSON object field by field: far less for the
/// compiler to check than a derived `Deserialize` (no sequence form, no field-name enum).
pub trait FromMap: Sized {
    /// Reads the struct from the entries of an object.
    fn from_map<'de, A: MapAccess<'de>>(map: A) -> Result<Self, A::Error>;
}

/// `Deserialize::deserialize` of a [`FromMap`] type: it expects an object.
pub fn from_map<'de, T: FromMap, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    deserializer.deserialize_map(ObjectVisitor(PhantomData))
}

struct ObjectVisitor<T>(PhantomData<T>);

impl<'de, T: FromMap> Visitor<'de> for ObjectVisitor<T> {
    type Value = T;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::from_map(map)
    }
}

/// The next key of `map` as its index in `fields`, or `fields.len()` for a key the type does
/// not name; `None` after the last entry.
pub fn next_field<'de, A: MapAccess<'de>>(
    map: &mut A,
    fields: &'static [&'static str],
) -> Result<Option<usize>, A::Error> {
    map.next_key_seed(FieldIndex(fields))
}

/// Skips the value of a key the type does not name.
pub fn skip_value<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    map.next_value::<IgnoredAny>().map(drop)
}

/// The value of a required field read from `map`, or what serde makes of an absent one: `None`
/// for an `Option`, else the "missing field" error.
pub fn required<'de, A: MapAccess<'de>, T: DeserializeOwned>(
    _map: &A,
    value: Option<T>,
    name: &'static str,
) -> Result<T, A::Error> {
    match value {
        Some(value) => Ok(value),
        None => T::deserialize(Missing {
            name,
            error: PhantomData,
        }),
    }
}

/// Reads a key as its index among a type's field names.
struct FieldIndex(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for FieldIndex {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for FieldIndex {
    type Value = usize;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a field name")
    }

    fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<usize, E> {
        Ok(self
            .0
            .iter()
            .position(|field| *field == key)
            .unwrap_or(self.0.len()))
    }
}

/// The value of an absent field, as serde's derive sees it: only `Option`s have one.
struct Missing<E> {
    name: &'static str,
    error: PhantomData<E>,
}

impl<'de, E: serde::de::Error> Deserializer<'de> for Missing<E> {
    type Error = E;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, E> {
        Err(E::missing_field(self.name))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        visitor.visit_none()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier
        ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the generator writes for `{name: string (required), note: string|null (required),
    /// tag: string (optional), parent: string|null (optional)}`.
    #[derive(Debug, PartialEq)]
    struct Item {
        name: String,
        note: Option<String>,
        tag: Option<String>,
        parent: Option<Option<String>>,
    }

    impl FromMap for Item {
        fn from_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
            const FIELDS: &[&str] = &["name", "note", "tag", "parent"];
            let mut field0 = None;
            let mut field1 = None;
            let mut field2 = None;
            let mut field3 = None;
            while let Some(index) = next_field(&mut map, FIELDS)? {
                match index {
                    0 => field0 = Some(map.next_value()?),
                    1 => field1 = Some(map.next_value()?),
                    2 => field2 = map.next_value()?,
                    3 => field3 = Some(map.next_value()?),
                    _ => skip_value(&mut map)?,
                }
            }
            Ok(Self {
                name: required(&map, field0, "name")?,
                note: required(&map, field1, "note")?,
                tag: field2,
                parent: field3,
            })
        }
    }

    impl<'de> Deserialize<'de> for Item {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            from_map(deserializer)
        }
    }

    fn item(json: &str) -> Result<Item, String> {
        serde_json::from_str(json).map_err(|error| error.to_string())
    }

    #[test]
    fn from_map_reads_fields_and_skips_unknown_keys() {
        let read = item(r#"{"extra": [1, {"a": 2}], "tag": "t", "name": "n", "note": "x"}"#);
        assert_eq!(
            read,
            Ok(Item {
                name: "n".to_string(),
                note: Some("x".to_string()),
                tag: Some("t".to_string()),
                parent: None,
            })
        );
    }

    #[test]
    fn absent_and_null_stay_apart_for_optional_nullable_fields() {
        let absent = item(r#"{"name": "n", "note": null}"#).map(|item| item.parent);
        let null = item(r#"{"name": "n", "note": null, "parent": null}"#).map(|item| item.parent);
        assert_eq!(absent, Ok(None));
        assert_eq!(null, Ok(Some(None)));
    }

    #[test]
    fn an_absent_required_field_is_missing_unless_nullable() {
        assert_eq!(item(r#"{"name": "n"}"#).map(|item| item.note), Ok(None));
        let error = item(r#"{"note": "x"}"#).unwrap_err();
        assert!(error.starts_with("missing field `name`"), "{error}");
    }

    #[test]
    fn a_wrong_type_is_an_error_with_its_place() {
        let error = item(r#"{"name": 1}"#).unwrap_err();
        assert!(error.contains("invalid type: integer `1`"), "{error}");
        assert!(item("[]").unwrap_err().contains("expected a JSON object"));
    }
}
