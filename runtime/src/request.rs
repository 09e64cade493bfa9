//! A request being built by a generated operation: parameters, credentials and body.

use serde::Serialize;
use serde_json::Value;

use crate::__private::sending;
use crate::call::Call;
use crate::client::{ApiKeyIn, Attach, Client, Scheme};
use crate::multipart::Multipart;
use crate::response::Response;
use crate::{ApiResult, Error};

/// A request a generated operation is building; [`Request::send`] turns it into a [`Call`].
#[derive(Debug)]
pub struct Request<'a> {
    client: &'a Client,
    method: reqwest::Method,
    path: String,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    cookies: Vec<String>,
    body: Body,
    problem: Option<String>,
}

#[derive(Debug)]
enum Body {
    None,
    Json(Vec<u8>),
    Form(String),
    Multipart(Multipart),
    Raw {
        bytes: Vec<u8>,
        content_type: String,
    },
}

impl<'a> Request<'a> {
    pub(crate) fn new(client: &'a Client, method: reqwest::Method, path_template: &str) -> Self {
        Request {
            client,
            method,
            path: path_template.to_string(),
            query: Vec::new(),
            headers: Vec::new(),
            cookies: Vec::new(),
            body: Body::None,
            problem: None,
        }
    }

    /// Puts `value` (percent-encoded) in place of `{name}` in the path.
    pub fn path_param(&mut self, name: &str, value: &impl Serialize) {
        if let Some(texts) = self.texts(name, value) {
            let text = texts.join(",");
            self.path = self
                .path
                .replace(&format!("{{{name}}}"), &percent_encode(&text));
        }
    }

    /// Adds query parameter `name` (`None` is left out; a list is repeated when `explode`,
    /// else comma-joined; an object's properties become parameters when `explode`).
    pub fn query(&mut self, name: &str, value: &impl Serialize, explode: bool) {
        let Some(value) = self.value(name, value) else {
            return;
        };
        match value {
            Value::Object(map) if explode => {
                for (key, item) in map {
                    if let Some(text) = scalar_text(&item) {
                        self.query.push((key, text));
                    }
                }
            }
            Value::Array(items) if explode => {
                for item in items {
                    if let Some(text) = scalar_text(&item) {
                        self.query.push((name.to_string(), text));
                    }
                }
            }
            other => {
                if let Some(texts) = list_texts(other) {
                    self.query.push((name.to_string(), texts.join(",")));
                }
            }
        }
    }

    /// Adds header `name` (`None` is left out; lists are comma-joined).
    pub fn header(&mut self, name: &str, value: &impl Serialize) {
        if let Some(texts) = self.texts(name, value) {
            self.headers.push((name.to_string(), texts.join(",")));
        }
    }

    /// Adds cookie `name` (`None` is left out; lists are comma-joined).
    pub fn cookie(&mut self, name: &str, value: &impl Serialize) {
        if let Some(texts) = self.texts(name, value) {
            self.cookies.push(format!("{name}={}", texts.join(",")));
        }
    }

    /// Attaches credentials: `spec` is every security scheme the spec declares (where the
    /// credentials set by kind go is worked out from them), `alternatives` the operation's
    /// `security`. The first alternative whose schemes all have a credential on the client is
    /// used, with exactly those credentials; when none has, the request goes without (and the
    /// server says 401). A credential set by kind that has no one scheme to go to fails the
    /// call with [`Error::InvalidRequest`].
    pub fn security(&mut self, spec: &[Scheme], alternatives: &[&[Scheme]]) {
        let resolved = match self.client.resolve(spec) {
            Ok(resolved) => resolved,
            Err(problem) => return self.fail(problem),
        };
        let chosen = alternatives.iter().find_map(|schemes| {
            schemes
                .iter()
                .map(|scheme| self.client.attach(scheme, &resolved))
                .collect::<Option<Vec<Attach>>>()
        });
        for attach in chosen.unwrap_or_default() {
            match attach {
                Attach::Bearer(token) => self
                    .headers
                    .push(("Authorization".to_string(), format!("Bearer {token}"))),
                Attach::Basic(username, password) => self.headers.push((
                    "Authorization".to_string(),
                    basic_header(&username, password.as_deref()),
                )),
                Attach::ApiKey(ApiKeyIn::Header, name, key) => {
                    self.headers.push((name.to_string(), key))
                }
                Attach::ApiKey(ApiKeyIn::Query, name, key) => {
                    self.query.push((name.to_string(), key))
                }
                Attach::ApiKey(ApiKeyIn::Cookie, name, key) => {
                    self.cookies.push(format!("{name}={key}"))
                }
            }
        }
    }

    /// Sends `body` as JSON.
    pub fn json(&mut self, body: &impl Serialize) {
        match sending(|| serde_json::to_vec(body)) {
            Ok(bytes) => self.body = Body::Json(bytes),
            Err(error) => self.fail(format!("the JSON body cannot be serialized: {error}")),
        }
    }

