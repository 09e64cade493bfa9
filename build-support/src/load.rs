//! Stage 1: read a spec (JSON or YAML) and the files its relative `$ref`s point at.
//!
//! - [`load_file`] reads a file; [`load_text`] parses text already in memory (the CLI's `-u URL`).
//!   JSON is parsed when the text starts with `{` or `[`, YAML otherwise; both end as one
//!   [`serde_json::Value`] (YAML keys such as `200:` become the strings they were written as).
//! - Example Objects (`components/examples`) are left out of the document: no client carries
//!   them, and in a big spec they are a fifth of the text (GitHub's). They are still checked to
//!   be JSON or YAML.
//! - Relative-file `$ref`s (`other.yaml#/Foo`, `./schemas/pet.json`) are bundled into the one
//!   document by [`load_file`]: the target is copied under `components/<section>/<name>` (the
//!   section its pointer names, `schemas` otherwise) and the `$ref` rewritten to a local one. Every
//!   file read is recorded in [`Document::sources`] (root first) so the caller can emit
//!   `cargo:rerun-if-changed` and locate diagnostics.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::Error;
use crate::diagnostics::{Diagnostic, Location, Severity};
use crate::locate::Landmarks;

mod json;

/// The text format of a source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// JSON.
    Json,
    /// YAML.
    Yaml,
}

/// One file that was read.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path as given (or the URL for a served spec).
    pub path: PathBuf,
    /// The file's text.
    pub text: String,
    /// JSON or YAML.
    pub format: Format,
    /// Where the nodes near the root are, when reading a big JSON text found them.
    pub(crate) landmarks: Landmarks,
}

/// The JSON pointer of the one member no stage reads, left out of each text parsed: Example
/// Objects, which only `examples` maps refer to.
const UNREAD: &str = "/components/examples";

/// A loaded spec: one JSON value with external references bundled in.
#[derive(Debug, Clone)]
pub struct Document {
    /// The bundled document.
    pub value: Value,
    /// Every file read, the root first.
    pub sources: Vec<Source>,
}

/// Reads the spec at `path` and every file its relative `$ref`s reach, bundling them into one
/// document.
pub fn load_file(path: &Path) -> Result<Document, Error> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let document = load_text(path, text)?;
    if bundle::needed(&document.sources[0]) {
        bundle::bundle(document)
    } else {
        Ok(document)
    }
}

/// Parses spec text already in memory; `name` is used in messages. Relative-file `$ref`s are left
/// as they are (there is no folder to resolve them against).
pub fn load_text(name: &Path, text: String) -> Result<Document, Error> {
    let (value, format, landmarks) =
        parse(name, &text).map_err(|diagnostic| Error::Spec(vec![*diagnostic]))?;
    Ok(Document {
        value,
        sources: vec![Source {
            path: name.to_path_buf(),
            text,
            format,
            landmarks,
        }],
    })
}

/// Parses `text` as JSON (when it starts with `{` or `[`) or YAML; a failure is a diagnostic
/// against `name` at the line and column the parser stopped at.
fn parse(name: &Path, text: &str) -> Result<(Value, Format, Landmarks), Box<Diagnostic>> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let format = if body.trim_start().starts_with(['{', '[']) {
        Format::Json
    } else {
        Format::Yaml
    };
    let empty = || {
        Box::new(Diagnostic {
            severity: Severity::Error,
            file: name.to_path_buf(),
            pointer: String::new(),
            location: None,
            source_line: None,
            source_caret: None,
            message: "the spec is empty".to_string(),
            help: Some("point clientgen at an OpenAPI document in JSON or YAML".to_string()),
        })
    };
    if body.trim().is_empty() {
        return Err(empty());
    }
    let (mut value, landmarks) = match format {
        Format::Json => {
            let bom = text.len() - body.len();
            json::parse(body, bom).map_err(|e| Box::new(json_error(name, body, &e)))?
        }
        Format::Yaml => {
            let value = yaml::from_str(body).map_err(|e| Box::new(yaml_error(name, body, &e)))?;
            (value, Landmarks::default())
        }
    };
    if value.is_null() {
        return Err(empty());
    }
    if let Some((parent, member)) = UNREAD.rsplit_once('/')
        && let Some(Value::Object(parent)) = value.pointer_mut(parent)
    {
        parent.shift_remove(member);
    }
    Ok((value, format, landmarks))
}

