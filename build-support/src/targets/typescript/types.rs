//! How IR types are spelled as TypeScript types.

use crate::ir::{Api, StringFormat, Type, TypeId, TypeKind, Usage};

/// Which way a spelled value travels. What the client sends is spelled closed: only the values
/// an enum lists are accepted. What it reads keeps a value the spec does not list (a server
/// newer than its spec): an enum `Status` is read as `Status | (string & {})`, which still
/// offers the listed values to autocompletion and to `switch` narrowing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Request bodies, parameters and types the client sends (also those it reads as well).
    Sent,
    /// Response bodies and types the client only reads.
    Read,
}

/// The kind of value an open enum admits beyond the ones it lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unknown {
    /// `(string & {})`: any string, without collapsing the listed literals into `string`.
    Str,
    /// `(number & {})`.
    Number,
}

impl Unknown {
    fn spelled(self) -> &'static str {
        match self {
            Unknown::Str => "(string & {})",
            Unknown::Number => "(number & {})",
        }
    }
}

/// What spelling a type needs to know about the API's named types.
#[derive(Debug)]
pub struct Names {
    /// Type names by [`crate::ir::TypeId`].
    pub names: Vec<String>,
    /// By [`crate::ir::TypeId`]: whether the type is a type alias whose definition TypeScript
    /// resolves eagerly (aliases and unions). A map of such a type is written as an index
    /// signature, because `Record<string, T>` inside `T`'s own definition is a circular alias.
    eager: Vec<bool>,
    /// By [`crate::ir::TypeId`]: what an enum (or a union of enums of one kind, drf's
    /// `ThemeEnum | BlankEnum`) admits beyond its values where the client reads it.
    unknown: Vec<Option<Unknown>>,
    /// By [`crate::ir::TypeId`]: whether the client only reads the type, so that its definition
    /// is spelled [`Direction::Read`]. A type it also sends stays closed: a value the client
    /// builds must be one the server accepts.
    read_only: Vec<bool>,
    /// By [`crate::ir::TypeId`]: whether the type is `unknown` to TypeScript (an alias of
    /// `unknown`, a union with an `unknown` alternative), so that `TypedResponse<404, X>` can
    /// leave out an `X` that says no more than the default, and `X | null` the `null`.
    is_unknown: Vec<bool>,
}

impl Names {
    /// The names for `api`'s types, given by `names`.
    pub fn new(api: &Api, names: Vec<String>) -> Self {
        let eager = api
            .types
            .iter()
            .map(|def| matches!(def.kind, TypeKind::Alias(_) | TypeKind::Union(_)))
            .collect();
        let usage = Usage::of(api);
        let read_only = (0..api.types.len())
            .map(|index| {
                let id = TypeId(index);
                usage.is_received(id) && !usage.is_sent(id)
            })
            .collect();
        let enums: Vec<Option<Unknown>> = api
            .types
            .iter()
            .map(|def| match &def.kind {
                TypeKind::Enum(values) if values.holds_integers() => Some(Unknown::Number),
                TypeKind::Enum(_) => Some(Unknown::Str),
                _ => None,
            })
            .collect();
        let unknown = api
            .types
            .iter()
            .zip(&enums)
            .map(|(def, own)| match &def.kind {
                TypeKind::Union(union) => {
                    let mut kinds = union.variants.iter().map(|variant| match variant {
                        Type::Named(id) => enums[id.0],
                        _ => None,
                    });
                    let first = kinds.next()??;
                    kinds.all(|kind| kind == Some(first)).then_some(first)
                }
                _ => *own,
            })
            .collect();
        Names {
            names,
            eager,
            unknown,
            read_only,
            is_unknown: unknown_types(api),
        }
    }

    /// Whether `ty` is `unknown` to TypeScript: `unknown` itself, or a named type that is.
    pub fn is_unknown(&self, ty: &Type) -> bool {
        spells_unknown(ty, &self.is_unknown)
    }

    /// How the definition of type `index` is spelled: [`Direction::Read`] when the client only
    /// reads it.
    pub fn direction_of(&self, index: usize) -> Direction {
        if self.read_only[index] {
            Direction::Read
        } else {
            Direction::Sent
        }
    }

