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
///
/// An empty token, key or user name is no credential: setting one removes the scheme's
/// credential.
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

impl SchemeKind {
    /// Whether `credential` is of the kind this scheme takes.
    fn takes(&self, credential: &Credential) -> bool {
        matches!(
            (self, credential),
            (SchemeKind::Bearer, Credential::Bearer(_))
                | (SchemeKind::Basic, Credential::Basic { .. })
                | (SchemeKind::ApiKey { .. }, Credential::ApiKey(_))
        )
    }

    /// What this scheme takes, for error messages.
    fn takes_name(&self) -> &'static str {
        match self {
            SchemeKind::Bearer => "a bearer token",
            SchemeKind::Basic => "a user name and password",
            SchemeKind::ApiKey { .. } => "an API key",
        }
    }
}

/// The scheme each credential set by kind goes to, worked out from the spec's schemes.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Resolved {
    bearer: Option<&'static str>,
    basic: Option<&'static str>,
    api_key: Option<&'static str>,
}

/// The spec's schemes, for a message that says what there is to name.
fn others(spec: &[Scheme]) -> String {
    if spec.is_empty() {
        return " (it declares no security schemes)".to_string();
    }
    let keys: Vec<&str> = spec.iter().map(|scheme| scheme.key).collect();
    format!(
        "; its schemes are {}: name one with `with_credential`",
        keys.join(", ")
    )
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

impl Credential {
    /// Whether this holds nothing (an empty token, key or user name).
    fn is_empty(&self) -> bool {
        match self {
            Credential::Bearer(text) | Credential::ApiKey(text) => text.is_empty(),
            Credential::Basic { username, .. } => username.is_empty(),
        }
    }

    /// What this is, for error messages.
    fn kind_name(&self) -> &'static str {
        match self {
            Credential::Bearer(_) => "a bearer token",
            Credential::Basic { .. } => "a user name and password",
            Credential::ApiKey(_) => "an API key",
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

impl Client {
    /// A client for the API at `base_url` (`https://api.example.com/v1`), with a default
    /// [`reqwest::Client`] (TLS by rustls with ring, set on this client alone: see
    /// [`crate::tls`]; nothing is installed process-wide). An empty or
    /// relative `base_url` fails every call with [`crate::Error::InvalidRequest`], which says
    /// how to set it.
    pub fn new(base_url: impl Into<String>) -> Self {
        Client::with_http_client(base_url, crate::tls::http_client())
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

    /// Sends `token` for the spec's one bearer-kind scheme (`http` bearer, `oauth2` or
    /// `openIdConnect`), unless that scheme has a credential of its own. When the spec has none
    /// or several, every call fails with [`crate::Error::InvalidRequest`] naming the schemes:
    /// name one with [`Client::with_credential`] instead. An empty `token` sets nothing (and
    /// removes a token set before).
    ///
    /// ```
    /// let client = clientgen::Client::new("https://api.example.com").with_bearer_token("secret");
    /// # let _ = client;
    /// ```
    pub fn with_bearer_token(mut self, token: impl Into<String>) -> Self {
        self.set_bearer_token(token);
        self
    }

    /// Like [`Client::with_bearer_token`], in place.
    pub fn set_bearer_token(&mut self, token: impl Into<String>) {
        self.bearer_token = Some(token.into()).filter(|token| !token.is_empty());
    }

    /// Sends these credentials for the spec's one HTTP Basic scheme, unless that scheme has a
    /// credential of its own; with none or several, every call fails as
    /// [`Client::with_bearer_token`] says. An empty `username` sets nothing.
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
        let username: String = username.into();
        self.basic = (!username.is_empty()).then_some((username, password));
    }

    /// Sends `key` for the spec's one `apiKey` scheme in a header or the query, unless that
    /// scheme has a credential of its own; with none or several, every call fails as
    /// [`Client::with_bearer_token`] says. A key that goes in a cookie (a session cookie) is
    /// set by name only, with [`Client::with_credential`]. An empty `key` sets nothing.
    pub fn with_api_key(mut self, key: impl Into<String>) -> Self {
        self.set_api_key(key);
        self
    }

    /// Like [`Client::with_api_key`], in place.
    pub fn set_api_key(&mut self, key: impl Into<String>) {
        self.api_key = Some(key.into()).filter(|key| !key.is_empty());
    }

    /// Sends `credential` for the security scheme named `scheme` in the spec's
    /// `components/securitySchemes`, and for no other; it goes before a credential set by kind.
    /// An empty credential removes the scheme's own. A credential of the wrong kind for its
    /// scheme (an API key for an `oauth2` scheme) fails every call with
    /// [`crate::Error::InvalidRequest`].
    ///
    /// ```
    /// use clientgen::Credential;
    /// let client = clientgen::Client::new("https://api.example.com")
    ///     .with_credential("headerKey", Credential::ApiKey("key".to_string()))
    ///     .with_credential("cookieKey", Credential::ApiKey("session-id".to_string()));
    /// # let _ = client;
    /// ```
    pub fn with_credential(mut self, scheme: impl Into<String>, credential: Credential) -> Self {
        self.set_credential(scheme, credential);
        self
    }

    /// Like [`Client::with_credential`], in place.
    pub fn set_credential(&mut self, scheme: impl Into<String>, credential: Credential) {
        let scheme = scheme.into();
        if credential.is_empty() {
            self.by_scheme.remove(&scheme);
        } else {
            self.by_scheme.insert(scheme, credential);
        }
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

    /// Which schemes of `spec` (every scheme the spec declares) the credentials set by kind
    /// go to, or why they cannot go anywhere: a shortcut whose kind the spec has no scheme or
    /// several schemes of, or a credential of the wrong kind for the scheme it names.
    pub(crate) fn resolve(&self, spec: &[Scheme]) -> Result<Resolved, String> {
        for scheme in spec {
            if let Some(credential) = self.by_scheme.get(scheme.key)
                && !scheme.kind.takes(credential)
            {
                return Err(format!(
                    "the credential set for security scheme `{}` is {}, but that scheme takes {}",
                    scheme.key,
                    credential.kind_name(),
                    scheme.kind.takes_name()
                ));
            }
        }
        let one = |set: bool,
                   shortcut: &str,
                   kind: &str,
                   example: &str,
                   fits: fn(&SchemeKind) -> bool| {
            if !set {
                return Ok(None);
            }
            let keys: Vec<&'static str> = spec
                .iter()
                .filter(|scheme| fits(&scheme.kind))
                .map(|scheme| scheme.key)
                .collect();
            match keys.as_slice() {
                [key] => Ok(Some(*key)),
                [] => Err(format!(
                    "{shortcut} was given, but the spec has no {kind} scheme to send it to{}",
                    others(spec)
                )),
                several => Err(format!(
                    "{shortcut} was given, but the spec has several {kind} schemes ({}); \
                     name the one it is for with `with_credential(\"{}\", {example})`",
                    several.join(", "),
                    several[0],
                )),
            }
        };
        Ok(Resolved {
            bearer: one(
                self.bearer_token.is_some(),
                "with_bearer_token",
                "bearer-kind (http bearer, oauth2, openIdConnect)",
                "Credential::Bearer(token)",
                |kind| matches!(kind, SchemeKind::Bearer),
            )?,
            basic: one(
                self.basic.is_some(),
                "with_basic_auth",
                "HTTP Basic",
                "Credential::Basic { username, password }",
                |kind| matches!(kind, SchemeKind::Basic),
            )?,
            api_key: one(
                self.api_key.is_some(),
                "with_api_key",
                "apiKey (in a header or the query)",
                "Credential::ApiKey(key)",
                |kind| {
                    matches!(
                        kind,
                        SchemeKind::ApiKey {
                            location: ApiKeyIn::Header | ApiKeyIn::Query,
                            ..
                        }
                    )
                },
            )?,
        })
    }

    /// The credential for `scheme`, if this client has one: its own, else the one set by kind
    /// when `resolved` sends that kind to this scheme.
    pub(crate) fn attach(&self, scheme: &Scheme, resolved: &Resolved) -> Option<Attach> {
        let by_kind = |to: Option<&'static str>| to == Some(scheme.key);
        match (scheme.kind, self.by_scheme.get(scheme.key)) {
            (SchemeKind::Bearer, Some(Credential::Bearer(token))) => {
                Some(Attach::Bearer(token.clone()))
            }
            (SchemeKind::Basic, Some(Credential::Basic { username, password })) => {
                Some(Attach::Basic(username.clone(), password.clone()))
            }
            (SchemeKind::ApiKey { location, name }, Some(Credential::ApiKey(key))) => {
                Some(Attach::ApiKey(location, name, key.clone()))
            }
            (_, Some(_)) => None,
            (SchemeKind::Bearer, None) if by_kind(resolved.bearer) => {
                self.bearer_token.clone().map(Attach::Bearer)
            }
            (SchemeKind::Basic, None) if by_kind(resolved.basic) => self
                .basic
                .clone()
                .map(|(username, password)| Attach::Basic(username, password)),
            (SchemeKind::ApiKey { location, name }, None) if by_kind(resolved.api_key) => self
                .api_key
                .clone()
                .map(|key| Attach::ApiKey(location, name, key)),
            (_, None) => None,
        }
    }

    /// Why requests cannot go to the base URL: there is none (the spec names no server and
    /// none was given), or it is relative (the spec's server is, and it was not read from a URL).
    pub(crate) fn base_url_problem(&self) -> Option<String> {
        let how = "give the API's URL: `Client::new(\"https://api.example.com\")`, or \
                   generate from the served spec (`clientgen generate -u URL`) so that the \
                   generated `Client::default()` knows it";
        if self.base_url.is_empty() {
            Some(format!("no base URL: the spec names no server; {how}"))
        } else if !self.base_url.contains("://") {
            Some(format!(
                "the base URL `{}` is not absolute (the spec's server is relative); {how}",
                self.base_url
            ))
        } else {
            None
        }
    }

    pub(crate) fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }
}