/// The diagnostic for a JSON syntax error.
fn json_error(name: &Path, text: &str, error: &serde_json::Error) -> Diagnostic {
    let full = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    let message = full.strip_suffix(&suffix).unwrap_or(&full);
    // serde_json counts columns in bytes; the location is in characters.
    let line_text = text
        .lines()
        .nth(error.line().saturating_sub(1))
        .unwrap_or("");
    let column = line_text
        .char_indices()
        .take_while(|(byte, _)| *byte < error.column())
        .count();
    let location = (error.line() > 0).then_some(Location {
        line: error.line(),
        column: column.max(1),
    });
    if message == TOO_DEEP {
        return too_deep(name, text, "JSON", location);
    }
    syntax_error(name, text, "JSON", message, location)
}

/// The diagnostic for a YAML syntax error.
fn yaml_error(name: &Path, text: &str, error: &serde_norway::Error) -> Diagnostic {
    let location = error.location().map(|l| Location {
        line: l.line(),
        column: l.column(),
    });
    let message = without_positions(&error.to_string());
    if message == TOO_DEEP {
        return too_deep(name, text, "YAML", location);
    }
    if let Some(at) = location
        && let Some(line) = text.lines().nth(at.line.saturating_sub(1))
        && line
            .chars()
            .take_while(|c| c.is_whitespace())
            .any(|c| c == '\t')
    {
        return Diagnostic {
            message: format!(
                "the spec is not valid YAML: line {} is indented with a tab, and YAML indents \
                 with spaces only (the parser says: {message})",
                at.line
            ),
            help: Some(
                "replace the tabs at the start of the line with spaces (and set your editor to \
                 indent YAML with spaces)"
                    .to_string(),
            ),
            ..syntax_error(name, text, "YAML", &message, location)
        };
    }
    if message == TOO_MANY_ALIASES {
        return Diagnostic {
            message: "the spec's YAML aliases expand to too many nodes; clientgen does not expand \
                      them"
                .to_string(),
            help: Some(
                "write the repeated parts out, or share them with `$ref` instead of YAML aliases"
                    .to_string(),
            ),
            ..syntax_error(name, text, "YAML", &message, location)
        };
    }
    syntax_error(name, text, "YAML", &message, location)
}

fn syntax_error(
    name: &Path,
    text: &str,
    language: &str,
    message: &str,
    location: Option<Location>,
) -> Diagnostic {
    let mut diagnostic = Diagnostic {
        severity: Severity::Error,
        file: name.to_path_buf(),
        pointer: String::new(),
        location,
        source_line: None,
        source_caret: None,
        message: format!("the spec is not valid {language}: {message}"),
        help: Some("fix the syntax at the line shown; clientgen reads JSON and YAML".to_string()),
    };
    if let Some(line) = location.and_then(|l| text.lines().nth(l.line - 1)) {
        diagnostic.show_source(line);
    }
    diagnostic
}

/// The YAML parser's message when aliases expand past its limit (a "billion laughs" document).
const TOO_MANY_ALIASES: &str = "repetition limit exceeded";

/// The parsers' message when the text nests deeper than they read (128 levels, both of them).
const TOO_DEEP: &str = "recursion limit exceeded";

/// The diagnostic for text that nests deeper than the parsers read: the text is valid, the
/// nesting is not supported.
fn too_deep(name: &Path, text: &str, language: &str, location: Option<Location>) -> Diagnostic {
    Diagnostic {
        message: format!(
            "the spec nests more than 128 levels deep, deeper than clientgen reads {language}"
        ),
        help: Some(
            "move deeply nested inline schemas to `components/schemas` and refer to them with \
             `$ref`"
                .to_string(),
        ),
        ..syntax_error(name, text, language, TOO_DEEP, location)
    }
}