    /// What an enum or union of enums `index` admits beyond its values where it is read, spelled
    /// (`(string & {})`); `None` for other types.
    pub fn unknown_of(&self, index: usize) -> Option<&'static str> {
        self.unknown[index].map(Unknown::spelled)
    }

    /// Appends the spelling of `ty` to `out`; named types get `prefix` (`""` inside `models.ts`,
    /// `"models."` elsewhere). Read, an enum also admits a value it does not list.
    pub fn push(&self, out: &mut String, ty: &Type, prefix: &str, direction: Direction) {
        match ty {
            Type::Any => out.push_str("unknown"),
            Type::Null => out.push_str("null"),
            Type::Boolean => out.push_str("boolean"),
            Type::Integer(_) | Type::Number(_) => out.push_str("number"),
            Type::String(_) => out.push_str("string"),
            Type::Binary => out.push_str("Blob"),
            Type::FileOrText => out.push_str("string | Blob"),
            Type::Named(id) => {
                out.push_str(prefix);
                out.push_str(&self.names[id.0]);
                if let (Direction::Read, Some(unknown)) = (direction, self.unknown[id.0]) {
                    out.push_str(" | ");
                    out.push_str(unknown.spelled());
                }
            }
            Type::List(item) => {
                if self.is_alternatives(item, direction) {
                    out.push('(');
                    self.push(out, item, prefix, direction);
                    out.push_str(")[]");
                } else {
                    self.push(out, item, prefix, direction);
                    out.push_str("[]");
                }
            }
            Type::Map(value) if self.mentions_eager(value) => {
                out.push_str("{ [key: string]: ");
                self.push(out, value, prefix, direction);
                out.push_str(" }");
            }
            Type::Map(value) => {
                out.push_str("Record<string, ");
                self.push(out, value, prefix, direction);
                out.push('>');
            }
            // `unknown` already admits `null`.
            Type::Nullable(inner) if self.is_unknown(inner) => {
                self.push(out, inner, prefix, direction)
            }
            Type::Nullable(inner) => {
                self.push(out, inner, prefix, direction);
                out.push_str(" | null");
            }
        }
    }

    /// The spelling of `ty` as a new string.
    pub fn spell(&self, ty: &Type, prefix: &str, direction: Direction) -> String {
        let mut out = String::new();
        self.push(&mut out, ty, prefix, direction);
        out
    }

    /// Whether `ty` is spelled as alternatives (`A | null`, `Status | (string & {})`), which
    /// need parentheses as a list's item.
    fn is_alternatives(&self, ty: &Type, direction: Direction) -> bool {
        match ty {
            Type::Nullable(inner) => !self.is_unknown(inner),
            Type::Named(id) => direction == Direction::Read && self.unknown[id.0].is_some(),
            _ => false,
        }
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

/// Whether `ty` is `unknown` to TypeScript, given which named types are (`named`).
fn spells_unknown(ty: &Type, named: &[bool]) -> bool {
    match ty {
        Type::Any => true,
        Type::Nullable(inner) => spells_unknown(inner, named),
        Type::Named(id) => named[id.0],
        _ => false,
    }
}

/// By [`crate::ir::TypeId`]: whether the type is `unknown` to TypeScript. Aliases and unions
/// refer to each other in any order, so the answer grows until it stops changing.
fn unknown_types(api: &Api) -> Vec<bool> {
    let mut named = vec![false; api.types.len()];
    loop {
        let mut changed = false;
        for (index, def) in api.types.iter().enumerate() {
            if named[index] {
                continue;
            }
            let unknown = match &def.kind {
                TypeKind::Alias(ty) => spells_unknown(ty, &named),
                // No alternative at all is spelled `unknown` too (see `models.rs`).
                TypeKind::Union(union) => {
                    union.variants.is_empty()
                        || union.variants.iter().any(|ty| spells_unknown(ty, &named))
                }
                TypeKind::Struct(_) | TypeKind::Enum(_) => false,
            };
            if unknown {
                named[index] = true;
                changed = true;
            }
        }
        if !changed {
            return named;
        }
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
