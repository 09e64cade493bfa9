//! The view of `schemas.py`: enums, pydantic models and type aliases, with every name and
//! annotation decided here so the template only lays them out.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::Value;

use super::constraints;
use super::escape;
use super::names::{self, Scope};
use super::operations::LINE_LENGTH;
use super::types::{self, Context, Open, Uses};
use crate::ir::{Api, EnumLiteral, Field, Struct, Type, TypeId, TypeKind, Union, Usage};
use crate::targets::naming::Memo;
use crate::targets::parallel;
use crate::targets::text::push_all;

/// What `schemas.py` holds.
///
/// The declarations are written straight into one string (see [`SchemasView::declarations`]):
/// a big spec has thousands of them, and a template loop over them costs more than the rest of
/// generation together. The module's skeleton stays in `schemas.py.j2`.
#[derive(Debug, Serialize)]
pub struct SchemasView {
    /// Imports the module needs.
    pub uses: Uses,
    /// Whether there is an enum (`import enum`).
    pub has_enums: bool,
    /// Whether there is a model (`import pydantic`).
    pub has_models: bool,
    /// Enums, models, aliases and the `model_rebuild()` calls, as Python source.
    pub declarations: String,
}

/// One enum class.
#[derive(Debug)]
pub struct EnumView {
    name: String,
    base: &'static str,
    doc: Option<String>,
    members: Vec<MemberView>,
}

#[derive(Debug)]
struct MemberView {
    name: String,
    value: String,
    doc: Option<String>,
}

/// One pydantic model.
#[derive(Debug)]
pub struct ModelView {
    name: String,
    doc: Option<String>,
    config: String,
    fields: Vec<FieldView>,
}

#[derive(Debug)]
struct FieldView {
    name: String,
    annotation: String,
    value: Option<String>,
    doc: Option<String>,
}

/// One `Name: TypeAlias = ...` line.
#[derive(Debug)]
pub struct AliasView {
    name: String,
    name_literal: String,
    value: String,
    /// Refers to itself or to an alias defined later: written as a `TypeAliasType`, which
    /// pydantic and mypy resolve lazily.
    recursive: bool,
    comment: Option<String>,
}

/// Discriminator tags a model's field is pinned to (`pet_type: Literal["cat"]`), by model and
/// wire name of the field.
type Pinned = BTreeMap<(TypeId, String), BTreeSet<String>>;

/// Builds the view of `schemas.py`; `open` is [`types::open_enums`] of `api`, used in the
/// models and aliases the client reads.
pub fn view(api: &Api, class_names: &[String], open: &[Option<Open>]) -> SchemasView {
    let context = Context {
        class_names,
        prefix: "",
        binary_is_upload: true,
        pending: &[],
        open: &[],
        as_value: false,
    };
    let usage = Usage::of(api);
    let mut pending: Vec<bool> = api
        .types
        .iter()
        .map(|def| matches!(def.kind, TypeKind::Alias(_) | TypeKind::Union(_)))
        .collect();
    let pinned = pinned_discriminators(api);
    let mut uses = Uses::default();
    let mut aliases = Vec::new();
    for id in alias_order(api) {
        let def = api.type_def(id);
        // An alias may refer to itself or to a later one (recursive unions): those names are
        // written as forward references.
        let received = usage.is_received(id);
        let context = Context {
            pending: &pending,
            open: if received { open } else { &[] },
            ..context
        };
        if !matches!(def.kind, TypeKind::Alias(_) | TypeKind::Union(_)) {
            continue;
        }
        let mut recursive = false;
        def.kind
            .for_each_named(&mut |id| recursive |= pending[id.0]);
        let value = match &def.kind {
            TypeKind::Alias(ty) => {
                let value = types::annotation(ty, context, &mut uses);
                let checks = constraints::field_arguments(&def.constraints, ty);
                if checks.is_empty() {
                    value
                } else {
                    uses.pydantic = true;
                    let checks = checks.join(", ");
                    format!("_t.Annotated[{value}, _pd.Field({checks})]")
                }
            }
            TypeKind::Union(union) => {
                let choice = Choice {
                    api,
                    open,
                    received,
                };
                union_annotation(union, &pinned, choice, context, &mut uses)
            }
            TypeKind::Enum(_) | TypeKind::Struct(_) => continue,
        };
        uses.typing = true;
        uses.typing_extensions |= recursive;
        pending[id.0] = false;
        aliases.push(AliasView {
            name_literal: escape::string_literal(&class_names[id.0]),
            name: class_names[id.0].clone(),
            value,
            recursive,
            comment: def.description.as_deref().map(escape::comment),
        });
    }
    let (enums, members) = enum_views(api, class_names);
    let model_context = ModelContext {
        api,
        context,
        pinned: &pinned,
        members: &members,
        usage: &usage,
        open,
    };
    let (models, model_uses) = model_texts(&model_context, class_names);
    uses.merge(model_uses);
    let models_len: usize = models.iter().map(String::len).sum();
    let mut declarations = String::with_capacity(64 * (enums.len() + aliases.len()) + models_len);
    enums.iter().for_each(|e| e.write(&mut declarations));
    models.iter().for_each(|m| declarations.push_str(m));
    if !aliases.is_empty() {
        declarations.push('\n');
    }
    aliases.iter().for_each(|a| a.write(&mut declarations));
    if !models.is_empty() {
        declarations.push('\n');
    }
    for id in rebuild_order(api) {
        declarations.push_str(&class_names[id.0]);
        declarations.push_str(".model_rebuild()\n");
    }
    SchemasView {
        uses,
        has_enums: !enums.is_empty(),
        has_models: !models.is_empty(),
        declarations,
    }
}