/// `message` without the ` at line L column C` / ` at position N` parts the YAML parser appends
/// (the location is reported separately).
fn without_positions(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find(" at ") {
        out.push_str(&rest[..at]);
        let after = &rest[at + " at ".len()..];
        let skipped = after
            .strip_prefix("line ")
            .map(skip_digits)
            .and_then(|r| r.strip_prefix(" column "))
            .map(skip_digits)
            .or_else(|| after.strip_prefix("position ").map(skip_digits));
        match skipped {
            Some(remaining) => rest = remaining,
            None => {
                out.push_str(" at ");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn skip_digits(text: &str) -> &str {
    text.trim_start_matches(|c: char| c.is_ascii_digit())
}

/// YAML straight into a [`serde_json::Value`], every mapping key kept as the text it was written
/// as (`200:` → `"200"`); aliases are resolved by the parser, tags are dropped.
mod yaml {
    use std::fmt;

    use serde::Deserialize;
    use serde::de::{self, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor};
    use serde_json::{Map, Number, Value};

    /// Parses one YAML document.
    pub(super) fn from_str(text: &str) -> Result<Value, serde_norway::Error> {
        JsonValue::deserialize(serde_norway::Deserializer::from_str(text)).map(|v| v.0)
    }

    struct JsonValue(Value);

    impl<'de> Deserialize<'de> for JsonValue {
        fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_any(ValueVisitor).map(JsonValue)
        }
    }

    struct ValueVisitor;

    impl<'de> Visitor<'de> for ValueVisitor {
        type Value = Value;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("any YAML value")
        }

        fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
            Ok(Value::Bool(v))
        }

        fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
            Ok(Value::from(v))
        }

        fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
            Ok(Value::from(v))
        }

        fn visit_i128<E>(self, v: i128) -> Result<Value, E> {
            Ok(i64::try_from(v).map_or_else(|_| float(v as f64), Value::from))
        }

        fn visit_u128<E>(self, v: u128) -> Result<Value, E> {
            Ok(u64::try_from(v).map_or_else(|_| float(v as f64), Value::from))
        }

        fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
            Ok(float(v))
        }

        fn visit_str<E>(self, v: &str) -> Result<Value, E> {
            Ok(Value::String(v.to_string()))
        }

        fn visit_string<E>(self, v: String) -> Result<Value, E> {
            Ok(Value::String(v))
        }

        fn visit_unit<E>(self) -> Result<Value, E> {
            Ok(Value::Null)
        }

        fn visit_none<E>(self) -> Result<Value, E> {
            Ok(Value::Null)
        }

        fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
            d.deserialize_any(self)
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
            let mut items = Vec::new();
            while let Some(JsonValue(item)) = seq.next_element()? {
                items.push(item);
            }
            Ok(Value::Array(items))
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
            let mut object = Map::new();
            // `String` asks the parser for the scalar as written, so numeric keys stay text.
            while let Some(key) = map.next_key::<String>()? {
                let JsonValue(value) = map.next_value()?;
                object.insert(key, value);
            }
            Ok(Value::Object(object))
        }

        fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Value, A::Error> {
            // A `!tag value`: keep the value.
            let (_tag, variant) = data.variant::<String>()?;
            variant.newtype_variant::<JsonValue>().map(|v| v.0)
        }
    }

    /// A YAML float as JSON; `.inf` and `.nan` have no JSON form and become null.
    fn float(v: f64) -> Value {
        Number::from_f64(v).map_or(Value::Null, Value::Number)
    }
}

/// Bundling: copying what relative-file `$ref`s point at into the root document.
mod bundle {
    use std::collections::{HashMap, VecDeque};
    use std::path::{Component, Path, PathBuf};

    use memchr::memmem;
    use serde_json::{Map, Value};

    use super::{Document, Source, parse};
    use crate::Error;
    use crate::diagnostics::{Diagnostic, Severity};
    use crate::locate::{Landmarks, escape_segment, fill_locations, pointer_segments};

    /// The index of the root file in [`Bundler::sources`].
    const ROOT: usize = 0;

    /// The `components` sections a bundled target can land in, by the pointer it was found at.
    const SECTIONS: [&str; 10] = [
        "schemas",
        "responses",
        "parameters",
        "examples",
        "requestBodies",
        "headers",
        "securitySchemes",
        "links",
        "callbacks",
        "pathItems",
    ];

    /// Whether the root text holds a `$ref` that names another file. For JSON this is a plain
    /// scan for a `"$ref"` value not starting with `#` (memchr's vectorised search: GitHub's
    /// 13 MB hold over 10,000 `$ref`s), far cheaper than walking the value.
    pub(super) fn needed(root: &Source) -> bool {
        let text = root.text.as_bytes();
        match root.format {
            super::Format::Yaml => memmem::find(text, b"$ref").is_some(),
            super::Format::Json => {
                const KEY: &[u8] = b"\"$ref\"";
                memmem::find_iter(text, KEY).any(|at| {
                    let rest = root.text[at + KEY.len()..].trim_start();
                    rest.strip_prefix(':')
                        .map(str::trim_start)
                        .and_then(|value| value.strip_prefix('"'))
                        .is_some_and(|value| !value.starts_with('#'))
                })
            }
        }
    }

    /// Copies every node reached through a relative-file `$ref` into `document`, rewriting the
    /// `$ref`s to local ones.
    pub(super) fn bundle(document: Document) -> Result<Document, Error> {
        let Document {
            value: mut root,
            sources,
        } = document;
        if !root.is_object() {
            return Ok(Document {
                value: root,
                sources,
            });
        }
        let mut bundler = Bundler::new(&root, sources);
        bundler.claim_named_slots(&root);
        bundler.walk(&mut root, ROOT, &mut String::new());
        while let Some(pending) = bundler.pending.pop_front() {
            let Pending {
                file,
                mut pointer,
                mut node,
                container,
                name,
            } = pending;
            bundler.walk(&mut node, file, &mut pointer);
            insert(&mut root, &container, name, node);
        }
        let Bundler {
            sources,
            mut diagnostics,
            ..
        } = bundler;
        if diagnostics.is_empty() {
            Ok(Document {
                value: root,
                sources,
            })
        } else {
            fill_locations(&mut diagnostics, &sources);
            Err(Error::Spec(diagnostics))
        }
    }

