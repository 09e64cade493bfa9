//! The view of the schemas package: one module per model, enum or alias, or per group of types
//! that refer to each other in a cycle, and an `__init__.py` that imports a module only when one
//! of its names is first used (PEP 562), while type checkers see every name. Every name and
//! annotation is decided here so the templates only lay them out.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::Value;

use super::constraints;
use super::escape;
use super::imports;
use super::names::{self, Scope};
use super::operations::LINE_LENGTH;
use super::types::{self, Context, Open, Uses};
use crate::ir::{Api, EnumLiteral, Field, Struct, Type, TypeId, TypeKind, Union, Usage};
use crate::targets::naming::Memo;
use crate::targets::parallel;
use crate::targets::text::push_all;

/// What the schemas package holds: `__init__.py` and the modules.
///
/// The declarations are written straight into strings (see [`SchemasView::declarations`]): a
/// big spec has thousands of them, and a template loop over them costs more than the rest of
/// generation together. The modules' skeletons stay in the templates.
#[derive(Debug)]
pub struct SchemasPackage {
    /// `from ._user import User as User` lines, indented for `__init__.py`'s
    /// `if TYPE_CHECKING:` block, so that checkers see every name.
    pub reexports: String,
    /// The entries of `__init__.py`'s map from each name to the module that defines it
    /// (`    "User": "._user",`), one a line.
    pub module_of: String,
    /// The entries of `__init__.py`'s map from each module to the modules it imports
    /// (`"._pet": ("._owner", "._tag"),`), one a line, for the modules that import any: it
    /// imports those first, so that a long chain of references never nests one import in
    /// another past Python's recursion limit.
    pub needs: String,
    /// The modules, by name (`_user`), in the order of their first type.
    pub modules: Vec<(String, SchemasView)>,
}

