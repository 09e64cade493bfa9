//! The view of `messages.proto`: one message per object or union schema, one enum per enum
//! schema, the wrapper messages nested lists and maps need; and the message and field shapes
//! `service.proto` shares.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::Arc;

use super::escape;
use super::lock::{Assigned, Zone};
use super::names::{self, Candidate, Scope, Style};
use super::types::{self, Mapper, Shape, TypeName, Uses, Wrapper};
use crate::Error;
use crate::ir::{Api, EnumLiteral, Struct, Type, TypeDef, TypeId, TypeKind, Union};
use crate::targets::parallel;

/// A definition of `messages.proto`, in spec order.
#[derive(Debug)]
pub enum Definition {
    /// A `message`.
    Message(Message),
    /// An `enum`.
    Enum(Enum),
}

/// One message.
#[derive(Debug)]
pub struct Message {
    /// The message name.
    pub name: String,
    /// Comment lines above it.
    pub doc: String,
    /// `option deprecated = true;`.
    pub deprecated: bool,
    /// Its fields, in spec order.
    pub fields: Vec<Field>,
    /// The members of its `oneof` (union messages), written after `fields`.
    pub oneof: Option<Oneof>,
    /// `reserved` numbers, comma-separated; empty when none.
    pub reserved_numbers: String,
    /// `reserved` names, quoted and comma-separated; empty when none.
    pub reserved_names: String,
}

/// The one `oneof` of a union message.
#[derive(Debug)]
pub struct Oneof {
    /// The oneof's name.
    pub name: String,
    /// One field per distinct variant type.
    pub fields: Vec<Field>,
}

/// One field of a message.
#[derive(Debug)]
pub struct Field {
    /// The field name (shared with the lock entry that numbers it).
    pub name: Arc<str>,
    /// `optional `, `repeated ` or nothing.
    pub label: &'static str,
    /// The type (a map's is written `map<string, T>`).
    pub shape: Shape,
    /// The field number, from the lock.
    pub number: u32,
    /// ` [deprecated = true]` or nothing.
    pub options: &'static str,
    /// Comment lines above it.
    pub doc: String,
    /// A comment after it (the wire name when it differs), if any.
    pub note: Option<String>,
}

impl Field {
    /// A field of `shape`; `optional` tells whether a scalar may be absent.
    pub fn new(name: Arc<str>, shape: Shape, optional: bool) -> Field {
        let label = match &shape {
            Shape::Single(single) if single.scalar && optional => "optional ",
            Shape::Single(_) | Shape::Map(_) => "",
            Shape::Repeated(_) => "repeated ",
        };
        Field {
            name,
            label,
            shape,
            number: 0,
            options: "",
            doc: String::new(),
            note: None,
        }
    }

    /// The same field, marked deprecated when `deprecated`.
    pub fn deprecated(mut self, deprecated: bool) -> Field {
        if deprecated {
            self.options = " [deprecated = true]";
        }
        self
    }
}

impl Message {
    /// A message without fields yet.
    pub fn new(name: String, doc: String) -> Message {
        Message {
            name,
            doc,
            deprecated: false,
            fields: Vec::new(),
            oneof: None,
            reserved_numbers: String::new(),
            reserved_names: String::new(),
        }
    }

    /// Gives every field its number from the lock, and writes what the lock retired as
    /// `reserved`.
    pub fn number(&mut self, zone: &mut Zone) -> Result<(), Error> {
        let oneof_fields = self.oneof.as_ref().map_or(&[][..], |o| &o.fields);
        let members: Vec<Arc<str>> = self
            .fields
            .iter()
            .chain(oneof_fields)
            .map(|f| Arc::clone(&f.name))
            .collect();
        let Assigned { numbers, reserved } = zone.message(&self.name, &members)?;
        let oneof_fields = self.oneof.as_mut().map_or(&mut [][..], |o| &mut o.fields);
        for (field, number) in self.fields.iter_mut().chain(oneof_fields).zip(numbers) {
            field.number = number;
        }
        (self.reserved_numbers, self.reserved_names) = reserved_lists(&reserved);
        Ok(())
    }
}

/// One enum.
#[derive(Debug)]
pub struct Enum {
    /// The enum name.
    pub name: String,
    /// Comment lines above it.
    pub doc: String,
    /// The zero value, `<ENUM>_UNSPECIFIED`.
    pub zero: Arc<str>,
    /// The spec's values, in spec order.
    pub values: Vec<EnumValue>,
    /// `reserved` numbers, comma-separated; empty when none.
    pub reserved_numbers: String,
    /// `reserved` names, quoted and comma-separated; empty when none.
    pub reserved_names: String,
}

