//! `$ref` resolution: to a component's [`TypeId`], to an inline node lowered once per pointer,
//! or to a diagnostic (dangling, external, looping).

use std::borrow::Cow;

use serde_json::Value;

use crate::ir::{Type, TypeId};

use super::Lowerer;
use super::components::COMPONENT_SCHEMAS;
use super::keywords::Keywords;
use super::naming::{Hint, hint_from_pointer};
use super::pointer::{Pointer, local_pointer, resolve, unescape};
use super::read::Object;
use super::schema::nullable;

/// What a `$ref` names.
pub(super) enum Target<'a> {
    /// A `components/schemas` entry.
    Component(TypeId),
    /// Any other node of the document, with its canonical pointer.
    Node {
        /// The node's JSON pointer.
        pointer: Cow<'a, str>,
        /// The node.
        node: &'a Value,
    },
    /// A reference into another document.
    External,
    /// A local pointer to nothing.
    Dangling,
}

/// How many `$ref`s a field's description is looked for through.
const DESCRIPTION_HOPS: usize = 8;

const DANGLING_HELP: &str = "define it, or correct the reference";
const EXTERNAL_HELP: &str = "bundle the referenced document into this one (load the spec from its file so \
                             relative references are followed)";

impl<'a> Lowerer<'a> {
    /// What `reference` names.
    pub(super) fn target(&self, reference: &'a str) -> Target<'a> {
        let Some(pointer) = local_pointer(reference) else {
            return Target::External;
        };
        let component = pointer
            .strip_prefix(COMPONENT_SCHEMAS)
            .and_then(|rest| rest.strip_prefix('/'))
            .filter(|name| !name.contains('/'))
            .map(|name| self.component_ids.get(unescape(name).as_ref()).copied());
        match component {
            Some(Some(id)) => Target::Component(id),
            Some(None) => Target::Dangling,
            None => match resolve(self.doc, &pointer) {
                Some(node) => Target::Node { pointer, node },
                None => Target::Dangling,
            },
        }
    }

    /// The schema a component's or node's `$ref` names, if it names one in this document.
    pub(super) fn target_schema(&self, reference: &'a str) -> Option<&'a Value> {
        match self.target(reference) {
            Target::Component(id) => Some(self.components[id.0].schema),
            Target::Node { node, .. } => Some(node),
            Target::External | Target::Dangling => None,
        }
    }

    /// The type the `$ref` member `reference` of the schema at `at` stands for.
    pub(super) fn reference(&mut self, reference: &'a Value, at: Pointer<'_>) -> Type {
        let at = at.key("$ref");
        let Some(reference) = reference.as_str() else {
            self.warn(at, "`$ref` should be a string; typed as any");
            return Type::Any;
        };
        match self.target(reference) {
            Target::Component(id) => {
                let named = Type::Named(id);
                if self.components[id.0].nullable {
                    nullable(named)
                } else {
                    named
                }
            }
            Target::Node { pointer, node } => self.inline_target(reference, &pointer, node, at),
            Target::External => {
                self.external(reference, at);
                Type::Any
            }
            Target::Dangling => {
                self.dangling(reference, at);
                Type::Any
            }
        }
    }

    /// Lowers the node a reference outside `components/schemas` names, once per reference.
    fn inline_target(
        &mut self,
        reference: &'a str,
        pointer: &str,
        node: &'a Value,
        at: Pointer<'_>,
    ) -> Type {
        if let Some(ty) = self.ref_types.get(reference) {
            return ty.clone();
        }
        if !self.refs_in_progress.insert(reference) {
            let hoisted = self.hoisted.get(pointer).copied();
            if let Some(id) = hoisted.or_else(|| self.left_to_other(pointer)) {
                return Type::Named(id);
            }
            self.fail(
                at,
                format!("`$ref` `{reference}` leads back to itself without reaching a schema"),
                "point the reference at a schema, or make the schema a component",
            );
            return Type::Any;
        }
        let hint = hint_from_pointer(pointer);
        let ty = self.type_of(node, Pointer::Root(pointer), Hint::Name(&hint));
        self.refs_in_progress.remove(reference);
        self.ref_types.insert(reference, ty.clone());
        ty
    }

    /// The references a schema that is only a `$ref` (or a one-member composition of one)
    /// follows, when they loop without reaching a schema.
    pub(super) fn alias_loop(&self, schema: &'a Value) -> Option<Vec<&'a str>> {
        let mut chain: Vec<&'a str> = Vec::new();
        let mut current = schema;
        while let Some(reference) = Keywords::of_value(current)?.alias_reference() {
            let looped = chain.contains(&reference);
            chain.push(reference);
            if looped {
                return Some(chain);
            }
            current = self.target_schema(reference)?;
        }
        None
    }

    /// Follows `$ref`s from `node` (at `pointer`) to a spec object such as a parameter or a
    /// response; `None`, after a diagnostic, when a reference is broken or `what` is not an
    /// object.
    pub(super) fn follow(
        &mut self,
        node: &'a Value,
        pointer: String,
        what: &str,
    ) -> Option<(&'a Object, String)> {
        let mut node = node;
        let mut pointer = pointer;
        let mut seen: Vec<&'a str> = Vec::new();
        loop {
            let root = Pointer::Root(&pointer);
            let object = self.as_object(node, what, root)?;
            let Some(reference) = object.get("$ref") else {
                return Some((object, pointer));
            };
            let at = root.key("$ref");
            let Some(reference) = reference.as_str() else {
                self.warn(at, format!("`$ref` should be a string; {what} skipped"));
                return None;
            };
            if seen.contains(&reference) {
                self.fail(
                    at,
                    format!("`$ref` `{reference}` leads back to itself"),
                    "point the reference at a definition",
                );
                return None;
            }
            seen.push(reference);
            let Some(target) = local_pointer(reference) else {
                self.external(reference, at);
                return None;
            };
            let Some(found) = resolve(self.doc, &target) else {
                self.dangling(reference, at);
                return None;
            };
            node = found;
            pointer = target.into_owned();
        }
    }

    /// Reports a reference to nothing.
    pub(super) fn dangling(&mut self, reference: &str, at: Pointer<'_>) {
        self.fail(
            at,
            format!("`$ref` `{reference}` points at nothing"),
            DANGLING_HELP,
        );
    }

    fn external(&mut self, reference: &str, at: Pointer<'_>) {
        self.fail(
            at,
            format!("external reference `{reference}` is not bundled"),
            EXTERNAL_HELP,
        );
    }

    /// The `description` of a schema, or when it has none and only refers to another schema,
    /// that schema's.
    pub(super) fn description(&self, schema: &Keywords<'a>) -> Option<String> {
        let mut current = *schema;
        for _ in 0..DESCRIPTION_HOPS {
            if let Some(text) = current.description.and_then(Value::as_str) {
                return Some(text.to_string());
            }
            current = Keywords::of_value(self.target_schema(current.alias_reference()?)?)?;
        }
        None
    }
}