/// What one module of the schemas package holds.
#[derive(Debug, Serialize)]
pub struct SchemasView {
    /// The module's docstring: the names it defines.
    pub doc: String,
    /// Imports the module needs.
    pub uses: Uses,
    /// Whether there is an enum (`import enum`).
    pub has_enums: bool,
    /// Whether there is a model (`import pydantic`).
    pub has_models: bool,
    /// `from ._other import Name` lines for the types of other modules it names.
    pub imports: String,
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

/// One type's declaration and what it imports.
#[derive(Debug, Default)]
struct Declaration {
    text: String,
    uses: Uses,
}

/// Builds the view of the schemas package; `open` is [`types::open_enums`] of `api`, used in
/// the models and aliases the client reads.
pub fn package(api: &Api, class_names: &[String], open: &[Option<Open>]) -> SchemasPackage {
    let context = Context {
        class_names,
        prefix: "",
        binary_is_upload: true,
        pending: &[],
        open: &[],
        as_value: false,
    };
    let usage = Usage::of(api);
    let pinned = pinned_discriminators(api);
    let mut declarations: Vec<Declaration> =
        api.types.iter().map(|_| Declaration::default()).collect();
    // Aliases in an order where each follows those it names. An alias in another module is
    // imported before this module's are defined: references between modules never close a
    // cycle, so the one it names comes first in this order too.
    let mut pending: Vec<bool> = api
        .types
        .iter()
        .map(|def| matches!(def.kind, TypeKind::Alias(_) | TypeKind::Union(_)))
        .collect();
    let alias_order = alias_order(api);
    for &id in &alias_order {
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
        let uses = &mut declarations[id.0].uses;
        let value = match &def.kind {
            TypeKind::Alias(ty) => {
                let value = types::annotation(ty, context, uses);
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
                union_annotation(union, &pinned, choice, context, uses)
            }
            TypeKind::Enum(_) | TypeKind::Struct(_) => continue,
        };
        uses.typing = true;
        uses.typing_extensions |= recursive;
        pending[id.0] = false;
        let alias = AliasView {
            name_literal: escape::string_literal(&class_names[id.0]),
            name: class_names[id.0].clone(),
            value,
            recursive,
            comment: def.description.as_deref().map(escape::comment),
        };
        alias.write(&mut declarations[id.0].text);
    }
    let (enums, members) = enum_views(api, class_names);
    for (id, view) in enums {
        view.write(&mut declarations[id.0].text);
    }
    let model_context = ModelContext {
        api,
        context,
        pinned: &pinned,
        members: &members,
        usage: &usage,
        open,
    };
    for (id, model) in model_texts(&model_context, class_names) {
        declarations[id.0] = model;
    }
    let groups = Groups::of(api, class_names);
    let aliases = groups.split(alias_order.into_iter().filter(|id| {
        matches!(
            api.type_def(*id).kind,
            TypeKind::Alias(_) | TypeKind::Union(_)
        )
    }));
    let rebuilds = groups.split(rebuild_order(api));
    let mut needs = String::new();
    let modules = (0..groups.members.len())
        .map(|group| {
            let named = named_elsewhere(api, &groups, group);
            if !named.is_empty() {
                let modules: Vec<String> = named
                    .keys()
                    .map(|other| format!("\".{}\"", groups.names[*other]))
                    .collect();
                // A tuple of one needs its comma.
                let comma = if modules.len() == 1 { "," } else { "" };
                let name = &groups.names[group];
                push_all(
                    &mut needs,
                    &[
                        "        \".",
                        name,
                        "\": (",
                        &modules.join(", "),
                        comma,
                        "),\n",
                    ],
                );
            }
            let order = [aliases[group].as_slice(), &rebuilds[group]];
            let view = module_view(
                api,
                class_names,
                &groups,
                group,
                &declarations,
                order,
                &named,
            );
            (groups.names[group].clone(), view)
        })
        .collect();
    let mut reexports = String::new();
    let mut module_of = String::new();
    let mut exported: Vec<(&str, &str)> = class_names
        .iter()
        .enumerate()
        .map(|(id, name)| (groups.names[groups.of[id]].as_str(), name.as_str()))
        .collect();
    exported.sort_by(|(module_a, a), (module_b, b)| {
        imports::compare_modules(module_a, module_b).then_with(|| imports::compare_names(a, b))
    });
    for (module, name) in exported {
        let one_line = ["    from .", module, " import ", name, " as ", name].concat();
        if one_line.len() <= LINE_LENGTH {
            push_all(&mut reexports, &[&one_line, "\n"]);
        } else {
            push_all(
                &mut reexports,
                &[
                    "    from .",
                    module,
                    " import (\n        ",
                    name,
                    " as ",
                    name,
                    ",\n    )\n",
                ],
            );
        }
        push_all(
            &mut module_of,
            &["        \"", name, "\": \".", module, "\",\n"],
        );
    }
    SchemasPackage {
        reexports,
        module_of,
        needs,
        modules,
    }
}

/// The types grouped into modules: each group a strongly connected component of the graph of
/// references between types (a single type unless it is in a cycle), in the order of their
/// first types.
struct Groups {
    /// The types of each group, in type order.
    members: Vec<Vec<TypeId>>,
    /// Each group's module name.
    names: Vec<String>,
    /// Each type's group.
    of: Vec<usize>,
    /// Whether each group is a cycle (of several types, or of one that names itself).
    cyclic: Vec<bool>,
}

impl Groups {
    /// The types of `order` by group, each group's in the order given.
    fn split(&self, order: impl IntoIterator<Item = TypeId>) -> Vec<Vec<TypeId>> {
        let mut split = vec![Vec::new(); self.members.len()];
        for id in order {
            split[self.of[id.0]].push(id);
        }
        split
    }

