//! `paths`: one [`Operation`] per method of each path item, in spec order.

use rustc_hash::FxHashSet;

use serde_json::Value;

use crate::ir::{Method, Operation, SecurityScheme};

use super::Lowerer;
use super::naming::{NameSet, fallback_operation_id};
use super::pointer::{Pointer, escape};
use super::read::Object;

/// What every operation of the document shares.
struct Shared<'s> {
    /// Keys of the security schemes that were lowered.
    schemes: FxHashSet<&'s str>,
    /// The document-level `security`, for operations without their own.
    default_security: Vec<Vec<String>>,
    /// Operation ids given so far.
    ids: NameSet,
}

/// A path item's place and its shared parameters.
pub(super) struct PathItem<'a, 'p> {
    /// The path template.
    pub(super) path: &'a str,
    /// Where the path item is.
    pub(super) at: Pointer<'p>,
    /// Its `parameters`, shared by its operations.
    pub(super) parameters: Option<&'a [Value]>,
}

/// Path item members that are not operations.
fn is_path_item_field(key: &str) -> bool {
    matches!(
        key,
        "parameters" | "summary" | "description" | "servers" | "$ref"
    ) || key.starts_with("x-")
}

impl<'a> Lowerer<'a> {
    /// Every operation under `paths`, in spec order.
    pub(super) fn operations(
        &mut self,
        root: &'a Object,
        schemes: &[SecurityScheme],
    ) -> Vec<Operation> {
        let schemes: FxHashSet<&str> = schemes.iter().map(|scheme| scheme.key.as_str()).collect();
        let default_security = match root.get("security") {
            Some(security) => self.security(security, Pointer::Root("").key("security"), &schemes),
            None => Vec::new(),
        };
        let mut shared = Shared {
            schemes,
            default_security,
            ids: NameSet::default(),
        };
        let at = Pointer::Root("");
        let Some(paths) = self.object(root, "paths", at) else {
            return Vec::new();
        };
        let mut operations = Vec::new();
        for (path, item) in paths {
            if path.starts_with("x-") {
                continue;
            }
            let pointer = format!("/paths/{}", escape(path));
            let Some((item, pointer)) = self.follow(item, pointer, "a path item") else {
                continue;
            };
            let at = Pointer::Root(&pointer);
            let path_item = PathItem {
                path,
                at,
                parameters: self.list(item, "parameters", at),
            };
            for (key, operation) in item {
                let Some(method) = Method::from_key(key) else {
                    if !is_path_item_field(key) {
                        let message =
                            format!("`{key}` is not an HTTP method or a path item field; ignored");
                        self.warn(at.key(key), message);
                    }
                    continue;
                };
                let at = at.key(key);
                if let Some(operation) = self.as_object(operation, "an operation", at) {
                    operations.push(self.operation(&path_item, method, operation, at, &mut shared));
                }
            }
        }
        operations
    }

    fn operation(
        &mut self,
        item: &PathItem<'a, '_>,
        method: Method,
        operation: &'a Object,
        at: Pointer<'_>,
        shared: &mut Shared<'_>,
    ) -> Operation {
        let (id, id_from_spec) =
            self.operation_id(operation, method, item.path, at, &mut shared.ids);
        let own = self.list(operation, "parameters", at);
        let parameters = self.parameters(item, own, at, &id);
        let body = match operation.get("requestBody") {
            Some(body) => self.request_body(body, at.key("requestBody").render(), &id),
            None => None,
        };
        let responses = self.responses(operation, at, &id);
        let security = match operation.get("security") {
            Some(security) => self.security(security, at.key("security"), &shared.schemes),
            None => shared.default_security.clone(),
        };
        Operation {
            id_from_spec,
            method,
            path: item.path.to_string(),
            summary: self.owned_text(operation, "summary", at),
            description: self.owned_text(operation, "description", at),
            tags: self.tags(operation, at),
            parameters,
            body,
            responses,
            security,
            deprecated: self.flag(operation, "deprecated", at),
            id,
        }
    }

    /// The operation's id, unique across the API, and whether the spec gave it.
    fn operation_id(
        &mut self,
        operation: &'a Object,
        method: Method,
        path: &str,
        at: Pointer<'_>,
        ids: &mut NameSet,
    ) -> (String, bool) {
        let given = self
            .text(operation, "operationId", at)
            .filter(|id| !id.is_empty());
        let Some(given) = given else {
            return (ids.claim(&fallback_operation_id(method, path)), false);
        };
        let id = ids.claim(given);
        if id != given {
            self.warn(
                at.key("operationId"),
                format!(
                    "operationId `{given}` is used more than once; this operation is named `{id}`"
                ),
            );
        }
        (id, true)
    }

    fn tags(&mut self, operation: &'a Object, at: Pointer<'_>) -> Vec<String> {
        let Some(tags) = self.list(operation, "tags", at) else {
            return Vec::new();
        };
        let list = at.key("tags");
        let mut out = Vec::with_capacity(tags.len());
        for (index, tag) in tags.iter().enumerate() {
            match tag.as_str() {
                Some(tag) => out.push(tag.to_string()),
                None => self.warn(list.index(index), "a tag should be a string; ignored"),
            }
        }
        out
    }
}
