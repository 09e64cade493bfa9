//! The language-neutral model of an API that every target reads.
//!
//! The IR is what lowering produces from a normalized document: every `$ref` is resolved to a
//! [`TypeId`], every inline object, enum or union is hoisted to a named [`TypeDef`] under a stable
//! name, and every operation has an id. Nothing here names a language: targets decide how a
//! [`TypeDef`] or an [`Operation`] is spelled.
//!
//! Order is the spec's order throughout (operations by path then method as written, types by
//! `components/schemas` then in the order inline schemas were met), so output that follows it is
//! deterministic and reads like the spec.

use serde_json::{Number, Value};

mod outcome;

pub use outcome::{Outcome, Statuses};

/// A whole API, ready for the targets.
#[derive(Debug, Clone, PartialEq)]
pub struct Api {
    /// `info.title`.
    pub title: String,
    /// `info.version`.
    pub version: String,
    /// `info.description`, if any.
    pub description: Option<String>,
    /// Server URLs from `servers` (variables substituted with their defaults), in spec order.
    pub servers: Vec<String>,
    /// Every named type: component schemas first, then hoisted inline schemas. Indexed by [`TypeId`].
    pub types: Vec<TypeDef>,
    /// Every operation, in spec order.
    pub operations: Vec<Operation>,
    /// Security schemes from `components/securitySchemes`, in spec order.
    pub security_schemes: Vec<SecurityScheme>,
}

impl Api {
    /// The type definition a [`TypeId`] points at.
    pub fn type_def(&self, id: TypeId) -> &TypeDef {
        &self.types[id.0]
    }

    /// Keeps the types `order` names (old ids), in that order, and renumbers every reference in
    /// types and operations; a reference to a type left out goes to the kept type `merged`
    /// names for it.
    ///
    /// # Panics
    /// When a kept type or an operation refers to a type left out that `merged` does not name,
    /// or names a type left out too (a broken invariant of the caller).
    pub fn reorder_types(&mut self, order: &[TypeId], merged: &[(TypeId, TypeId)]) {
        let mut position = vec![None; self.types.len()];
        for (new, old) in order.iter().enumerate() {
            position[old.0] = Some(TypeId(new));
        }
        for (old, into) in merged {
            position[old.0] = position[into.0];
        }
        let renumber = |id: TypeId| {
            position[id.0].unwrap_or_else(|| panic!("type {} is referred to but dropped", id.0))
        };
        let mut old_types: Vec<Option<TypeDef>> = std::mem::take(&mut self.types)
            .into_iter()
            .map(Some)
            .collect();
        self.types = order
            .iter()
            .filter_map(|old| old_types[old.0].take())
            .map(|mut def| {
                def.renumber(&renumber);
                def
            })
            .collect();
        for operation in &mut self.operations {
            operation.renumber(&renumber);
        }
    }

    /// The API with every request shape folded back into the type it was made from, for targets
    /// whose types serve both directions (proto3 fields are all optional). Borrowed when there
    /// is none.
    pub fn with_request_shapes_folded(&self) -> std::borrow::Cow<'_, Api> {
        let is_shape = |def: &TypeDef| matches!(def.origin, TypeOrigin::RequestShape { .. });
        if !self.types.iter().any(is_shape) {
            return std::borrow::Cow::Borrowed(self);
        }
        // Old id → new id: the kept types renumbered in order, each shape to its read type's.
        let mut kept = vec![TypeId(0); self.types.len()];
        let mut next = 0;
        for (old, def) in self.types.iter().enumerate() {
            if !is_shape(def) {
                kept[old] = TypeId(next);
                next += 1;
            }
        }
        let renumber = |id: TypeId| match self.type_def(id).origin {
            TypeOrigin::RequestShape { of } => kept[of.0],
            _ => kept[id.0],
        };
        let types = self.types.iter().filter(|def| !is_shape(def)).map(|def| {
            let mut def = def.clone();
            def.renumber(&renumber);
            def
        });
        let mut operations = self.operations.clone();
        for operation in &mut operations {
            operation.renumber(&renumber);
        }
        std::borrow::Cow::Owned(Api {
            title: self.title.clone(),
            version: self.version.clone(),
            description: self.description.clone(),
            servers: self.servers.clone(),
            types: types.collect(),
            operations,
            security_schemes: self.security_schemes.clone(),
        })
    }

    /// The security scheme with this key, if the spec declares it.
    pub fn security_scheme(&self, key: &str) -> Option<&SecurityScheme> {
        self.security_schemes.iter().find(|s| s.key == key)
    }
}