    fn of(api: &Api, class_names: &[String]) -> Groups {
        let members = components(api);
        let mut of = vec![0; api.types.len()];
        for (group, types) in members.iter().enumerate() {
            for id in types {
                of[id.0] = group;
            }
        }
        let cyclic = members
            .iter()
            .map(|types| {
                let mut names_itself = false;
                if let [id] = types.as_slice() {
                    api.type_def(*id)
                        .kind
                        .for_each_named(&mut |target| names_itself |= target == *id);
                }
                types.len() > 1 || names_itself
            })
            .collect();
        let mut scope = Scope::default();
        let names = members
            .iter()
            .map(|types| scope.claim(names::schema_module(&class_names[types[0].0])))
            .collect();
        Groups {
            members,
            names,
            of,
            cyclic,
        }
    }
}

/// The view of the module of `group`: its enums and models in type order, then its aliases
/// and its models' `model_rebuild()` calls in the orders `[aliases, rebuilds]` give (those of a
/// cycle only: a model that names no type of its own module is complete when its class is made),
/// importing the types of other modules it names, `named` ([`named_elsewhere`]).
fn module_view(
    api: &Api,
    class_names: &[String],
    groups: &Groups,
    group: usize,
    declarations: &[Declaration],
    [aliases, rebuilds]: [&[TypeId]; 2],
    named: &BTreeMap<usize, BTreeSet<TypeId>>,
) -> SchemasView {
    let members = &groups.members[group];
    let kind = |id: &TypeId| &api.type_def(*id).kind;
    let enums: Vec<TypeId> = members
        .iter()
        .copied()
        .filter(|id| matches!(kind(id), TypeKind::Enum(_)))
        .collect();
    let models: Vec<TypeId> = members
        .iter()
        .copied()
        .filter(|id| matches!(kind(id), TypeKind::Struct(_)))
        .collect();
    let mut uses = Uses::default();
    let mut text = String::new();
    for id in enums.iter().chain(&models) {
        uses.merge(declarations[id.0].uses);
        text.push_str(&declarations[id.0].text);
    }
    // Two blank lines after a class; one after the imports (isort's rule, ruff's I001).
    if !aliases.is_empty() && !text.is_empty() {
        text.push('\n');
    }
    for id in aliases {
        uses.merge(declarations[id.0].uses);
        text.push_str(&declarations[id.0].text);
    }
    if groups.cyclic[group] && !models.is_empty() {
        // Two blank lines after a class body, as PEP 8 and ruff put them.
        text.push_str("\n\n");
        for id in rebuilds {
            push_all(&mut text, &[&class_names[id.0], ".model_rebuild()\n"]);
        }
    }
    let names: Vec<String> = members
        .iter()
        .map(|id| format!("`{}`", class_names[id.0]))
        .collect();
    SchemasView {
        doc: names.join(", "),
        uses,
        has_enums: !enums.is_empty(),
        has_models: !models.is_empty(),
        imports: imports(class_names, groups, named),
        declarations: text,
    }
}

/// The types of other groups that the declarations of `group` name, by group.
fn named_elsewhere(api: &Api, groups: &Groups, group: usize) -> BTreeMap<usize, BTreeSet<TypeId>> {
    let mut named: BTreeMap<usize, BTreeSet<TypeId>> = BTreeMap::new();
    for id in &groups.members[group] {
        for_each_spelled(api, *id, &mut |target| {
            let other = groups.of[target.0];
            if other != group {
                named.entry(other).or_default().insert(target);
            }
        });
    }
    named
}

/// The `from ._other import A, B` lines of a module that names the types `named` of other
/// groups ([`named_elsewhere`]): one per module, each type once, sorted as ruff sorts imports.
fn imports(
    class_names: &[String],
    groups: &Groups,
    named: &BTreeMap<usize, BTreeSet<TypeId>>,
) -> String {
    let mut out = String::new();
    let mut named: Vec<(&str, &BTreeSet<TypeId>)> = named
        .iter()
        .map(|(other, types)| (groups.names[*other].as_str(), types))
        .collect();
    named.sort_by(|(a, _), (b, _)| imports::compare_modules(a, b));
    for (module, types) in named {
        let mut names: Vec<&str> = types.iter().map(|id| class_names[id.0].as_str()).collect();
        names.sort_by(|a, b| imports::compare_names(a, b));
        let start = format!("from .{module} import ");
        let one_line = [start.as_str(), &names.join(", ")].concat();
        if one_line.len() <= LINE_LENGTH {
            push_all(&mut out, &[&one_line, "\n"]);
        } else {
            push_all(&mut out, &[&start, "(\n"]);
            for name in names {
                push_all(&mut out, &["    ", name, ",\n"]);
            }
            out.push_str(")\n");
        }
    }
    out
}

/// Calls `visit` for every type the declaration of `id` names in its source: those
/// [`TypeKind::for_each_named`] gives, but for a model's additional properties (only
/// `extra="allow"`) and the one-value enums among a union's alternatives, which are spelled as
/// literals (see [`Choice::constant`]).
fn for_each_spelled(api: &Api, id: TypeId, visit: &mut impl FnMut(TypeId)) {
    match &api.type_def(id).kind {
        TypeKind::Struct(model) => model.fields.iter().for_each(|f| f.ty.for_each_named(visit)),
        TypeKind::Union(union) => {
            let choice = Choice {
                api,
                open: &[],
                received: false,
            };
            for variant in &union.variants {
                if choice.constant(variant).is_none() {
                    variant.for_each_named(visit);
                }
            }
        }
        kind => kind.for_each_named(visit),
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

/// Every enum's view, by type, and its members spelled `Enum.MEMBER`; worked out on two threads.
fn enum_views(api: &Api, class_names: &[String]) -> (Vec<(TypeId, EnumView)>, Members) {
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
    let ids: Vec<TypeId> = enum_types.iter().map(|&(index, _)| TypeId(index)).collect();
    let (views, qualified): (Vec<EnumView>, Vec<_>) = results.into_iter().unzip();
    let members = ids.iter().copied().zip(qualified).collect();
    (ids.into_iter().zip(views).collect(), members)
}

/// Every model's declaration and what it imports, by type, in type order.
///
/// Models are most of the package, so they are written on two threads, each with its own memo
/// of field names.
fn model_texts(models: &ModelContext<'_>, class_names: &[String]) -> Vec<(TypeId, Declaration)> {
    let api = models.api;
    let structs = types_of(api, |kind| match kind {
        TypeKind::Struct(fields) => Some(fields),
        _ => None,
    });
    let (texts, _) = parallel::map_with(
        &structs,
        || Memo::new(names::field_name),
        |field_names, &(index, fields)| {
            let name = class_names[index].clone();
            let doc = type_doc(&api.types[index], &name);
            let mut uses = Uses::default();
            let view = model_view(
                models,
                TypeId(index),
                name,
                doc,
                fields,
                field_names,
                &mut uses,
            );
            let mut text = String::with_capacity(512);
            view.write(&mut text);
            (TypeId(index), Declaration { text, uses })
        },
    );
    texts
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
                    types::with_none(&annotation),
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
        types::union_of(variants)
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

/// The strongly connected components of the graph of references between types, each in type
/// order, ordered by their first types (Tarjan's algorithm, with a stack of its own so that a
/// long chain of references cannot overflow the thread's).
fn components(api: &Api) -> Vec<Vec<TypeId>> {
    let references: Vec<Vec<usize>> = api
        .types
        .iter()
        .map(|def| {
            let mut targets = Vec::new();
            def.kind.for_each_named(&mut |id| targets.push(id.0));
            targets
        })
        .collect();
    let mut tarjan = Tarjan::new(api.types.len());
    let mut components = Vec::new();
    for root in 0..api.types.len() {
        if tarjan.seen(root) {
            continue;
        }
        tarjan.enter(root);
        // Each node being walked, with the position of the next reference to follow.
        let mut walk = vec![(root, 0)];
        while let Some(top) = walk.last_mut() {
            let (node, edge) = *top;
            if let Some(&target) = references[node].get(edge) {
                top.1 += 1;
                if !tarjan.seen(target) {
                    tarjan.enter(target);
                    walk.push((target, 0));
                } else if tarjan.on_stack[target] {
                    tarjan.low[node] = tarjan.low[node].min(tarjan.index[target]);
                }
                continue;
            }
            walk.pop();
            if let Some(&(parent, _)) = walk.last() {
                tarjan.low[parent] = tarjan.low[parent].min(tarjan.low[node]);
            }
            if tarjan.low[node] == tarjan.index[node] {
                components.push(tarjan.leave(node));
            }
        }
    }
    components.sort();
    components
}

/// The state of [`components`]' walk.
struct Tarjan {
    /// The order in which each node was entered; `usize::MAX` before.
    index: Vec<usize>,
    /// The lowest index reachable from each node through the nodes on the stack.
    low: Vec<usize>,
    on_stack: Vec<bool>,
    stack: Vec<usize>,
    next: usize,
}

impl Tarjan {
    fn new(count: usize) -> Tarjan {
        Tarjan {
            index: vec![usize::MAX; count],
            low: vec![0; count],
            on_stack: vec![false; count],
            stack: Vec::new(),
            next: 0,
        }
    }

    fn seen(&self, node: usize) -> bool {
        self.index[node] != usize::MAX
    }

    fn enter(&mut self, node: usize) {
        self.index[node] = self.next;
        self.low[node] = self.next;
        self.next += 1;
        self.stack.push(node);
        self.on_stack[node] = true;
    }

    /// Pops the component whose first-entered node is `root`, in type order.
    fn leave(&mut self, root: usize) -> Vec<TypeId> {
        let mut component = Vec::new();
        while let Some(member) = self.stack.pop() {
            self.on_stack[member] = false;
            component.push(TypeId(member));
            if member == root {
                break;
            }
        }
        component.sort();
        component
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Spec;

    /// The schemas package of a spec whose components are `schemas`.
    fn package_of(schemas: serde_json::Value) -> SchemasPackage {
        let document = serde_json::json!({
            "openapi": "3.0.3",
            "info": { "title": "t", "version": "1" },
            "paths": {},
            "components": { "schemas": schemas },
        });
        let spec = Spec::from_text("t.json", document.to_string()).expect("the spec loads");
        let class_names: Vec<String> = spec
            .api
            .types
            .iter()
            .map(|def| names::class_name(&def.name))
            .collect();
        package(&spec.api, &class_names, &types::open_enums(&spec.api))
    }

    fn module<'a>(package: &'a SchemasPackage, name: &str) -> &'a SchemasView {
        let found = package.modules.iter().find(|(module, _)| module == name);
        &found.unwrap_or_else(|| panic!("no module {name}")).1
    }

    #[test]
    fn types_in_a_cycle_share_a_module_and_the_others_get_one_each() {
        let package = package_of(serde_json::json!({
            "Owner": { "type": "object", "properties": { "pets": {
                "type": "array", "items": { "$ref": "#/components/schemas/Pet" } } } },
            "Pet": { "type": "object", "properties": {
                "owner": { "$ref": "#/components/schemas/Owner" },
                "tag": { "$ref": "#/components/schemas/Tag" } } },
            "Tag": { "type": "string", "enum": ["a", "b"] },
        }));
        let names: Vec<&str> = package
            .modules
            .iter()
            .map(|(name, _)| name.as_str())
            .collect();
        assert_eq!(names, ["_owner", "_tag"]);
        let owner = module(&package, "_owner");
        assert_eq!(owner.imports, "from ._tag import Tag\n");
        assert!(
            owner.declarations.contains("class Owner(")
                && owner.declarations.contains("class Pet(")
        );
        for rebuild in ["\nOwner.model_rebuild()\n", "\nPet.model_rebuild()\n"] {
            assert!(
                owner.declarations.contains(rebuild),
                "{}",
                owner.declarations
            );
        }
        assert!(module(&package, "_tag").imports.is_empty());
        assert_eq!(package.needs, "        \"._owner\": (\"._tag\",),\n");
        assert!(
            package
                .module_of
                .contains("        \"Pet\": \"._owner\",\n")
        );
        assert!(
            package
                .reexports
                .contains("    from ._owner import Pet as Pet\n")
        );
    }

    #[test]
    fn a_model_outside_a_cycle_is_not_rebuilt_and_imports_only_what_it_spells() {
        let package = package_of(serde_json::json!({
            "Extra": { "type": "object", "properties": { "id": { "type": "integer" } } },
            "Open": { "type": "object", "properties": { "name": { "type": "string" } },
                      "additionalProperties": { "$ref": "#/components/schemas/Extra" } },
        }));
        let open = module(&package, "_open");
        assert!(!open.declarations.contains("model_rebuild"));
        assert_eq!(open.imports, "", "extra=\"allow\" names no type");
        assert!(package.needs.is_empty());
    }

    #[test]
    fn a_long_chain_of_references_is_walked_without_recursion() {
        let mut schemas = serde_json::Map::new();
        for level in 0..10_000 {
            let next = format!("#/components/schemas/Level{}", level + 1);
            schemas.insert(
                format!("Level{level}"),
                serde_json::json!({ "type": "object", "properties": { "next": { "$ref": next } } }),
            );
        }
        schemas.insert(
            "Level10000".to_string(),
            serde_json::json!({ "type": "string" }),
        );
        let package = package_of(serde_json::Value::Object(schemas));
        assert!(package.modules.len() >= 10_000);
        assert!(
            package
                .needs
                .contains("\"._level9999\": (\"._level10000\",),")
        );
    }
}
