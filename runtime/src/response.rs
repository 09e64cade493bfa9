//! Responses: the success wrapper users see, and the decoders generated code calls.

use std::ops::Deref;

use bytes::Bytes;
use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, HeaderMap};
use serde::de::DeserializeOwned;

use crate::Error;
use crate::error::{DecodeError, RawResponse};

/// A decoded response body with the status, headers and raw body it came with.
#[derive(Debug, Clone, PartialEq)]
pub struct ResponseValue<T> {
    status: StatusCode,
    headers: HeaderMap,
    raw: Bytes,
    body: T,
}

impl<T> ResponseValue<T> {
    /// Wraps a decoded body (with an empty raw body: see [`ResponseValue::with_raw_body`]).
    pub fn new(status: StatusCode, headers: HeaderMap, body: T) -> Self {
        ResponseValue {
            status,
            headers,
            raw: Bytes::new(),
            body,
        }
    }

    /// Sets the raw body the decoded one was read from (for values built by hand, in tests).
    pub fn with_raw_body(mut self, raw: Vec<u8>) -> Self {
        self.raw = Bytes::from(raw);
        self
    }

    /// The response status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The response headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The response body as it came, before decoding.
    pub fn raw_body(&self) -> &[u8] {
        &self.raw
    }

    /// The decoded body.
    pub fn body(&self) -> &T {
        &self.body
    }

    /// Takes the decoded body out.
    pub fn into_inner(self) -> T {
        self.body
    }

    /// Changes the body, keeping status, headers and raw body.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> ResponseValue<U> {
        ResponseValue {
            status: self.status,
            headers: self.headers,
            raw: self.raw,
            body: f(self.body),
        }
    }
}

impl<T> Deref for ResponseValue<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.body
    }
}

/// A response, read in full, whose status the generated code dispatches on: each arm of the
/// generated `match response.status()` calls one of the decoders below.
///
/// A documented JSON body is checked before it is decoded: a `Content-Type` that is present and
/// not JSON (`application/json`, `*/*+json`), an empty body, or JSON that does not fit the
/// documented type is an [`Error::Decode`], for a success and for a documented error alike.
/// Text and binary bodies are taken as they come.
#[derive(Debug)]
pub struct Response(RawResponse);

impl Response {
    /// Reads the whole response.
    pub(crate) async fn read<E>(inner: reqwest::Response) -> Result<Self, Error<E>> {
        let status = inner.status();
        let headers = inner.headers().clone();
        let body = inner.bytes().await?;
        Ok(Response(RawResponse::new(status, headers, body)))
    }

    /// The status code as a number, for matching.
    pub fn status(&self) -> u16 {
        self.0.status().as_u16()
    }

    /// `body`, with the status, headers and raw body of this response.
    fn value<T>(self, body: T) -> ResponseValue<T> {
        let (status, headers, raw) = self.0.into_parts();
        ResponseValue {
            status,
            headers,
            raw,
            body,
        }
    }

    /// Decodes a documented JSON body.
    fn decode_json<T: DeserializeOwned, E>(&self) -> Result<T, Error<E>> {
        let refuse = |message: String| {
            Err(Error::Decode(Box::new(DecodeError::new(
                self.0.clone(),
                message,
            ))))
        };
        if let Some(content_type) = self.0.headers().get(CONTENT_TYPE)
            && !is_json(content_type.as_bytes())
        {
            let shown = String::from_utf8_lossy(content_type.as_bytes());
            return refuse(format!("the Content-Type is {shown}, not JSON"));
        }
        if self.0.raw_body().is_empty() {
            return refuse("the body is empty".to_string());
        }
        serde_json::from_slice(self.0.raw_body()).or_else(|error| refuse(error.to_string()))
    }

    /// Decodes a JSON success body.
    pub fn json<T: DeserializeOwned, E>(self) -> Result<ResponseValue<T>, Error<E>> {
        let value = self.decode_json()?;
        Ok(self.value(value))
    }

    /// Returns a text success body (bytes that are not UTF-8 become U+FFFD; the raw body keeps
    /// them).
    pub fn text<E>(self) -> Result<ResponseValue<String>, Error<E>> {
        let text = String::from_utf8_lossy(self.0.raw_body()).into_owned();
        Ok(self.value(text))
    }

    /// Returns a binary success body.
    pub fn bytes<E>(self) -> Result<ResponseValue<Vec<u8>>, Error<E>> {
        let bytes = self.0.raw_body().to_vec();
        Ok(self.value(bytes))
    }

    /// A success without a body (any body sent is ignored, and kept as the raw body).
    pub fn empty<E>(self) -> Result<ResponseValue<()>, Error<E>> {
        Ok(self.value(()))
    }

    /// Decodes a JSON success body and wraps it with `variant` (one of several success bodies).
    pub fn json_as<T: DeserializeOwned, U, E>(
        self,
        variant: impl FnOnce(T) -> U,
    ) -> Result<ResponseValue<U>, Error<E>> {
        self.json::<T, E>().map(|value| value.map(variant))
    }

    /// Returns a text success body wrapped with `variant`.
    pub fn text_as<U, E>(
        self,
        variant: impl FnOnce(String) -> U,
    ) -> Result<ResponseValue<U>, Error<E>> {
        self.text().map(|value| value.map(variant))
    }

    /// Returns a binary success body wrapped with `variant`.
    pub fn bytes_as<U, E>(
        self,
        variant: impl FnOnce(Vec<u8>) -> U,
    ) -> Result<ResponseValue<U>, Error<E>> {
        self.bytes().map(|value| value.map(variant))
    }