/// Index of a [`TypeDef`] in [`Api::types`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TypeId(pub usize);

/// A named type.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeDef {
    /// The name as the spec gives it (`components/schemas` key), or the stable name made up for a
    /// hoisted inline schema (see [`TypeOrigin`]). Targets turn it into an identifier.
    pub name: String,
    /// Where the schema came from.
    pub origin: TypeOrigin,
    /// `title` of the schema, if any.
    pub title: Option<String>,
    /// `description` of the schema, if any.
    pub description: Option<String>,
    /// What the type is.
    pub kind: TypeKind,
    /// What the schema demands of a value beyond its type; only ever set on an
    /// [`TypeKind::Alias`] (`Username: {type: string, maxLength: 150}`), so that every use of
    /// the alias is constrained alike.
    pub constraints: Constraints,
    /// `deprecated: true`.
    pub deprecated: bool,
}

impl TypeDef {
    /// Replaces every [`TypeId`] this definition refers to (its kind's and its origin's) by
    /// `renumber(id)`.
    pub fn renumber(&mut self, renumber: &impl Fn(TypeId) -> TypeId) {
        self.kind.renumber(renumber);
        if let TypeOrigin::RequestShape { of } = &mut self.origin {
            *of = renumber(*of);
        }
    }

    /// What documents the type: its description, else its title when that says more than the
    /// type's names (`title: "Pet"` on a schema named `Pet` says nothing). `generated_name` is
    /// the name a target gave the type.
    pub fn documentation(&self, generated_name: &str) -> Option<&str> {
        // Compared letter by letter, lower-cased, without what is not a letter or digit.
        fn squashed(text: &str) -> impl Iterator<Item = char> + '_ {
            text.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
        }
        if let Some(description) = self.description.as_deref() {
            return Some(description);
        }
        self.title.as_deref().filter(|title| {
            !squashed(title).eq(squashed(generated_name))
                && !squashed(title).eq(squashed(&self.name))
        })
    }
}

/// Where a named type came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeOrigin {
    /// A schema under `components/schemas` (or 2.0 `definitions`).
    Component,
    /// An inline schema hoisted out of the document; the JSON pointer of the schema.
    Inline {
        /// JSON pointer of the inline schema in the normalized document.
        pointer: String,
    },
    /// What a client sends of another type that reads differently than it is sent (it holds
    /// `readOnly` or required `writeOnly` properties, itself or in a type it holds): the
    /// read-only properties left out.
    RequestShape {
        /// The type as it is read, which this one was made from.
        of: TypeId,
    },
}

/// The shape of a named type.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeKind {
    /// An object with known properties (allOf members merged in).
    Struct(Struct),
    /// A closed set of string or integer values.
    Enum(Enum),
    /// `oneOf` / `anyOf`: one of several types.
    Union(Union),
    /// A name for another type (`UserIds: array of integer`, `Id: string`).
    Alias(Type),
}

impl TypeKind {
    /// Replaces every [`TypeId`] this definition refers to, discriminator mappings included,
    /// by `renumber(id)`.
    pub fn renumber(&mut self, renumber: &impl Fn(TypeId) -> TypeId) {
        match self {
            TypeKind::Struct(model) => {
                let fields = model.fields.iter_mut().map(|field| &mut field.ty);
                fields
                    .chain(&mut model.additional_properties)
                    .for_each(|ty| ty.renumber(renumber));
            }
            TypeKind::Union(union) => {
                union
                    .variants
                    .iter_mut()
                    .for_each(|ty| ty.renumber(renumber));
                let mapping = union.discriminator.iter_mut().flat_map(|d| &mut d.mapping);
                mapping.for_each(|(_, id)| *id = renumber(*id));
            }
            TypeKind::Alias(ty) => ty.renumber(renumber),
            TypeKind::Enum(_) => {}
        }
    }