/// One value of an enum.
#[derive(Debug)]
pub struct EnumValue {
    /// The value name (`KIND_A_B`), shared with the lock entry that numbers it.
    pub name: Arc<str>,
    /// Its number, from the lock.
    pub number: u32,
    /// The wire value, for the comment after it (`"a-b"`, `1`).
    pub wire: String,
    /// Comment lines above it.
    pub doc: String,
}

impl Enum {
    /// Gives every value its number from the lock, and writes what the lock retired as
    /// `reserved`.
    fn number(&mut self, zone: &mut Zone) -> Result<(), Error> {
        let members: Vec<Arc<str>> = self.values.iter().map(|v| Arc::clone(&v.name)).collect();
        let Assigned { numbers, reserved } = zone.enumeration(&self.name, &members)?;
        for (value, number) in self.values.iter_mut().zip(numbers) {
            value.number = number;
        }
        (self.reserved_numbers, self.reserved_names) = reserved_lists(&reserved);
        Ok(())
    }
}

impl Definition {
    /// Numbers the definition's fields or values from the lock.
    pub fn number(&mut self, zone: &mut Zone) -> Result<(), Error> {
        match self {
            Definition::Message(message) => message.number(zone),
            Definition::Enum(enumeration) => enumeration.number(zone),
        }
    }
}

fn reserved_lists(reserved: &[(Arc<str>, u32)]) -> (String, String) {
    if reserved.is_empty() {
        return (String::new(), String::new());
    }
    let numbers: Vec<String> = reserved.iter().map(|(_, n)| n.to_string()).collect();
    let names: Vec<String> = reserved
        .iter()
        .map(|(name, _)| format!("\"{name}\""))
        .collect();
    (numbers.join(", "), names.join(", "))
}

/// What a type's definition takes from the spec alone, before any name is claimed: the casing,
/// key hashing and comment escaping that are most of the work on a big spec. [`prepare`] works
/// it out for every type on two threads; [`type_names`] and [`definitions`] then use it in type
/// order.
#[derive(Debug)]
pub struct Prepared {
    /// The PascalCase name to claim, for a type written as a message or enum; `None` for an
    /// alias written inline where it is used.
    name: Option<Candidate>,
    /// Whether [`type_names`] gave the type that name as it was (no number added): enum value
    /// names made from it hold then.
    name_kept: bool,
    /// The type's comment.
    doc: String,
    /// Per struct field, the snake_case name to claim and the comment; per enum value, the
    /// value name to claim (the enum's prefix, `_`, the value's suffix) and the comment.
    members: Vec<(Candidate, String)>,
    /// Per enum value, the wire value for the comment after it (`"a-b"`, `1`).
    wires: Vec<String>,
    /// For an enum, the length of its values' prefix (from the unclaimed name).
    prefix_len: usize,
    /// For an enum, its zero value `<ENUM>_UNSPECIFIED` (from the unclaimed name).
    zero: Option<Candidate>,
}

/// The [`Prepared`] part of every type's definition, in type order.
pub fn prepare(api: &Api) -> Vec<Prepared> {
    let cyclic = cyclic_aliases(api);
    let field_names = FieldNames::of(api);
    let types: Vec<(&TypeDef, bool)> = api.types.iter().zip(cyclic).collect();
    parallel::map(&types, |&(def, cyclic)| {
        let named = !matches!(def.kind, TypeKind::Alias(_)) || cyclic;
        let name = named.then(|| names::pascal_name(&def.name, "Schema"));
        let mut prepared = Prepared {
            name: None,
            name_kept: false,
            doc: if named { type_doc(def) } else { String::new() },
            members: Vec::new(),
            wires: Vec::new(),
            prefix_len: 0,
            zero: None,
        };
        match &def.kind {
            TypeKind::Struct(model) => {
                prepared.members = model
                    .fields
                    .iter()
                    .map(|field| (field_names.get(&field.name), field_doc(api, field)))
                    .collect();
            }
            TypeKind::Enum(enumeration) => {
                let prefix = names::enum_prefix(name.as_deref().unwrap_or_default());
                prepared.prefix_len = prefix.len();
                prepared.zero = Some(zero_value(&prefix));
                prepared.members = enumeration
                    .values
                    .iter()
                    .map(|value| {
                        let suffix = match (&value.name, &value.value) {
                            (Some(given), _) => names::value_suffix(given),
                            (None, EnumLiteral::String(text)) => names::value_suffix(text),
                            (None, EnumLiteral::Integer(number)) => {
                                names::integer_value_suffix(*number)
                            }
                        };
                        let name = names::enum_value_name(&prefix, &suffix);
                        (
                            Candidate::new(Style::Value, name),
                            doc_of(value.description.as_deref()),
                        )
                    })
                    .collect();
                prepared.wires = enumeration
                    .values
                    .iter()
                    .map(|value| match &value.value {
                        EnumLiteral::String(text) => format!("\"{}\"", escape::comment(text)),
                        EnumLiteral::Integer(number) => number.to_string(),
                    })
                    .collect();
            }
            TypeKind::Union(_) | TypeKind::Alias(_) => {}
        }
        prepared.name = name.map(|name| Candidate::new(Style::Pascal, name));
        prepared
    })
}

