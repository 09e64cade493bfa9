//! Responses: the success wrapper users see, and the decoders generated code calls.

use std::ops::Deref;

use reqwest::StatusCode;
use reqwest::header::HeaderMap;
use serde::de::DeserializeOwned;

use crate::Error;

/// A decoded response body with the status and headers it came with.
#[derive(Debug, Clone, PartialEq)]
pub struct ResponseValue<T> {
    status: StatusCode,
    headers: HeaderMap,
    body: T,
}

impl<T> ResponseValue<T> {
    /// Wraps a decoded body.
    pub fn new(status: StatusCode, headers: HeaderMap, body: T) -> Self {
        ResponseValue {
            status,
            headers,
            body,
        }
    }

    /// The response status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The response headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The decoded body.
    pub fn body(&self) -> &T {
        &self.body
    }

    /// Takes the decoded body out.
    pub fn into_inner(self) -> T {
        self.body
    }

    /// Changes the body, keeping status and headers.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> ResponseValue<U> {
        ResponseValue {
            status: self.status,
            headers: self.headers,
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
#[derive(Debug)]
pub struct Response {
    status: StatusCode,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Response {
    /// Reads the whole response.
    pub(crate) async fn read<E>(inner: reqwest::Response) -> Result<Self, Error<E>> {
        let status = inner.status();
        let headers = inner.headers().clone();
        let body = inner.bytes().await?.to_vec();
        Ok(Response {
            status,
            headers,
            body,
        })
    }

    /// The status code as a number, for matching.
    pub fn status(&self) -> u16 {
        self.status.as_u16()
    }

    /// Decodes a JSON success body.
    pub fn json<T: DeserializeOwned, E>(self) -> Result<ResponseValue<T>, Error<E>> {
        let value = decode_json(self.status, &self.body)?;
        Ok(ResponseValue::new(self.status, self.headers, value))
    }

    /// Returns a text success body.
    pub fn text<E>(self) -> Result<ResponseValue<String>, Error<E>> {
        match String::from_utf8(self.body) {
            Ok(text) => Ok(ResponseValue::new(self.status, self.headers, text)),
            Err(error) => Err(Error::Decode {
                status: self.status,
                message: error.to_string(),
                body: error.into_bytes(),
            }),
        }
    }

    /// Returns a binary success body.
    pub fn bytes<E>(self) -> Result<ResponseValue<Vec<u8>>, Error<E>> {
        Ok(ResponseValue::new(self.status, self.headers, self.body))
    }

    /// A success without a body (any body sent is ignored).
    pub fn empty<E>(self) -> Result<ResponseValue<()>, Error<E>> {
        Ok(ResponseValue::new(self.status, self.headers, ()))
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
        let value = decode_json(self.status, &self.body)?;
        Err(Error::Api(ResponseValue::new(
            self.status,
            self.headers,
            variant(value),
        )))
    }

    /// A documented error whose body is text or bytes; `variant` gets the raw body.
    pub fn error_bytes<R, E>(self, variant: impl FnOnce(Vec<u8>) -> E) -> Result<R, Error<E>> {
        Err(Error::Api(ResponseValue::new(
            self.status,
            self.headers,
            variant(self.body),
        )))
    }

    /// A documented error without a body.
    pub fn error_empty<R, E>(self, error: E) -> Result<R, Error<E>> {
        Err(Error::Api(ResponseValue::new(
            self.status,
            self.headers,
            error,
        )))
    }

    /// A status the spec does not document.
    pub fn unexpected<R, E>(self) -> Result<R, Error<E>> {
        Err(Error::UnexpectedStatus {
            status: self.status,
            headers: self.headers,
            body: self.body,
        })
    }
}

fn decode_json<T: DeserializeOwned, E>(status: StatusCode, body: &[u8]) -> Result<T, Error<E>> {
    serde_json::from_slice(body).map_err(|error| Error::Decode {
        status,
        message: error.to_string(),
        body: body.to_vec(),
    })
}