    /// Calls `visit` for every named type this definition refers to: field types and
    /// additional properties of a struct, variants of a union, the target of an alias.
    pub fn for_each_named(&self, visit: &mut impl FnMut(TypeId)) {
        match self {
            TypeKind::Struct(model) => {
                for field in &model.fields {
                    field.ty.for_each_named(visit);
                }
                if let Some(additional) = &model.additional_properties {
                    additional.for_each_named(visit);
                }
            }
            TypeKind::Union(union) => union.variants.iter().for_each(|v| v.for_each_named(visit)),
            TypeKind::Alias(ty) => ty.for_each_named(visit),
            TypeKind::Enum(_) => {}
        }
    }
}

/// An object type.
#[derive(Debug, Clone, PartialEq)]
pub struct Struct {
    /// Properties in spec order (allOf members in order, then the schema's own).
    pub fields: Vec<Field>,
    /// `additionalProperties`: `None` when closed or unspecified, `Some(Type::Any)` for `true`.
    pub additional_properties: Option<Type>,
}

/// One property of a [`Struct`].
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The wire name, exactly as in the spec (may be `+1`, `@type`, `class`, …).
    pub name: String,
    /// The property's type; nullable properties are [`Type::Nullable`].
    pub ty: Type,
    /// Listed in `required`.
    pub required: bool,
    /// `description` (or the referenced schema's, if the property is a bare `$ref` without one).
    pub description: Option<String>,
    /// `default`, as JSON; only a value that fits the type (lowering drops others with a
    /// warning).
    pub default: Option<Value>,
    /// What the property's own schema demands of a value beyond its type. Constraints of a
    /// named alias the property refers to stay on that alias's [`TypeDef::constraints`].
    pub constraints: Constraints,
    /// `readOnly: true`.
    pub read_only: bool,
    /// `writeOnly: true`.
    pub write_only: bool,
    /// `deprecated: true`.
    pub deprecated: bool,
}

impl Field {
    /// The field's description, unless it only repeats the description of the named type the
    /// field refers to (lowering copies it onto bare `$ref` properties).
    pub fn own_description<'a>(&'a self, api: &'a Api) -> Option<&'a str> {
        let description = self.description.as_deref()?;
        let repeated = self
            .ty
            .named()
            .is_some_and(|id| api.type_def(id).description.as_deref() == Some(description));
        (!repeated).then_some(description)
    }
}

/// The validation keywords of a schema (JSON Schema's, as OpenAPI 3.0 spells them): what a
/// value must satisfy beyond its type. Each applies to values of one kind only (lengths and
/// `pattern` to strings, bounds and `multipleOf` to numbers, item counts to arrays); lowering
/// keeps them as the spec writes them and targets apply those that fit the type they spell.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Constraints {
    /// `minLength`: the fewest characters a string may have.
    pub min_length: Option<u64>,
    /// `maxLength`: the most characters a string may have.
    pub max_length: Option<u64>,
    /// `pattern`: a regular expression a string must match somewhere (it is not anchored).
    pub pattern: Option<Pattern>,
    /// `minimum` (with `exclusiveMinimum: true`, a strict bound).
    pub minimum: Option<Bound>,
    /// `maximum` (with `exclusiveMaximum: true`, a strict bound).
    pub maximum: Option<Bound>,
    /// `multipleOf`: a positive number every value is a multiple of.
    pub multiple_of: Option<Number>,
    /// `minItems`: the fewest items an array may have.
    pub min_items: Option<u64>,
    /// `maxItems`: the most items an array may have.
    pub max_items: Option<u64>,
}