/// The index and contents of every type that `pick` picks, in type order.
fn types_of<'a, T>(
    api: &'a Api,
    pick: impl Fn(&'a TypeKind) -> Option<&'a T>,
) -> Vec<(usize, &'a T)> {
    api.types
        .iter()
        .enumerate()
        .filter_map(|(index, def)| pick(&def.kind).map(|kind| (index, kind)))
        .collect()
}

/// Every enum's view, and its members spelled `Enum.MEMBER`; worked out on two threads.
fn enum_views(api: &Api, class_names: &[String]) -> (Vec<EnumView>, Members) {
    let enum_types = types_of(api, |kind| match kind {
        TypeKind::Enum(values) => Some(values),
        _ => None,
    });
    // Each half remembers the member names it made: the same values recur across enums.
    let (results, _) = parallel::map_with(
        &enum_types,
        || Memo::new(names::enum_member),
        |member_names, &(index, values)| {
            let name = class_names[index].clone();
            let doc = type_doc(&api.types[index], &name);
            let view = enum_view(name.clone(), doc, values, member_names);
            let named = values.values.iter().map(|v| v.value.clone());
            let qualified = view.members.iter().map(|m| [&name, ".", &m.name].concat());
            let members: Vec<(EnumLiteral, String)> = named.zip(qualified).collect();
            (view, members)
        },
    );
    let (views, qualified): (Vec<EnumView>, Vec<_>) = results.into_iter().unzip();
    let ids = enum_types.iter().map(|&(index, _)| TypeId(index));
    (views, ids.zip(qualified).collect())
}

/// Every model's declaration, in type order, and what they import.
///
/// Models are most of the module, so they are written on two threads, each with its own memo of
/// field names and its own imports, which are merged.
fn model_texts(models: &ModelContext<'_>, class_names: &[String]) -> (Vec<String>, Uses) {
    let api = models.api;
    let structs = types_of(api, |kind| match kind {
        TypeKind::Struct(fields) => Some(fields),
        _ => None,
    });
    let (texts, halves) = parallel::map_with(
        &structs,
        || (Memo::new(names::field_name), Uses::default()),
        |(field_names, uses), &(index, fields)| {
            let name = class_names[index].clone();
            let doc = type_doc(&api.types[index], &name);
            let view = model_view(models, TypeId(index), name, doc, fields, field_names, uses);
            let mut text = String::with_capacity(512);
            view.write(&mut text);
            text
        },
    );
    let mut uses = Uses::default();
    for (_, used) in halves {
        uses.merge(used);
    }
    (texts, uses)
}

