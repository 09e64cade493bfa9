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

/// A response whose status the generated code is about to dispatch on.
#[derive(Debug)]
pub struct Response {
    inner: reqwest::Response,
}

impl Response {
    pub(crate) fn new(inner: reqwest::Response) -> Self {
        Response { inner }
    }

    /// The status code as a number, for matching.
    pub fn status(&self) -> u16 {
        self.inner.status().as_u16()
    }

    /// Decodes a JSON success body.
    pub async fn json<T: DeserializeOwned, E>(self) -> Result<ResponseValue<T>, Error<E>> {
        let (status, headers, body) = self.read().await?;
        decode_json(status, &body).map(|value| ResponseValue::new(status, headers, value))
    }

    /// Returns a text success body.
    pub async fn text<E>(self) -> Result<ResponseValue<String>, Error<E>> {
        let (status, headers, body) = self.read().await?;
        match String::from_utf8(body) {
            Ok(text) => Ok(ResponseValue::new(status, headers, text)),
            Err(error) => Err(Error::Decode {
                status,
                message: error.to_string(),
                body: error.into_bytes(),
            }),
        }
    }

    /// Returns a binary success body.
    pub async fn bytes<E>(self) -> Result<ResponseValue<Vec<u8>>, Error<E>> {
        let (status, headers, body) = self.read().await?;
        Ok(ResponseValue::new(status, headers, body))
    }

    /// A success without a body (any body sent is ignored).
    pub async fn empty<E>(self) -> Result<ResponseValue<()>, Error<E>> {
        let (status, headers, _) = self.read().await?;
        Ok(ResponseValue::new(status, headers, ()))
    }

    /// Decodes a JSON success body and wraps it with `variant` (one of several success bodies).
    pub async fn json_as<T: DeserializeOwned, U, E>(
        self,
        variant: impl FnOnce(T) -> U,
    ) -> Result<ResponseValue<U>, Error<E>> {
        self.json::<T, E>().await.map(|value| value.map(variant))
    }

    /// Returns a text success body wrapped with `variant`.
    pub async fn text_as<U, E>(
        self,
        variant: impl FnOnce(String) -> U,
    ) -> Result<ResponseValue<U>, Error<E>> {
        self.text().await.map(|value| value.map(variant))
    }

    /// Returns a binary success body wrapped with `variant`.
    pub async fn bytes_as<U, E>(
        self,
        variant: impl FnOnce(Vec<u8>) -> U,
    ) -> Result<ResponseValue<U>, Error<E>> {
        self.bytes().await.map(|value| value.map(variant))
    }

    /// A success without a body, answered with `value`.
    pub async fn empty_as<U, E>(self, value: U) -> Result<ResponseValue<U>, Error<E>> {
        self.empty().await.map(|response| response.map(|()| value))
    }

    /// Decodes a documented JSON error body and wraps it with `variant`.
    pub async fn error_json<T: DeserializeOwned, R, E>(
        self,
        variant: impl FnOnce(T) -> E,
    ) -> Result<R, Error<E>> {
        let (status, headers, body) = self.read().await?;
        let value = decode_json(status, &body)?;
        Err(Error::Api(ResponseValue::new(
            status,
            headers,
            variant(value),
        )))
    }

    /// A documented error whose body is text or bytes; `variant` gets the raw body.
    pub async fn error_bytes<R, E>(
        self,
        variant: impl FnOnce(Vec<u8>) -> E,
    ) -> Result<R, Error<E>> {
        let (status, headers, body) = self.read().await?;
        Err(Error::Api(ResponseValue::new(
            status,
            headers,
            variant(body),
        )))
    }

    /// A documented error without a body.
    pub async fn error_empty<R, E>(self, error: E) -> Result<R, Error<E>> {
        let (status, headers, _) = self.read().await?;
        Err(Error::Api(ResponseValue::new(status, headers, error)))
    }

    /// A status the spec does not document.
    pub async fn unexpected<R, E>(self) -> Result<R, Error<E>> {
        let (status, headers, body) = self.read().await?;
        Err(Error::UnexpectedStatus {
            status,
            headers,
            body,
        })
    }

    async fn read<E>(self) -> Result<(StatusCode, HeaderMap, Vec<u8>), Error<E>> {
        let status = self.inner.status();
        let headers = self.inner.headers().clone();
        let body = self.inner.bytes().await?.to_vec();
        Ok((status, headers, body))
    }
}

fn decode_json<T: DeserializeOwned, E>(status: StatusCode, body: &[u8]) -> Result<T, Error<E>> {
    serde_json::from_slice(body).map_err(|error| Error::Decode {
        status,
        message: error.to_string(),
        body: body.to_vec(),
    })
}
