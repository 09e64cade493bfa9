//! 2.0 parameters → 3.0 parameters and request bodies.
//!
//! Query, path and header parameters keep their place; their schema keywords move under
//! `schema` and `collectionFormat` becomes `style`/`explode`. The `body` parameter and the
//! `formData` parameters become the operation's `requestBody`.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::copies;
use crate::normalize::schema::{self, rewrite_swagger2_reference};
use crate::normalize::walk::{Walk, kind};

/// Keywords of a 2.0 parameter, header or items object that belong to its 3.0 schema.
const SCHEMA_KEYWORDS: [&str; 17] = [
    "type",
    "format",
    "items",
    "default",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "enum",
    "multipleOf",
    "x-nullable",
];

/// A 2.0 parameter, sorted by what it becomes in 3.0.
#[derive(Debug, Clone)]
pub(super) enum Parameter {
    /// A query, path or header parameter (or a `$ref` to one), already in 3.0 shape.
    Regular(Value),
    /// The `in: body` parameter: the request body.
    Body(Body),
    /// An `in: formData` parameter: one field of a form body.
    Form(FormField),
}

/// A 2.0 body parameter, its schema already fixed.
#[derive(Debug, Clone)]
pub(super) struct Body {
    name: Option<String>,
    description: Option<Value>,
    required: bool,
    schema: Value,
    extensions: Map<String, Value>,
}

/// A 2.0 formData parameter, its schema already fixed.
#[derive(Debug, Clone)]
pub(super) struct FormField {
    name: String,
    required: bool,
    file: bool,
    schema: Value,
}

/// Body and formData parameters of `#/parameters`, by name, for the operations that refer to them.
pub(super) type SharedBodies = HashMap<String, Parameter>;

/// The parameters of an operation or path item, sorted.
#[derive(Debug, Default)]
pub(super) struct Sorted {
    /// Query, path and header parameters, in 3.0 shape.
    pub(super) regular: Vec<Value>,
    body: Option<Body>,
    form: Vec<FormField>,
}

impl Sorted {
    /// Sorts the parameter list `value` (at the current pointer).
    pub(super) fn new(value: Value, shared: &SharedBodies, walk: &mut Walk) -> Sorted {
        let mut sorted = Sorted::default();
        let Value::Array(list) = value else {
            walk.warn(format!(
                "`parameters` must be a list, found {}; ignored",
                kind(&value)
            ));
            return sorted;
        };
        for (index, item) in list.into_iter().enumerate() {
            walk.at_index(index, |walk| match convert(item, shared, walk) {
                Some(Parameter::Regular(parameter)) => sorted.regular.push(parameter),
                Some(Parameter::Body(body)) if sorted.body.is_none() => sorted.body = Some(body),
                Some(Parameter::Body(_)) => walk.warn(
                    "an operation has at most one body parameter; this second one is ignored",
                ),
                Some(Parameter::Form(field)) => sorted.add_field(field),
                None => {}
            });
        }
        sorted
    }

    /// Adds the body and form fields of the path item, where the operation has none of its own.
    pub(super) fn inherit(&mut self, path_item: &Sorted) {
        if self.body.is_none() {
            self.body.clone_from(&path_item.body);
        }
        let own = std::mem::take(&mut self.form);
        let mut form: Vec<FormField> = path_item
            .form
            .iter()
            .filter(|field| own.iter().all(|mine| mine.name != field.name))
            .cloned()
            .collect();
        form.extend(own);
        self.form = form;
    }

    fn add_field(&mut self, field: FormField) {
        match self.form.iter_mut().find(|known| known.name == field.name) {
            Some(known) => *known = field,
            None => self.form.push(field),
        }
    }

    /// The 3.0 `requestBody`, for an operation that consumes `consumes`, and the name of the 2.0
    /// body parameter (kept as `x-codegen-request-body-name`, as other converters do).
    pub(super) fn request_body(
        self,
        consumes: &[String],
        walk: &mut Walk,
    ) -> Option<(Value, Option<String>)> {
        match self.body {
            Some(body) => {
                if !self.form.is_empty() {
                    walk.warn(
                        "the formData parameters are ignored: the operation also has a body \
                         parameter, and Swagger 2.0 allows only one of the two",
                    );
                }
                Some(body_request(body, consumes))
            }
            None if !self.form.is_empty() => Some((form_request(self.form, consumes), None)),
            None => None,
        }
    }
}