impl EnumView {
    fn write(&self, out: &mut String) {
        push_all(out, &["\n\nclass ", &self.name, "(", self.base, "):\n"]);
        if let Some(doc) = &self.doc {
            push_all(out, &["    \"\"\"", doc, "\"\"\"\n\n"]);
        }
        for member in &self.members {
            push_all(out, &["    ", &member.name, " = ", &member.value, "\n"]);
            if let Some(doc) = &member.doc {
                push_all(out, &["    \"\"\"", doc, "\"\"\"\n"]);
            }
        }
    }
}

impl ModelView {
    fn write(&self, out: &mut String) {
        push_all(out, &["\n\nclass ", &self.name, "(_pd.BaseModel):\n"]);
        if let Some(doc) = &self.doc {
            push_all(out, &["    \"\"\"", doc, "\"\"\"\n\n"]);
        }
        push_all(
            out,
            &["    model_config = _pd.ConfigDict(", &self.config, ")\n"],
        );
        if !self.fields.is_empty() {
            out.push('\n');
        }
        for field in &self.fields {
            push_all(out, &["    ", &field.name, ": ", &field.annotation]);
            if let Some(value) = &field.value {
                push_all(out, &[" = ", value]);
            }
            out.push('\n');
            if let Some(doc) = &field.doc {
                push_all(out, &["    \"\"\"", doc, "\"\"\"\n"]);
            }
        }
    }
}

impl AliasView {
    fn write(&self, out: &mut String) {
        out.push('\n');
        if let Some(comment) = &self.comment {
            push_all(out, &["# ", comment, "\n"]);
        }
        let Self { name, value, .. } = self;
        if self.recursive {
            push_all(
                out,
                &[
                    "if _t.TYPE_CHECKING:\n    ",
                    name,
                    ": _t.TypeAlias = ",
                    value,
                    "\nelse:\n    \
                     # A recursive alias: pydantic resolves it lazily as a TypeAliasType.\n    ",
                    name,
                    " = _te.TypeAliasType(",
                    &self.name_literal,
                    ", ",
                    value,
                    ")\n",
                ],
            );
        } else {
            push_all(out, &[name, ": _t.TypeAlias = ", value, "\n"]);
        }
    }
}

fn enum_view<'a>(
    name: String,
    doc: Option<String>,
    values: &'a crate::ir::Enum,
    member_names: &mut Memo<'a>,
) -> EnumView {
    let is_integer = values
        .values
        .iter()
        .all(|v| matches!(v.value, EnumLiteral::Integer(_)));
    let mut scope = Scope::with_reserved(&["mro", "name", "value"]);
    let members = values
        .values
        .iter()
        .map(|value| {
            let member = match (&value.name, &value.value) {
                (Some(given), _) => member_names.name(given),
                (None, EnumLiteral::String(text)) => member_names.name(text),
                (None, EnumLiteral::Integer(number)) if *number < 0 => {
                    names::enum_member(&format!("value_minus_{}", number.unsigned_abs()))
                }
                (None, EnumLiteral::Integer(number)) => {
                    names::enum_member(&format!("value_{number}"))
                }
            };
            let literal = match &value.value {
                EnumLiteral::String(text) => escape::string_literal(text),
                EnumLiteral::Integer(number) => number.to_string(),
            };
            MemberView {
                name: scope.claim(member),
                value: literal,
                doc: value
                    .description
                    .as_deref()
                    .and_then(|text| escape::docstring(text, "    ")),
            }
        })
        .collect();
    EnumView {
        name,
        base: if is_integer {
            "_enum.IntEnum"
        } else {
            "str, _enum.Enum"
        },
        doc,
        members,
    }
}

/// Enum members by enum and wire value, spelled `Enum.MEMBER`.
type Members = BTreeMap<TypeId, Vec<(EnumLiteral, String)>>;

/// What building a model needs besides the model.
struct ModelContext<'a> {
    api: &'a Api,
    context: Context<'a>,
    pinned: &'a Pinned,
    members: &'a Members,
    /// Which models the client reads: their enum fields keep unlisted values.
    usage: &'a Usage,
    open: &'a [Option<Open>],
}

