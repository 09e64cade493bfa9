//! The Rust target: serde types and a reqwest-backed `Client`, for the `clientgen` runtime crate.
//!
//! The API becomes one module named after the output file (`reference_api`), holding `types`
//! (one serde type per schema an operation sends or receives), `responses` (an enum per
//! operation with several success bodies or documented errors), `Client`, a struct holding a
//! `clientgen::Client` with one method per operation, and a request builder per operation with
//! optional parameters (`client.op(a).opt(x).await`: required parameters are arguments,
//! optional ones setters, whatever their count). With zones ([`emit_zones`]), the file holds one such
//! module per zone instead, named after the zone (`admin::Client`, `admin::types::…`), each with
//! only the zone's operations and types.
//!
//! What the user's crate must compile is kept small, since a big spec makes a big crate:
//! - schemas no operation reaches are left out (GitHub: 2,960 webhook payloads of 7,373 types);
//! - types travel both ways (`Deserialize` on every type written, `Serialize` on every type
//!   sent, and on every type only read with the runtime's `serialize-responses` feature, through
//!   the `#[serialize_responses]` attribute: on GitHub's spec deriving it there by default
//!   would add two thirds to `cargo check`); received structs are read by a written `FromMap`
//!   rather than a derived `Deserialize`;
//! - enums travel as `String` or `i64` through `From` conversions (`#[serde(from, into)]`),
//!   not as derived enums with an untagged fallback variant; they derive `PartialEq`, `Eq` and
//!   `Hash`, not `Ord` (whose order would be the declaration order, not the wire value's);
//!   structs, unions and response enums derive `PartialEq` (not `Eq`: numbers are `f64`);
//! - a method builds its request and returns a `clientgen::Call`, a future the runtime owns,
//!   with a plain function that decodes the response by status: no `async fn` per operation.
//!
//! The code is written as text in prettyplease's layout (see `text`): [`emit`] writes it to a
//! file for build.rs and the CLI, [`tokens`] parses the same text into tokens for the macro, so
//! both front doors produce the same code.

mod docs;
mod from_map;
mod models;
mod names;
mod operations;
mod recursion;
mod text;
mod types;

#[cfg(test)]
mod layout_tests;

use std::str::FromStr;

use proc_macro2::TokenStream;

use self::names::Scope;
use self::recursion::Recursion;
use self::types::Names;
use crate::ir::Usage;
use crate::tree::Tree;
use crate::zones::Zone;
use crate::{Error, ir};

/// The lint attribute of the generated module: only lints whose cause is in the spec and
/// cannot be worked around without changing the API it describes. Lints a spec-given name or
/// arity trips on one method (`should_implement_trait`, `wrong_self_convention`,
/// `too_many_arguments`) are allowed on that method alone (see `names::method_allows`). The
/// reasons are repeated in the module's doc comment ([`LINT_REASONS`]).
const ALLOW_LINTS: &str = "#[allow(
    deprecated,
    clippy::large_enum_variant,
    clippy::enum_variant_names,
    clippy::type_complexity,
    clippy::doc_lazy_continuation,
    clippy::doc_overindented_list_items,
    clippy::too_long_first_doc_paragraph,
    clippy::tabs_in_doc_comments
)]
";

/// Why the generated module allows each lint of [`ALLOW_LINTS`], for its doc comment.
const LINT_REASONS: &str = "Lints allowed in this module, each for a reason the spec decides:

- `deprecated`: the spec marks operations, types or fields deprecated, and this code still \
builds and reads them;
- `clippy::large_enum_variant`: response and union variants hold the spec's bodies by value;
- `clippy::enum_variant_names`: variants are named after the spec's values;
- `clippy::type_complexity`: field and body types nest as deep as the spec's schemas;
- `clippy::doc_lazy_continuation`, `clippy::doc_overindented_list_items`, \
`clippy::too_long_first_doc_paragraph`, `clippy::tabs_in_doc_comments`: doc comments are the \
spec's descriptions, as written.";

/// The file name the Rust client is written to (`$OUT_DIR/<api>.rs` for build.rs users).
pub fn file_name(api_name: &str) -> String {
    format!("{api_name}.rs")
}