/// The field name of every distinct property name of the API's structs, cased and hashed once:
/// a big spec spells a few thousand names tens of thousands of times (`id`, `url`, `node_id`).
struct FieldNames<'a> {
    index: FxHashMap<&'a str, usize>,
    names: Vec<Candidate>,
}

impl<'a> FieldNames<'a> {
    /// The names of `api`'s properties, worked out on two threads.
    fn of(api: &'a Api) -> Self {
        let mut index = FxHashMap::default();
        let mut distinct = Vec::new();
        let structs = api.types.iter().filter_map(|def| match &def.kind {
            TypeKind::Struct(model) => Some(model),
            _ => None,
        });
        for field in structs.flat_map(|model| &model.fields) {
            index.entry(field.name.as_str()).or_insert_with(|| {
                distinct.push(field.name.as_str());
                distinct.len() - 1
            });
        }
        let names = parallel::map(&distinct, |raw| {
            Candidate::new(Style::Field, names::field_name(raw))
        });
        FieldNames { index, names }
    }

    /// The field name to claim for property `raw`.
    fn get(&self, raw: &str) -> Candidate {
        match self.index.get(raw) {
            Some(&position) => self.names[position].clone(),
            None => Candidate::new(Style::Field, names::field_name(raw)),
        }
    }
}

/// The zero value of the enum whose values' prefix is `prefix`.
fn zero_value(prefix: &str) -> Candidate {
    Candidate::new(Style::Value, format!("{prefix}_UNSPECIFIED"))
}

/// The proto name of each type: messages and enums for structs, unions and enums, and for
/// aliases that refer to themselves (which cannot be written inline); `None` for other aliases,
/// which are written inline where they are used. Claimed in `scope` in type order.
pub fn type_names(prepared: &mut [Prepared], scope: &mut Scope) -> Vec<Option<Arc<str>>> {
    prepared
        .iter_mut()
        .map(|prepared| {
            let (name, kept) = scope.claim_candidate(prepared.name.take()?);
            prepared.name_kept = kept;
            Some(name)
        })
        .collect()
}

/// Every definition of `messages.proto` except the wrappers, in type order; enum values are
/// claimed in `values` (the package's enum value scope).
pub fn definitions(
    api: &Api,
    mut prepared: Vec<Prepared>,
    type_names: &[Option<Arc<str>>],
    mapper: &mut Mapper<'_>,
    values: &mut Scope,
    uses: &mut Uses,
) -> Vec<Definition> {
    // Every zero value is claimed first, so that no spec value can take `<ENUM>_UNSPECIFIED`.
    let zeros: Vec<Option<Arc<str>>> = prepared
        .iter_mut()
        .zip(type_names)
        .map(|(prepared, name)| {
            let zero = prepared.zero.take()?;
            let zero = match name {
                Some(name) if !prepared.name_kept => zero_value(&names::enum_prefix(name)),
                _ => zero,
            };
            Some(values.claim_candidate(zero).0)
        })
        .collect();
    let mut definitions = Vec::with_capacity(api.types.len());
    let mut fields = Scope::new(Style::Field);
    for ((index, def), prepared) in api.types.iter().enumerate().zip(prepared) {
        let Some(name) = type_names[index].as_deref().map(str::to_string) else {
            continue;
        };
        let Prepared {
            doc,
            members,
            wires,
            name_kept,
            prefix_len,
            ..
        } = prepared;
        let message = match &def.kind {
            TypeKind::Struct(model) => {
                fields.clear();
                struct_message(name, doc, model, members, mapper, &mut fields, uses)
            }
            TypeKind::Union(union) => {
                fields.clear();
                union_message(name, doc, union, type_names, mapper, &mut fields, uses)
            }
            TypeKind::Alias(target) => alias_message(name, doc, target, mapper, uses),
            TypeKind::Enum(_) => {
                let zero = zeros[index].clone().unwrap_or_default();
                let members = if name_kept {
                    members
                } else {
                    renamed_values(&name, prefix_len, members)
                };
                let view = enum_view(name, doc, zero, members, wires, values);
                definitions.push(Definition::Enum(view));
                continue;
            }
        };
        let definition = Definition::Message(Message {
            deprecated: def.deprecated,
            ..message
        });
        definitions.push(definition);
    }
    definitions
}

