//! The view of `messages.proto`: one message per object schema and per union of objects, one
//! enum per enum schema; and the message and field shapes `service.proto` shares.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::Arc;

use super::EnumStyle;
use super::escape;
use super::lock::{Assigned, Members, Zone};
use super::names::{self, Candidate, Scope, Style};
use super::types::{self, Mapper, Shape, Spelling, UnionForm, Uses};
use crate::Error;
use crate::ir::{Api, EnumLiteral, StringFormat, Struct, Type, TypeDef, TypeId, TypeKind, Union};
use crate::targets::parallel;

/// The most values a comment lists for a field whose enum could not be written as one.
const LISTED_VALUES: usize = 20;

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
    /// `reserved` numbers, comma-separated; empty when none.
    pub reserved_numbers: String,
    /// `reserved` names, quoted and comma-separated; empty when none.
    pub reserved_names: String,
    /// Per field, the name a version 1 lock knows it by, when one is being read.
    pub legacy: Vec<Arc<str>>,
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
    pub number: i64,
    /// The JSON name, escaped for a proto string, when protoc would not make it from the name.
    pub json_name: Option<String>,
    /// `deprecated = true`.
    pub deprecated: bool,
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
            json_name: None,
            deprecated: false,
            doc: String::new(),
            note: None,
        }
    }

    /// The same field, marked deprecated when `deprecated`.
    pub fn deprecated(mut self, deprecated: bool) -> Field {
        self.deprecated = deprecated;
        self
    }

    /// The same field, read from and written to JSON as `json` (see [`JsonNames`]): with
    /// `json_name` where protoc would not make `json` from the field's name.
    pub fn json(mut self, json: Option<&str>) -> Field {
        if let Some(wire) = json.filter(|wire| names::needs_json_name(&self.name, wire)) {
            self.json_name = Some(escape::string_literal(wire));
        }
        self
    }
}

/// The JSON names of one message's fields: each field's wire name, once. Protoc wants the JSON
/// names of a message distinct, and protobuf's runtimes (which read a field by its JSON name or
/// its proto name) want no field's JSON name to be another field's proto name, or the name of
/// the oneof protoc makes for an `optional` field (`_<name>`: the wire name `_id` cannot be the
/// JSON name of a field `id`).
pub struct JsonNames<'a> {
    /// Every JSON name some field takes (and the default JSON names of made-up fields that
    /// come first, such as a request's `body`).
    taken: FxHashSet<&'a str>,
    /// Per wire-named field, in order, the JSON name it takes: its wire name, unless an earlier
    /// field took that (a path and a query parameter of one name) or protoc refuses it; a field
    /// without one goes by its default JSON name.
    pub owned: Vec<Option<&'a str>>,
    /// Whether a JSON name starts with `_`.
    underscored: bool,
}

impl<'a> JsonNames<'a> {
    /// The JSON names of fields named `wires` on the wire, after made-up fields whose default
    /// JSON names are `reserved`.
    pub fn of(wires: impl Iterator<Item = &'a str>, reserved: &[&'a str]) -> Self {
        let mut taken: FxHashSet<&str> = reserved.iter().copied().collect();
        let owned = wires
            .map(|wire| (!names::json_name_refused(wire) && taken.insert(wire)).then_some(wire))
            .collect();
        let underscored = taken.iter().any(|name| name.starts_with('_'));
        JsonNames {
            taken,
            owned,
            underscored,
        }
    }

    /// Claims a field name in `scope`: `candidate`, else `candidate_2`, … — the first that is
    /// free, is not another field's JSON name nor, with `_` before it, any field's, and, for a
    /// field without a JSON name of its own (`json` is `None`), whose default JSON name no other
    /// field takes.
    pub fn claim(&self, scope: &mut Scope, candidate: Candidate, json: Option<&str>) -> Arc<str> {
        let fits = |name: &str| {
            let others = json != Some(name) && self.taken.contains(name);
            let default = json.is_none() && {
                let default = names::default_json_name(name);
                self.taken.contains(default.as_str())
            };
            let oneof = self.underscored && self.taken.contains(format!("_{name}").as_str());
            !others && !default && !oneof
        };
        if fits(candidate.as_str()) && !scope.contains(candidate.as_str()) {
            return scope.claim_candidate(candidate).0;
        }
        let base = candidate.as_str();
        let name = (2..)
            .map(|n| format!("{base}_{n}"))
            .find(|name| !scope.contains(name) && fits(name))
            .unwrap_or_default();
        scope.claim(name).into()
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
            reserved_numbers: String::new(),
            reserved_names: String::new(),
            legacy: Vec::new(),
        }
    }

    /// Gives every field its number from the lock, and writes what the lock retired as
    /// `reserved`.
    pub fn number(&mut self, zone: &mut Zone) -> Result<(), Error> {
        let names: Vec<Arc<str>> = self.fields.iter().map(|f| Arc::clone(&f.name)).collect();
        let members = Members {
            legacy: &self.legacy,
            ..Members::named(&names)
        };
        let Assigned { numbers, reserved } = zone.message(&self.name, members)?;
        for (field, number) in self.fields.iter_mut().zip(numbers) {
            field.number = number;
        }
        (self.reserved_numbers, self.reserved_names) = reserved_lists(&reserved);
        Ok(())
    }
}

