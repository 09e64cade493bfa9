//! Stage 3: lower a normalized (OpenAPI 3.0.3-shaped) document to the [`crate::ir`].
//!
//! The document is read in place as a [`serde_json::Value`]: nothing is deserialized into spec
//! structs and no subtree is cloned, so the 13 MB GitHub description lowers in milliseconds.
//! Every component schema gets its [`ir::TypeId`] before any schema is lowered, so `$ref`s
//! (cycles included) resolve to [`ir::Type::Named`] without recursion. Inline objects, enums and
//! unions are hoisted to named types as they are met; a hoisted schema is remembered by its JSON
//! pointer, so the same node reached twice is one type.

mod components;
mod compose;
mod constraints;
mod content;
mod enums;
mod keywords;
mod naming;
mod operation;
mod parameters;
mod pointer;
mod read;
mod refs;
mod request_shapes;
mod schema;
mod security;
mod servers;
mod shared_enums;
mod split;
#[cfg(test)]
mod tests;
mod union;

pub use servers::resolve_servers;

use rustc_hash::{FxHashMap, FxHashSet};

use serde_json::Value;

use crate::diagnostics::Diagnostics;
use crate::ir::{self, Type, TypeDef, TypeId};

use components::Component;
use naming::NameSet;
use pointer::Pointer;
use read::Object;
use split::{Claim, Threads};

/// Lowers `document` to an [`ir::Api`], recording every problem in `diagnostics`.
///
/// A big document's component schemas and operations are lowered on two threads; the result is
/// the one a single pass gives.
pub fn lower(document: &Value, diagnostics: &mut Diagnostics) -> ir::Api {
    lower_document(document, diagnostics, Threads::Two)
}

/// [`lower`], on the threads `threads` allows.
fn lower_document(document: &Value, diagnostics: &mut Diagnostics, threads: Threads) -> ir::Api {
    let mut lowerer = Lowerer::new(document, diagnostics);
    let Some(root) = document.as_object() else {
        lowerer.fail(
            Pointer::Root(""),
            "the document is not an object",
            "give an OpenAPI document: an object with `openapi`, `info` and `paths`",
        );
        return lowerer.finish(Info::default(), Vec::new(), Vec::new(), Vec::new());
    };
    let info = lowerer.info(root);
    let servers = lowerer.servers(root);
    lowerer.register_components(root);
    let security_schemes = lowerer.security_schemes(root);
    let operations = lowerer.components_and_operations(root, &security_schemes, threads);
    let mut api = lowerer.finish(info, servers, operations, security_schemes);
    shared_enums::share(&mut api);
    request_shapes::split(&mut api);
    api
}

/// The state of one lowering: the document, what has been defined so far, and the diagnostics.
pub(super) struct Lowerer<'a> {
    /// The whole document, for resolving `$ref`s.
    doc: &'a Value,
    diagnostics: &'a mut Diagnostics,
    /// Every named type so far: components first, then hoisted schemas as met.
    types: Vec<TypeDef>,
    /// Names used by [`Lowerer::types`].
    type_names: NameSet,
    /// `components/schemas` keys → their types.
    component_ids: FxHashMap<&'a str, TypeId>,
    /// `components/schemas` keys in lower case (see [`Lowerer::is_component_name`]).
    component_names: FxHashSet<String>,
    /// The component schemas, indexed like their [`TypeId`]s.
    components: Vec<Component<'a>>,
    /// How each hoisted type's name was chosen, in the order of [`Lowerer::types`].
    claims: Vec<Claim<'a>>,
    /// Whether another lowerer lowers the component schemas, and so hoists the nodes inside
    /// them (on the second thread of a split, see `split`).
    components_elsewhere: bool,
    /// Nodes left to the other lowerer, by placeholder id (see `split`).
    left: Vec<String>,
    /// Whether a placeholder's name was needed, which only the other lowerer knows.
    guessed: bool,
    /// Hoisted inline schemas by JSON pointer.
    hoisted: FxHashMap<String, TypeId>,
    /// Types of `$ref` targets outside `components/schemas`, by reference.
    ref_types: FxHashMap<&'a str, Type>,
    /// References outside `components/schemas` being lowered right now (loop detection).
    refs_in_progress: FxHashSet<&'a str>,
    /// How many schemas deep the walk is.
    depth: usize,
}

impl<'a> Lowerer<'a> {
    fn new(doc: &'a Value, diagnostics: &'a mut Diagnostics) -> Self {
        Lowerer {
            doc,
            diagnostics,
            types: Vec::new(),
            type_names: NameSet::default(),
            component_ids: FxHashMap::default(),
            component_names: FxHashSet::default(),
            components: Vec::new(),
            claims: Vec::new(),
            components_elsewhere: false,
            left: Vec::new(),
            guessed: false,
            hoisted: FxHashMap::default(),
            ref_types: FxHashMap::default(),
            refs_in_progress: FxHashSet::default(),
            depth: 0,
        }
    }

    fn finish(
        self,
        info: Info,
        servers: Vec<String>,
        operations: Vec<ir::Operation>,
        security_schemes: Vec<ir::SecurityScheme>,
    ) -> ir::Api {
        ir::Api {
            title: info.title,
            version: info.version,
            description: info.description,
            servers,
            types: self.types,
            operations,
            security_schemes,
        }
    }

    fn info(&mut self, root: &'a Object) -> Info {
        let at = Pointer::Root("");
        let Some(info) = self.object(root, "info", at) else {
            self.warn(at, "`info` is missing; the API has no title or version");
            return Info::default();
        };
        let at = at.key("info");
        Info {
            title: self.owned_text(info, "title", at).unwrap_or_default(),
            version: self.owned_text(info, "version", at).unwrap_or_default(),
            description: self.owned_text(info, "description", at),
        }
    }

    /// `servers[].url`, each `{variable}` replaced by the variable's default.
    fn servers(&mut self, root: &'a Object) -> Vec<String> {
        let at = Pointer::Root("");
        let Some(servers) = self.list(root, "servers", at) else {
            return Vec::new();
        };
        let list = at.key("servers");
        let mut urls = Vec::with_capacity(servers.len());
        for (index, server) in servers.iter().enumerate() {
            let at = list.index(index);
            let Some(server) = self.as_object(server, "a server", at) else {
                continue;
            };
            let Some(url) = self.text(server, "url", at) else {
                self.warn(at, "server has no `url`; skipped");
                continue;
            };
            let variables = self.object(server, "variables", at);
            urls.push(self.substitute(url, variables, at));
        }
        urls
    }

    fn substitute(&mut self, url: &str, variables: Option<&'a Object>, at: Pointer<'_>) -> String {
        let mut out = String::with_capacity(url.len());
        let mut rest = url;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}').map(|close| open + close) else {
                break;
            };
            out.push_str(&rest[..open]);
            let name = &rest[open + 1..close];
            let default = variables
                .and_then(|variables| variables.get(name))
                .and_then(|variable| variable.get("default"))
                .and_then(Value::as_str);
            match default {
                Some(default) => out.push_str(default),
                None => {
                    self.warn(
                        at.key("url"),
                        format!("server variable `{name}` has no default; left as `{{{name}}}`"),
                    );
                    out.push_str(&rest[open..=close]);
                }
            }
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        out
    }
}

/// What lowering keeps of `info`.
#[derive(Debug, Default)]
struct Info {
    title: String,
    version: String,
    description: Option<String>,
}
