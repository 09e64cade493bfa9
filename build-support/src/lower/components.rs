//! `components/schemas`: every entry registered first, then each lowered to its own type.

use std::ops::Range;

use serde_json::Value;

use crate::ir::{Constraints, Type, TypeDef, TypeId, TypeKind, TypeOrigin};

use super::Lowerer;
use super::keywords::Keywords;
use super::pointer::Pointer;
use super::read::Object;
use super::schema::Slot;

/// Where component schemas live.
pub(super) const COMPONENT_SCHEMAS: &str = "/components/schemas";

/// A `components/schemas` entry.
#[derive(Debug, Clone, Copy)]
pub(super) struct Component<'a> {
    /// Its key.
    pub(super) name: &'a str,
    /// Its schema.
    pub(super) schema: &'a Value,
    /// Whether the schema admits `null`: its uses are then [`Type::Nullable`], since a
    /// [`TypeDef`] cannot say so itself.
    pub(super) nullable: bool,
}

impl<'a> Lowerer<'a> {
    /// Whether a component schema is called `name`, letter case aside (the targets' names of
    /// `status` and `Status` are one).
    pub(super) fn is_component_name(&self, name: &str) -> bool {
        self.component_names.contains(&name.to_ascii_lowercase())
    }

    /// Gives every component schema its [`TypeId`], in spec order, before any is lowered.
    pub(super) fn register_components(&mut self, root: &'a Object) {
        let at = Pointer::Root("");
        let Some(components) = self.object(root, "components", at) else {
            return;
        };
        let Some(schemas) = self.object(components, "schemas", at.key("components")) else {
            return;
        };
        for (name, schema) in schemas {
            let id = TypeId(self.types.len());
            self.type_names.claim(name);
            let object = schema.as_object();
            let def = type_def(name.clone(), TypeOrigin::Component, object);
            self.types.push(def);
            self.component_ids.insert(name, id);
            self.component_names.insert(name.to_ascii_lowercase());
            self.components.push(Component {
                name,
                schema,
                nullable: object.is_some_and(|object| self.admits_null(&Keywords::of(object))),
            });
        }
    }

    /// Lowers the registered component schemas numbered `indices` into their [`TypeDef`]s.
    pub(super) fn lower_components(&mut self, indices: Range<usize>) {
        let base = Pointer::Root(COMPONENT_SCHEMAS);
        for index in indices {
            let Component { name, schema, .. } = self.components[index];
            let id = TypeId(index);
            let at = base.key(name);
            let ty = match self.alias_loop(schema) {
                Some(chain) => {
                    let chain = chain.join("` → `");
                    self.fail(
                        at,
                        format!("`$ref` chain `{chain}` loops without reaching a schema"),
                        "point one of these references at a real schema",
                    );
                    Type::Any
                }
                None => self.shape(schema, at, Slot::Component(id, name)),
            };
            if ty != Type::Named(id) {
                self.types[id.0].kind = TypeKind::Alias(ty);
                if let Some(schema) = Keywords::of_value(schema) {
                    self.types[id.0].constraints = self.constraints(&schema, at);
                }
            }
        }
    }
}

/// A [`TypeDef`] whose kind is filled in later, with the schema's title, description and
/// deprecation.
pub(super) fn type_def(name: String, origin: TypeOrigin, schema: Option<&Object>) -> TypeDef {
    let text = |key: &str| {
        schema
            .and_then(|schema| schema.get(key))
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    TypeDef {
        title: text("title"),
        description: text("description"),
        deprecated: schema
            .and_then(|schema| schema.get("deprecated"))
            .and_then(Value::as_bool)
            .unwrap_or(false),
        name,
        origin,
        kind: TypeKind::Alias(Type::Any),
        constraints: Constraints::default(),
    }
}