/// One enum.
#[derive(Debug)]
pub struct Enum {
    /// The enum's name in the package, and its lock entry's: the enum itself in the prefixed
    /// style, else the message holding it.
    pub name: String,
    /// The name of the enum inside message [`Enum::name`] (`Value`), in the JSON style.
    pub nested: Option<String>,
    /// Comment lines above it.
    pub doc: String,
    /// The zero value, `<ENUM>_UNSPECIFIED`.
    pub zero: Arc<str>,
    /// The comment after the zero value: the wire value `0` of an integer enum, which proto3
    /// JSON reads as the zero value.
    pub zero_note: Option<String>,
    /// The spec's values, in spec order.
    pub values: Vec<EnumValue>,
    /// `reserved` numbers, comma-separated; empty when none.
    pub reserved_numbers: String,
    /// `reserved` names, quoted and comma-separated; empty when none.
    pub reserved_names: String,
    /// Per value, the name a version 1 lock knows it by, when one is being read.
    legacy: Vec<Arc<str>>,
}

/// One value of an enum.
#[derive(Debug)]
pub struct EnumValue {
    /// The value name (`member`, `ROLE_MEMBER`), shared with the lock entry that numbers it.
    pub name: Arc<str>,
    /// Its number, from the lock.
    pub number: i64,
    /// The wire value, for the comment after it (`"a-b"`, `1`).
    pub wire: String,
    /// Comment lines above it.
    pub doc: String,
    /// An integer enum's value: the number it takes when new and free.
    integer: Option<i64>,
}

