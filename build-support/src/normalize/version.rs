//! Which version of OpenAPI a document is written in.

use serde_json::{Map, Value};

use super::Dialect;
use crate::diagnostics::Diagnostics;

/// What clientgen reads, for every version error's help.
const SUPPORTED: &str = "clientgen reads Swagger 2.0 and OpenAPI 3.0.x and 3.1.x documents";

/// The dialect `root` declares, or `None` after recording an error.
///
/// `openapi` wins over `swagger` when both are present. A version written as a number (YAML's
/// `openapi: 3.0`) is read as the text it spells, with a warning.
pub(super) fn detect(root: &Map<String, Value>, diagnostics: &mut Diagnostics) -> Option<Dialect> {
    if let Some(value) = root.get("openapi") {
        let version = text(value, "/openapi", diagnostics)?;
        return match version.as_str() {
            v if v == "3.0" || v.starts_with("3.0.") => Some(Dialect::OpenApi30),
            v if v == "3.1" || v.starts_with("3.1.") => Some(Dialect::OpenApi31),
            _ => unsupported("/openapi", "OpenAPI", value, diagnostics),
        };
    }
    if let Some(value) = root.get("swagger") {
        let version = text(value, "/swagger", diagnostics)?;
        return match version.as_str() {
            "2.0" => Some(Dialect::Swagger2),
            _ => unsupported("/swagger", "Swagger", value, diagnostics),
        };
    }
    if let Some(value) = root.get("swaggerVersion") {
        return unsupported("/swaggerVersion", "Swagger", value, diagnostics);
    }
    diagnostics.error(
        "",
        "the document has no \"openapi\" or \"swagger\" field, so its version is unknown",
        format!(
            "add \"openapi\": \"3.0.3\" (or the version the document follows) at its top level; {SUPPORTED}"
        ),
    );
    None
}

/// The version text of `value`: a string as is, a number as it prints (with a warning).
fn text(value: &Value, pointer: &str, diagnostics: &mut Diagnostics) -> Option<String> {
    match value {
        Value::String(version) => Some(version.clone()),
        Value::Number(number) => {
            let version = number.to_string();
            diagnostics.warning(
                pointer,
                format!("the version is the number {version}, not a string; read as \"{version}\""),
            );
            Some(version)
        }
        other => {
            diagnostics.error(
                pointer,
                format!("the version is {other}, not a string"),
                format!("write the version as a string, such as \"3.0.3\"; {SUPPORTED}"),
            );
            None
        }
    }
}

/// Records that `value` names a version of `family` that clientgen does not read.
fn unsupported(
    pointer: &str,
    family: &str,
    value: &Value,
    diagnostics: &mut Diagnostics,
) -> Option<Dialect> {
    diagnostics.error(
        pointer,
        format!("unsupported {family} version {value}"),
        SUPPORTED,
    );
    None
}