/// Options of the Rust target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The spec's file name, for the generated header.
    pub spec_name: String,
    /// The file to write inside the output folder ([`file_name`]); its stem names the module.
    pub file_name: String,
}

impl Options {
    /// The name of the generated module: the file name's stem as a snake_case identifier.
    pub fn module_name(&self) -> String {
        let stem = self
            .file_name
            .strip_suffix(".rs")
            .unwrap_or(&self.file_name);
        names::snake_name(stem)
    }
}

/// Emits the Rust client for `api`: one file, in prettyplease's layout.
pub fn emit(api: &ir::Api, options: &Options) -> Result<Tree, Error> {
    let module = Module {
        name: options.module_name(),
        zone: None,
    };
    let mut text = header(options);
    text.push_str(&source(api, &module, options, true));
    let mut tree = Tree::new();
    tree.generated(options.file_name.clone(), text);
    Ok(tree)
}

/// Emits the Rust client of an API split into `zones`: one file holding one top-level
/// `pub mod <zone>` per zone, each with its own `types`, `responses` and `Client`, in
/// prettyplease's layout.
pub fn emit_zones(zones: &[Zone], options: &Options) -> Result<Tree, Error> {
    let mut text = header(options);
    for (zone, module) in zones.iter().zip(zone_modules(zones)) {
        text.push_str(&source(&zone.api, &module, options, true));
    }
    let mut tree = Tree::new();
    tree.generated(options.file_name.clone(), text);
    Ok(tree)
}

/// The Rust client for `api` as tokens: `pub mod <api> { pub mod types {…} pub mod responses
/// {…} pub struct Client … }`, what `generate_clients!` expands to.
pub fn tokens(api: &ir::Api, options: &Options) -> TokenStream {
    let module = Module {
        name: options.module_name(),
        zone: None,
    };
    parse(&source(api, &module, options, false))
}

/// The Rust client of an API split into `zones` as tokens: one `pub mod <zone>` per zone, as
/// [`emit_zones`] writes them.
pub fn zone_tokens(zones: &[Zone], options: &Options) -> TokenStream {
    let text: String = zones
        .iter()
        .zip(zone_modules(zones))
        .map(|(zone, module)| source(&zone.api, &module, options, false))
        .collect();
    parse(&text)
}

/// The first line of the file: where it came from.
fn header(options: &Options) -> String {
    format!(
        "// generated by clientgen from {}; do not edit\n",
        options.spec_name.replace(['\n', '\r'], " ")
    )
}

/// The module one client goes in.
struct Module {
    /// Its name.
    name: String,
    /// The zone it holds, for its doc comment.
    zone: Option<String>,
}

/// One module per zone, named after the zone in snake_case (unique).
fn zone_modules(zones: &[Zone]) -> Vec<Module> {
    let mut scope = Scope::default();
    zones
        .iter()
        .map(|zone| Module {
            name: scope.claim(names::snake_name(&zone.name)),
            zone: Some(zone.name.clone()),
        })
        .collect()
}

/// Generated text as tokens; a `compile_error!` if it does not parse.
fn parse(text: &str) -> TokenStream {
    TokenStream::from_str(text).unwrap_or_else(|error| {
        let message = format!("clientgen generated Rust code that does not parse: {error}");
        let mut out = String::from("::core::compile_error!(");
        text::push_literal(&mut out, &message);
        out.push_str(");");
        TokenStream::from_str(&out).unwrap_or_default()
    })
}