impl Enum {
    /// Gives every value its number from the lock, and writes what the lock retired as
    /// `reserved`. An integer enum's wire value `0` is the zero value, unless the lock numbers
    /// it already.
    fn number(&mut self, zone: &mut Zone) -> Result<(), Error> {
        if let Some(position) = self.values.iter().position(|v| v.integer == Some(0)) {
            let value = &self.values[position];
            let legacy = self.legacy.get(position).map(|name| &**name);
            if !zone.numbers_value(&self.name, &value.name, legacy) {
                let value = self.values.remove(position);
                if !self.legacy.is_empty() {
                    self.legacy.remove(position);
                }
                self.zero_note = Some(value.wire);
            }
        }
        let names: Vec<Arc<str>> = self.values.iter().map(|v| Arc::clone(&v.name)).collect();
        let preferred: Vec<Option<i64>> = self.values.iter().map(|v| v.integer).collect();
        let members = Members {
            names: &names,
            legacy: &self.legacy,
            preferred: &preferred,
        };
        let Assigned { numbers, reserved } = zone.enumeration(&self.name, members)?;
        for (value, number) in self.values.iter_mut().zip(numbers) {
            value.number = number;
        }
        let apart: Vec<String> = self
            .values
            .iter()
            .filter(|value| value.integer.is_some_and(|wire| wire != value.number))
            .map(|value| format!("{} is {}", value.wire, value.number))
            .collect();
        if !apart.is_empty() {
            let paragraph = format!(
                "Numbers kept by clientgen.proto.lock from an earlier run differ from these wire \
                 values ({}): proto3 JSON reads an enum from its number, so read these by name.",
                apart.join(", ")
            );
            add_paragraph(&mut self.doc, &paragraph);
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

fn reserved_lists(reserved: &[(Arc<str>, i64)]) -> (String, String) {
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

/// How an enum schema is written.
#[derive(Debug, Clone, PartialEq, Eq)]
enum EnumPlan {
    /// A top-level enum whose values are `<ENUM>_<VALUE>` (the prefixed style).
    TopLevel,
    /// `message <Enum> { enum <nested> { … } }` (the JSON style): the values are symbols of the
    /// message, so they cannot clash with another enum's. `spelled`: the values are named as
    /// on the wire (a string enum), else `<ENUM>_<VALUE>` (an integer enum: proto3 JSON reads
    /// it by number).
    Nested { nested: String, spelled: bool },
    /// No enum (the JSON style): a string enum with a value that is no proto name (`in-progress`,
    /// `""`) or two values protoc cannot tell apart (`open`, `OPEN`) is a `string`, an integer
    /// enum with a value beyond int32 an `int64`.
    Scalar(&'static str),
}

/// The plan of an enum of `values` in `style`.
fn enum_plan(values: &[crate::ir::EnumValue], style: EnumStyle) -> EnumPlan {
    if style == EnumStyle::Prefixed {
        return EnumPlan::TopLevel;
    }
    let mut wires = Vec::with_capacity(values.len());
    for value in values {
        match &value.value {
            EnumLiteral::Integer(number) if i32::try_from(*number).is_ok() => {}
            EnumLiteral::Integer(_) => return EnumPlan::Scalar("int64"),
            EnumLiteral::String(text) => match names::spelled_value(text) {
                Some(wire) => wires.push(wire),
                None => return EnumPlan::Scalar("string"),
            },
        }
    }
    if wires.is_empty() {
        return EnumPlan::Nested {
            nested: names::NESTED_ENUM.to_string(),
            spelled: false,
        };
    }
    // The enum inside the message is a symbol beside the values: it gives way to a value.
    let nested = (1..)
        .map(|n| match n {
            1 => names::NESTED_ENUM.to_string(),
            n => format!("{}{n}", names::NESTED_ENUM),
        })
        .find(|nested| !wires.contains(&nested.as_str()))
        .unwrap_or_default();
    let mut keys = FxHashSet::default();
    for wire in &wires {
        if !keys.insert(names::protoc_value_key(&nested, wire)) {
            return EnumPlan::Scalar("string");
        }
    }
    EnumPlan::Nested {
        nested,
        spelled: true,
    }
}

/// What a type's definition takes from the spec alone, before any name is claimed: the casing,
/// key hashing and comment escaping that are most of the work on a big spec. [`prepare`] works
/// it out for every type on two threads; [`type_names`] and [`definitions`] then use it in type
/// order.
#[derive(Debug)]
pub struct Prepared {
    /// The PascalCase name to claim, for a type written as a message or enum, and for a union
    /// or an alias that refers to itself (which keep the name they had when they were
    /// messages, so that no other type's name moves); `None` for an alias written inline where
    /// it is used.
    name: Option<Candidate>,
    /// Whether [`type_names`] gave the type that name as it was (no number added): enum value
    /// names made from it hold then.
    name_kept: bool,
    /// The type's comment.
    doc: String,
    /// Per struct field, the snake_case name to claim and the comment; per enum value, the
    /// prefixed value name to claim (the enum's prefix, `_`, the value's suffix) and the
    /// comment.
    members: Vec<(Candidate, String)>,
    /// Per enum value, the wire value for the comment after it (`"a-b"`, `1`).
    wires: Vec<String>,
    /// For an enum, the length of its values' prefix (from the unclaimed name).
    prefix_len: usize,
    /// For an enum, its zero value `<ENUM>_UNSPECIFIED` (from the unclaimed name).
    zero: Option<Candidate>,
    /// For an enum, how it is written.
    plan: Option<EnumPlan>,
    /// For a union, how it is written.
    union: Option<UnionForm>,
    /// For an enum written as a scalar, the comment that lists its values.
    values_note: Option<String>,
}

/// The [`Prepared`] part of every type's definition, in type order.
pub fn prepare(api: &Api, style: EnumStyle) -> Vec<Prepared> {
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
            plan: None,
            union: None,
            values_note: None,
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
                let plan = enum_plan(&enumeration.values, style);
                if matches!(plan, EnumPlan::Scalar(_)) {
                    prepared.values_note = Some(values_note(&prepared.wires));
                }
                prepared.plan = Some(plan);
            }
            TypeKind::Union(union) => prepared.union = Some(types::union_form(api, union)),
            TypeKind::Alias(_) => {}
        }
        prepared.name = name.map(|name| Candidate::new(Style::Pascal, name));
        prepared
    })
}

/// `One of "a", "b".`, at most [`LISTED_VALUES`] of them.
fn values_note(wires: &[String]) -> String {
    let listed: Vec<&str> = wires
        .iter()
        .take(LISTED_VALUES)
        .map(String::as_str)
        .collect();
    let more = wires.len().saturating_sub(LISTED_VALUES);
    if more == 0 {
        format!("One of {}.", listed.join(", "))
    } else {
        format!("One of {}, … ({} values).", listed.join(", "), wires.len())
    }
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

/// The proto name of each type that has one (see [`Prepared::name`]), claimed in `scope` in
/// type order; `None` for aliases written inline.
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

/// How every type is written where it is used, and the comment a field of it gets (the values
/// of an enum written as a scalar), by [`TypeId`].
pub fn spellings(
    api: &Api,
    prepared: &[Prepared],
    type_names: &[Option<Arc<str>>],
) -> (Vec<Spelling>, Vec<Option<String>>) {
    let spellings = api
        .types
        .iter()
        .zip(prepared)
        .zip(type_names)
        .map(|((def, prepared), name)| {
            let Some(name) = name else {
                return Spelling::Inline;
            };
            let single = match (&def.kind, &prepared.plan, &prepared.union) {
                (TypeKind::Enum(_), Some(EnumPlan::Nested { nested, .. }), _) => {
                    types::local(format!("{name}.{nested}").into(), true)
                }
                (TypeKind::Enum(_), Some(EnumPlan::Scalar(scalar)), _) => types::scalar(scalar),
                (TypeKind::Enum(_), _, _) => types::local(name.clone(), true),
                (TypeKind::Union(_), _, Some(UnionForm::Scalar(scalar))) => types::scalar(scalar),
                (TypeKind::Union(_), _, Some(UnionForm::Value)) => types::well_known(types::VALUE),
                (TypeKind::Alias(target), _, _) => types::self_referencing_alias(target),
                _ => types::local(name.clone(), false),
            };
            Spelling::Is(single)
        })
        .collect();
    let notes = prepared.iter().map(|p| p.values_note.clone()).collect();
    (spellings, notes)
}

/// The comment a field of type `ty` gets besides its description: the values of the enum it
/// holds when that enum is written as a scalar.
pub fn type_note<'a>(ty: &Type, notes: &'a [Option<String>]) -> Option<&'a str> {
    match ty {
        Type::Nullable(inner) | Type::List(inner) | Type::Map(inner) => type_note(inner, notes),
        Type::Named(id) => notes[id.0].as_deref(),
        _ => None,
    }
}