    /// What a `$ref` string names.
    enum Reference {
        /// A URL or URN: left for the lowering to report.
        Keep,
        /// A pointer into the file holding the `$ref`.
        Local(String),
        /// A file (relative to the one holding the `$ref`) and a pointer into it.
        File(String, String),
    }

    impl Reference {
        fn parse(reference: &str) -> Reference {
            let (file, fragment) = reference.split_once('#').unwrap_or((reference, ""));
            let pointer = percent_decode(fragment);
            if file.is_empty() {
                Reference::Local(pointer)
            } else if has_scheme(file) {
                Reference::Keep
            } else {
                Reference::File(percent_decode(file), pointer)
            }
        }
    }

    /// Why a `$ref` could not be followed.
    #[derive(Clone)]
    enum Problem {
        /// Report this at the `$ref`.
        New { message: String, help: String },
        /// The file's own diagnostic (a syntax error) says it already.
        Reported,
    }

    /// A bundled node waiting for its own `$ref`s to be followed.
    struct Pending {
        file: usize,
        pointer: String,
        node: Value,
        container: String,
        name: String,
    }

    /// Where a `$ref` now points, and at what.
    struct Resolved {
        local: String,
        target: Option<(usize, String)>,
    }

    struct Bundler {
        /// Every file read, the root first.
        sources: Vec<Source>,
        /// Parsed files, parallel to `sources`; the root's is not kept here.
        values: Vec<Option<Value>>,
        /// Normalized path → index in `sources`, or why it cannot be used.
        files: HashMap<PathBuf, Result<usize, Problem>>,
        /// (file, pointer) → the local `$ref` it was bundled as.
        targets: HashMap<(usize, String), String>,
        /// Pointers of names given to bundled nodes → their content as found.
        taken: HashMap<String, Value>,
        /// The root's own named sections, as they were before bundling.
        reserved: Value,
        /// Whether the root is Swagger 2.0 (`definitions` rather than `components/schemas`).
        swagger: bool,
        pending: VecDeque<Pending>,
        diagnostics: Vec<Diagnostic>,
    }

    impl Bundler {
        fn new(root: &Value, sources: Vec<Source>) -> Bundler {
            let reserved: Map<String, Value> =
                ["components", "definitions", "parameters", "responses"]
                    .into_iter()
                    .filter_map(|key| Some((key.to_string(), root.get(key)?.clone())))
                    .collect();
            let mut files = HashMap::new();
            files.insert(normalize(&sources[ROOT].path), Ok(ROOT));
            Bundler {
                values: vec![None],
                sources,
                files,
                targets: HashMap::new(),
                taken: HashMap::new(),
                reserved: Value::Object(reserved),
                swagger: root.get("swagger").is_some(),
                pending: VecDeque::new(),
                diagnostics: Vec::new(),
            }
        }

        /// A root entry that is nothing but a `$ref` to another file (`Pet: {$ref: pet.yaml}`
        /// under `components/schemas`, a path item in its own file) becomes the home of what it
        /// points at, so the target keeps the entry's name instead of getting a second one.
        fn claim_named_slots(&mut self, root: &Value) {
            for slot in named_slots(root) {
                let Some(Value::String(reference)) = root.pointer(&slot).and_then(sole_ref) else {
                    continue;
                };
                let Reference::File(relative, pointer) = Reference::parse(reference) else {
                    continue;
                };
                let Ok(file) = self.open(ROOT, &relative, reference) else {
                    continue;
                };
                if file != ROOT && self.node(file, &pointer).is_some() {
                    self.targets
                        .entry((file, pointer))
                        .or_insert_with(|| format!("#{slot}"));
                }
            }
        }

        /// Rewrites every `$ref` under `value`, which sits at `pointer` in file `file`.
        fn walk(&mut self, value: &mut Value, file: usize, pointer: &mut String) {
            match value {
                Value::Object(map) => {
                    if let Some((target, mut at)) = self.rewrite_ref(map, file, pointer) {
                        if let Some(node) = self.node(target, &at) {
                            *value = node.clone();
                            self.walk(value, target, &mut at);
                        }
                        return;
                    }
                    for (key, child) in map.iter_mut() {
                        if key == "$ref" && child.is_string() {
                            continue;
                        }
                        let len = pointer.len();
                        pointer.push('/');
                        pointer.push_str(&escape_segment(key));
                        self.walk(child, file, pointer);
                        pointer.truncate(len);
                    }
                }
                Value::Array(items) => {
                    for (index, child) in items.iter_mut().enumerate() {
                        let len = pointer.len();
                        pointer.push('/');
                        pointer.push_str(&index.to_string());
                        self.walk(child, file, pointer);
                        pointer.truncate(len);
                    }
                }
                _ => {}
            }
        }

