//! The base client every generated `Client` wraps: HTTP client, base URL, credentials, headers.

use std::collections::BTreeMap;

use crate::request::Request;

/// What a generated client sends its requests through.
///
/// Holds a [`reqwest::Client`] (pass your own with [`Client::with_http_client`] for middleware,
/// TLS settings, proxies or timeouts), the base URL, the credentials and extra headers.
///
/// ```
/// let client = clientgen::Client::new("https://api.example.com")
///     .with_bearer_token("secret")
///     .with_header("User-Agent", "my-service/1.0");
/// # let _ = client;
/// ```
#[derive(Debug, Clone)]
pub struct Client {
    http: reqwest::Client,
    base_url: String,
    bearer_token: Option<String>,
    basic: Option<(String, Option<String>)>,
    api_key: Option<String>,
    by_scheme: BTreeMap<String, Credential>,
    headers: Vec<(String, String)>,
}

/// Credentials for one security scheme of the spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credential {
    /// A bearer token (`http` bearer, `oauth2` and `openIdConnect` schemes).
    Bearer(String),
    /// A user name and password (`http` basic).
    Basic {
        /// The user name.
        username: String,
        /// The password, if any.
        password: Option<String>,
    },
    /// An api key (`apiKey` schemes; where it goes is the spec's business).
    ApiKey(String),
}

/// Where an api key goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiKeyIn {
    /// A request header.
    Header,
    /// A query parameter.
    Query,
    /// A cookie.
    Cookie,
}

/// A security scheme as the spec declares it; generated code passes these to
/// [`Request::security`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scheme {
    key: &'static str,
    kind: SchemeKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SchemeKind {
    Bearer,
    Basic,
    ApiKey {
        location: ApiKeyIn,
        name: &'static str,
    },
}

impl Scheme {
    /// A bearer-token scheme named `key` in `components/securitySchemes`.
    pub const fn bearer(key: &'static str) -> Scheme {
        Scheme {
            key,
            kind: SchemeKind::Bearer,
        }
    }

    /// An HTTP Basic scheme named `key`.
    pub const fn basic(key: &'static str) -> Scheme {
        Scheme {
            key,
            kind: SchemeKind::Basic,
        }
    }

    /// An api-key scheme named `key`, sent in `location` under `name`.
    pub const fn api_key(key: &'static str, location: ApiKeyIn, name: &'static str) -> Scheme {
        Scheme {
            key,
            kind: SchemeKind::ApiKey { location, name },
        }
    }
}

/// How one credential is attached to a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Attach {
    Bearer(String),
    Basic(String, Option<String>),
    ApiKey(ApiKeyIn, &'static str, String),
}

/// Makes ring rustls's crypto provider for this process, unless one is installed already (then
/// that one stays). [`Client::new`] calls it; call it yourself before you build a
/// `reqwest::Client` of your own through [`crate::reqwest`], whose TLS comes without a provider
/// (reqwest's default, aws-lc, is a C build that adds half a minute to every cold build).
pub fn install_tls_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

impl Client {
    /// A client for the API at `base_url` (`https://api.example.com/v1`), with a default
    /// [`reqwest::Client`] (TLS by rustls with ring: see [`install_tls_provider`]).
    pub fn new(base_url: impl Into<String>) -> Self {
        install_tls_provider();
        Client::with_http_client(base_url, reqwest::Client::new())
    }

    /// A client for the API at `base_url` that sends through `http`, configured as you like.
    pub fn with_http_client(base_url: impl Into<String>, http: reqwest::Client) -> Self {
        let base_url: String = base_url.into();
        Client {
            http,
            base_url: base_url.trim_end_matches('/').to_string(),
            bearer_token: None,
            basic: None,
            api_key: None,
            by_scheme: BTreeMap::new(),
            headers: Vec::new(),
        }
    }

    /// The base URL requests go to.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The underlying HTTP client.
    pub fn http_client(&self) -> &reqwest::Client {
        &self.http
    }

    /// Sends `token` for every bearer scheme (`http` bearer, `oauth2`, `openIdConnect`) that has no
    /// credential of its own.
    pub fn with_bearer_token(mut self, token: impl Into<String>) -> Self {
        self.set_bearer_token(token);
        self
    }

    /// Like [`Client::with_bearer_token`], in place.
    pub fn set_bearer_token(&mut self, token: impl Into<String>) {
        self.bearer_token = Some(token.into());
    }

    /// Sends these credentials for every HTTP Basic scheme that has no credential of its own.
    pub fn with_basic_auth(
        mut self,
        username: impl Into<String>,
        password: Option<String>,
    ) -> Self {
        self.set_basic_auth(username, password);
        self
    }

    /// Like [`Client::with_basic_auth`], in place.
    pub fn set_basic_auth(&mut self, username: impl Into<String>, password: Option<String>) {
        self.basic = Some((username.into(), password));
    }

    /// Sends `key` for every api-key scheme that has no credential of its own, where each scheme
    /// says (header, query parameter or cookie).
    pub fn with_api_key(mut self, key: impl Into<String>) -> Self {
        self.set_api_key(key);
        self
    }

    /// Like [`Client::with_api_key`], in place.
    pub fn set_api_key(&mut self, key: impl Into<String>) {
        self.api_key = Some(key.into());
    }

    /// Sends `credential` for the security scheme named `scheme` in the spec's
    /// `components/securitySchemes`, before any credential set for all schemes of its kind.
    pub fn with_credential(mut self, scheme: impl Into<String>, credential: Credential) -> Self {
        self.set_credential(scheme, credential);
        self
    }

    /// Like [`Client::with_credential`], in place.
    pub fn set_credential(&mut self, scheme: impl Into<String>, credential: Credential) {
        self.by_scheme.insert(scheme.into(), credential);
    }

    /// Sends this header with every request (an invalid name or value fails each request with
    /// [`crate::Error::Transport`]).
    pub fn with_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.set_header(name, value);
        self
    }

    /// Like [`Client::with_header`], in place.
    pub fn set_header(&mut self, name: impl Into<String>, value: impl Into<String>) {
        self.headers.push((name.into(), value.into()));
    }

    /// Starts a request to `path_template` (`/users/{user_id}`), relative to the base URL.
    pub fn request(&self, method: reqwest::Method, path_template: &str) -> Request<'_> {
        Request::new(self, method, path_template)
    }

    pub(crate) fn extra_headers(&self) -> &[(String, String)] {
        &self.headers
    }

    /// The credential for `scheme`, if this client has one.
    pub(crate) fn attach(&self, scheme: &Scheme) -> Option<Attach> {
        let own = self.by_scheme.get(scheme.key);
        match (scheme.kind, own) {
            (SchemeKind::Bearer, Some(Credential::Bearer(token))) => {
                Some(Attach::Bearer(token.clone()))
            }
            (SchemeKind::Bearer, _) => self.bearer_token.clone().map(Attach::Bearer),
            (SchemeKind::Basic, Some(Credential::Basic { username, password })) => {
                Some(Attach::Basic(username.clone(), password.clone()))
            }
            (SchemeKind::Basic, _) => self
                .basic
                .clone()
                .map(|(username, password)| Attach::Basic(username, password)),
            (SchemeKind::ApiKey { location, name }, Some(Credential::ApiKey(key))) => {
                Some(Attach::ApiKey(location, name, key.clone()))
            }
            (SchemeKind::ApiKey { location, name }, _) => self
                .api_key
                .clone()
                .map(|key| Attach::ApiKey(location, name, key)),
        }
    }

    pub(crate) fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }
}