/// What [`definitions`] needs besides the prepared types.
pub struct Context<'a, 'm> {
    /// The API.
    pub api: &'a Api,
    /// Message or enum name by [`TypeId`].
    pub type_names: &'a [Option<Arc<str>>],
    /// How each type is written.
    pub mapper: &'a Mapper<'m>,
    /// [`spellings`]' comments.
    pub notes: &'a [Option<String>],
    /// The enum style.
    pub style: EnumStyle,
    /// Whether a version 1 lock is being read: the old names are worked out for it.
    pub legacy: bool,
}

/// Every definition of `messages.proto`, in type order. In the prefixed style enum values are
/// claimed in `values` (the package's enum value scope); in the JSON style they are so only to
/// work out the names a version 1 lock knows them by.
pub fn definitions(
    context: &Context<'_, '_>,
    mut prepared: Vec<Prepared>,
    values: &mut Scope,
    uses: &mut Uses,
) -> Vec<Definition> {
    let Context {
        api,
        type_names,
        style,
        legacy,
        ..
    } = *context;
    let package_values = style == EnumStyle::Prefixed || legacy;
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
            Some(match package_values {
                true => values.claim_candidate(zero).0,
                false => zero.as_str().into(),
            })
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
            plan,
            union: union_form,
            ..
        } = prepared;
        let message = match (&def.kind, union_form) {
            (TypeKind::Struct(model), _) => {
                fields.clear();
                struct_message(context, name, doc, model, members, &mut fields, uses)
            }
            (TypeKind::Union(union), Some(UnionForm::Merged(objects))) => {
                fields.clear();
                merged_message(context, name, doc, union, &objects, &mut fields, uses)
            }
            (TypeKind::Union(_) | TypeKind::Alias(_), _) => continue,
            (TypeKind::Enum(enumeration), _) => {
                let members = if name_kept {
                    members
                } else {
                    renamed_values(&name, prefix_len, members)
                };
                let package_names: Vec<Arc<str>> = match package_values {
                    true => members
                        .iter()
                        .map(|(value, _)| values.claim_candidate(value.clone()).0)
                        .collect(),
                    false => Vec::new(),
                };
                let Some(plan) = plan else { continue };
                let zero = zeros[index].clone().unwrap_or_default();
                let view = EnumView {
                    name,
                    doc,
                    members,
                    wires,
                    package_names,
                    literals: &enumeration.values,
                };
                if let Some(enumeration) = enum_definition(view, plan, zero, legacy) {
                    definitions.push(Definition::Enum(enumeration));
                }
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

/// An enum's parts, as [`definitions`] worked them out.
struct EnumView<'a> {
    name: String,
    doc: String,
    /// The prefixed value names (not claimed) and the values' comments.
    members: Vec<(Candidate, String)>,
    wires: Vec<String>,
    /// The prefixed value names as claimed in the package's scope, when they were.
    package_names: Vec<Arc<str>>,
    literals: &'a [crate::ir::EnumValue],
}

/// The enum of `view` written as `plan` says, its zero value `zero` (claimed in the package
/// when the style is prefixed); `None` when it is written as a scalar.
fn enum_definition(
    view: EnumView<'_>,
    plan: EnumPlan,
    zero: Arc<str>,
    legacy: bool,
) -> Option<Enum> {
    let EnumView {
        name,
        doc,
        members,
        wires,
        package_names,
        literals,
    } = view;
    let integers = literals.iter().map(|literal| match literal.value {
        EnumLiteral::Integer(number) => Some(number),
        EnumLiteral::String(_) => None,
    });
    let (nested, zero, value_names, legacy_names) = match plan {
        EnumPlan::Scalar(_) => return None,
        EnumPlan::TopLevel => (None, zero, package_names, Vec::new()),
        EnumPlan::Nested { nested, spelled } => {
            let prefix = names::enum_prefix(&name);
            let value_names: Vec<Arc<str>>;
            let zero_name;
            if spelled {
                value_names = literals
                    .iter()
                    .map(|literal| match &literal.value {
                        EnumLiteral::String(text) => text.as_str().into(),
                        EnumLiteral::Integer(number) => number.to_string().into(),
                    })
                    .collect();
                let keys: FxHashSet<String> = value_names
                    .iter()
                    .map(|value| names::protoc_value_key(&nested, value))
                    .collect();
                zero_name = (1..)
                    .map(|n| match n {
                        1 => format!("{prefix}_UNSPECIFIED"),
                        n => format!("{prefix}_{n}_UNSPECIFIED"),
                    })
                    .find(|zero| {
                        !keys.contains(&names::protoc_value_key(&nested, zero))
                            && !value_names.iter().any(|value| **value == **zero)
                    })
                    .unwrap_or_default()
                    .into();
            } else {
                let mut scope = Scope::new(Style::Value);
                zero_name = scope.claim(format!("{prefix}_UNSPECIFIED")).into();
                value_names = members
                    .iter()
                    .map(|(value, _)| scope.claim_candidate(value.clone()).0)
                    .collect();
            }
            let legacy_names = if legacy { package_names } else { Vec::new() };
            (Some(nested), zero_name, value_names, legacy_names)
        }
    };
    let values = value_names
        .into_iter()
        .zip(members)
        .zip(wires)
        .zip(integers)
        .map(|(((value_name, (_, doc)), wire), integer)| EnumValue {
            name: value_name,
            number: 0,
            wire,
            doc,
            integer,
        })
        .collect();
    Some(Enum {
        name,
        nested,
        doc,
        zero,
        zero_note: None,
        values,
        reserved_numbers: String::new(),
        reserved_names: String::new(),
        legacy: legacy_names,
    })
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
    context: &Context<'_, '_>,
    name: String,
    doc: String,
    model: &Struct,
    members: Vec<(Candidate, String)>,
    scope: &mut Scope,
    uses: &mut Uses,
) -> Message {
    let mapper = context.mapper;
    let json_names = JsonNames::of(model.fields.iter().map(|field| field.name.as_str()), &[]);
    // The spec's own names first, so that no made-up name (a file's `_filename`, the
    // additional properties) takes one of them.
    let members: Vec<(Arc<str>, String)> = members
        .into_iter()
        .zip(&json_names.owned)
        .map(|((field_name, doc), json)| (json_names.claim(scope, field_name, *json), doc))
        .collect();
    let mut message = Message::new(name, doc);
    message.fields.reserve(model.fields.len() + 1);
    for ((field, (proto_name, mut doc)), json) in
        model.fields.iter().zip(members).zip(&json_names.owned)
    {
        let optional = !field.required || matches!(field.ty, Type::Nullable(_));
        let shape = mapper.shape(&field.ty, uses);
        let repeated = matches!(shape, Shape::Repeated(_));
        let note = wire_note(&proto_name, &field.name);
        if let Some(values) = type_note(&field.ty, context.notes) {
            add_paragraph(&mut doc, values);
        }
        let file = types::holds_binary(&field.ty).then(|| format!("{proto_name}_filename"));
        let mut proto = Field::new(proto_name, shape, optional)
            .deprecated(field.deprecated)
            .json(*json);
        proto.doc = doc;
        proto.note = note;
        message.fields.push(proto);
        if let Some(filename) = file {
            let filename = json_names.claim(scope, Candidate::new(Style::Field, filename), None);
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
        let candidate = Candidate::new(Style::Field, "additional_properties".to_string());
        let proto_name = json_names.claim(scope, candidate, None);
        let map = Type::Map(Box::new(extra.clone()));
        let mut proto = Field::new(proto_name, mapper.shape(&map, uses), false);
        proto.doc = "Properties beyond the ones named above.".to_string();
        message.fields.push(proto);
    }
    if context.legacy {
        message.legacy = legacy_field_names(model);
    }
    message
}

/// The field names clientgen gave `model`'s message before proto keywords were kept (lock
/// version 1): the same claims as [`struct_message`] makes, with the old names.
fn legacy_field_names(model: &Struct) -> Vec<Arc<str>> {
    let mut scope = Scope::new(Style::Field);
    let claimed: Vec<String> = model
        .fields
        .iter()
        .map(|field| scope.claim(names::legacy_field_name(&field.name)))
        .collect();
    let mut legacy = Vec::with_capacity(claimed.len() + 1);
    for (field, name) in model.fields.iter().zip(claimed) {
        let file = types::holds_binary(&field.ty).then(|| format!("{name}_filename"));
        legacy.push(name.into());
        if let Some(filename) = file {
            legacy.push(scope.claim(filename).into());
        }
    }
    if model.additional_properties.is_some() {
        legacy.push(scope.claim("additional_properties".to_string()).into());
    }
    legacy
}

/// The message of a union whose variants are all objects (`objects`): one field per property
/// any of them has, so that protobuf's JSON reads whichever variant the JSON holds. A property
/// the variants type differently is a `string` when every type is text, else a
/// `google.protobuf.Value`; it is required only when every variant requires it.
fn merged_message(
    context: &Context<'_, '_>,
    name: String,
    mut doc: String,
    union: &Union,
    objects: &[TypeId],
    scope: &mut Scope,
    uses: &mut Uses,
) -> Message {
    let api = context.api;
    let mut merged: Vec<crate::ir::Field> = Vec::new();
    let mut index: FxHashMap<&str, usize> = FxHashMap::default();
    let mut present: Vec<usize> = Vec::new();
    for id in objects {
        let TypeKind::Struct(model) = &api.type_def(*id).kind else {
            continue;
        };
        for field in &model.fields {
            match index.get(field.name.as_str()) {
                Some(&position) => {
                    let existing = &mut merged[position];
                    if existing.ty != field.ty {
                        existing.ty = if is_text(api, &existing.ty) && is_text(api, &field.ty) {
                            Type::String(StringFormat::Plain)
                        } else {
                            Type::Any
                        };
                    }
                    existing.required &= field.required;
                    present[position] += 1;
                }
                None => {
                    index.insert(&field.name, merged.len());
                    merged.push(field.clone());
                    present.push(1);
                }
            }
        }
    }
    for (field, count) in merged.iter_mut().zip(present) {
        field.required &= count == objects.len();
    }
    let variants: Vec<&str> = objects
        .iter()
        .filter_map(|id| context.type_names[id.0].as_deref())
        .collect();
    let merged_doc = format!(
        "One of {}: their fields together, so that protobuf's JSON reads whichever the JSON holds.",
        variants.join(", ")
    );
    add_paragraph(&mut doc, &merged_doc);
    if let Some(discriminator) = &union.discriminator {
        let tags: Vec<String> = discriminator
            .mapping
            .iter()
            .filter_map(|(tag, id)| {
                let target = context.type_names[id.0].as_deref()?;
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
    let model = Struct {
        fields: merged,
        additional_properties: None,
    };
    let members = model
        .fields
        .iter()
        .map(|field| {
            let candidate = Candidate::new(Style::Field, names::field_name(&field.name));
            (candidate, field_doc(api, field))
        })
        .collect();
    // The fields are new (the union was a `oneof` before): a version 1 lock has no old names
    // for them.
    let fresh = Context {
        legacy: false,
        ..*context
    };
    struct_message(&fresh, name, doc, &model, members, scope, uses)
}

/// Whether JSON of type `ty` is a string.
fn is_text(api: &Api, ty: &Type) -> bool {
    match ty {
        Type::String(_) => true,
        Type::Nullable(inner) => is_text(api, inner),
        Type::Named(id) => match &api.type_def(*id).kind {
            TypeKind::Enum(enumeration) => !enumeration.holds_integers(),
            _ => false,
        },
        _ => false,
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

/// Which aliases reach themselves through other aliases (`Tree: array of Tree`): those cannot
/// be expanded inline, which would never end.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::EnumValue as Literal;

    fn strings(values: &[&str]) -> Vec<Literal> {
        values
            .iter()
            .map(|value| Literal {
                value: EnumLiteral::String(value.to_string()),
                name: None,
                description: None,
            })
            .collect()
    }

    #[test]
    fn string_enum_values_are_spelled_as_on_the_wire_in_a_nested_enum() {
        assert_eq!(
            enum_plan(&strings(&["admin", "member"]), EnumStyle::Json),
            EnumPlan::Nested {
                nested: "Value".to_string(),
                spelled: true
            }
        );
        // A value called `Value` would clash with the nested enum's name.
        assert_eq!(
            enum_plan(&strings(&["Value", "other"]), EnumStyle::Json),
            EnumPlan::Nested {
                nested: "Value2".to_string(),
                spelled: true
            }
        );
    }

    #[test]
    fn enum_that_protobuf_cannot_spell_is_a_string() {
        for values in [
            &["in-progress", "done"][..],
            &["2.0"],
            &[""],
            &["open", "OPEN"],
            &["option"],
        ] {
            assert_eq!(
                enum_plan(&strings(values), EnumStyle::Json),
                EnumPlan::Scalar("string"),
                "{values:?}"
            );
        }
    }

    #[test]
    fn integer_enum_beyond_int32_is_an_int64() {
        let values = [Literal {
            value: EnumLiteral::Integer(1 << 40),
            name: None,
            description: None,
        }];
        assert_eq!(
            enum_plan(&values, EnumStyle::Json),
            EnumPlan::Scalar("int64")
        );
        assert_eq!(enum_plan(&values, EnumStyle::Prefixed), EnumPlan::TopLevel);
    }
}