        /// Rewrites the `$ref` of `map`, which sits at `pointer` in file `file`. Returns the
        /// target instead when `map` is the root entry claimed for it: its content goes in place.
        fn rewrite_ref(
            &mut self,
            map: &mut Map<String, Value>,
            file: usize,
            pointer: &str,
        ) -> Option<(usize, String)> {
            let Some(Value::String(reference)) = map.get("$ref") else {
                return None;
            };
            match self.resolve(file, reference) {
                Ok(None) => None,
                Err(problem) => {
                    self.report(file, pointer, problem);
                    None
                }
                Ok(Some(Resolved { local, target })) => {
                    let claimed =
                        file == ROOT && map.len() == 1 && local.strip_prefix('#') == Some(pointer);
                    match target {
                        Some(target) if claimed => Some(target),
                        _ => {
                            map.insert("$ref".to_string(), Value::String(local));
                            None
                        }
                    }
                }
            }
        }

        /// The local `$ref` that replaces `reference` (found in file `from`), or `None` to keep it.
        fn resolve(&mut self, from: usize, reference: &str) -> Result<Option<Resolved>, Problem> {
            let (file, pointer) = match Reference::parse(reference) {
                Reference::Keep => return Ok(None),
                Reference::Local(_) if from == ROOT => return Ok(None),
                Reference::Local(pointer) => (from, pointer),
                Reference::File(relative, pointer) => {
                    (self.open(from, &relative, reference)?, pointer)
                }
            };
            if file == ROOT {
                return Ok(Some(Resolved {
                    local: format!("#{pointer}"),
                    target: None,
                }));
            }
            let key = (file, pointer);
            if let Some(local) = self.targets.get(&key) {
                return Ok(Some(Resolved {
                    local: local.clone(),
                    target: Some(key),
                }));
            }
            let (file, pointer) = key;
            let node = self
                .node(file, &pointer)
                .ok_or_else(|| self.missing_pointer(reference, file, &pointer))?
                .clone();
            let (section, base) = self.name_hint(file, &pointer);
            let container = self.container(section);
            let (name, new) = self.name(&container, &base, &node);
            let local = format!("#{container}/{}", escape_segment(&name));
            self.targets.insert((file, pointer.clone()), local.clone());
            if new {
                self.pending.push_back(Pending {
                    file,
                    pointer: pointer.clone(),
                    node,
                    container,
                    name,
                });
            }
            Ok(Some(Resolved {
                local,
                target: Some((file, pointer)),
            }))
        }

        /// The index of the file `relative` names from file `from`, reading it the first time.
        fn open(&mut self, from: usize, relative: &str, reference: &str) -> Result<usize, Problem> {
            let folder = self.sources[from].path.parent().unwrap_or(Path::new(""));
            let path = normalize(&folder.join(relative));
            if let Some(known) = self.files.get(&path) {
                return known.clone();
            }
            let opened = match std::fs::read_to_string(&path) {
                Err(error) => Err(Problem::New {
                    message: format!(
                        "`$ref: {reference}` points at {}, which cannot be read: {error}",
                        path.display()
                    ),
                    help: format!(
                        "check the file name; a relative `$ref` is resolved against the folder of \
                         the file holding it ({})",
                        display_folder(folder)
                    ),
                }),
                Ok(text) => {
                    let parsed = parse(&path, &text);
                    let index = self.sources.len();
                    let (format, landmarks) = match &parsed {
                        Ok((_, format, landmarks)) => (*format, landmarks.clone()),
                        Err(_) => (super::Format::Yaml, Landmarks::default()),
                    };
                    self.sources.push(Source {
                        path: path.clone(),
                        text,
                        format,
                        landmarks,
                    });
                    match parsed {
                        Ok((value, ..)) => {
                            self.values.push(Some(value));
                            Ok(index)
                        }
                        Err(diagnostic) => {
                            self.values.push(None);
                            self.diagnostics.push(*diagnostic);
                            Err(Problem::Reported)
                        }
                    }
                }
            };
            self.files.insert(path, opened.clone());
            opened
        }

        /// The node at `pointer` in file `file` (never the root).
        fn node(&self, file: usize, pointer: &str) -> Option<&Value> {
            self.values.get(file)?.as_ref()?.pointer(pointer)
        }

