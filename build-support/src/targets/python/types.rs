//! How IR types are spelled as Python annotations.

use rustc_hash::FxHashSet;

use crate::ir::{Api, StringFormat, Type, TypeId, TypeKind};

/// What a set of annotations needs imported in the module that holds them.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Uses {
    /// `datetime` (as `_dt`).
    pub datetime: bool,
    /// `uuid` (as `_uuid`).
    pub uuid: bool,
    /// `typing` (as `_t`).
    pub typing: bool,
    /// `typing_extensions` (as `_te`).
    pub typing_extensions: bool,
    /// `pydantic` (as `_pd`).
    pub pydantic: bool,
    /// The package's `transport` module (as `_http`).
    pub http: bool,
    /// The package's `schemas` package (outside it).
    pub schemas: bool,
}

impl Uses {
    /// Adds what `other` needs.
    pub fn merge(&mut self, other: Uses) {
        let Uses {
            datetime,
            uuid,
            typing,
            typing_extensions,
            pydantic,
            http,
            schemas,
        } = other;
        self.datetime |= datetime;
        self.uuid |= uuid;
        self.typing |= typing;
        self.typing_extensions |= typing_extensions;
        self.pydantic |= pydantic;
        self.http |= http;
        self.schemas |= schemas;
    }
}

/// Where an annotation is written, which decides how names and raw bytes are spelled.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// Class names by [`crate::ir::TypeId`].
    pub class_names: &'a [String],
    /// Prefix for schema classes: `""` inside the schemas package, `"schemas."` elsewhere.
    pub prefix: &'a str,
    /// Whether [`Type::Binary`] is an uploaded file (model fields, request bodies) rather than
    /// bytes that came back.
    pub binary_is_upload: bool,
    /// Types (by [`crate::ir::TypeId`]) not yet defined where the annotation is evaluated; their
    /// names are written as string forward references. Shorter than the type list means `false`.
    pub pending: &'a [bool],
    /// Where the client reads the annotated value, how each enum keeps a value it does not
    /// list, by [`crate::ir::TypeId`] (see [`open_enums`]). Empty where the client sends: there
    /// only listed values are accepted.
    pub open: &'a [Option<Open>],
    /// Whether the annotation is also evaluated as a value (`decode_json(response, <here>)`),
    /// where mypy refuses a generic alias applied to a type: open enums are then spelled out.
    pub as_value: bool,
}

/// How an enum keeps a value it does not list where the client reads it: `_http.Open[Status]`
/// is `Status | _http.UnknownStr`, validated left to right, and `_http.UnknownStr` only
/// validates while a response is decoded, so a model the caller builds still accepts listed
/// values only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Open {
    /// A string enum: `_http.Open[...]`, unknown values are `_http.UnknownStr`.
    Str,
    /// An integer enum: `_http.OpenInt[...]`, unknown values are `_http.UnknownInt`.
    Int,
}

impl Open {
    /// `inner` (an enum, or a union of enums and literals) as the client reads it.
    pub fn wrap(self, inner: &str, as_value: bool) -> String {
        let (alias, unknown) = match self {
            Open::Str => ("_http.Open", "_http.UnknownStr"),
            Open::Int => ("_http.OpenInt", "_http.UnknownInt"),
        };
        if as_value {
            let union = union_of(vec![inner.to_string(), unknown.to_string()]);
            format!("_t.Annotated[{union}, _http.LEFT_TO_RIGHT]")
        } else {
            format!("{alias}[{inner}]")
        }
    }
}

/// For every type, how it keeps an unlisted value where it is read; `None` for what is not an
/// enum.
pub fn open_enums(api: &Api) -> Vec<Option<Open>> {
    api.types
        .iter()
        .map(|def| match &def.kind {
            TypeKind::Enum(values) if values.holds_integers() => Some(Open::Int),
            TypeKind::Enum(_) => Some(Open::Str),
            _ => None,
        })
        .collect()
}

/// Spells `ty` as a Python annotation in `context`, recording the imports it needs.
pub fn annotation(ty: &Type, context: Context<'_>, uses: &mut Uses) -> String {
    match ty {
        Type::Any => {
            uses.typing = true;
            "_t.Any".to_string()
        }
        // An optional field or a nullable type adds `| None` with `with_none`, which sees it.
        Type::Null => "None".to_string(),
        Type::Boolean => "bool".to_string(),
        Type::Integer(_) => "int".to_string(),
        Type::Number(_) => "float".to_string(),
        Type::String(format) => match format {
            StringFormat::Plain | StringFormat::Uri => "str".to_string(),
            StringFormat::DateTime => {
                uses.datetime = true;
                "_dt.datetime".to_string()
            }
            StringFormat::Date => {
                uses.datetime = true;
                "_dt.date".to_string()
            }
            StringFormat::Uuid => {
                uses.uuid = true;
                "_uuid.UUID".to_string()
            }
            StringFormat::Byte => {
                uses.pydantic = true;
                "_pd.Base64Bytes".to_string()
            }
        },
        Type::Binary if context.binary_is_upload => {
            uses.http = true;
            "_http.FileContent".to_string()
        }
        Type::Binary => "bytes".to_string(),
        // The multipart encoder sends a file as a file part and text as a text field.
        Type::FileOrText => {
            uses.http = true;
            "str | _http.FileContent".to_string()
        }
        Type::Named(id) if context.pending.get(id.0).copied().unwrap_or(false) => {
            format!("\"{}{}\"", context.prefix, context.class_names[id.0])
        }
        Type::Named(id) => {
            uses.schemas |= !context.prefix.is_empty();
            let name = format!("{}{}", context.prefix, context.class_names[id.0]);
            match context.open.get(id.0).copied().flatten() {
                Some(open) => {
                    uses.http = true;
                    uses.typing |= context.as_value;
                    open.wrap(&name, context.as_value)
                }
                None => name,
            }
        }
        Type::List(item) => format!("list[{}]", annotation(item, context, uses)),
        Type::Map(value) => format!("dict[str, {}]", annotation(value, context, uses)),
        Type::Nullable(inner) => with_none(&annotation(inner, context, uses)),
    }
}

