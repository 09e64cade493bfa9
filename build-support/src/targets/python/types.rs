//! How IR types are spelled as Python annotations.

use crate::ir::{Api, StringFormat, Type};

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
    /// The package's `http` module (as `_http`).
    pub http: bool,
    /// The package's `schemas` module (outside `schemas.py`).
    pub schemas: bool,
}

/// Where an annotation is written, which decides how names and raw bytes are spelled.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// Class names by [`crate::ir::TypeId`].
    pub class_names: &'a [String],
    /// Prefix for schema classes: `""` inside `schemas.py`, `"schemas."` elsewhere.
    pub prefix: &'a str,
    /// Whether [`Type::Binary`] is an uploaded file (model fields, request bodies) rather than
    /// bytes that came back.
    pub binary_is_upload: bool,
    /// Types (by [`crate::ir::TypeId`]) not yet defined where the annotation is evaluated; their
    /// names are written as string forward references. Shorter than the type list means `false`.
    pub pending: &'a [bool],
}

/// Spells `ty` as a Python annotation in `context`, recording the imports it needs.
pub fn annotation(api: &Api, ty: &Type, context: Context<'_>, uses: &mut Uses) -> String {
    match ty {
        Type::Any => {
            uses.typing = true;
            "_t.Any".to_string()
        }
        Type::Boolean => "bool".to_string(),
        Type::Integer(_) => "int".to_string(),
        Type::Number(_) => "float".to_string(),
        Type::String(format) => match format {
            StringFormat::Plain => "str".to_string(),
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
        Type::Named(id) if context.pending.get(id.0).copied().unwrap_or(false) => {
            format!("\"{}{}\"", context.prefix, context.class_names[id.0])
        }
        Type::Named(id) => {
            uses.schemas |= !context.prefix.is_empty();
            format!("{}{}", context.prefix, context.class_names[id.0])
        }
        Type::List(item) => format!("list[{}]", annotation(api, item, context, uses)),
        Type::Map(value) => format!("dict[str, {}]", annotation(api, value, context, uses)),
        Type::Nullable(inner) => {
            let inner = annotation(api, inner, context, uses);
            if inner == "_t.Any" {
                inner
            } else {
                format!("{inner} | None")
            }
        }
    }
}

/// Whether `ty`, wherever it is nested, holds an uploaded file.
pub fn holds_binary(ty: &Type) -> bool {
    match ty {
        Type::Binary => true,
        Type::List(inner) | Type::Map(inner) | Type::Nullable(inner) => holds_binary(inner),
        _ => false,
    }
}