        fn missing_pointer(&self, reference: &str, file: usize, pointer: &str) -> Problem {
            Problem::New {
                message: format!(
                    "`$ref: {reference}` points at `{pointer}` in {}, which does not exist",
                    self.sources[file].path.display()
                ),
                help: "check the part after `#`: a JSON pointer into that file, such as \
                       `#/components/schemas/Pet` (`~1` stands for `/`)"
                    .to_string(),
            }
        }

        /// The section (`schemas`, `parameters`…) and name a node at `pointer` in `file` is
        /// bundled under: from `/components/<section>/<name>` when the pointer has that shape,
        /// else `schemas` and the pointer's last segment (the file stem for a whole file).
        fn name_hint(&self, file: usize, pointer: &str) -> (&'static str, String) {
            let segments = pointer_segments(pointer).unwrap_or_default();
            let section = match segments.as_slice() {
                [components, section, _] if components == "components" => {
                    SECTIONS.into_iter().find(|s| s == section)
                }
                [section, _] if section == "definitions" => Some("schemas"),
                [section, _] if section == "parameters" => Some("parameters"),
                [section, _] if section == "responses" => Some("responses"),
                _ => None,
            };
            let stem = || {
                let path = &self.sources[file].path;
                path.file_stem()
                    .map(|stem| stem.to_string_lossy().into_owned())
                    .unwrap_or_default()
            };
            let base = segments
                .last()
                .filter(|last| !last.is_empty())
                .cloned()
                .unwrap_or_else(stem);
            let base = if base.is_empty() {
                "Schema".to_string()
            } else {
                base
            };
            (section.unwrap_or("schemas"), base)
        }

        /// The pointer of the root object that holds bundled nodes of `section`.
        fn container(&self, section: &str) -> String {
            match (self.swagger, section) {
                (true, "parameters" | "responses") => format!("/{section}"),
                (true, _) => "/definitions".to_string(),
                (false, _) => format!("/components/{section}"),
            }
        }

        /// A name in `container` for `node`: `base`, else `base2`, `base3`…; an existing entry
        /// with the same content (and no `$ref` whose meaning depends on its file) is shared.
        /// Returns the name and whether it is new.
        fn name(&mut self, container: &str, base: &str, node: &Value) -> (String, bool) {
            for n in 1usize.. {
                let name = if n == 1 {
                    base.to_string()
                } else {
                    format!("{base}{n}")
                };
                let at = format!("{container}/{}", escape_segment(&name));
                let existing = self.taken.get(&at).or_else(|| self.reserved.pointer(&at));
                match existing {
                    None => {
                        self.taken.insert(at, node.clone());
                        return (name, true);
                    }
                    Some(existing) if existing == node && !has_ref(node) => return (name, false),
                    Some(_) => {}
                }
            }
            unreachable!("the names base, base2, base3… cannot all be taken")
        }

        /// Records `problem` against the `$ref` of the object at `pointer` in file `file`.
        fn report(&mut self, file: usize, pointer: &str, problem: Problem) {
            if let Problem::New { message, help } = problem {
                self.diagnostics.push(Diagnostic {
                    severity: Severity::Error,
                    file: self.sources[file].path.clone(),
                    pointer: format!("{pointer}/$ref"),
                    location: None,
                    source_line: None,
                    source_caret: None,
                    message,
                    help: Some(help),
                });
            }
        }
    }

    /// Pointers of the root's named entries: path items and `components/<section>/<name>`
    /// (Swagger 2.0: `definitions`, `parameters`, `responses`).
    fn named_slots(root: &Value) -> Vec<String> {
        let entries = |pointer: String| -> Vec<String> {
            match root.pointer(&pointer) {
                Some(Value::Object(map)) => map
                    .keys()
                    .map(|key| format!("{pointer}/{}", escape_segment(key)))
                    .collect(),
                _ => Vec::new(),
            }
        };
        let mut slots = entries("/paths".to_string());
        for section in SECTIONS {
            slots.extend(entries(format!("/components/{section}")));
        }
        for section in ["definitions", "parameters", "responses"] {
            slots.extend(entries(format!("/{section}")));
        }
        slots
    }

    /// The `$ref` of an object that holds nothing else.
    fn sole_ref(value: &Value) -> Option<&Value> {
        let map = value.as_object()?;
        (map.len() == 1).then(|| map.get("$ref")).flatten()
    }

    fn has_ref(value: &Value) -> bool {
        match value {
            Value::Object(map) => map.contains_key("$ref") || map.values().any(has_ref),
            Value::Array(items) => items.iter().any(has_ref),
            _ => false,
        }
    }