impl Constraints {
    /// Whether the schema constrains nothing.
    pub fn is_empty(&self) -> bool {
        *self == Constraints::default()
    }
}

/// A lower or upper bound on a number.
#[derive(Debug, Clone, PartialEq)]
pub struct Bound {
    /// The limit, as the spec writes it (`1`, `0.5`).
    pub value: Number,
    /// Whether the limit itself is excluded (`exclusiveMinimum: true`).
    pub exclusive: bool,
}

/// A `pattern`, as the spec writes it (ECMA-262 syntax).
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    /// The regular expression.
    pub source: String,
    /// Whether a finite-automaton engine compiles it: no look-around, no backreference, and
    /// nothing else Rust's `regex` crate rejects. Engines of that kind (Rust's `regex`, which
    /// pydantic-core uses, RE2, Go's `regexp`) cannot check the others; lowering warns.
    pub regular: bool,
}

/// A set of values: closed for what the client sends; what it reads may hold a value the spec
/// does not list (a server newer than its spec), which targets keep, typed as unknown, in the
/// types the client reads (see [`Usage`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Enum {
    /// The values in spec order, duplicates removed.
    pub values: Vec<EnumValue>,
}

impl Enum {
    /// The one value of a one-value enum: a constant (`const`, or drf-spectacular's
    /// `BlankEnum = {enum: [""]}`, the "or blank" alternative of a choice field), which targets
    /// may spell as a literal type (`Literal[""]`) where it is a union's alternative.
    pub fn constant(&self) -> Option<&EnumLiteral> {
        match self.values.as_slice() {
            [only] => Some(&only.value),
            _ => None,
        }
    }

    /// Whether the values are integers (lowering makes an enum of strings or of integers).
    pub fn holds_integers(&self) -> bool {
        matches!(
            self.values.first().map(|value| &value.value),
            Some(EnumLiteral::Integer(_))
        )
    }
}

/// One value of an [`Enum`].
#[derive(Debug, Clone, PartialEq)]
pub struct EnumValue {
    /// The value on the wire.
    pub value: EnumLiteral,
    /// A name the spec gives it (`x-enum-varnames`, `x-enumNames`, or for integers
    /// drf-spectacular's description lines ``* `1` - Low``), if any.
    pub name: Option<String>,
    /// A description the spec gives it (`x-enum-descriptions`), if any.
    pub description: Option<String>,
}

/// The wire value of an [`EnumValue`].
#[derive(Debug, Clone, PartialEq)]
pub enum EnumLiteral {
    /// A string value.
    String(String),
    /// An integer value.
    Integer(i64),
}

/// One of several types.
#[derive(Debug, Clone, PartialEq)]
pub struct Union {
    /// The alternatives in spec order (a `null` alternative is not listed here: the union's users
    /// see [`Type::Nullable`] instead).
    pub variants: Vec<Type>,
    /// The discriminator, when the spec gives one.
    pub discriminator: Option<Discriminator>,
    /// `oneOf` (exactly one matches) or `anyOf` (one or more match).
    pub exclusive: bool,
}

/// How a [`Union`]'s variant is told apart on the wire.
#[derive(Debug, Clone, PartialEq)]
pub struct Discriminator {
    /// The property holding the tag.
    pub property: String,
    /// Tag value → variant, one entry per variant (explicit `mapping` first, then the implicit
    /// schema name for variants without an explicit entry), in variant order.
    pub mapping: Vec<(String, TypeId)>,
}