/// The wrapper messages, each with its one `values` field.
pub fn wrapper_messages(wrappers: Vec<Wrapper>, uses: &mut Uses) -> Vec<Definition> {
    wrappers
        .into_iter()
        .map(|wrapper| {
            uses.merge(wrapper.uses);
            let doc =
                "A wrapper: protobuf cannot nest repeated fields and maps directly.".to_string();
            let mut message = Message::new(wrapper.name.to_string(), doc);
            message
                .fields
                .push(Field::new("values".into(), wrapper.shape, false));
            Definition::Message(message)
        })
        .collect()
}

/// The description, else a title that says more than the name.
fn type_doc(def: &TypeDef) -> String {
    let title = def.title.as_deref().filter(|title| *title != def.name);
    def.description
        .as_deref()
        .or(title)
        .map(escape::comment_block)
        .unwrap_or_default()
}

/// Adds `paragraph` to the comment `doc`, after a blank line when `doc` says something already.
pub fn add_paragraph(doc: &mut String, paragraph: &str) {
    if !doc.is_empty() {
        doc.push_str("\n\n");
    }
    doc.push_str(paragraph);
}

/// The comment of a description the spec may give.
pub fn doc_of(description: Option<&str>) -> String {
    description.map(escape::comment_block).unwrap_or_default()
}

/// A field's comment: its description, unless it only repeats the referenced type's.
fn field_doc(api: &Api, field: &crate::ir::Field) -> String {
    let Some(description) = field.description.as_deref() else {
        return String::new();
    };
    let referenced = match &field.ty {
        Type::Named(id) => Some(*id),
        Type::Nullable(inner) => match inner.as_ref() {
            Type::Named(id) => Some(*id),
            _ => None,
        },
        _ => None,
    };
    let repeats =
        referenced.is_some_and(|id| api.type_def(id).description.as_deref() == Some(description));
    if repeats {
        String::new()
    } else {
        escape::comment_block(description)
    }
}

/// The trailing comment naming the wire name, when the proto name differs.
fn wire_note(proto_name: &str, wire_name: &str) -> Option<String> {
    (proto_name != wire_name).then(|| format!("\"{}\"", escape::comment(wire_name)))
}

fn struct_message(
    name: String,
    doc: String,
    model: &Struct,
    members: Vec<(Candidate, String)>,
    mapper: &mut Mapper<'_>,
    scope: &mut Scope,
    uses: &mut Uses,
) -> Message {
    // The spec's own names first, so that no made-up name (a file's `_filename`, the
    // additional properties) takes one of them.
    let members: Vec<(Arc<str>, String)> = members
        .into_iter()
        .map(|(field_name, doc)| (scope.claim_candidate(field_name).0, doc))
        .collect();
    let mut message = Message::new(name, doc);
    message.fields.reserve(model.fields.len() + 1);
    for (field, (proto_name, doc)) in model.fields.iter().zip(members) {
        let optional = !field.required || matches!(field.ty, Type::Nullable(_));
        let shape = mapper.shape(&field.ty, uses);
        let repeated = matches!(shape, Shape::Repeated(_));
        let note = wire_note(&proto_name, &field.name);
        let file = types::holds_binary(&field.ty).then(|| format!("{proto_name}_filename"));
        let mut proto = Field::new(proto_name, shape, optional).deprecated(field.deprecated);
        proto.doc = doc;
        proto.note = note;
        message.fields.push(proto);
        if let Some(filename) = file {
            let filename = scope.claim(filename).into();
            let proto_name = &message.fields[message.fields.len() - 1].name;
            let string = types::scalar("string");
            let shape = if repeated {
                Shape::Repeated(string)
            } else {
                Shape::Single(string)
            };
            let mut companion = Field::new(filename, shape, true);
            companion.doc = format!("The file name sent with `{proto_name}`.");
            message.fields.push(companion);
        }
    }
    if let Some(extra) = &model.additional_properties {
        let proto_name = scope.claim("additional_properties".to_string()).into();
        let map = Type::Map(Box::new(extra.clone()));
        let mut proto = Field::new(proto_name, mapper.shape(&map, uses), false);
        proto.doc = "Properties beyond the ones named above.".to_string();
        message.fields.push(proto);
    }
    message
}

