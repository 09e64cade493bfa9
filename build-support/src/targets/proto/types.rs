//! How IR types are spelled as proto field types, so that protobuf's JSON mapping reads the JSON
//! the spec describes.
//!
//! A proto field is a scalar, a message, `repeated` of one of those, or a `map<string, …>` of one
//! of those. Everything else the IR can say is brought to that shape here, choosing what
//! `google.protobuf.util.JsonStringToMessage` (Python's `json_format.Parse`) reads from the REST
//! JSON: a list or map inside a list or map is a `google.protobuf.ListValue` or `Struct`, an
//! element or map value that may be `null` is a `google.protobuf.Value` (a repeated or map field
//! cannot hold `null`), and a union is a message with the fields of all its variants when every
//! variant is an object, the one scalar all its variants are (`string`, …), or else a
//! `google.protobuf.Value`. A message wrapping a `oneof` or a list would want the JSON to hold
//! an object keyed by the variant's or wrapper's field name, which no REST API sends.

use std::sync::Arc;

use rustc_hash::FxHashSet;

use crate::ir::{Api, IntegerFormat, NumberFormat, StringFormat, Type, TypeId, TypeKind, Union};

/// `google.protobuf.Timestamp`: `date-time` strings.
pub const TIMESTAMP: &str = "google.protobuf.Timestamp";
/// `google.protobuf.Struct`: free-form objects, and maps inside lists or maps.
pub const STRUCT: &str = "google.protobuf.Struct";
/// `google.protobuf.Value`: free-form values, unions of unlike variants, nullable elements.
pub const VALUE: &str = "google.protobuf.Value";
/// `google.protobuf.ListValue`: lists inside lists or maps.
pub const LIST_VALUE: &str = "google.protobuf.ListValue";

/// What a field's type needs imported in the file that holds it.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Uses {
    /// `google/protobuf/timestamp.proto`.
    pub timestamp: bool,
    /// `google/protobuf/struct.proto` (`Struct`, `Value` and `ListValue`).
    pub structs: bool,
    /// A message or enum of the zone's `messages.proto`.
    pub local: bool,
    /// `google/api/annotations.proto` (an rpc's `google.api.http` rule).
    pub http: bool,
}

impl Uses {
    /// Both sets of imports together.
    pub fn merge(&mut self, other: Uses) {
        self.timestamp |= other.timestamp;
        self.structs |= other.structs;
        self.local |= other.local;
        self.http |= other.http;
    }

    /// Records what a field of type `single` needs.
    fn add(&mut self, single: &Single) {
        match &single.name {
            TypeName::Builtin(TIMESTAMP) => self.timestamp = true,
            TypeName::Builtin(STRUCT | VALUE | LIST_VALUE) => self.structs = true,
            TypeName::Builtin(_) => {}
            TypeName::Local(_) => self.local = true,
        }
    }
}

/// A type's name as a field writes it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TypeName {
    /// A scalar or a well-known type (`string`, `google.protobuf.Timestamp`).
    Builtin(&'static str),
    /// A message or enum of the zone's `messages.proto` (`User`, `Role.Value`), shared, since
    /// many fields name it.
    Local(Arc<str>),
}

impl TypeName {
    /// The name as written.
    pub fn as_str(&self) -> &str {
        match self {
            TypeName::Builtin(name) => name,
            TypeName::Local(name) => name,
        }
    }
}

/// A proto type that can stand alone in a field: a scalar, an enum or a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Single {
    /// The type's name.
    pub name: TypeName,
    /// Whether the type has no presence of its own (scalars and enums), so that an optional
    /// field of it needs the `optional` label.
    pub scalar: bool,
}

/// The shape a field takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// One value.
    Single(Single),
    /// `repeated T`.
    Repeated(Single),
    /// `map<string, T>`.
    Map(Single),
}

/// What a use of a named type writes.
#[derive(Debug, Clone)]
pub enum Spelling {
    /// Nothing of its own: an alias, written as the type it names wherever it is used.
    Inline,
    /// A message or enum of the zone, a scalar or a well-known type.
    Is(Single),
}