    /// Sends `body` form-urlencoded (objects of scalars; lists repeat the key).
    pub fn form(&mut self, body: &impl Serialize) {
        let Some(value) = self.value("body", body) else {
            return;
        };
        let mut pairs = Vec::new();
        if let Value::Object(map) = value {
            for (key, item) in map {
                match item {
                    Value::Array(items) => pairs.extend(
                        items
                            .iter()
                            .filter_map(scalar_text)
                            .map(|t| (key.clone(), t)),
                    ),
                    other => pairs.extend(scalar_text(&other).map(|t| (key, t))),
                }
            }
        }
        let encoded = pairs
            .iter()
            .map(|(key, text)| format!("{}={}", form_encode(key), form_encode(text)))
            .collect::<Vec<_>>()
            .join("&");
        self.body = Body::Form(encoded);
    }

    /// Sends a multipart body.
    pub fn multipart(&mut self, body: Multipart) {
        self.body = Body::Multipart(body);
    }

    /// Sends raw bytes with this content type.
    pub fn bytes(&mut self, body: Vec<u8>, content_type: &str) {
        self.body = Body::Raw {
            bytes: body,
            content_type: content_type.to_string(),
        };
    }

    /// Sends text with this content type.
    pub fn text(&mut self, body: String, content_type: &str) {
        self.bytes(body.into_bytes(), content_type);
    }

    /// Sends the request once the returned [`Call`] is awaited; `decode` turns the response,
    /// whatever its status, into the operation's result.
    pub fn send<T, E>(self, decode: fn(Response) -> ApiResult<T, E>) -> Call<T, E>
    where
        T: Send + 'static,
        E: Send + 'static,
    {
        let prepared = self.prepare();
        Call::new(async move {
            let response = prepared?.send().await?;
            decode(Response::read(response).await?)
        })
    }

    /// The reqwest request, or the first problem met while building it.
    fn prepare<E>(self) -> Result<reqwest::RequestBuilder, Error<E>> {
        if let Some(problem) = self.problem.or_else(|| self.client.base_url_problem()) {
            return Err(Error::InvalidRequest(problem));
        }
        let mut builder = self
            .client
            .http_client()
            .request(self.method, self.client.url(&self.path));
        if !self.query.is_empty() {
            builder = builder.query(&self.query);
        }
        for (name, value) in self.client.extra_headers().iter().chain(&self.headers) {
            builder = builder.header(name.as_str(), value.as_str());
        }
        if !self.cookies.is_empty() {
            builder = builder.header("Cookie", self.cookies.join("; "));
        }
        Ok(match self.body {
            Body::None => builder,
            Body::Json(bytes) => builder
                .header("Content-Type", "application/json")
                .body(bytes),
            Body::Form(text) => builder
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(text),
            Body::Multipart(multipart) => builder.multipart(multipart.into_form()?),
            Body::Raw {
                bytes,
                content_type,
            } => builder.header("Content-Type", content_type).body(bytes),
        })
    }

    fn value(&mut self, name: &str, value: &impl Serialize) -> Option<Value> {
        match sending(|| serde_json::to_value(value)) {
            Ok(Value::Null) => None,
            Ok(value) => Some(value),
            Err(error) => {
                self.fail(format!("{name} cannot be serialized: {error}"));
                None
            }
        }
    }

    fn texts(&mut self, name: &str, value: &impl Serialize) -> Option<Vec<String>> {
        list_texts(self.value(name, value)?)
    }

    fn fail(&mut self, problem: String) {
        self.problem.get_or_insert(problem);
    }
}

/// The text of a parameter value: scalars as they read, lists item by item, objects as
/// `key,value` pairs (the `form` / `simple` styles without explode).
fn list_texts(value: Value) -> Option<Vec<String>> {
    match value {
        Value::Null => None,
        Value::Array(items) => Some(items.iter().filter_map(scalar_text).collect()),
        Value::Object(map) => Some(
            map.into_iter()
                .flat_map(|(key, item)| [Some(key), scalar_text(&item)])
                .flatten()
                .collect(),
        ),
        other => scalar_text(&other).map(|text| vec![text]),
    }
}

/// A scalar as text (strings without quotes); nested structures as compact JSON.
pub(crate) fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(text) => Some(text.clone()),
        Value::Bool(flag) => Some(flag.to_string()),
        Value::Number(number) => Some(number.to_string()),
        other => Some(other.to_string()),
    }
}

fn basic_header(username: &str, password: Option<&str>) -> String {
    let plain = format!("{username}:{}", password.unwrap_or_default());
    format!("Basic {}", base64(plain.as_bytes()))
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (index, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if index <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Percent-encodes everything but RFC 3986 unreserved characters (a path segment).
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// `application/x-www-form-urlencoded` encoding of one key or value.
fn form_encode(text: &str) -> String {
    percent_encode(text).replace("%20", "+")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_pads_like_rfc_4648() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"bob:builder"), "Ym9iOmJ1aWxkZXI=");
    }

    #[test]
    fn path_values_are_percent_encoded() {
        assert_eq!(percent_encode("a b/c?d"), "a%20b%2Fc%3Fd");
        assert_eq!(percent_encode("é"), "%C3%A9");
    }

    #[test]
    fn parameter_texts_follow_the_form_style() {
        assert_eq!(list_texts(Value::Null), None);
        assert_eq!(
            list_texts(serde_json::json!("x")),
            Some(vec!["x".to_string()])
        );
        assert_eq!(
            list_texts(serde_json::json!([1, "b"])),
            Some(vec!["1".to_string(), "b".to_string()])
        );
        assert_eq!(
            list_texts(serde_json::json!({"k": true})),
            Some(vec!["k".to_string(), "true".to_string()])
        );
    }
}
