//! The document level: info, servers, security schemes and requirements.

use serde_json::json;

use crate::diagnostics::Severity;
use crate::ir::{ApiKeyLocation, BearerVia, SecurityScheme, SecuritySchemeKind};

use super::{clean, lowered, summary};

#[test]
fn servers_with_variables() {
    let api = clean(&json!({
        "openapi": "3.0.3",
        "info": {"title": "Shop", "version": "2.1", "description": "Sells things"},
        "servers": [
            {"url": "https://{region}.example.com/{base}", "variables": {
                "region": {"default": "eu", "enum": ["eu", "us"]},
                "base": {"default": "v2"}
            }},
            {"url": "/relative"}
        ],
        "paths": {}
    }));
    assert_eq!(api.title, "Shop");
    assert_eq!(api.version, "2.1");
    assert_eq!(api.description.as_deref(), Some("Sells things"));
    assert_eq!(api.servers, ["https://eu.example.com/v2", "/relative"]);
}

#[test]
fn security_schemes_kinds() {
    let (api, diagnostics) = lowered(&json!({
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1"},
        "paths": {},
        "components": {"securitySchemes": {
            "jwt": {"type": "http", "scheme": "Bearer", "description": "A token"},
            "basic": {"type": "http", "scheme": "basic"},
            "digest": {"type": "http", "scheme": "digest"},
            "key": {"type": "apiKey", "in": "header", "name": "X-Key"},
            "query": {"type": "apiKey", "in": "query", "name": "key"},
            "oauth": {"type": "oauth2", "flows": {
                "authorizationCode": {"authorizationUrl": "https://a", "tokenUrl": "https://code", "scopes": {}},
                "clientCredentials": {"tokenUrl": "https://token", "scopes": {}}
            }},
            "oidc": {"type": "openIdConnect", "openIdConnectUrl": "https://oidc"}
        }}
    }));
    let scheme = |key: &str, kind: SecuritySchemeKind| SecurityScheme {
        key: key.into(),
        kind,
        description: None,
    };
    let bearer = |via, token_url: Option<&str>| SecuritySchemeKind::Bearer {
        via,
        token_url: token_url.map(Into::into),
    };
    assert_eq!(
        api.security_schemes,
        [
            SecurityScheme {
                description: Some("A token".into()),
                ..scheme("jwt", bearer(BearerVia::Http, None))
            },
            scheme("basic", SecuritySchemeKind::Basic),
            scheme(
                "key",
                SecuritySchemeKind::ApiKey {
                    location: ApiKeyLocation::Header,
                    name: "X-Key".into()
                }
            ),
            scheme(
                "query",
                SecuritySchemeKind::ApiKey {
                    location: ApiKeyLocation::Query,
                    name: "key".into()
                }
            ),
            scheme("oauth", bearer(BearerVia::OAuth2, Some("https://token"))),
            scheme("oidc", bearer(BearerVia::OpenIdConnect, None)),
        ]
    );
    assert_eq!(
        summary(&diagnostics),
        [(
            Severity::Warning,
            "/components/securitySchemes/digest",
            "http authentication scheme `digest` is not supported (bearer and basic are); skipped"
        )]
    );
}

#[test]
fn security_inheritance_and_empty_override() {
    let (api, diagnostics) = lowered(&json!({
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1"},
        "security": [{"jwt": []}, {"key": [], "jwt": ["read"]}],
        "paths": {"/a": {
            "get": {"operationId": "inherits", "responses": {}},
            "post": {"operationId": "public", "security": [], "responses": {}},
            "put": {"operationId": "optional", "security": [{}, {"key": []}], "responses": {}},
            "patch": {"operationId": "unknown", "security": [{"nope": []}, {"jwt": [], "nope": []}], "responses": {}}
        }},
        "components": {"securitySchemes": {
            "jwt": {"type": "http", "scheme": "bearer"},
            "key": {"type": "apiKey", "in": "cookie", "name": "k"}
        }}
    }));
    let security: Vec<(&str, Vec<Vec<String>>)> = api
        .operations
        .iter()
        .map(|op| (op.id.as_str(), op.security.clone()))
        .collect();
    let keys = |keys: &[&str]| keys.iter().map(|key| key.to_string()).collect::<Vec<_>>();
    assert_eq!(
        security,
        [
            ("inherits", vec![keys(&["jwt"]), keys(&["key", "jwt"])]),
            ("public", vec![]),
            ("optional", vec![keys(&[]), keys(&["key"])]),
            ("unknown", vec![keys(&["jwt"])]),
        ]
    );
    let pointers: Vec<&str> = diagnostics.iter().map(|d| d.pointer.as_str()).collect();
    assert_eq!(
        pointers,
        [
            "/paths/~1a/patch/security/0/nope",
            "/paths/~1a/patch/security/1/nope"
        ]
    );
}