fn model_view<'a>(
    models: &ModelContext<'_>,
    id: TypeId,
    name: String,
    doc: Option<String>,
    model: &'a Struct,
    field_names: &mut Memo<'a>,
    uses: &mut Uses,
) -> ModelView {
    let mut scope = Scope::default();
    let mut arbitrary_types = false;
    let context = Context {
        open: if models.usage.is_received(id) {
            models.open
        } else {
            &[]
        },
        ..models.context
    };
    let fields = model
        .fields
        .iter()
        .map(|field| {
            let python_name = scope.claim(field_names.name(&field.name));
            arbitrary_types |= types::holds_binary(models.api, &field.ty);
            let tags = models.pinned.get(&(id, field.name.clone()));
            field_view(models, context, python_name, field, tags, uses)
        })
        .collect();
    let mut config = vec!["validate_by_name=True", "validate_by_alias=True"];
    if model.additional_properties.is_some() {
        config.push("extra=\"allow\"");
    }
    if arbitrary_types {
        config.push("arbitrary_types_allowed=True");
    }
    ModelView {
        name,
        doc,
        config: config.join(", "),
        fields,
    }
}

fn field_view(
    models: &ModelContext<'_>,
    context: Context<'_>,
    python_name: String,
    field: &Field,
    tags: Option<&BTreeSet<String>>,
    uses: &mut Uses,
) -> FieldView {
    let spec_default = match (field.required, &field.default) {
        (false, Some(value)) => default_of(&field.ty, value, models.members),
        _ => None,
    };
    let (annotation, default) = match tags {
        Some(tags) => {
            uses.typing = true;
            let literals: Vec<String> = tags.iter().map(|t| escape::string_literal(t)).collect();
            (format!("_t.Literal[{}]", literals.join(", ")), None)
        }
        None => {
            let annotation = types::annotation(&field.ty, context, uses);
            match spec_default {
                _ if field.required => (annotation, None),
                Some(default) => (annotation, Some(default)),
                None if matches!(field.ty, Type::Nullable(_) | Type::Any) => {
                    (annotation, Some(Default::Value("None".to_string())))
                }
                None => (
                    annotation + " | None",
                    Some(Default::Value("None".to_string())),
                ),
            }
        }
    };
    let mut arguments = Vec::new();
    match &default {
        Some(Default::Value(value)) => arguments.push(["default=", value].concat()),
        Some(Default::Factory(factory)) => arguments.push(["default_factory=", factory].concat()),
        None => {}
    }
    if python_name != field.name {
        let wire = escape::string_literal(&field.name);
        arguments.push(["validation_alias=", &wire].concat());
        arguments.push(["serialization_alias=", &wire].concat());
    }
    if tags.is_none() {
        arguments.extend(constraints::field_arguments(&field.constraints, &field.ty));
    }
    let value = match (arguments.len(), &default) {
        (0, _) => None,
        (1, Some(Default::Value(value))) => Some(value.clone()),
        _ => {
            uses.pydantic = true;
            let one_line = format!("_pd.Field({})", arguments.join(", "));
            let width =
                "    ".len() + python_name.len() + ": ".len() + annotation.len() + " = ".len();
            if width + one_line.len() <= LINE_LENGTH {
                Some(one_line)
            } else {
                let lines: String = arguments
                    .iter()
                    .map(|a| format!("        {a},\n"))
                    .collect();
                Some(format!("_pd.Field(\n{lines}    )"))
            }
        }
    };
    FieldView {
        name: python_name,
        annotation,
        value,
        doc: field
            .own_description(models.api)
            .and_then(|text| escape::docstring(text, "    ")),
    }
}

/// What spelling a union's alternatives needs to know about the enums among them.
#[derive(Clone, Copy)]
struct Choice<'a> {
    api: &'a Api,
    /// [`types::open_enums`].
    open: &'a [Option<Open>],
    /// Whether the client reads the union.
    received: bool,
}