/// The text of `module`, the client of `api`. With `format`, items whose layout [`text`]
/// cannot vouch for go through prettyplease, so that the text is exactly what prettyplease
/// prints; the macro leaves that out (layout means nothing to tokens).
fn source(api: &ir::Api, module: &Module, options: &Options, format: bool) -> String {
    let type_names = type_names(api);
    let recursion = Recursion::of(api);
    let usage = Usage::of(api);
    let names = Names {
        types: &type_names,
        recursion: &recursion,
        usage: &usage,
    };
    // The types and the operations are written on two threads: on a big spec each is half
    // the work.
    let (types_body, operations) = std::thread::scope(|scope| {
        let types = scope.spawn(|| {
            let mut body = String::with_capacity(api.types.len() * 1024);
            types_imports(&mut body, api, names);
            models::write_items(&mut body, api, names, format);
            body
        });
        let operations = operations::write(api, names, format);
        let types = types
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (types, operations)
    });
    let mut out = String::with_capacity(
        types_body.len()
            + operations.methods.len()
            + operations.builders.len()
            + operations.responses.len()
            + 4096,
    );
    out.push_str(ALLOW_LINTS);
    out.push_str(&format!("pub mod {} {{\n", module.name));
    let title = api.title.replace(['\n', '\r'], " ");
    let zone = module
        .zone
        .as_ref()
        .map(|zone| format!(" (zone `{}`)", zone.replace(['\n', '\r', '`'], " ")))
        .unwrap_or_default();
    docs::inner_doc(
        &mut out,
        4,
        Some(&format!(
            "Client of {title} {}{zone}, generated by clientgen from {}.{}\n\n{LINT_REASONS}",
            api.version.replace(['\n', '\r'], " "),
            options.spec_name.replace(['\n', '\r'], " "),
            api.description
                .as_deref()
                .map(|text| format!("\n\n{text}"))
                .unwrap_or_default(),
        )),
    );
    text::line(
        &mut out,
        4,
        "/// The spec's schemas that the operations send or receive.",
    );
    module_block(&mut out, "types", &types_body);
    text::line(
        &mut out,
        4,
        "/// Success bodies of operations with several, and documented error bodies.",
    );
    module_block(&mut out, "responses", &operations.responses);
    let start = out.len();
    text::line(
        &mut out,
        4,
        "/// The spec's security schemes: where credentials set by kind go is worked out from them.",
    );
    text::line(&mut out, 4, &operations::security_schemes_const(api));
    text::settle_item(&mut out, start, text::Frame::ApiModule, format);
    default_base_url(&mut out, api, format);
    docs::doc(
        &mut out,
        4,
        Some(&format!(
            "Client of {title}: one method per operation. Credentials and headers are set on the \
             `clientgen::Client` it holds: build one and convert it (`Client::from`), or use \
             `inner_mut()`."
        )),
    );
    out.push_str(CLIENT_HEAD);
    out.push_str(&operations.methods);
    out.push_str("    }\n");
    out.push_str(&operations.builders);
    out.push_str(CLIENT_TAIL);
    out.push_str("}\n");
    out
}

/// `DEFAULT_BASE_URL` (the spec's first server, or `""` when it names none: calls then fail
/// saying how to give one) and `Client::default()`, a client for it.
fn default_base_url(out: &mut String, api: &ir::Api, format: bool) {
    let start = out.len();
    let server = api.servers.first();
    let doc = match server {
        Some(url) => format!(
            "The base URL of `Client::default()`: the spec's first server, `{}`.",
            url.replace('`', "'")
        ),
        None => "The base URL of `Client::default()`: none, as the spec names no server; \
                 pass one to `Client::new`."
            .to_string(),
    };
    docs::doc(out, 4, Some(&doc));
    text::line(
        out,
        4,
        &format!(
            "pub const DEFAULT_BASE_URL: &str = {};",
            text::literal(server.map_or("", String::as_str))
        ),
    );
    text::settle_item(out, start, text::Frame::ApiModule, format);
}

/// `pub mod <name> { … }` at indent 4, `{}` when empty.
fn module_block(out: &mut String, name: &str, body: &str) {
    if body.is_empty() {
        text::line(out, 4, &format!("pub mod {name} {{}}"));
    } else {
        text::line(out, 4, &format!("pub mod {name} {{"));
        out.push_str(body);
        text::line(out, 4, "}");
    }
}