/// How a union is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnionForm {
    /// Every variant is an object: a message holding the fields of all of them (these structs,
    /// in variant order), which reads whichever variant the JSON holds.
    Merged(Vec<TypeId>),
    /// Every variant is text, or a number, or a boolean: that scalar.
    Scalar(&'static str),
    /// Anything else: `google.protobuf.Value`.
    Value,
}

/// What one variant of a union is, seen through aliases, nullability and nested unions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Variant {
    Object(TypeId),
    Text,
    Integer,
    Number,
    Boolean,
    Other,
}

/// How `union` is written (see [`UnionForm`]).
pub fn union_form(api: &Api, union: &Union) -> UnionForm {
    let mut variants = Vec::new();
    let mut visited = FxHashSet::default();
    for variant in &union.variants {
        flatten(api, variant, &mut variants, &mut visited);
    }
    if variants.is_empty() || variants.contains(&Variant::Other) {
        return UnionForm::Value;
    }
    let objects: Vec<TypeId> = variants
        .iter()
        .filter_map(|variant| match variant {
            Variant::Object(id) => Some(*id),
            _ => None,
        })
        .collect();
    if objects.len() == variants.len() {
        let mut seen = FxHashSet::default();
        return UnionForm::Merged(objects.into_iter().filter(|id| seen.insert(*id)).collect());
    }
    if !objects.is_empty() {
        return UnionForm::Value;
    }
    let all = |kinds: &[Variant]| variants.iter().all(|variant| kinds.contains(variant));
    if all(&[Variant::Text]) {
        UnionForm::Scalar("string")
    } else if all(&[Variant::Integer]) {
        UnionForm::Scalar("int64")
    } else if all(&[Variant::Integer, Variant::Number]) {
        UnionForm::Scalar("double")
    } else if all(&[Variant::Boolean]) {
        UnionForm::Scalar("bool")
    } else {
        UnionForm::Value
    }
}

fn flatten(api: &Api, ty: &Type, out: &mut Vec<Variant>, visited: &mut FxHashSet<TypeId>) {
    let variant = match ty {
        Type::Nullable(inner) => return flatten(api, inner, out, visited),
        Type::Named(id) => match &api.type_def(*id).kind {
            TypeKind::Struct(_) => Variant::Object(*id),
            TypeKind::Enum(enumeration) if enumeration.holds_integers() => Variant::Integer,
            TypeKind::Enum(_) => Variant::Text,
            TypeKind::Union(union) => {
                if visited.insert(*id) {
                    for variant in &union.variants {
                        flatten(api, variant, out, visited);
                    }
                    return;
                }
                Variant::Other
            }
            TypeKind::Alias(target) => {
                if visited.insert(*id) {
                    return flatten(api, target, out, visited);
                }
                Variant::Other
            }
        },
        Type::String(_) => Variant::Text,
        Type::Integer(_) => Variant::Integer,
        Type::Number(_) => Variant::Number,
        Type::Boolean => Variant::Boolean,
        Type::Any | Type::Null | Type::Binary | Type::FileOrText | Type::List(_) | Type::Map(_) => {
            Variant::Other
        }
    };
    out.push(variant);
}

/// What an alias that refers to itself (`Tree: array of Tree`) is written as: it cannot be
/// written inline, and a message wrapping it would not read its JSON.
pub fn self_referencing_alias(target: &Type) -> Single {
    match target {
        Type::Nullable(inner) => self_referencing_alias(inner),
        Type::List(_) => well_known(LIST_VALUE),
        Type::Map(_) => well_known(STRUCT),
        _ => well_known(VALUE),
    }
}

/// Maps the API's types to field shapes, given how each named type is spelled.
pub struct Mapper<'a> {
    api: &'a Api,
    /// By [`TypeId`].
    spellings: &'a [Spelling],
}

impl<'a> Mapper<'a> {
    /// A mapper over `api` whose named types are spelled `spellings`.
    pub fn new(api: &'a Api, spellings: &'a [Spelling]) -> Self {
        Mapper { api, spellings }
    }