fn union_message(
    name: String,
    mut doc: String,
    union: &Union,
    type_names: &[Option<Arc<str>>],
    mapper: &mut Mapper<'_>,
    scope: &mut Scope,
    uses: &mut Uses,
) -> Message {
    let oneof_name = scope.claim("variant".to_string());
    let mut seen: Vec<TypeName> = Vec::new();
    let mut fields = Vec::new();
    for variant in &union.variants {
        let single = mapper.single(variant, uses);
        if seen.contains(&single.name) {
            continue;
        }
        seen.push(single.name.clone());
        let stem = single.name.as_str().rsplit('.').next().unwrap_or_default();
        let field_name = scope.claim(names::field_name(stem)).into();
        fields.push(Field::new(field_name, Shape::Single(single), false));
    }
    if let Some(discriminator) = &union.discriminator {
        let tags: Vec<String> = discriminator
            .mapping
            .iter()
            .filter_map(|(tag, id)| {
                let target = type_names[id.0].as_deref()?;
                Some(format!("\"{}\" is {target}", escape::comment(tag)))
            })
            .collect();
        let told_apart = format!(
            "Told apart on the wire by \"{}\": {}.",
            escape::comment(&discriminator.property),
            tags.join(", ")
        );
        add_paragraph(&mut doc, &told_apart);
    }
    let mut message = Message::new(name, doc);
    if !fields.is_empty() {
        message.oneof = Some(Oneof {
            name: oneof_name,
            fields,
        });
    }
    message
}

fn alias_message(
    name: String,
    mut doc: String,
    target: &Type,
    mapper: &mut Mapper<'_>,
    uses: &mut Uses,
) -> Message {
    let shape = mapper.shape(target, uses);
    let field_name = match shape {
        Shape::Single(_) => "value",
        Shape::Repeated(_) | Shape::Map(_) => "values",
    };
    if doc.is_empty() {
        doc.push_str("A type that refers to itself, wrapped in a message.");
    }
    let mut message = Message::new(name, doc);
    message
        .fields
        .push(Field::new(field_name.into(), shape, false));
    message
}

fn enum_view(
    name: String,
    doc: String,
    zero: Arc<str>,
    members: Vec<(Candidate, String)>,
    wires: Vec<String>,
    values: &mut Scope,
) -> Enum {
    let values = members
        .into_iter()
        .zip(wires)
        .map(|((value_name, doc), wire)| EnumValue {
            name: values.claim_candidate(value_name).0,
            number: 0,
            wire,
            doc,
        })
        .collect();
    Enum {
        name,
        doc,
        zero,
        values,
        reserved_numbers: String::new(),
        reserved_names: String::new(),
    }
}

/// The value names of an enum that was claimed as `name` rather than the name its values were
/// prepared with: the prefix, `prefix_len` bytes of each prepared name, made again from `name`.
fn renamed_values(
    name: &str,
    prefix_len: usize,
    members: Vec<(Candidate, String)>,
) -> Vec<(Candidate, String)> {
    let prefix = names::enum_prefix(name);
    members
        .into_iter()
        .map(|(value_name, doc)| {
            let suffix = value_name
                .as_str()
                .get(prefix_len + 1..)
                .unwrap_or_default();
            let value_name = names::enum_value_name(&prefix, suffix);
            (Candidate::new(Style::Value, value_name), doc)
        })
        .collect()
}

/// Which aliases reach themselves through other aliases (`Tree: array of Tree`): those are
/// written as messages, since expanding them inline would never end.
fn cyclic_aliases(api: &Api) -> Vec<bool> {
    let mut cyclic = vec![false; api.types.len()];
    for (index, def) in api.types.iter().enumerate() {
        let TypeKind::Alias(target) = &def.kind else {
            continue;
        };
        let mut visited = FxHashSet::default();
        let mut pending = Vec::new();
        aliases_in(api, target, &mut pending);
        while let Some(id) = pending.pop() {
            if id.0 == index {
                cyclic[index] = true;
                break;
            }
            if !visited.insert(id) {
                continue;
            }
            if let TypeKind::Alias(next) = &api.type_def(id).kind {
                aliases_in(api, next, &mut pending);
            }
        }
    }
    cyclic
}

/// The aliases `ty` names directly (through lists, maps and nullables).
fn aliases_in(api: &Api, ty: &Type, out: &mut Vec<TypeId>) {
    match ty {
        Type::Named(id) if matches!(api.type_def(*id).kind, TypeKind::Alias(_)) => out.push(*id),
        Type::List(inner) | Type::Map(inner) | Type::Nullable(inner) => aliases_in(api, inner, out),
        _ => {}
    }
}
