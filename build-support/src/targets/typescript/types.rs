//! How IR types are spelled as TypeScript types.

use crate::ir::{Api, StringFormat, Type, TypeKind};

/// What spelling a type needs to know about the API's named types.
#[derive(Debug)]
pub struct Names {
    /// Type names by [`crate::ir::TypeId`].
    pub names: Vec<String>,
    /// By [`crate::ir::TypeId`]: whether the type is a type alias whose definition TypeScript
    /// resolves eagerly (aliases and unions). A map of such a type is written as an index
    /// signature, because `Record<string, T>` inside `T`'s own definition is a circular alias.
    eager: Vec<bool>,
}

impl Names {
    /// The names for `api`'s types, given by `names`.
    pub fn new(api: &Api, names: Vec<String>) -> Self {
        let eager = api
            .types
            .iter()
            .map(|def| matches!(def.kind, TypeKind::Alias(_) | TypeKind::Union(_)))
            .collect();
        Names { names, eager }
    }

    /// Appends the spelling of `ty` to `out`; named types get `prefix` (`""` inside `models.ts`,
    /// `"models."` elsewhere).
    pub fn push(&self, out: &mut String, ty: &Type, prefix: &str) {
        match ty {
            Type::Any => out.push_str("unknown"),
            Type::Boolean => out.push_str("boolean"),
            Type::Integer(_) | Type::Number(_) => out.push_str("number"),
            Type::String(_) => out.push_str("string"),
            Type::Binary => out.push_str("Blob"),
            Type::Named(id) => {
                out.push_str(prefix);
                out.push_str(&self.names[id.0]);
            }
            Type::List(item) => match item.as_ref() {
                Type::Nullable(inner) if !is_unknown(inner) => {
                    out.push('(');
                    self.push(out, item, prefix);
                    out.push_str(")[]");
                }
                _ => {
                    self.push(out, item, prefix);
                    out.push_str("[]");
                }
            },
            Type::Map(value) if self.mentions_eager(value) => {
                out.push_str("{ [key: string]: ");
                self.push(out, value, prefix);
                out.push_str(" }");
            }
            Type::Map(value) => {
                out.push_str("Record<string, ");
                self.push(out, value, prefix);
                out.push('>');
            }
            Type::Nullable(inner) if is_unknown(inner) => out.push_str("unknown"),
            Type::Nullable(inner) => {
                self.push(out, inner, prefix);
                out.push_str(" | null");
            }
        }
    }

    /// The spelling of `ty` as a new string.
    pub fn spell(&self, ty: &Type, prefix: &str) -> String {
        let mut out = String::new();
        self.push(&mut out, ty, prefix);
        out
    }

    fn mentions_eager(&self, ty: &Type) -> bool {
        match ty {
            Type::Named(id) => self.eager[id.0],
            Type::List(inner) | Type::Map(inner) | Type::Nullable(inner) => {
                self.mentions_eager(inner)
            }
            _ => false,
        }
    }
}

/// Whether `ty` is spelled `unknown` (which already admits `null`).
fn is_unknown(ty: &Type) -> bool {
    match ty {
        Type::Any => true,
        Type::Nullable(inner) => is_unknown(inner),
        _ => false,
    }
}

/// A doc note for a string format TypeScript cannot express (`date-time` is a `string`).
pub fn format_note(ty: &Type) -> Option<&'static str> {
    match ty {
        Type::String(StringFormat::DateTime) => {
            Some("Format: `date-time` (RFC 3339), as a string.")
        }
        Type::String(StringFormat::Date) => {
            Some("Format: `date` (RFC 3339 full-date), as a string.")
        }
        Type::String(StringFormat::Uuid) => Some("Format: `uuid`, as a string."),
        Type::String(StringFormat::Byte) => Some("Format: `byte`: base64-encoded bytes."),
        Type::Nullable(inner) | Type::List(inner) => format_note(inner),
        _ => None,
    }
}