    /// The shape of a field of type `ty`, recording the imports it needs in `uses`.
    pub fn shape(&self, ty: &Type, uses: &mut Uses) -> Shape {
        match ty {
            Type::Nullable(inner) => self.shape(inner, uses),
            Type::List(item) => Shape::Repeated(self.element(item, uses)),
            Type::Map(value) if is_any(value) => {
                uses.structs = true;
                Shape::Single(well_known(STRUCT))
            }
            Type::Map(value) => Shape::Map(self.element(value, uses)),
            Type::Named(id) => self.named(*id, uses),
            other => {
                let single = primitive(other);
                uses.add(&single);
                Shape::Single(single)
            }
        }
    }

    /// The type of one element of a list or value of a map: what the JSON there reads into. A
    /// list is a `ListValue` and a map a `Struct` (protobuf nests neither directly), and a value
    /// that may be `null` a `Value` (a repeated or map field cannot hold `null`).
    fn element(&self, ty: &Type, uses: &mut Uses) -> Single {
        let mut inner = Uses::default();
        let single = match self.shape(ty, &mut inner) {
            Shape::Single(single) if single.name == TypeName::Builtin(VALUE) => single,
            Shape::Single(_) if self.may_be_null(ty) => well_known(VALUE),
            Shape::Single(single) => single,
            Shape::Repeated(_) => well_known(LIST_VALUE),
            Shape::Map(_) => well_known(STRUCT),
        };
        if matches!(single.name, TypeName::Builtin(STRUCT | VALUE | LIST_VALUE)) {
            uses.structs = true;
        } else {
            uses.merge(inner);
        }
        single
    }

    /// Whether a value of `ty` may be JSON `null`.
    fn may_be_null(&self, ty: &Type) -> bool {
        match ty {
            Type::Nullable(_) | Type::Null | Type::Any => true,
            Type::Named(id) => match (&self.spellings[id.0], &self.api.type_def(*id).kind) {
                (Spelling::Inline, TypeKind::Alias(target)) => self.may_be_null(target),
                _ => false,
            },
            _ => false,
        }
    }

    fn named(&self, id: TypeId, uses: &mut Uses) -> Shape {
        match &self.spellings[id.0] {
            Spelling::Is(single) => {
                uses.add(single);
                Shape::Single(single.clone())
            }
            Spelling::Inline => match &self.api.type_def(id).kind {
                TypeKind::Alias(target) => self.shape(target, uses),
                _ => panic!(
                    "type {} is written inline (only aliases may be)",
                    self.api.type_def(id).name
                ),
            },
        }
    }
}

/// A well-known message of `google.protobuf`.
pub fn well_known(name: &'static str) -> Single {
    Single {
        name: TypeName::Builtin(name),
        scalar: false,
    }
}

/// A message or enum of the zone.
pub fn local(name: Arc<str>, scalar: bool) -> Single {
    Single {
        name: TypeName::Local(name),
        scalar,
    }
}

/// A proto scalar type (`string`, `int64`, …).
pub fn scalar(name: &'static str) -> Single {
    Single {
        name: TypeName::Builtin(name),
        scalar: true,
    }
}

fn is_any(ty: &Type) -> bool {
    match ty {
        Type::Any | Type::Null => true,
        Type::Nullable(inner) => is_any(inner),
        _ => false,
    }
}

/// A type that is neither named, nor a list, map or nullable.
fn primitive(ty: &Type) -> Single {
    match ty {
        // `google.protobuf.Value` holds JSON `null` as its `null_value`.
        Type::Any | Type::Null => well_known(VALUE),
        Type::Boolean => scalar("bool"),
        Type::Integer(IntegerFormat::Int32) => scalar("int32"),
        Type::Integer(_) => scalar("int64"),
        Type::Number(NumberFormat::Float) => scalar("float"),
        Type::Number(_) => scalar("double"),
        Type::String(StringFormat::DateTime) => well_known(TIMESTAMP),
        Type::String(StringFormat::Byte) | Type::Binary | Type::FileOrText => scalar("bytes"),
        Type::String(_) => scalar("string"),
        Type::Named(_) | Type::List(_) | Type::Map(_) | Type::Nullable(_) => {
            panic!("primitive() is only called on primitive types")
        }
    }
}

/// Whether `ty`, wherever it is nested, holds raw bytes of a file.
pub fn holds_binary(ty: &Type) -> bool {
    match ty {
        Type::Binary => true,
        Type::List(inner) | Type::Nullable(inner) => holds_binary(inner),
        _ => false,
    }
}