/// A use of a type: in a field, a parameter, a body, a response.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Type {
    /// Any JSON value (a schema without constraints).
    Any,
    /// `null` and nothing else (`type: null`, drf-spectacular's `NullEnum = {enum: [null]}`).
    Null,
    /// `boolean`.
    Boolean,
    /// `integer`, with its `format` (`int32`, `int64`, …) if any.
    Integer(IntegerFormat),
    /// `number`, with its `format` if any.
    Number(NumberFormat),
    /// `string`, with its `format` if any.
    String(StringFormat),
    /// Raw bytes (`format: binary`, `contentMediaType`, a file upload or download).
    Binary,
    /// A `multipart/form-data` field sent as a file or as text: a `format: uri` string of a body
    /// sent only as multipart (drf-spectacular at its defaults writes a `FileField` so, in
    /// requests too). Only request shapes hold it.
    FileOrText,
    /// A named type.
    Named(TypeId),
    /// `array`.
    List(Box<Type>),
    /// `object` with only `additionalProperties`: string keys to values of this type.
    Map(Box<Type>),
    /// The inner type or `null`.
    Nullable(Box<Type>),
}

impl Type {
    /// Replaces every [`TypeId`] this refers to, however deeply nested, by `renumber(id)`.
    pub fn renumber(&mut self, renumber: &impl Fn(TypeId) -> TypeId) {
        match self {
            Type::Named(id) => *id = renumber(*id),
            Type::List(inner) | Type::Map(inner) | Type::Nullable(inner) => {
                inner.renumber(renumber)
            }
            Type::Any
            | Type::Null
            | Type::Boolean
            | Type::Integer(_)
            | Type::Number(_)
            | Type::String(_)
            | Type::Binary
            | Type::FileOrText => {}
        }
    }

    /// The named type this is, looking through [`Type::Nullable`].
    pub fn named(&self) -> Option<TypeId> {
        match self {
            Type::Named(id) => Some(*id),
            Type::Nullable(inner) => inner.named(),
            _ => None,
        }
    }

    /// Calls `visit` for every named type this refers to, however deeply nested.
    pub fn for_each_named(&self, visit: &mut impl FnMut(TypeId)) {
        match self {
            Type::Named(id) => visit(*id),
            Type::List(inner) | Type::Map(inner) | Type::Nullable(inner) => {
                inner.for_each_named(visit)
            }
            _ => {}
        }
    }
}

/// `format` of an `integer`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IntegerFormat {
    /// No or an unknown format.
    Unspecified,
    /// `int32`.
    Int32,
    /// `int64`.
    Int64,
}

/// `format` of a `number`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NumberFormat {
    /// No or an unknown format.
    Unspecified,
    /// `float`.
    Float,
    /// `double`.
    Double,
}

/// `format` of a `string` that targets may type more precisely.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StringFormat {
    /// No format, or one no target types specially.
    Plain,
    /// `date-time` (RFC 3339).
    DateTime,
    /// `date` (RFC 3339 full-date).
    Date,
    /// `uuid`.
    Uuid,
    /// `byte`: base64-encoded bytes in a JSON string.
    Byte,
    /// `uri`: targets spell it as plain text; lowering tells it apart for
    /// [`Type::FileOrText`].
    Uri,
}

impl StringFormat {
    /// Whether targets spell the string as plain text (no format, or `uri`).
    pub fn is_plain(self) -> bool {
        matches!(self, StringFormat::Plain | StringFormat::Uri)
    }
}

/// One HTTP operation.
#[derive(Debug, Clone, PartialEq)]
pub struct Operation {
    /// `operationId`, or a stable one made from method and path when the spec gives none
    /// (`get /users/{id}` → `get_users_id`); unique across the API (collisions get `_2`, `_3`, …
    /// in spec order).
    pub id: String,
    /// Whether [`Operation::id`] came from the spec.
    pub id_from_spec: bool,
    /// The HTTP method.
    pub method: Method,
    /// The path template as in the spec (`/users/{user_id}`).
    pub path: String,
    /// `summary`.
    pub summary: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// `tags`, in spec order.
    pub tags: Vec<String>,
    /// Path-level and operation-level parameters merged (operation wins), in spec order, path
    /// parameters in the order they appear in the template first.
    pub parameters: Vec<Parameter>,
    /// The request body, if any.
    pub body: Option<RequestBody>,
    /// Documented responses in spec order.
    pub responses: Vec<Response>,
    /// Security requirements: any one alternative satisfies; each alternative needs all of its
    /// schemes. Empty means no auth. Already resolved from the document-level default.
    pub security: Vec<Vec<String>>,
    /// `deprecated: true`.
    pub deprecated: bool,
}