impl Choice<'_> {
    /// The literal a one-value enum alternative is spelled as (`_t.Literal[""]` for
    /// drf-spectacular's `BlankEnum`).
    fn constant(&self, variant: &Type) -> Option<String> {
        let TypeKind::Enum(values) = &self.api.type_def(variant.named()?).kind else {
            return None;
        };
        match (variant, values.constant()?) {
            (Type::Named(_), EnumLiteral::String(text)) => Some(escape::string_literal(text)),
            (Type::Named(_), EnumLiteral::Integer(number)) => Some(number.to_string()),
            _ => None,
        }
    }

    /// The wrapper that keeps an unlisted value of a union read by the client whose
    /// alternatives are all enums of one kind (`_http.Open[_t.Union[ThemeEnum,
    /// _t.Literal[""]]]`): the enums are spelled closed inside it, so the unknown value is tried
    /// last, after every listed one.
    fn open_wrapper(&self, union: &Union) -> Option<Open> {
        if !self.received {
            return None;
        }
        let mut wrappers = union.variants.iter().map(|variant| match variant {
            Type::Named(id) => self.open.get(id.0).copied().flatten(),
            _ => None,
        });
        let first = wrappers.next()??;
        wrappers
            .all(|wrapper| wrapper == Some(first))
            .then_some(first)
    }
}

fn union_annotation(
    union: &Union,
    pinned: &Pinned,
    choice: Choice<'_>,
    context: Context<'_>,
    uses: &mut Uses,
) -> String {
    let open = choice.open_wrapper(union);
    let context = Context {
        open: if open.is_some() { &[] } else { context.open },
        ..context
    };
    let mut variants: Vec<String> = Vec::new();
    let mut literals: Vec<String> = Vec::new();
    for variant in &union.variants {
        if let Some(literal) = choice.constant(variant) {
            literals.push(literal);
            continue;
        }
        let spelled = types::annotation(variant, context, uses);
        if !variants.contains(&spelled) {
            variants.push(spelled);
        }
    }
    if !literals.is_empty() {
        uses.typing = true;
        variants.push(format!("_t.Literal[{}]", literals.join(", ")));
    }
    let plain = if variants.len() == 1 {
        variants.remove(0)
    } else {
        format!("_t.Union[{}]", variants.join(", "))
    };
    let plain = match open {
        Some(open) => {
            uses.http = true;
            open.wrap(&plain, false)
        }
        None => plain,
    };
    match &union.discriminator {
        Some(discriminator) if is_pinned(union, pinned) => {
            uses.pydantic = true;
            let property = escape::string_literal(&discriminator.property);
            format!("_t.Annotated[{plain}, _pd.Field(discriminator={property})]")
        }
        _ => plain,
    }
}

fn is_pinned(union: &Union, pinned: &Pinned) -> bool {
    let Some(discriminator) = &union.discriminator else {
        return false;
    };
    union.variants.len() > 1
        && discriminator
            .mapping
            .iter()
            .all(|(_, id)| pinned.contains_key(&(*id, discriminator.property.clone())))
}

