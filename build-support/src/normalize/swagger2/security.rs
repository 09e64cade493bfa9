//! 2.0 `securityDefinitions` → 3.0 `components/securitySchemes`.
//!
//! `basic` becomes `{type: http, scheme: basic}`, `apiKey` is unchanged, and an `oauth2`
//! scheme's one `flow` becomes the matching entry of `flows` (`application` is 3.0's
//! `clientCredentials`, `accessCode` its `authorizationCode`).

use serde_json::{Map, Value};

use crate::normalize::walk::{Walk, kind};

/// Converts the `securityDefinitions` object `value` (at the current pointer).
pub(super) fn convert(value: Value, walk: &mut Walk) -> Map<String, Value> {
    let mut schemes = Map::new();
    let Value::Object(definitions) = value else {
        walk.warn(format!(
            "`securityDefinitions` must be an object, found {}; ignored",
            kind(&value)
        ));
        return schemes;
    };
    for (name, definition) in definitions {
        if let Some(scheme) = walk.at(&name, |walk| scheme(definition, walk)) {
            schemes.insert(name, scheme);
        }
    }
    schemes
}

fn scheme(value: Value, walk: &mut Walk) -> Option<Value> {
    let Value::Object(mut map) = value else {
        walk.warn(format!(
            "a security scheme must be an object, found {}; ignored",
            kind(&value)
        ));
        return None;
    };
    match map.get("type").and_then(Value::as_str) {
        Some("apiKey") => Some(Value::Object(map)),
        Some("basic") => {
            map.insert("type".into(), "http".into());
            map.insert("scheme".into(), "basic".into());
            Some(Value::Object(map))
        }
        Some("oauth2") => oauth2(map, walk).map(Value::Object),
        _ => {
            walk.warn(
                "a security scheme's `type` must be basic, apiKey or oauth2; the scheme is \
                 ignored, so requests will not carry it",
            );
            None
        }
    }
}

fn oauth2(map: Map<String, Value>, walk: &mut Walk) -> Option<Map<String, Value>> {
    let mut scheme = Map::new();
    let mut flow_name = None;
    let mut authorization_url = None;
    let mut token_url = None;
    let mut scopes = None;
    for (key, value) in map {
        match key.as_str() {
            "flow" => flow_name = value.as_str().map(String::from),
            "authorizationUrl" => authorization_url = Some(value),
            "tokenUrl" => token_url = Some(value),
            "scopes" => scopes = Some(value),
            _ => {
                scheme.insert(key, value);
            }
        }
    }
    let (name, needs_authorization, needs_token) = match flow_name.as_deref() {
        Some("implicit") => ("implicit", true, false),
        Some("password") => ("password", false, true),
        Some("application") => ("clientCredentials", false, true),
        Some("accessCode") => ("authorizationCode", true, true),
        _ => {
            walk.warn(
                "an oauth2 scheme's `flow` must be implicit, password, application or \
                 accessCode; the scheme is ignored, so requests will not carry it",
            );
            return None;
        }
    };
    let mut flow = Map::new();
    if needs_authorization {
        flow.insert(
            "authorizationUrl".into(),
            url(authorization_url, "authorizationUrl", walk),
        );
    }
    if needs_token {
        flow.insert("tokenUrl".into(), url(token_url, "tokenUrl", walk));
    }
    flow.insert(
        "scopes".into(),
        scopes.unwrap_or_else(|| Value::Object(Map::new())),
    );
    let mut flows = Map::new();
    flows.insert(name.into(), Value::Object(flow));
    scheme.insert("flows".into(), Value::Object(flows));
    Some(scheme)
}

/// The URL a flow needs, or `""` with a warning when the scheme lacks it.
fn url(value: Option<Value>, key: &str, walk: &mut Walk) -> Value {
    value.unwrap_or_else(|| {
        walk.warn(format!(
            "this oauth2 flow needs `{key}`; an empty one is used"
        ));
        Value::String(String::new())
    })
}
