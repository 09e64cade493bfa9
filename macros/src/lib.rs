//! `generate_clients!`: a typed Rust client, and the Python, TypeScript and proto clients, from
//! an OpenAPI document at compile time. Use it through the `clientgen` crate, which re-exports it
//! and holds what the generated code needs.
//!
//! A thin shell over `clientgen-build`: `args` parses the arguments, `expand` runs the core
//! and writes the other clients, and every problem becomes a `compile_error!` at the argument it
//! concerns.

mod args;
mod expand;
mod out_dir;
mod serialize;

use proc_macro::TokenStream;

/// Generates clients from an OpenAPI document (JSON or YAML).
///
/// ```ignore
/// clientgen::generate_clients!("openapi.json");
///
/// clientgen::generate_clients! {
///     spec = "openapi.json",               // relative to Cargo.toml; required
///     out = "clients",                     // python/<api>, typescript/<api>, proto/ under it
///     targets = [python, typescript, proto], // the other clients to write; `[]` for none
///     python_style = functions,            // or `class`
///     python_env_prefix = "GITHUB",        // config.py reads GITHUB_BASE_URL… (default: the
///                                          // package name in upper case)
///     python_package_name = "github",      // python/github/ (default: the title in snake_case)
///     proto_enum_style = json,             // or `prefixed` (ROLE_MEMBER)
///     proto_layout = zone,                 // or `versioned` (<zone>.v1 in <zone>/v1/)
///     proto_http_annotations = false,      // `true`: google.api.http rules per rpc
///     proto_go_package_prefix = "example.com/app/gen/go", // go_package's import path prefix
///     proto_java_package_prefix = "com.example",          // java_package's (default "com")
///     proto_csharp_namespace_prefix = "Example",          // csharp_namespace's
///     zones = "zones.toml",                // one client per zone (see clientgen's README)
/// }
/// ```
///
/// It expands to `pub mod <api> { pub mod types; pub mod responses; pub struct Client; }`, where
/// `<api>` is the spec's title in snake_case. Cargo re-expands it whenever the spec changes.
///
/// Without `out`, the other clients go to `$OUT_DIR/clientgen` when the crate has a build
/// script, else to `<target dir>/clientgen/<package>` (the target dir is `$CARGO_TARGET_DIR`,
/// or `target/` beside the nearest `Cargo.lock` above the crate). Unchanged files are not
/// rewritten, so expanding often (as IDEs do) costs little. The expansion reads each output
/// folder's `.clientgen-manifest` (with `include_str!`), so a folder deleted by hand is written
/// again by the next build.
///
/// With `zones`, the Python and TypeScript clients go to `python/` and `typescript/` under `out`,
/// one folder per zone (`cfg/<zone>`, `custom/<zone>` or `<zone>`), and the proto tree holds one
/// group per zone; the Rust client holds one module per zone (`admin::Client`, …). Cargo
/// re-expands when the zones file changes too.
#[proc_macro]
pub fn generate_clients(input: TokenStream) -> TokenStream {
    match args::parse(input.into()) {
        Ok(args) => expand::expand(&args).into(),
        Err(error) => error.into_compile_error().into(),
    }
}

/// Derives `Serialize` on a type the generated client only reads, when `clientgen`'s
/// `serialize-responses` feature is on; leaves it without otherwise. Generated code only: use it
/// through `clientgen::__private`.
#[doc(hidden)]
#[proc_macro_attribute]
pub fn serialize_responses(_arguments: TokenStream, item: TokenStream) -> TokenStream {
    serialize::expand(item.into()).into()
}
