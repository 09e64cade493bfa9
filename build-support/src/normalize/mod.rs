//! Stage 2: bring Swagger 2.0, OpenAPI 3.0.x and 3.1.x to one shape (OpenAPI 3.0.3).
//!
//! The next stage reads only 3.0.3 shape, so everything version-specific ends here:
//!
//! - 3.1: `type` lists and `{"type": "null"}` become `nullable`, `const` a one-value `enum`,
//!   numeric `exclusiveMinimum`/`exclusiveMaximum` the 3.0 boolean form, `examples` one
//!   `example`, `contentMediaType` a `binary` string, `prefixItems` `items`, `$ref` siblings
//!   an `allOf` where they are more than annotations (module `schema`);
//! - 3.0: the same schema fixups, which only fire on shapes 3.0 cannot hold anyway;
//! - 2.0: the whole document is converted (module `swagger2`).
//!
//! The document is rewritten in place, each node visited once. Diagnostics point into the
//! document as it was read, so a user can find what a warning is about.
//!
//! What the next stage can rely on in the output: `openapi` is `"3.0.3"`; `paths` exists and
//! every operation has `responses`; schemas hold no type lists, `type: "null"`, `const`,
//! numeric exclusive bounds, `examples` lists, `prefixItems`, tuple `items` or boolean
//! subschemas (except `additionalProperties: bool`). A `$ref` may keep annotation siblings
//! (`description`, `title`, `default`, `example`, `deprecated`, `readOnly`, `writeOnly`,
//! `nullable`, `x-…`); in a 3.0 input it keeps whatever siblings it had, which 3.0 says to
//! ignore. `$defs` stay where they were. A converted 2.0 body parameter's name is kept as the
//! operation's `x-codegen-request-body-name`. 3.1 `webhooks` stay (with fixed schemas);
//! 3.1 `mutualTLS` schemes are dropped.
//!
//! Features the clients do not carry (`not`, `if`/`then`/`else`, `patternProperties`, `xml`,
//! callbacks, webhooks, links, `allowReserved`, body `encoding`…) stay in the document and are
//! reported once per feature (module `unsupported`).

mod openapi3;
mod schema;
mod swagger2;
mod unsupported;
mod version;
mod walk;

#[cfg(test)]
mod tests;

use serde_json::{Map, Value};

use crate::diagnostics::Diagnostics;
use walk::{Walk, kind};

/// The version of OpenAPI a document is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dialect {
    /// Swagger 2.0.
    Swagger2,
    /// OpenAPI 3.0.x.
    OpenApi30,
    /// OpenAPI 3.1.x.
    OpenApi31,
}

/// The version every normalized document is in.
const OUTPUT_VERSION: &str = "3.0.3";

/// Rewrites `document` into OpenAPI 3.0.3 shape, recording what it could not carry over.
///
/// A document whose version is missing or unsupported, or that is not an object, gets an error
/// diagnostic and is returned unchanged.
pub fn normalize(document: Value, diagnostics: &mut Diagnostics) -> Value {
    let Value::Object(root) = document else {
        diagnostics.error(
            "",
            format!("the document is {}, not an object", kind(&document)),
            "an OpenAPI document is an object with an \"openapi\" (or \"swagger\") field at its top level",
        );
        return document;
    };
    let Some(dialect) = version::detect(&root, diagnostics) else {
        return Value::Object(root);
    };
    let mut walk = Walk::new(dialect, diagnostics);
    let root = match dialect {
        Dialect::Swagger2 => swagger2::convert(root, &mut walk),
        Dialect::OpenApi30 | Dialect::OpenApi31 => openapi3::convert(root, &mut walk),
    };
    walk.finish();
    Value::Object(root)
}

/// Sets the output version and makes sure `paths` exists (3.1 allows documents without it).
fn finish(root: &mut Map<String, Value>) {
    root.insert("openapi".into(), OUTPUT_VERSION.into());
    if !root.contains_key("paths") {
        root.insert("paths".into(), Value::Object(Map::new()));
    }
}