/// A field's default value in Python.
enum Default {
    /// `= value`.
    Value(String),
    /// `default_factory=...` (mutable containers).
    Factory(&'static str),
}

/// The spec's default as a Python value of type `ty`, when it is one Python can spell safely.
fn default_of(ty: &Type, value: &Value, members: &Members) -> Option<Default> {
    let literal = match (ty, value) {
        (Type::Nullable(_), Value::Null) => "None".to_string(),
        (Type::Nullable(inner), value) => return default_of(inner, value, members),
        (Type::Boolean, Value::Bool(flag)) => if *flag { "True" } else { "False" }.to_string(),
        (Type::Integer(_), Value::Number(number)) if number.is_i64() || number.is_u64() => {
            number.to_string()
        }
        (Type::Number(_), Value::Number(number)) => number.to_string(),
        (Type::String(format), Value::String(text)) if format.is_plain() => {
            escape::string_literal(text)
        }
        (Type::List(_), Value::Array(items)) if items.is_empty() => {
            return Some(Default::Factory("list"));
        }
        (Type::Map(_), Value::Object(entries)) if entries.is_empty() => {
            return Some(Default::Factory("dict"));
        }
        (Type::Named(id), value) => {
            let wanted = match value {
                Value::String(text) => EnumLiteral::String(text.clone()),
                Value::Number(number) => EnumLiteral::Integer(number.as_i64()?),
                _ => return None,
            };
            members
                .get(id)?
                .iter()
                .find(|(literal, _)| *literal == wanted)
                .map(|(_, member)| member.clone())?
        }
        _ => return None,
    };
    Some(Default::Value(literal))
}

/// The class docstring.
fn type_doc(def: &crate::ir::TypeDef, class_name: &str) -> Option<String> {
    def.documentation(class_name)
        .and_then(|text| escape::docstring(text, "    "))
}

/// Finds the discriminated unions pydantic can tag: every variant a model whose discriminator
/// field is a plain string, and no model pinned to two different properties. Those fields become
/// `Literal[...]` of their tags.
fn pinned_discriminators(api: &Api) -> Pinned {
    let mut pinned = Pinned::new();
    let mut property_of: BTreeMap<TypeId, String> = BTreeMap::new();
    for def in &api.types {
        let TypeKind::Union(union) = &def.kind else {
            continue;
        };
        let Some(discriminator) = &union.discriminator else {
            continue;
        };
        let variants_are_tagged = union.variants.iter().all(|variant| match variant {
            Type::Named(id) => discriminator.mapping.iter().any(|(_, target)| target == id),
            _ => false,
        });
        let taggable = variants_are_tagged
            && discriminator.mapping.iter().all(|(_, id)| {
                let plain_string_field = match &api.type_def(*id).kind {
                    TypeKind::Struct(model) => model.fields.iter().any(|field| {
                        field.name == discriminator.property
                            && matches!(field.ty, Type::String(format) if format.is_plain())
                    }),
                    _ => false,
                };
                let same_property = property_of
                    .get(id)
                    .is_none_or(|property| *property == discriminator.property);
                plain_string_field && same_property
            });
        if !taggable {
            continue;
        }
        for (tag, id) in &discriminator.mapping {
            property_of.insert(*id, discriminator.property.clone());
            pinned
                .entry((*id, discriminator.property.clone()))
                .or_default()
                .insert(tag.clone());
        }
    }
    pinned
}

/// Aliases and unions in an order where each comes after the aliases it refers to (models and
/// enums are defined before every alias, so only alias-to-alias references matter).
fn alias_order(api: &Api) -> Vec<TypeId> {
    dependency_order(api, |kind| {
        matches!(kind, TypeKind::Alias(_) | TypeKind::Union(_))
    })
}

/// Models in the order of their `model_rebuild()` calls: each after the models it refers to, so
/// pydantic finds them built. Rebuilding the outermost of 200 nested models first recurses
/// through all of them and exceeds Python's recursion limit.
fn rebuild_order(api: &Api) -> Vec<TypeId> {
    dependency_order(api, |_| true)
        .into_iter()
        .filter(|id| matches!(api.type_def(*id).kind, TypeKind::Struct(_)))
        .collect()
}

/// Every type once, each after the types it refers to, following references only from and to
/// kinds `through` accepts: a depth-first post-order in type order, cycles cut where they close.
/// The walk keeps its own stack, so a long chain of references cannot overflow the thread's.
fn dependency_order(api: &Api, through: fn(&TypeKind) -> bool) -> Vec<TypeId> {
    let references = |id: TypeId| {
        let mut referenced = Vec::new();
        let kind = &api.type_def(id).kind;
        if through(kind) {
            kind.for_each_named(&mut |target| {
                if through(&api.type_def(target).kind) {
                    referenced.push(target);
                }
            });
        }
        referenced.into_iter()
    };
    let mut seen = vec![false; api.types.len()];
    let mut order = Vec::with_capacity(api.types.len());
    for root in (0..api.types.len()).map(TypeId) {
        if std::mem::replace(&mut seen[root.0], true) {
            continue;
        }
        let mut stack = vec![(root, references(root))];
        while let Some((id, pending)) = stack.last_mut() {
            let id = *id;
            match pending.next() {
                Some(next) if !std::mem::replace(&mut seen[next.0], true) => {
                    stack.push((next, references(next)));
                }
                Some(_) => {}
                None => {
                    order.push(id);
                    stack.pop();
                }
            }
        }
    }
    order
}