const CLIENT_HEAD: &str = "    #[derive(Debug, Clone)]
    pub struct Client {
        inner: ::clientgen::Client,
    }
    impl Client {
        /// A client for the API at `base_url`.
        pub fn new(base_url: impl Into<String>) -> Self {
            Self {
                inner: ::clientgen::Client::new(base_url),
            }
        }
        /// The `clientgen::Client` requests go through: base URL, HTTP client, credentials.
        pub fn inner(&self) -> &::clientgen::Client {
            &self.inner
        }
        /// The `clientgen::Client` requests go through, to change credentials and headers:
        /// `client.inner_mut().set_bearer_token(token)`.
        pub fn inner_mut(&mut self) -> &mut ::clientgen::Client {
            &mut self.inner
        }
        /// The `clientgen::Client` requests go through.
        pub fn into_inner(self) -> ::clientgen::Client {
            self.inner
        }
";

const CLIENT_TAIL: &str = "    impl Default for Client {
        /// A client for the API at [`DEFAULT_BASE_URL`].
        fn default() -> Self {
            Self::new(DEFAULT_BASE_URL)
        }
    }
    impl From<::clientgen::Client> for Client {
        /// A client that sends through `inner`, with its base URL, credentials and headers.
        fn from(inner: ::clientgen::Client) -> Self {
            Self { inner }
        }
    }
";

/// One type name per IR type, unique within `types` and clear of the names it uses.
fn type_names(api: &ir::Api) -> Vec<String> {
    let mut scope = Scope::camel_with_reserved(names::TYPES_MODULE_NAMES);
    api.types
        .iter()
        .map(|def| scope.claim(names::type_name(&def.name)))
        .collect()
}

/// The `use` lines of the `types` module: only what its items use.
fn types_imports(out: &mut String, api: &ir::Api, names: Names<'_>) {
    let serde: Vec<models::Serde> = (0..api.types.len())
        .map(|index| models::Serde::of(api, ir::TypeId(index), names))
        .collect();
    let serialize = serde.iter().any(|traits| traits.derives_serialize());
    let deserialize = serde.iter().any(|traits| traits.deserialize);
    let maps = api.types.iter().any(|def| match &def.kind {
        ir::TypeKind::Struct(body) => {
            body.additional_properties.is_some() || body.fields.iter().any(|f| holds_map(&f.ty))
        }
        ir::TypeKind::Union(union) => union.variants.iter().any(holds_map),
        ir::TypeKind::Alias(ty) => holds_map(ty),
        ir::TypeKind::Enum(_) => false,
    });
    let tagged = api
        .types
        .iter()
        .zip(&serde)
        .any(|(def, traits)| match &def.kind {
            ir::TypeKind::Union(union) => traits.deserialize && models::is_tagged(union),
            _ => false,
        });
    let choices = api
        .types
        .iter()
        .zip(&serde)
        .any(|(def, traits)| match &def.kind {
            ir::TypeKind::Union(union) => {
                traits.deserialize && models::has_enum_variant(api, union)
            }
            _ => false,
        });
    if tagged {
        text::line(
            out,
            8,
            "use ::clientgen::__private::{any_value, from_value, tag};",
        );
    } else if choices {
        text::line(
            out,
            8,
            "use ::clientgen::__private::{any_value, from_value};",
        );
    }
    let read: Vec<&ir::Struct> = api
        .types
        .iter()
        .zip(&serde)
        .filter_map(|(def, traits)| match &def.kind {
            ir::TypeKind::Struct(body) if traits.deserialize && from_map::applies(body) => {
                Some(body)
            }
            _ => None,
        })
        .collect();
    if !read.is_empty() {
        if read
            .iter()
            .any(|body| body.fields.iter().any(|f| f.required))
        {
            text::line(out, 8, "use ::clientgen::__private::{");
            text::line(
                out,
                12,
                "FromMap, from_map, next_field, required, skip_value,",
            );
            text::line(out, 8, "};");
        } else {
            text::line(
                out,
                8,
                "use ::clientgen::__private::{FromMap, from_map, next_field, skip_value};",
            );
        }
    }
    match (serialize, deserialize) {
        (true, true) => text::line(out, 8, "use ::clientgen::serde::{Deserialize, Serialize};"),
        (true, false) => text::line(out, 8, "use ::clientgen::serde::Serialize;"),
        (false, true) => text::line(out, 8, "use ::clientgen::serde::Deserialize;"),
        (false, false) => {}
    }
    if maps {
        text::line(out, 8, "use ::std::collections::BTreeMap;");
    }
}

fn holds_map(ty: &ir::Type) -> bool {
    match ty {
        ir::Type::Map(_) => true,
        ir::Type::List(inner) | ir::Type::Nullable(inner) => holds_map(inner),
        _ => false,
    }
}
