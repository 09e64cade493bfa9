//! Security schemes OpenAPI 3.0 cannot express.

use serde_json::{Map, Value};

use super::METHODS;
use crate::normalize::walk::Walk;

/// Removes 3.1's `mutualTLS` schemes from `components/securitySchemes` and from every security
/// requirement that names them: a client certificate is set up in the HTTP client, not carried
/// by generated code, so a requirement of only `mutualTLS` asks the client for nothing.
pub(super) fn drop_mutual_tls(root: &mut Map<String, Value>, walk: &mut Walk) {
    let Some(Value::Object(schemes)) = root
        .get_mut("components")
        .and_then(|components| components.get_mut("securitySchemes"))
    else {
        return;
    };
    let dropped: Vec<String> = schemes
        .iter()
        .filter(|(_, scheme)| scheme.get("type").and_then(Value::as_str) == Some("mutualTLS"))
        .map(|(name, _)| name.clone())
        .collect();
    if dropped.is_empty() {
        return;
    }
    for name in &dropped {
        schemes.shift_remove(name);
        walk.at("components", |walk| {
            walk.at("securitySchemes", |walk| {
                walk.at(name, |walk| {
                    walk.warn(
                        "mutualTLS security has no OpenAPI 3.0 form; the scheme is dropped \
                         (set up the client certificate in the HTTP client)",
                    );
                });
            });
        });
    }
    if let Some(security) = root.get_mut("security") {
        drop_from_requirements(security, &dropped);
    }
    for section in ["paths", "webhooks"] {
        let Some(Value::Object(items)) = root.get_mut(section) else {
            continue;
        };
        for item in items.values_mut() {
            for method in METHODS {
                if let Some(security) = item.get_mut(method).and_then(|op| op.get_mut("security")) {
                    drop_from_requirements(security, &dropped);
                }
            }
        }
    }
}

/// Removes the schemes named in `dropped` from every requirement of the list `security`.
fn drop_from_requirements(security: &mut Value, dropped: &[String]) {
    let Value::Array(requirements) = security else {
        return;
    };
    for requirement in requirements {
        if let Value::Object(requirement) = requirement {
            requirement.retain(|name, _| !dropped.contains(name));
        }
    }
}