impl Operation {
    /// Replaces every [`TypeId`] the parameters, bodies and responses refer to by
    /// `renumber(id)`.
    pub fn renumber(&mut self, renumber: &impl Fn(TypeId) -> TypeId) {
        let bodies = self.body.iter_mut().flat_map(|body| &mut body.content);
        let responses = self
            .responses
            .iter_mut()
            .flat_map(|response| &mut response.content);
        let parameters = self.parameters.iter_mut().map(|p| &mut p.ty);
        parameters
            .chain(bodies.chain(responses).map(|content| &mut content.ty))
            .for_each(|ty| ty.renumber(renumber));
    }
}

/// An HTTP method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Method {
    /// GET
    Get,
    /// PUT
    Put,
    /// POST
    Post,
    /// DELETE
    Delete,
    /// OPTIONS
    Options,
    /// HEAD
    Head,
    /// PATCH
    Patch,
    /// TRACE
    Trace,
}

impl Method {
    /// The method in upper case, as sent on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Put => "PUT",
            Method::Post => "POST",
            Method::Delete => "DELETE",
            Method::Options => "OPTIONS",
            Method::Head => "HEAD",
            Method::Patch => "PATCH",
            Method::Trace => "TRACE",
        }
    }

    /// The method for a lower-case path-item key (`get`, `post`, …).
    pub fn from_key(key: &str) -> Option<Method> {
        Some(match key {
            "get" => Method::Get,
            "put" => Method::Put,
            "post" => Method::Post,
            "delete" => Method::Delete,
            "options" => Method::Options,
            "head" => Method::Head,
            "patch" => Method::Patch,
            "trace" => Method::Trace,
            _ => return None,
        })
    }
}

/// One parameter of an operation.
#[derive(Debug, Clone, PartialEq)]
pub struct Parameter {
    /// The wire name.
    pub name: String,
    /// Where it goes.
    pub location: ParameterLocation,
    /// Its type.
    pub ty: Type,
    /// `required` (always true for path parameters).
    pub required: bool,
    /// `description`.
    pub description: Option<String>,
    /// `default`, as JSON; only a value that fits the type (lowering drops others with a
    /// warning).
    pub default: Option<Value>,
    /// What the parameter's schema demands of a value beyond its type.
    pub constraints: Constraints,
    /// `style` (the location's default when absent).
    pub style: ParameterStyle,
    /// `explode` (the style's default when absent).
    pub explode: bool,
    /// `deprecated: true`.
    pub deprecated: bool,
}

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ParameterLocation {
    /// In the path template.
    Path,
    /// In the query string.
    Query,
    /// In a request header.
    Header,
    /// In a cookie.
    Cookie,
}

/// `style` of a parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ParameterStyle {
    /// `simple` (path and header default).
    Simple,
    /// `form` (query and cookie default).
    Form,
    /// `label`.
    Label,
    /// `matrix`.
    Matrix,
    /// `spaceDelimited`.
    SpaceDelimited,
    /// `pipeDelimited`.
    PipeDelimited,
    /// `deepObject`.
    DeepObject,
}

impl ParameterStyle {
    /// The style as the spec spells it (`deepObject`).
    pub fn as_str(self) -> &'static str {
        match self {
            ParameterStyle::Simple => "simple",
            ParameterStyle::Form => "form",
            ParameterStyle::Label => "label",
            ParameterStyle::Matrix => "matrix",
            ParameterStyle::SpaceDelimited => "spaceDelimited",
            ParameterStyle::PipeDelimited => "pipeDelimited",
            ParameterStyle::DeepObject => "deepObject",
        }
    }
}