/// Sorts and converts one 2.0 parameter; `None` (after a warning) when it is unusable.
pub(super) fn convert(value: Value, shared: &SharedBodies, walk: &mut Walk) -> Option<Parameter> {
    let Value::Object(mut map) = value else {
        walk.warn(format!(
            "a parameter must be an object, found {}; ignored",
            kind(&value)
        ));
        return None;
    };
    if let Some(Value::String(target)) = map.get_mut("$ref") {
        if let Some(name) = target.strip_prefix("#/parameters/")
            && let Some(parameter) = shared.get(&unescape(name))
        {
            return Some(parameter.clone());
        }
        rewrite_swagger2_reference(target);
        return Some(Parameter::Regular(Value::Object(map)));
    }
    let location = match map.get("in") {
        Some(Value::String(location)) => location.clone(),
        _ => {
            walk.warn("a parameter must say where it goes (`in`); ignored");
            return None;
        }
    };
    match location.as_str() {
        "body" => Some(Parameter::Body(body(map, walk))),
        "formData" => form_field(map, walk).map(Parameter::Form),
        "query" | "path" | "header" => Some(Parameter::Regular(regular(map, &location, walk))),
        other => {
            walk.at("in", |walk| {
                walk.warn(format!(
                    "parameter location \"{other}\" is not one of query, path, header, body or \
                     formData; the parameter is ignored"
                ));
            });
            None
        }
    }
}

