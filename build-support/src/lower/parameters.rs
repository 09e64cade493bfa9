//! Parameters: path-level and operation-level merged, resolved and typed.

use serde_json::Value;

use crate::ir::{Constraints, Parameter, ParameterLocation, ParameterStyle, StringFormat, Type};

use super::Lowerer;
use super::keywords::Keywords;
use super::naming::Hint;
use super::operation::PathItem;
use super::pointer::{Pointer, unescape};
use super::read::Object;

/// What a parameter's schema says.
struct Schema {
    ty: Type,
    default: Option<Value>,
    constraints: Constraints,
}

impl Schema {
    /// Only a type: no default, no constraints.
    fn of(ty: Type) -> Schema {
        Schema {
            ty,
            default: None,
            constraints: Constraints::default(),
        }
    }
}

/// A parameter declaration, `$ref`s followed.
struct Declared<'a> {
    name: &'a str,
    location: ParameterLocation,
    object: &'a Object,
    pointer: String,
}

impl<'a> Lowerer<'a> {
    /// The parameters of an operation: the path item's and its `own` merged (the operation's
    /// win on the same name and location), path parameters first in template order.
    pub(super) fn parameters(
        &mut self,
        item: &PathItem<'a, '_>,
        own: Option<&'a [Value]>,
        at: Pointer<'_>,
        operation_id: &str,
    ) -> Vec<Parameter> {
        let mut declared: Vec<Declared<'a>> = Vec::new();
        let lists = [
            (item.parameters, item.at.key("parameters")),
            (own, at.key("parameters")),
        ];
        for (list, list_at) in lists {
            for (index, raw) in list.unwrap_or_default().iter().enumerate() {
                let Some(parameter) = self.declared(raw, list_at.index(index).render()) else {
                    continue;
                };
                let same = declared
                    .iter()
                    .position(|d| d.name == parameter.name && d.location == parameter.location);
                match same {
                    Some(position) => declared[position] = parameter,
                    None => declared.push(parameter),
                }
            }
        }
        let mut placed = vec![false; declared.len()];
        let mut parameters = Vec::with_capacity(declared.len());
        for name in template_names(item.path) {
            let position = declared
                .iter()
                .position(|d| d.location == ParameterLocation::Path && d.name == name);
            match position {
                Some(position) if !placed[position] => {
                    placed[position] = true;
                    parameters.push(self.parameter(&declared[position], operation_id));
                }
                Some(_) => {}
                None => {
                    self.warn(
                        at,
                        format!("path parameter `{name}` is not declared; typed as string"),
                    );
                    parameters.push(undeclared_path_parameter(name));
                }
            }
        }
        for (parameter, placed) in declared.iter().zip(placed) {
            if placed {
                continue;
            }
            if parameter.location == ParameterLocation::Path {
                let message = format!(
                    "path parameter `{}` is not in the path template",
                    parameter.name
                );
                self.warn(Pointer::Root(&parameter.pointer), message);
            }
            parameters.push(self.parameter(parameter, operation_id));
        }
        parameters
    }

