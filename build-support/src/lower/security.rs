//! Security schemes (`components/securitySchemes`) and security requirements.

use rustc_hash::FxHashSet;

use serde_json::Value;

use crate::ir::{ApiKeyLocation, BearerVia, SecurityScheme, SecuritySchemeKind};

use super::Lowerer;
use super::pointer::Pointer;
use super::read::Object;

impl<'a> Lowerer<'a> {
    /// The supported schemes of `components/securitySchemes`, in spec order.
    pub(super) fn security_schemes(&mut self, root: &'a Object) -> Vec<SecurityScheme> {
        let Some(components) = root.get("components").and_then(Value::as_object) else {
            return Vec::new();
        };
        let at = Pointer::Root("/components");
        let Some(schemes) = self.object(components, "securitySchemes", at) else {
            return Vec::new();
        };
        let list = at.key("securitySchemes");
        let mut out = Vec::with_capacity(schemes.len());
        for (key, scheme) in schemes {
            let at = list.key(key);
            let Some(scheme) = self.as_object(scheme, "a security scheme", at) else {
                continue;
            };
            if let Some(kind) = self.scheme_kind(scheme, at) {
                out.push(SecurityScheme {
                    key: key.clone(),
                    kind,
                    description: self.owned_text(scheme, "description", at),
                });
            }
        }
        out
    }

    fn scheme_kind(&mut self, scheme: &'a Object, at: Pointer<'_>) -> Option<SecuritySchemeKind> {
        let bearer = |via, token_url| Some(SecuritySchemeKind::Bearer { via, token_url });
        match self.text(scheme, "type", at) {
            Some("http") => {
                let name = self.text(scheme, "scheme", at).unwrap_or_default();
                match name.to_ascii_lowercase().as_str() {
                    "bearer" => bearer(BearerVia::Http, None),
                    "basic" => Some(SecuritySchemeKind::Basic),
                    _ => {
                        let message = format!(
                            "http authentication scheme `{name}` is not supported (bearer and basic are); skipped"
                        );
                        self.warn(at, message);
                        None
                    }
                }
            }
            Some("apiKey") => self.api_key(scheme, at),
            Some("oauth2") => bearer(BearerVia::OAuth2, token_url(scheme)),
            Some("openIdConnect") => bearer(BearerVia::OpenIdConnect, None),
            other => {
                let kind = other.unwrap_or("(none)");
                self.warn(
                    at,
                    format!("security scheme type `{kind}` is not supported; skipped"),
                );
                None
            }
        }
    }

    fn api_key(&mut self, scheme: &'a Object, at: Pointer<'_>) -> Option<SecuritySchemeKind> {
        let location = match self.text(scheme, "in", at) {
            Some("header") => ApiKeyLocation::Header,
            Some("query") => ApiKeyLocation::Query,
            Some("cookie") => ApiKeyLocation::Cookie,
            _ => {
                self.warn(
                    at,
                    "apiKey scheme needs `in`: header, query or cookie; skipped",
                );
                return None;
            }
        };
        let Some(name) = self.owned_text(scheme, "name", at) else {
            self.warn(at, "apiKey scheme has no `name`; skipped");
            return None;
        };
        Some(SecuritySchemeKind::ApiKey { location, name })
    }

    /// A `security` list: each requirement's scheme keys in order (`{}` → no scheme needed).
    /// Keys of undeclared or unsupported schemes are dropped, and a requirement left with none
    /// of its keys is dropped too (rather than turning into "no auth").
    pub(super) fn security(
        &mut self,
        security: &'a Value,
        at: Pointer<'_>,
        schemes: &FxHashSet<&str>,
    ) -> Vec<Vec<String>> {
        let Some(requirements) = security.as_array() else {
            self.warn(at, "`security` should be a list; ignored");
            return Vec::new();
        };
        let mut out = Vec::with_capacity(requirements.len());
        for (index, requirement) in requirements.iter().enumerate() {
            let at = at.index(index);
            let Some(requirement) = self.as_object(requirement, "a security requirement", at)
            else {
                continue;
            };
            let mut keys = Vec::with_capacity(requirement.len());
            for key in requirement.keys() {
                if schemes.contains(key.as_str()) {
                    keys.push(key.clone());
                } else {
                    let message = format!(
                        "security scheme `{key}` is not declared in `components/securitySchemes` or not supported; dropped"
                    );
                    self.warn(at.key(key), message);
                }
            }
            if !keys.is_empty() || requirement.is_empty() {
                out.push(keys);
            }
        }
        out
    }
}

/// The token URL of an oauth2 scheme's password or client-credentials flow.
fn token_url(scheme: &Object) -> Option<String> {
    let flows = scheme.get("flows")?;
    ["password", "clientCredentials"]
        .iter()
        .find_map(|flow| flows.get(*flow)?.get("tokenUrl")?.as_str())
        .map(str::to_string)
}