/// A request body.
#[derive(Debug, Clone, PartialEq)]
pub struct RequestBody {
    /// `required`.
    pub required: bool,
    /// `description`.
    pub description: Option<String>,
    /// One entry per media type, in spec order.
    pub content: Vec<Content>,
}

impl RequestBody {
    /// The content a client should send: JSON first, then multipart, then form, then the first.
    pub fn preferred(&self) -> Option<&Content> {
        preferred_content(
            &self.content,
            &[
                MediaKind::Json,
                MediaKind::Multipart,
                MediaKind::Form,
                MediaKind::Text,
                MediaKind::Binary,
            ],
        )
    }
}

/// A documented response.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    /// The status it documents.
    pub status: Status,
    /// `description`.
    pub description: Option<String>,
    /// One entry per media type, in spec order; empty when the response has no body.
    pub content: Vec<Content>,
}

impl Response {
    /// The content a client should expect: JSON first, then text, then binary, then the first.
    pub fn preferred(&self) -> Option<&Content> {
        preferred_content(
            &self.content,
            &[
                MediaKind::Json,
                MediaKind::Text,
                MediaKind::Binary,
                MediaKind::Form,
                MediaKind::Multipart,
            ],
        )
    }
}

fn preferred_content<'a>(content: &'a [Content], order: &[MediaKind]) -> Option<&'a Content> {
    order
        .iter()
        .find_map(|kind| content.iter().find(|c| c.kind == *kind))
        .or_else(|| content.first())
}

/// The status a [`Response`] documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// One code (`200`).
    Code(u16),
    /// A class (`2XX` → `Range(2)`).
    Range(u8),
    /// `default`: every status not documented otherwise.
    Default,
}

impl Status {
    /// Whether this status is a success (2xx).
    pub fn is_success(self) -> bool {
        match self {
            Status::Code(code) => (200..300).contains(&code),
            Status::Range(class) => class == 2,
            Status::Default => false,
        }
    }
}

/// A body in one media type.
#[derive(Debug, Clone, PartialEq)]
pub struct Content {
    /// The media type as the spec writes it (`application/vnd.github+json`).
    pub media_type: String,
    /// What kind of encoding the media type means.
    pub kind: MediaKind,
    /// The body's type (`Type::Binary` for a raw upload or download, `Type::Any` when the spec
    /// gives no schema).
    pub ty: Type,
}

/// The encoding family of a media type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MediaKind {
    /// `application/json`, `*/*+json`, `application/*json*`.
    Json,
    /// `multipart/form-data` (and other `multipart/*`).
    Multipart,
    /// `application/x-www-form-urlencoded`.
    Form,
    /// `text/*`.
    Text,
    /// Anything else: `application/octet-stream`, `image/png`, `*/*`, …
    Binary,
}

impl MediaKind {
    /// The kind of a media type string (parameters like `; charset=utf-8` are ignored).
    pub fn of(media_type: &str) -> MediaKind {
        let essence = media_type
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        if essence == "application/json" || essence.ends_with("+json") || essence.ends_with("/json")
        {
            MediaKind::Json
        } else if essence.starts_with("multipart/") {
            MediaKind::Multipart
        } else if essence == "application/x-www-form-urlencoded" {
            MediaKind::Form
        } else if essence.starts_with("text/") {
            MediaKind::Text
        } else {
            MediaKind::Binary
        }
    }
}

/// A security scheme from `components/securitySchemes`.
#[derive(Debug, Clone, PartialEq)]
pub struct SecurityScheme {
    /// The key under `securitySchemes`, as operations' `security` name it.
    pub key: String,
    /// What credentials it takes and where they go.
    pub kind: SecuritySchemeKind,
    /// `description`.
    pub description: Option<String>,
}