    /// A success without a body, answered with `value`.
    pub fn empty_as<U, E>(self, value: U) -> Result<ResponseValue<U>, Error<E>> {
        self.empty().map(|response| response.map(|()| value))
    }

    /// Decodes a documented JSON error body and wraps it with `variant`.
    pub fn error_json<T: DeserializeOwned, R, E>(
        self,
        variant: impl FnOnce(T) -> E,
    ) -> Result<R, Error<E>> {
        let value = self.decode_json()?;
        Err(Error::Api(Box::new(self.value(variant(value)))))
    }

    /// A documented error whose body is text or bytes; `variant` gets the raw body.
    pub fn error_bytes<R, E>(self, variant: impl FnOnce(Vec<u8>) -> E) -> Result<R, Error<E>> {
        let bytes = self.0.raw_body().to_vec();
        Err(Error::Api(Box::new(self.value(variant(bytes)))))
    }

    /// A documented error without a body.
    pub fn error_empty<R, E>(self, error: E) -> Result<R, Error<E>> {
        Err(Error::Api(Box::new(self.value(error))))
    }

    /// A status the spec does not document.
    pub fn unexpected<R, E>(self) -> Result<R, Error<E>> {
        Err(Error::UnexpectedStatus(Box::new(self.0)))
    }
}

/// Whether a `Content-Type` value names JSON: `application/json` or any `+json` subtype
/// (`application/problem+json`, `application/vnd.github+json`), parameters and case aside.
fn is_json(content_type: &[u8]) -> bool {
    let Ok(content_type) = std::str::from_utf8(content_type) else {
        return false;
    };
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    match essence.split_once('/') {
        Some((kind, subtype)) => {
            (kind == "application" && subtype == "json")
                || (!kind.is_empty() && subtype.ends_with("+json"))
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, serde::Deserialize)]
    struct Item {
        id: i64,
    }

    fn response(status: u16, content_type: Option<&str>, body: &'static [u8]) -> Response {
        let mut headers = HeaderMap::new();
        if let Some(content_type) = content_type {
            headers.insert(CONTENT_TYPE, content_type.parse().expect("a header value"));
        }
        let status = StatusCode::from_u16(status).expect("a status");
        Response(RawResponse::new(status, headers, Bytes::from_static(body)))
    }

    fn decode_message(result: Result<ResponseValue<Item>, Error<()>>) -> String {
        match result {
            Err(Error::Decode(error)) => {
                assert_eq!(error.status(), StatusCode::OK);
                error.message().to_string()
            }
            other => panic!("expected a decode error, got {other:?}"),
        }
    }

    #[test]
    fn json_bodies_are_read_under_any_json_content_type_or_none() {
        for content_type in [
            None,
            Some("application/json"),
            Some("Application/JSON; charset=utf-8"),
            Some("application/problem+json"),
            Some("application/vnd.github+json"),
        ] {
            let value = response(200, content_type, br#"{"id": 1}"#)
                .json::<Item, ()>()
                .unwrap_or_else(|error| panic!("{content_type:?}: {error}"));
            assert_eq!(value.body(), &Item { id: 1 });
            assert_eq!(value.raw_body(), br#"{"id": 1}"#);
        }
    }

    #[test]
    fn a_json_body_under_another_content_type_is_a_decode_error() {
        let html = response(200, Some("text/html; charset=utf-8"), b"<html></html>");
        let message = decode_message(html.json());
        assert_eq!(
            message,
            "the Content-Type is text/html; charset=utf-8, not JSON"
        );
        let text = response(200, Some("text/plain"), br#"{"id": 1}"#);
        assert!(decode_message(text.json()).contains("text/plain"));
        assert!(!is_json(b"application/jsonp"));
        assert!(!is_json(b"+json"));
    }

    #[test]
    fn an_empty_or_misshapen_json_body_is_a_decode_error() {
        let empty = response(200, Some("application/json"), b"");
        assert_eq!(decode_message(empty.json()), "the body is empty");
        let other_shape = response(200, Some("application/json"), br#"{"id": "one"}"#);
        assert!(decode_message(other_shape.json()).starts_with("invalid type: string \"one\""));
    }

    #[test]
    fn documented_error_bodies_are_checked_the_same_way() {
        let html = response(404, Some("text/html"), b"<p>gone</p>");
        match html.error_json::<Item, (), Item>(|item| item) {
            Err(Error::Decode(error)) => {
                assert_eq!(error.status(), StatusCode::NOT_FOUND);
                assert_eq!(error.raw_body(), b"<p>gone</p>");
            }
            other => panic!("expected a decode error, got {other:?}"),
        }
        let json = response(404, None, br#"{"id": 7}"#);
        match json.error_json::<Item, (), Item>(|item| item) {
            Err(Error::Api(value)) => {
                assert_eq!((value.status().as_u16(), value.id), (404, 7));
                assert_eq!(value.raw_body(), br#"{"id": 7}"#);
            }
            other => panic!("expected an api error, got {other:?}"),
        }
    }

    #[test]
    fn text_and_binary_bodies_are_taken_as_they_come() {
        let text = response(200, Some("text/html"), b"caf\xe9")
            .text::<()>()
            .expect("text is never refused");
        assert_eq!(text.body(), "caf\u{fffd}");
        assert_eq!(text.raw_body(), b"caf\xe9");
        let binary = response(200, Some("application/json"), b"\x00\x01")
            .bytes::<()>()
            .expect("bytes are never refused");
        assert_eq!(binary.body(), b"\x00\x01");
        let empty = response(204, Some("text/plain"), b"ignored")
            .empty::<()>()
            .expect("a body where none is documented is ignored");
        assert_eq!(empty.raw_body(), b"ignored");
    }
}