    /// Puts `node` at `container/name` in `root`, creating the container.
    fn insert(root: &mut Value, container: &str, name: String, node: Value) {
        let mut here = root;
        for segment in pointer_segments(container).unwrap_or_default() {
            let Value::Object(map) = here else { return };
            here = map
                .entry(segment)
                .or_insert_with(|| Value::Object(Map::new()));
            if !here.is_object() {
                *here = Value::Object(Map::new());
            }
        }
        if let Value::Object(map) = here {
            map.insert(name, node);
        }
    }

    /// Whether a `$ref`'s file part is a URL or URN (`http:`, `urn:`), not a path. One-letter
    /// schemes are Windows drive letters.
    fn has_scheme(file: &str) -> bool {
        file.split_once(':').is_some_and(|(scheme, _)| {
            scheme.len() > 1
                && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        })
    }

    /// `%XX` escapes decoded; text that does not decode to UTF-8 is kept as written.
    fn percent_decode(text: &str) -> String {
        if !text.contains('%') {
            return text.to_string();
        }
        let bytes = text.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|pair| std::str::from_utf8(pair).ok())
                .and_then(|pair| u8::from_str_radix(pair, 16).ok());
            match (bytes[i], hex) {
                (b'%', Some(byte)) => {
                    out.push(byte);
                    i += 3;
                }
                (byte, _) => {
                    out.push(byte);
                    i += 1;
                }
            }
        }
        String::from_utf8(out).unwrap_or_else(|_| text.to_string())
    }

    /// `path` with `.` and `a/..` removed, so one file has one key however it is reached.
    fn normalize(path: &Path) -> PathBuf {
        let mut out = PathBuf::new();
        for component in path.components() {
            match component {
                Component::CurDir => {}
                Component::ParentDir
                    if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
                {
                    out.pop();
                }
                other => out.push(other),
            }
        }
        out
    }

    fn display_folder(folder: &Path) -> String {
        if folder.as_os_str().is_empty() {
            ".".to_string()
        } else {
            folder.display().to_string()
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn percent_escapes_decode_and_broken_ones_stay() {
            assert_eq!(percent_decode("/a%20b/%7Bid%7D"), "/a b/{id}");
            assert_eq!(percent_decode("100%"), "100%");
            assert_eq!(percent_decode("%zz%"), "%zz%");
        }

        #[test]
        fn urls_and_urns_are_kept_but_drive_letters_are_paths() {
            assert!(has_scheme("https://example.com/a.yaml"));
            assert!(has_scheme("urn:example:pet"));
            assert!(!has_scheme("C:/specs/pet.yaml"));
            assert!(!has_scheme("schemas/pet.yaml"));
        }

        #[test]
        fn dot_segments_are_normalized_away() {
            assert_eq!(
                normalize(Path::new("./specs/schemas/../root.yaml")),
                PathBuf::from("specs/root.yaml")
            );
            assert_eq!(
                normalize(Path::new("../x.yaml")),
                PathBuf::from("../x.yaml")
            );
        }

        #[test]
        fn json_without_external_refs_skips_bundling() {
            let source = |text: &str| Source {
                path: PathBuf::from("a.json"),
                text: text.to_string(),
                format: super::super::Format::Json,
                landmarks: Landmarks::default(),
            };
            assert!(!needed(&source(r##"{"$ref": "#/x", "a": "$ref"}"##)));
            assert!(needed(&source(r##"{"$ref" :  "pet.json#/Pet"}"##)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(text: &str) -> Diagnostic {
        match load_text(Path::new("spec.txt"), text.to_string()) {
            Err(Error::Spec(mut diagnostics)) if diagnostics.len() == 1 => diagnostics.remove(0),
            other => panic!("expected one diagnostic, got {other:?}"),
        }
    }

    #[test]
    fn nesting_deeper_than_the_parsers_read_is_named_as_such() {
        let deep = format!("{}1{}", "[".repeat(200), "]".repeat(200));
        for (text, language) in [(deep.clone(), "JSON"), (format!("# yaml\n{deep}"), "YAML")] {
            let diagnostic = error_of(&text);
            let expected = "the spec nests more than 128 levels deep, deeper than clientgen reads";
            assert_eq!(diagnostic.message, format!("{expected} {language}"));
            assert!(diagnostic.location.is_some(), "{language}");
        }
    }

    #[test]
    fn yaml_alias_bombs_are_refused_not_expanded() {
        let mut text =
            "openapi: 3.0.3\nx-0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol]\n".to_string();
        for level in 1..10 {
            let previous = format!("*a{}", level - 1);
            text.push_str(&format!(
                "x-{level}: &a{level} [{}]\n",
                [previous.as_str(); 8].join(", ")
            ));
        }
        assert_eq!(
            error_of(&text).message,
            "the spec's YAML aliases expand to too many nodes; clientgen does not expand them"
        );
    }

    #[test]
    fn malformed_json_reports_message_line_and_column() {
        let diagnostic = error_of("{\n  \"openapi\": \"3.0.0\"\n  \"info\": {}\n}");
        assert_eq!(
            diagnostic.message,
            "the spec is not valid JSON: expected `,` or `}`"
        );
        assert_eq!(diagnostic.location, Some(Location { line: 3, column: 3 }));
        assert_eq!(diagnostic.source_line.as_deref(), Some("  \"info\": {}"));
        assert_eq!(diagnostic.pointer, "");
        assert_eq!(diagnostic.file, PathBuf::from("spec.txt"));
        assert_eq!(
            diagnostic.help.as_deref(),
            Some("fix the syntax at the line shown; clientgen reads JSON and YAML")
        );
    }

    #[test]
    fn malformed_yaml_reports_message_line_and_column() {
        let diagnostic = error_of("openapi: 3.0.0\ninfo:\n  title: a: b\n");
        assert_eq!(
            diagnostic.message,
            "the spec is not valid YAML: mapping values are not allowed in this context"
        );
        assert_eq!(
            diagnostic.location,
            Some(Location {
                line: 3,
                column: 11
            })
        );
        assert_eq!(diagnostic.source_line.as_deref(), Some("  title: a: b"));
    }

    #[test]
    fn yaml_indented_with_a_tab_says_tab() {
        for text in [
            "openapi: 3.0.0\ninfo:\n\ttitle: a\n  version: '1'\n",
            "openapi: 3.0.0\ninfo:\n  title: a\n\tversion: '1'\n",
            "openapi: 3.0.0\ninfo:\n \ttitle: a\n",
        ] {
            let diagnostic = error_of(text);
            assert!(diagnostic.message.contains("tab"), "{text:?}: {diagnostic}");
            assert!(
                diagnostic
                    .help
                    .as_deref()
                    .is_some_and(|help| help.contains("spaces")),
                "{diagnostic}"
            );
        }
    }

    #[test]
    fn empty_and_comment_only_files_are_reported_as_empty() {
        for text in ["", "  \n\n", "# nothing here\n"] {
            assert_eq!(error_of(text).message, "the spec is empty");
        }
    }

    #[test]
    fn yaml_numeric_response_codes_load_as_string_keys() {
        let text =
            "responses:\n  200:\n    description: ok\n  4XX:\n    description: bad\n  1.0: x\n";
        let document = load_text(Path::new("a.yaml"), text.to_string()).unwrap();
        let keys: Vec<&String> = document.value["responses"]
            .as_object()
            .unwrap()
            .keys()
            .collect();
        assert_eq!(keys, ["200", "4XX", "1.0"]);
        assert_eq!(document.sources[0].format, Format::Yaml);
    }

    #[test]
    fn yaml_aliases_are_resolved_and_tags_dropped() {
        let text = "a: &x {type: string}\nb: *x\nc: !custom 5\nd: .inf\n";
        let document = load_text(Path::new("a.yaml"), text.to_string()).unwrap();
        assert_eq!(
            document.value,
            serde_json::json!({"a": {"type": "string"}, "b": {"type": "string"}, "c": 5, "d": null})
        );
    }

    #[test]
    fn example_objects_are_left_out_of_json_and_yaml() {
        let json = r#"{"components": {"schemas": {"A": {}}, "examples": {"e": {"value": 1}}}}"#;
        let yaml = "components:\n  schemas: {A: {}}\n  examples:\n    e: {value: 1}\n";
        for (name, text) in [("a.json", json), ("a.yaml", yaml)] {
            let document = load_text(Path::new(name), text.to_string()).unwrap();
            assert_eq!(
                document.value,
                serde_json::json!({"components": {"schemas": {"A": {}}}}),
                "{name}"
            );
        }
    }

    #[test]
    fn json_keeps_key_order_and_format() {
        let document = load_text(Path::new("a.json"), " {\"b\": 1, \"a\": 2}".to_string()).unwrap();
        assert_eq!(document.value.to_string(), r#"{"b":1,"a":2}"#);
        assert_eq!(document.sources[0].format, Format::Json);
    }

    #[test]
    fn parser_positions_are_cut_from_yaml_messages() {
        assert_eq!(
            without_positions(
                "did not find expected key at line 3 column 1, while parsing a block mapping at line 1 column 1"
            ),
            "did not find expected key, while parsing a block mapping"
        );
        assert_eq!(without_positions("x at position 7"), "x");
        assert_eq!(without_positions("look at this"), "look at this");
    }
}