    /// Follows a parameter's `$ref` and reads its name and location.
    fn declared(&mut self, raw: &'a Value, pointer: String) -> Option<Declared<'a>> {
        let (object, pointer) = self.follow(raw, pointer, "a parameter")?;
        let at = Pointer::Root(&pointer);
        let Some(name) = self.text(object, "name", at) else {
            self.warn(at, "parameter has no `name`; skipped");
            return None;
        };
        let location = match self.text(object, "in", at) {
            Some("path") => ParameterLocation::Path,
            Some("query") => ParameterLocation::Query,
            Some("header") => ParameterLocation::Header,
            Some("cookie") => ParameterLocation::Cookie,
            _ => {
                self.warn(
                    at,
                    format!(
                        "parameter `{name}` needs `in`: path, query, header or cookie; skipped"
                    ),
                );
                return None;
            }
        };
        let reserved = ["accept", "content-type", "authorization"];
        if location == ParameterLocation::Header
            && reserved.contains(&name.to_ascii_lowercase().as_str())
        {
            self.warn(
                at,
                format!(
                    "header parameter `{name}` is ignored, as OpenAPI requires; the client sets it"
                ),
            );
            return None;
        }
        Some(Declared {
            name,
            location,
            object,
            pointer,
        })
    }

    fn parameter(&mut self, declared: &Declared<'a>, operation_id: &str) -> Parameter {
        let Declared {
            name,
            location,
            object,
            ..
        } = *declared;
        let at = Pointer::Root(&declared.pointer);
        // A shared parameter's schema is one type whichever operation meets it first, so it is
        // named after the parameter's key (`components/parameters/direction` → `direction`), or
        // `<key>_parameter` when a component schema is called so.
        let shared = declared
            .pointer
            .strip_prefix("/components/parameters/")
            .filter(|key| !key.contains('/'))
            .map(unescape);
        let operation = Hint::Name(operation_id);
        let shared = shared.as_deref().map(|key| (key, Hint::Name(key)));
        let hint = match &shared {
            Some((key, hint)) if self.is_component_name(key) => hint.child("parameter"),
            Some((_, hint)) => *hint,
            None => operation.child(name),
        };
        let Schema {
            ty,
            default,
            constraints,
        } = self.parameter_type(object, at, hint);
        let default_style = match location {
            ParameterLocation::Query | ParameterLocation::Cookie => ParameterStyle::Form,
            ParameterLocation::Path | ParameterLocation::Header => ParameterStyle::Simple,
        };
        let style = match self.text(object, "style", at) {
            None => default_style,
            Some(style) => parse_style(style).unwrap_or_else(|| {
                let message =
                    format!("unknown parameter style `{style}`; the location's default is used");
                self.warn(at.key("style"), message);
                default_style
            }),
        };
        let explode = match object.get("explode") {
            None => style == ParameterStyle::Form,
            Some(_) => self.flag(object, "explode", at),
        };
        Parameter {
            name: name.to_string(),
            location,
            ty,
            required: location == ParameterLocation::Path || self.flag(object, "required", at),
            description: self.owned_text(object, "description", at),
            default,
            constraints,
            style,
            explode,
            deprecated: self.flag(object, "deprecated", at),
        }
    }

    /// What `schema` or `content.<media type>.schema` says.
    fn parameter_type(&mut self, object: &'a Object, at: Pointer<'_>, hint: Hint<'_>) -> Schema {
        if let Some(schema) = object.get("schema") {
            return self.parameter_schema(schema, at.key("schema"), hint);
        }
        let first = self
            .object(object, "content", at)
            .and_then(|content| content.iter().next());
        if let Some((media_type, media)) = first {
            let content = at.key("content");
            let media_at = content.key(media_type);
            return match media.get("schema") {
                Some(schema) => self.parameter_schema(schema, media_at.key("schema"), hint),
                None => Schema::of(Type::Any),
            };
        }
        self.warn(
            at,
            "parameter has neither `schema` nor `content`; typed as string",
        );
        Schema::of(Type::String(StringFormat::Plain))
    }

    fn parameter_schema(&mut self, schema: &'a Value, at: Pointer<'_>, hint: Hint<'_>) -> Schema {
        let Some(keywords) = Keywords::of_value(schema) else {
            return Schema::of(self.type_of(schema, at, hint));
        };
        Schema {
            ty: self.type_with(&keywords, at, hint),
            default: self.default_of(&keywords, at),
            constraints: self.constraints(&keywords, at),
        }
    }
}

/// The `{name}`s of a path template, in order.
fn template_names(path: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        let Some(length) = rest[open + 1..].find('}') else {
            break;
        };
        names.push(&rest[open + 1..open + 1 + length]);
        rest = &rest[open + 2 + length..];
    }
    names
}

fn undeclared_path_parameter(name: &str) -> Parameter {
    Parameter {
        name: name.to_string(),
        location: ParameterLocation::Path,
        ty: Type::String(StringFormat::Plain),
        required: true,
        description: None,
        default: None,
        constraints: Constraints::default(),
        style: ParameterStyle::Simple,
        explode: false,
        deprecated: false,
    }
}

fn parse_style(style: &str) -> Option<ParameterStyle> {
    Some(match style {
        "simple" => ParameterStyle::Simple,
        "form" => ParameterStyle::Form,
        "label" => ParameterStyle::Label,
        "matrix" => ParameterStyle::Matrix,
        "spaceDelimited" => ParameterStyle::SpaceDelimited,
        "pipeDelimited" => ParameterStyle::PipeDelimited,
        "deepObject" => ParameterStyle::DeepObject,
        _ => return None,
    })
}