/// How a security scheme sends credentials.
#[derive(Debug, Clone, PartialEq)]
pub enum SecuritySchemeKind {
    /// `http` / `bearer`, and `oauth2` / `openIdConnect` (a bearer token is sent).
    Bearer {
        /// The flow kind, for documentation: `http`, `oauth2` or `openIdConnect`.
        via: BearerVia,
        /// The oauth2 token URL, when the spec gives one (password or client-credentials flow).
        token_url: Option<String>,
    },
    /// `http` / `basic`.
    Basic,
    /// `apiKey`.
    ApiKey {
        /// Where the key goes.
        location: ApiKeyLocation,
        /// The header, query parameter or cookie name.
        name: String,
    },
}

/// Which scheme type a bearer token stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BearerVia {
    /// `type: http, scheme: bearer`.
    Http,
    /// `type: oauth2`.
    OAuth2,
    /// `type: openIdConnect`.
    OpenIdConnect,
}

/// Where an api key goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiKeyLocation {
    /// A request header.
    Header,
    /// A query parameter.
    Query,
    /// A cookie.
    Cookie,
}

/// The directions each type of the API travels, by [`TypeId`]: what the client sends (so only
/// listed enum values are accepted there) and what it reads (so an unlisted enum value must not
/// fail a response). Targets derive what they need from it: Rust derives `Serialize` only for
/// sent types and `Deserialize` only for received ones; Python and TypeScript keep unknown enum
/// values in the types the client reads.
#[derive(Debug)]
pub struct Usage {
    sent: Vec<bool>,
    received: Vec<bool>,
}

impl Usage {
    /// Marks every type reachable from a parameter or the sent request body as sent, and every
    /// type reachable from a JSON response body (success or error) as received.
    pub fn of(api: &Api) -> Usage {
        let mut sent = vec![false; api.types.len()];
        let mut received = vec![false; api.types.len()];
        for operation in &api.operations {
            for parameter in &operation.parameters {
                mark(api, &mut sent, &parameter.ty);
            }
            let body = operation.body.as_ref().and_then(|body| body.preferred());
            if let Some(content) = body.filter(|content| {
                matches!(
                    content.kind,
                    MediaKind::Json | MediaKind::Form | MediaKind::Multipart
                )
            }) {
                mark(api, &mut sent, &content.ty);
            }
            for response in &operation.responses {
                let content = response.preferred();
                if let Some(content) = content.filter(|content| content.kind == MediaKind::Json) {
                    mark(api, &mut received, &content.ty);
                }
            }
        }
        Usage { sent, received }
    }

    /// Whether the client sends values of `id`.
    pub fn is_sent(&self, id: TypeId) -> bool {
        self.sent.get(id.0).copied().unwrap_or(false)
    }

    /// Whether the client receives values of `id`.
    pub fn is_received(&self, id: TypeId) -> bool {
        self.received.get(id.0).copied().unwrap_or(false)
    }
}

/// Marks the types `ty` names, and everything they reach, in `seen`.
fn mark(api: &Api, seen: &mut [bool], ty: &Type) {
    let mut stack = Vec::new();
    named(ty, &mut stack);
    while let Some(id) = stack.pop() {
        match seen.get_mut(id.0) {
            Some(flag) if !*flag => *flag = true,
            _ => continue,
        }
        match &api.type_def(id).kind {
            TypeKind::Struct(body) => {
                for field in &body.fields {
                    named(&field.ty, &mut stack);
                }
                if let Some(extra) = &body.additional_properties {
                    named(extra, &mut stack);
                }
            }
            TypeKind::Union(union) => {
                for variant in &union.variants {
                    named(variant, &mut stack);
                }
                if let Some(discriminator) = &union.discriminator {
                    stack.extend(discriminator.mapping.iter().map(|(_, id)| *id));
                }
            }
            TypeKind::Alias(ty) => named(ty, &mut stack),
            TypeKind::Enum(_) => {}
        }
    }
}

/// Pushes the type named by `ty`, through lists, maps and nullables, onto `stack`.
fn named(ty: &Type, stack: &mut Vec<TypeId>) {
    match ty {
        Type::Named(id) => stack.push(*id),
        Type::List(inner) | Type::Map(inner) | Type::Nullable(inner) => named(inner, stack),
        _ => {}
    }
}