/// `annotation | None`, unless `annotation` already admits `None` at its top level (`None`,
/// `int | None`, `_t.Any`). A string forward reference gains it inside its quotes (`"Node"` is
/// `"Node | None"`): `"Node" | None`, like `None | None`, fails at run time.
pub fn with_none(annotation: &str) -> String {
    if let Some(name) = forward_reference(annotation) {
        return if admits_none(name) {
            annotation.to_string()
        } else {
            format!("\"{name} | None\"")
        };
    }
    if admits_none(annotation) {
        annotation.to_string()
    } else {
        format!("{annotation} | None")
    }
}

/// Whether `annotation` is `_t.Any`, or `None` is one of its top-level alternatives.
fn admits_none(annotation: &str) -> bool {
    let mut depth = 0usize;
    let mut start = 0;
    let mut alternatives = Vec::new();
    for (index, c) in annotation.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            '|' if depth == 0 => {
                alternatives.push(annotation[start..index].trim());
                start = index + 1;
            }
            _ => {}
        }
    }
    alternatives.push(annotation[start..].trim());
    annotation == "_t.Any" || alternatives.contains(&"None")
}

/// `members` as one union annotation, `A | B`, with `None` once and last (`str | None` and
/// `int | None` make `str | int | None`). A string forward reference (`"Node"`) has no `|` at
/// run time: a union holding one is spelled `_t.Union["Node", str]`.
pub fn union_of(members: Vec<String>) -> String {
    if members.iter().any(|member| member.starts_with('"')) {
        return format!("_t.Union[{}]", members.join(", "));
    }
    let mut nullable = false;
    let mut spelled: Vec<String> = Vec::with_capacity(members.len());
    for member in members {
        let member = match member.strip_suffix(" | None") {
            Some(inner) => {
                nullable = true;
                inner.to_string()
            }
            None if member == "None" => {
                nullable = true;
                continue;
            }
            None => member,
        };
        if !spelled.contains(&member) {
            spelled.push(member);
        }
    }
    if nullable {
        spelled.push("None".to_string());
    }
    spelled.join(" | ")
}

/// The name inside a string forward reference (`"Node"` → `Node`).
fn forward_reference(annotation: &str) -> Option<&str> {
    annotation.strip_prefix('"')?.strip_suffix('"')
}

/// Whether `ty`, wherever it is nested, holds an uploaded file; aliases and unions it names are
/// looked through (a model field typed `Blob`, an alias of binary, holds one too).
pub fn holds_binary(api: &Api, ty: &Type) -> bool {
    holds_binary_seen(api, ty, &mut FxHashSet::default())
}

fn holds_binary_seen(api: &Api, ty: &Type, seen: &mut FxHashSet<TypeId>) -> bool {
    match ty {
        Type::Binary | Type::FileOrText => true,
        Type::List(inner) | Type::Map(inner) | Type::Nullable(inner) => {
            holds_binary_seen(api, inner, seen)
        }
        Type::Named(id) if seen.insert(*id) => match &api.type_def(*id).kind {
            TypeKind::Alias(aliased) => holds_binary_seen(api, aliased, seen),
            TypeKind::Union(union) => union
                .variants
                .iter()
                .any(|variant| holds_binary_seen(api, variant, seen)),
            TypeKind::Struct(_) | TypeKind::Enum(_) => false,
        },
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::TypeId;

    #[test]
    fn none_is_added_once_at_the_top_level() {
        assert_eq!(with_none("models.User"), "models.User | None");
        assert_eq!(
            with_none("None | models.NotFound"),
            "None | models.NotFound"
        );
        assert_eq!(with_none("None"), "None");
        assert_eq!(
            with_none("dict[str, int | None]"),
            "dict[str, int | None] | None"
        );
        assert_eq!(with_none("_t.Any"), "_t.Any");
        assert_eq!(with_none("\"Node\""), "\"Node | None\"");
        assert_eq!(with_none("\"Node | None\""), "\"Node | None\"");
    }

    #[test]
    fn union_members_share_one_none_last() {
        let members = ["str | None", "None", "int | None", "str"].map(String::from);
        assert_eq!(union_of(members.to_vec()), "str | int | None");
        let forward = ["\"Node\"", "int"].map(String::from);
        assert_eq!(union_of(forward.to_vec()), "_t.Union[\"Node\", int]");
    }

    #[test]
    fn nullable_forward_reference_is_quoted_whole() {
        let class_names = ["Json".to_string()];
        let context = Context {
            class_names: &class_names,
            prefix: "",
            binary_is_upload: false,
            pending: &[true],
            open: &[],
            as_value: false,
        };
        let ty = Type::List(Box::new(Type::Nullable(Box::new(Type::Named(TypeId(0))))));
        let spelled = annotation(&ty, context, &mut Uses::default());
        assert_eq!(spelled, "list[\"Json | None\"]");
    }
}