/// A JSON pointer segment read back (`~1` → `/`, `~0` → `~`).
fn unescape(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

/// Splits a 2.0 parameter, header or items object into the rest, its fixed 3.0 schema and its
/// `collectionFormat`.
pub(super) fn split(
    map: Map<String, Value>,
    walk: &mut Walk,
) -> (Map<String, Value>, Value, Option<Value>) {
    let mut rest = Map::new();
    let mut schema = Map::new();
    let mut collection_format = None;
    for (key, value) in map {
        if key == "collectionFormat" {
            collection_format = Some(value);
        } else if SCHEMA_KEYWORDS.contains(&key.as_str()) {
            schema.insert(key, value);
        } else {
            rest.insert(key, value);
        }
    }
    if let Some(items) = schema.get_mut("items") {
        walk.at("items", |walk| drop_nested_collection_formats(items, walk));
    }
    let mut schema = Value::Object(schema);
    schema::fix(&mut schema, walk);
    (rest, schema, collection_format)
}

/// Nested arrays' `collectionFormat` (inside `items`) has no 3.0 equivalent.
fn drop_nested_collection_formats(items: &mut Value, walk: &mut Walk) {
    let Value::Object(map) = items else {
        return;
    };
    if map.shift_remove("collectionFormat").is_some() {
        walk.warn(
            "`collectionFormat` of nested arrays has no OpenAPI 3.0 equivalent; the inner items \
             are read as comma-separated",
        );
    }
    if let Some(inner) = map.get_mut("items") {
        walk.at("items", |walk| drop_nested_collection_formats(inner, walk));
    }
}

/// A query, path or header parameter in 3.0 shape.
fn regular(map: Map<String, Value>, location: &str, walk: &mut Walk) -> Value {
    let (mut parameter, schema, collection_format) = split(map, walk);
    if schema.get("type").and_then(Value::as_str) == Some("array") {
        let (style, explode) = walk.at("collectionFormat", |walk| {
            style(collection_format.as_ref(), location, walk)
        });
        parameter.insert("style".into(), style.into());
        parameter.insert("explode".into(), explode.into());
    }
    parameter.insert("schema".into(), schema);
    Value::Object(parameter)
}

/// The 3.0 `style` and `explode` of an array parameter in `location` (2.0's default is csv).
fn style(
    collection_format: Option<&Value>,
    location: &str,
    walk: &mut Walk,
) -> (&'static str, bool) {
    let query = location == "query";
    let csv = if query {
        ("form", false)
    } else {
        ("simple", false)
    };
    let format = match collection_format {
        None => return csv,
        Some(Value::String(format)) => format.as_str(),
        Some(other) => {
            walk.warn(format!(
                "`collectionFormat` must be a string, found {}; read as csv",
                kind(other)
            ));
            return csv;
        }
    };
    match format {
        "csv" => csv,
        "multi" if query => ("form", true),
        "ssv" if query => ("spaceDelimited", false),
        "pipes" if query => ("pipeDelimited", false),
        "tsv" => {
            walk.warn(
                "collectionFormat \"tsv\" (tab-separated) has no OpenAPI 3.0 style; read as \
                 comma-separated (csv)",
            );
            csv
        }
        other => {
            walk.warn(format!(
                "collectionFormat \"{other}\" is not possible for {location} parameters in \
                 OpenAPI 3.0; read as comma-separated (csv)"
            ));
            csv
        }
    }
}

fn body(map: Map<String, Value>, walk: &mut Walk) -> Body {
    let mut body = Body {
        name: None,
        description: None,
        required: false,
        schema: Value::Null,
        extensions: Map::new(),
    };
    for (key, mut value) in map {
        match key.as_str() {
            "name" => body.name = value.as_str().map(String::from),
            "description" => body.description = Some(value),
            "required" => body.required = value == Value::Bool(true),
            "schema" => {
                walk.at("schema", |walk| schema::fix(&mut value, walk));
                body.schema = value;
            }
            _ if key.starts_with("x-") => {
                body.extensions.insert(key, value);
            }
            _ => {}
        }
    }
    if body.schema.is_null() {
        walk.warn("a body parameter needs a `schema`; the body is read as accepting any value");
        body.schema = Value::Object(Map::new());
    }
    body
}

fn form_field(mut map: Map<String, Value>, walk: &mut Walk) -> Option<FormField> {
    let Some(Value::String(name)) = map.shift_remove("name") else {
        walk.warn("a formData parameter needs a `name`; ignored");
        return None;
    };
    let required = map.get("required") == Some(&Value::Bool(true));
    let file = map.get("type").and_then(Value::as_str) == Some("file");
    let description = map.shift_remove("description");
    let (_, mut schema, _) = split(map, walk);
    if let (Some(description), Value::Object(schema)) = (description, &mut schema) {
        schema.insert("description".into(), description);
    }
    Some(FormField {
        name,
        required,
        file,
        schema,
    })
}

/// The request body of a 2.0 body parameter: its schema under each consumed media type.
fn body_request(body: Body, consumes: &[String]) -> (Value, Option<String>) {
    let mut request = Map::new();
    if let Some(description) = body.description {
        request.insert("description".into(), description);
    }
    let content = consumes
        .iter()
        .zip(copies(body.schema, consumes.len()))
        .map(|(media_type, schema)| {
            let mut media = Map::new();
            media.insert("schema".into(), schema);
            (media_type.clone(), Value::Object(media))
        })
        .collect();
    request.insert("content".into(), Value::Object(content));
    if body.required {
        request.insert("required".into(), Value::Bool(true));
    }
    request.extend(body.extensions);
    (Value::Object(request), body.name)
}

/// The request body of 2.0 formData parameters: one object schema, multipart when a file is
/// sent or the operation consumes multipart, URL-encoded otherwise.
fn form_request(fields: Vec<FormField>, consumes: &[String]) -> Value {
    let multipart = fields.iter().any(|field| field.file)
        || consumes
            .iter()
            .any(|media_type| media_type == "multipart/form-data");
    let media_type = if multipart {
        "multipart/form-data"
    } else {
        "application/x-www-form-urlencoded"
    };
    let mut properties = Map::new();
    let mut required = Vec::new();
    for field in fields {
        if field.required {
            required.push(Value::String(field.name.clone()));
        }
        properties.insert(field.name, field.schema);
    }
    let any_required = !required.is_empty();
    let mut schema = Map::new();
    schema.insert("type".into(), "object".into());
    schema.insert("properties".into(), Value::Object(properties));
    if any_required {
        schema.insert("required".into(), Value::Array(required));
    }
    let mut media = Map::new();
    media.insert("schema".into(), Value::Object(schema));
    let mut content = Map::new();
    content.insert(media_type.into(), Value::Object(media));
    let mut request = Map::new();
    request.insert("content".into(), Value::Object(content));
    if any_required {
        request.insert("required".into(), Value::Bool(true));
    }
    Value::Object(request)
}
