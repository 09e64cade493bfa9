//! Spec features the generated clients do not carry, tallied while the document is walked and
//! reported once per feature.
//!
//! Nothing is lost silently, but real specs use some of these hundreds of times (one of the
//! fixtures has `xml` on 1,446 schemas): one warning per feature, at its first place, with the
//! count and the next few places, says everything a user can act on without a flood.

use std::collections::BTreeMap;

use crate::diagnostics::Diagnostics;

/// How many places after the first a warning names.
const PLACES_SHOWN: usize = 3;

/// A spec feature that generation approximates or leaves out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Feature {
    /// `not` in a schema.
    Not,
    /// `if`, `then` or `else` in a schema.
    Conditional,
    /// `patternProperties` in a schema.
    PatternProperties,
    /// `dependentSchemas`, `dependentRequired` or (draft 4) `dependencies` in a schema.
    Dependencies,
    /// `unevaluatedProperties` or `unevaluatedItems` in a schema.
    Unevaluated,
    /// `$dynamicRef` or `$recursiveRef` in a schema.
    DynamicReference,
    /// `xml` in a schema.
    Xml,
    /// `callbacks` of an operation or of `components`.
    Callbacks,
    /// The top-level `webhooks` of 3.1.
    Webhooks,
    /// `links` of a response.
    Links,
    /// `allowReserved: true` on a parameter.
    AllowReserved,
    /// `allowEmptyValue: true` on a parameter.
    AllowEmptyValue,
    /// `encoding` of a multipart or form body.
    Encoding,
}

impl Feature {
    /// The feature of a schema keyword, for those the clients do not carry.
    pub(crate) fn of_schema_keyword(key: &str) -> Option<Feature> {
        Some(match key {
            "not" => Feature::Not,
            "if" | "then" | "else" => Feature::Conditional,
            "patternProperties" => Feature::PatternProperties,
            "dependentSchemas" | "dependentRequired" | "dependencies" => Feature::Dependencies,
            "unevaluatedProperties" | "unevaluatedItems" => Feature::Unevaluated,
            "$dynamicRef" | "$recursiveRef" => Feature::DynamicReference,
            "xml" => Feature::Xml,
            _ => return None,
        })
    }

    /// What the feature is, and what generation does instead.
    fn describe(self) -> (&'static str, &'static str) {
        match self {
            Feature::Not => (
                "`not` is not supported",
                "it is ignored, so the values it excludes are accepted",
            ),
            Feature::Conditional => (
                "`if`/`then`/`else` is not supported",
                "the schema is read without the condition",
            ),
            Feature::PatternProperties => (
                "`patternProperties` is not supported",
                "properties matching the patterns are not typed (an object without other \
                 properties is read as a map of any value)",
            ),
            Feature::Dependencies => (
                "`dependentSchemas`/`dependentRequired` is not supported",
                "the properties are read as declared, without the dependency",
            ),
            Feature::Unevaluated => (
                "`unevaluatedProperties`/`unevaluatedItems` is not supported",
                "it is ignored, so other properties or items are not restricted",
            ),
            Feature::DynamicReference => (
                "`$dynamicRef`/`$recursiveRef` is not supported",
                "the reference is not followed; without other keywords the schema is any value",
            ),
            Feature::Xml => (
                "`xml` is not supported",
                "XML names, attributes and wrapping are ignored; XML bodies are sent and read \
                 as text",
            ),
            Feature::Callbacks => (
                "`callbacks` are not generated",
                "clients make requests; code for the requests a server sends back is left out",
            ),
            Feature::Webhooks => (
                "`webhooks` are not generated",
                "clients make requests; code for receiving webhooks is left out",
            ),
            Feature::Links => (
                "response `links` are not supported",
                "no helper follows them; the linked operations are generated as usual",
            ),
            Feature::AllowReserved => (
                "`allowReserved` is not supported",
                "reserved characters in the value are percent-encoded",
            ),
            Feature::AllowEmptyValue => (
                "`allowEmptyValue` is not supported",
                "an empty value is sent like any other",
            ),
            Feature::Encoding => (
                "`encoding` of a request body is not supported",
                "parts and fields are sent with their default content type and no extra headers",
            ),
        }
    }
}

/// Where one feature was seen.
#[derive(Debug, Default)]
struct Seen {
    count: usize,
    /// The first place, then up to [`PLACES_SHOWN`] more, as JSON pointers.
    places: Vec<String>,
}

/// The features seen so far, with their places.
#[derive(Debug, Default)]
pub(crate) struct Unsupported {
    seen: BTreeMap<Feature, Seen>,
}

impl Unsupported {
    /// Records `feature` at the JSON pointer `pointer` (rendered only when it is kept).
    pub(crate) fn note(&mut self, feature: Feature, pointer: impl FnOnce() -> String) {
        let seen = self.seen.entry(feature).or_default();
        seen.count += 1;
        if seen.places.len() <= PLACES_SHOWN {
            seen.places.push(pointer());
        }
    }

    /// Adds what `later` saw after what this saw, as if one had recorded both in turn.
    pub(crate) fn append(&mut self, later: Unsupported) {
        for (feature, more) in later.seen {
            let seen = self.seen.entry(feature).or_default();
            seen.count += more.count;
            let room = (PLACES_SHOWN + 1).saturating_sub(seen.places.len());
            seen.places.extend(more.places.into_iter().take(room));
        }
    }

    /// One warning per feature seen, at its first place, in the order of [`Feature`].
    pub(crate) fn report(self, diagnostics: &mut Diagnostics) {
        for (feature, seen) in self.seen {
            let (what, instead) = feature.describe();
            let mut places = seen.places.into_iter();
            let first = places.next().unwrap_or_default();
            let mut message = format!("{what}: {instead}");
            if seen.count > 1 {
                let more: Vec<String> = places.map(|place| format!("#{place}")).collect();
                let etc = if seen.count > more.len() + 1 {
                    ", …"
                } else {
                    ""
                };
                message.push_str(&format!(
                    " ({} places; also at {}{etc})",
                    seen.count,
                    more.join(", ")
                ));
            }
            diagnostics.warning(first, message);
        }
    }
}
