//! How IR types are spelled as proto field types.
//!
//! A proto field is a scalar, a message, `repeated` of one of those, or a `map<string, …>` of one
//! of those. Everything else the IR can say is brought to that shape here: a list of lists or of
//! maps, and a map of lists or of maps, go through a wrapper message (`StringList`,
//! `UserMap`, …) registered in [`Wrappers`] and written into `messages.proto`.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::names::{self, Scope};
use crate::ir::{Api, IntegerFormat, NumberFormat, StringFormat, Type, TypeId, TypeKind};

/// `google.protobuf.Timestamp`: `date-time` strings.
pub const TIMESTAMP: &str = "google.protobuf.Timestamp";
/// `google.protobuf.Struct`: free-form objects.
pub const STRUCT: &str = "google.protobuf.Struct";
/// `google.protobuf.Value`: free-form values.
pub const VALUE: &str = "google.protobuf.Value";

/// What a field's type needs imported in the file that holds it.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Uses {
    /// `google/protobuf/timestamp.proto`.
    pub timestamp: bool,
    /// `google/protobuf/struct.proto` (`Struct` and `Value`).
    pub structs: bool,
    /// A message or enum of the zone's `messages.proto`.
    pub local: bool,
}

impl Uses {
    /// Both sets of imports together.
    pub fn merge(&mut self, other: Uses) {
        self.timestamp |= other.timestamp;
        self.structs |= other.structs;
        self.local |= other.local;
    }
}

/// A type's name as a field writes it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TypeName {
    /// A scalar or a well-known type (`string`, `google.protobuf.Timestamp`).
    Builtin(&'static str),
    /// A message or enum of the zone's `messages.proto` (shared, since many fields name it).
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

/// The wrapper messages that lists and maps nested in lists and maps need, in the order they
/// were first needed.
#[derive(Debug, Default)]
pub struct Wrappers {
    by_shape: FxHashMap<(bool, TypeName), usize>,
    list: Vec<Wrapper>,
}

/// One wrapper message: `message StringList { repeated string values = 1; }`.
#[derive(Debug, Clone)]
pub struct Wrapper {
    /// The message name.
    pub name: Arc<str>,
    /// Its only field, `values`.
    pub shape: Shape,
    /// What the field needs imported.
    pub uses: Uses,
}

impl Wrappers {
    /// Every wrapper registered so far.
    pub fn into_list(self) -> Vec<Wrapper> {
        self.list
    }
}

/// Everything mapping a type needs: the API, the names of its messages and enums, the package's
/// name scope (for wrapper names) and the wrappers made so far.
pub struct Mapper<'a> {
    api: &'a Api,
    /// Message or enum name by [`TypeId`]; `None` for aliases that are written inline.
    type_names: &'a [Option<Arc<str>>],
    scope: &'a mut Scope,
    wrappers: &'a mut Wrappers,
}

impl<'a> Mapper<'a> {
    /// A mapper over `api` whose named types are called `type_names`.
    pub fn new(
        api: &'a Api,
        type_names: &'a [Option<Arc<str>>],
        scope: &'a mut Scope,
        wrappers: &'a mut Wrappers,
    ) -> Self {
        Mapper {
            api,
            type_names,
            scope,
            wrappers,
        }
    }

    /// The shape of a field of type `ty`, recording the imports it needs in `uses`.
    pub fn shape(&mut self, ty: &Type, uses: &mut Uses) -> Shape {
        match ty {
            Type::Nullable(inner) => self.shape(inner, uses),
            Type::List(item) => match self.shape(item, uses) {
                Shape::Single(single) => Shape::Repeated(single),
                nested => Shape::Repeated(self.wrap(nested, uses)),
            },
            Type::Map(value) if is_any(value) => {
                uses.structs = true;
                Shape::Single(well_known(STRUCT))
            }
            Type::Map(value) => match self.shape(value, uses) {
                Shape::Single(single) => Shape::Map(single),
                nested => Shape::Map(self.wrap(nested, uses)),
            },
            Type::Named(id) => self.named(*id, uses),
            other => Shape::Single(primitive(other, uses)),
        }
    }

    /// A type that fits where only one value may stand (a `oneof` member): lists and maps go
    /// through a wrapper message.
    pub fn single(&mut self, ty: &Type, uses: &mut Uses) -> Single {
        match self.shape(ty, uses) {
            Shape::Single(single) => single,
            nested => self.wrap(nested, uses),
        }
    }

    fn named(&mut self, id: TypeId, uses: &mut Uses) -> Shape {
        let def = self.api.type_def(id);
        match (&def.kind, &self.type_names[id.0]) {
            (TypeKind::Alias(target), None) => self.shape(target, uses),
            (kind, Some(name)) => {
                uses.local = true;
                Shape::Single(Single {
                    name: TypeName::Local(name.clone()),
                    scalar: matches!(kind, TypeKind::Enum(_)),
                })
            }
            (_, None) => panic!(
                "type {} has no proto name (only aliases may lack one)",
                def.name
            ),
        }
    }

    /// The wrapper message holding `shape` as its `values` field.
    fn wrap(&mut self, shape: Shape, uses: &mut Uses) -> Single {
        uses.local = true;
        let (is_map, element) = match &shape {
            Shape::Repeated(single) => (false, single),
            Shape::Map(single) => (true, single),
            Shape::Single(single) => return single.clone(),
        };
        let key = (is_map, element.name.clone());
        if let Some(&index) = self.wrappers.by_shape.get(&key) {
            return local_message(self.wrappers.list[index].name.clone());
        }
        let stem = element.name.as_str().rsplit('.').next().unwrap_or_default();
        let stem = names::pascal_name(stem, "Type");
        let suffix = if is_map { "Map" } else { "List" };
        let name: Arc<str> = self.scope.claim(format!("{stem}{suffix}")).into();
        let wrapper_uses = Uses {
            timestamp: element.name == TypeName::Builtin(TIMESTAMP),
            structs: matches!(element.name, TypeName::Builtin(STRUCT | VALUE)),
            local: matches!(element.name, TypeName::Local(_)),
        };
        self.wrappers.by_shape.insert(key, self.wrappers.list.len());
        self.wrappers.list.push(Wrapper {
            name: name.clone(),
            shape,
            uses: wrapper_uses,
        });
        local_message(name)
    }
}

/// A well-known message of `google.protobuf`.
fn well_known(name: &'static str) -> Single {
    Single {
        name: TypeName::Builtin(name),
        scalar: false,
    }
}

fn local_message(name: Arc<str>) -> Single {
    Single {
        name: TypeName::Local(name),
        scalar: false,
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
fn primitive(ty: &Type, uses: &mut Uses) -> Single {
    match ty {
        // `google.protobuf.Value` holds JSON `null` as its `null_value`.
        Type::Any | Type::Null => {
            uses.structs = true;
            well_known(VALUE)
        }
        Type::Boolean => scalar("bool"),
        Type::Integer(IntegerFormat::Int32) => scalar("int32"),
        Type::Integer(_) => scalar("int64"),
        Type::Number(NumberFormat::Float) => scalar("float"),
        Type::Number(_) => scalar("double"),
        Type::String(StringFormat::DateTime) => {
            uses.timestamp = true;
            well_known(TIMESTAMP)
        }
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
