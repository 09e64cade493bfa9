//! What a generated operation returns when it does not succeed.

use std::fmt;

use bytes::Bytes;
use reqwest::StatusCode;
use reqwest::header::HeaderMap;

use crate::ResponseValue;

/// Why an operation did not return its success value.
///
/// `E` is the operation's documented error body: an enum with one variant per documented error
/// status (`GetUserError::Status404(NotFoundError)`), or [`std::convert::Infallible`] when the
/// spec documents none.
///
/// Every variant that holds a response gives its status, headers and raw body
/// ([`Error::status`], [`Error::headers`], [`Error::raw_body`]). The responses are boxed, so an
/// `Error<E>` is three words whatever `E` is, and clippy's `result_large_err` stays quiet in
/// your functions that return `Result<_, clientgen::Error<E>>`.
#[derive(Debug)]
pub enum Error<E> {
    /// The server answered with a status the spec documents as an error; the body is decoded.
    Api(Box<ResponseValue<E>>),
    /// The server answered with a status the spec does not document.
    UnexpectedStatus(Box<RawResponse>),
    /// The server answered with a documented status, but its body is not what the spec
    /// documents for it (HTML or text where JSON is documented, an empty body, JSON of another
    /// shape).
    Decode(Box<DecodeError>),
    /// The request could not be built (a value that cannot be serialized, say).
    InvalidRequest(String),
    /// The request could not be sent or the response not read (connection, TLS, timeout…).
    Transport(reqwest::Error),
}

impl<E> Error<E> {
    /// The response status, when a response came.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Api(response) => Some(response.status()),
            Error::UnexpectedStatus(response) => Some(response.status()),
            Error::Decode(error) => Some(error.status()),
            Error::InvalidRequest(_) => None,
            Error::Transport(error) => error.status(),
        }
    }

    /// The response headers, when a response came.
    pub fn headers(&self) -> Option<&HeaderMap> {
        match self {
            Error::Api(response) => Some(response.headers()),
            Error::UnexpectedStatus(response) => Some(response.headers()),
            Error::Decode(error) => Some(error.headers()),
            Error::InvalidRequest(_) | Error::Transport(_) => None,
        }
    }

    /// The response body as it came, when a response came.
    pub fn raw_body(&self) -> Option<&[u8]> {
        match self {
            Error::Api(response) => Some(response.raw_body()),
            Error::UnexpectedStatus(response) => Some(response.raw_body()),
            Error::Decode(error) => Some(error.raw_body()),
            Error::InvalidRequest(_) | Error::Transport(_) => None,
        }
    }

    /// The documented error body, when the status was a documented error.
    pub fn api_error(&self) -> Option<&E> {
        match self {
            Error::Api(response) => Some(response.body()),
            _ => None,
        }
    }
}

impl<E> From<reqwest::Error> for Error<E> {
    fn from(error: reqwest::Error) -> Self {
        Error::Transport(error)
    }
}

/// How much of a body [`Error`]'s `Display` shows; [`Error::raw_body`] has all of it.
const SHOWN_BODY: usize = 500;

/// The start of `body` as text, for messages.
fn excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    match text.char_indices().nth(SHOWN_BODY) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.into_owned(),
    }
}

impl<E: fmt::Debug> fmt::Display for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Api(response) => write!(
                f,
                "the server answered {}: {:?}",
                response.status(),
                response.body()
            ),
            Error::UnexpectedStatus(response) => write!(
                f,
                "the server answered {}, which the spec does not document: {}",
                response.status(),
                excerpt(response.raw_body())
            ),
            Error::Decode(error) => fmt::Display::fmt(error, f),
            Error::InvalidRequest(message) => {
                write!(f, "the request could not be built: {message}")
            }
            Error::Transport(error) => write!(f, "the request failed: {error}"),
        }
    }
}

impl<E: fmt::Debug> std::error::Error for Error<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Transport(error) => Some(error),
            _ => None,
        }
    }
}

/// A response as it came: status, headers and raw body ([`Error::UnexpectedStatus`]).
#[derive(Debug, Clone, PartialEq)]
pub struct RawResponse {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
}

impl RawResponse {
    pub(crate) fn new(status: StatusCode, headers: HeaderMap, body: Bytes) -> Self {
        RawResponse {
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

    /// The response body as it came.
    pub fn raw_body(&self) -> &[u8] {
        &self.body
    }

    pub(crate) fn into_parts(self) -> (StatusCode, HeaderMap, Bytes) {
        (self.status, self.headers, self.body)
    }
}

/// A response whose body is not what the spec documents for its status ([`Error::Decode`]):
/// what the decoder said, with the status, headers and raw body.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodeError {
    response: RawResponse,
    message: String,
}

impl DecodeError {
    pub(crate) fn new(response: RawResponse, message: String) -> Self {
        DecodeError { response, message }
    }

    /// Why the body was refused (`the Content-Type is text/html, not JSON`, `the body is
    /// empty`, or what the JSON decoder said).
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The response status.
    pub fn status(&self) -> StatusCode {
        self.response.status()
    }

    /// The response headers.
    pub fn headers(&self) -> &HeaderMap {
        self.response.headers()
    }

    /// The response body as it came.
    pub fn raw_body(&self) -> &[u8] {
        self.response.raw_body()
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the {} response body does not match the spec ({}): {}",
            self.status(),
            self.message,
            excerpt(self.raw_body())
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A documented error body far bigger than clippy's `result_large_err` threshold (128 bytes).
    type LargeBody = [u8; 1024];

    /// Returns what user code returns; `cargo clippy --all-targets` checks that clippy's
    /// `result_large_err`, on by default, does not fire on it.
    fn fails_with_a_large_error_body() -> Result<(), Error<LargeBody>> {
        let response = ResponseValue::new(StatusCode::CONFLICT, HeaderMap::new(), [0; 1024]);
        Err(Error::Api(Box::new(response)))
    }

    #[test]
    fn an_error_is_three_words_whatever_its_body() {
        assert_eq!(size_of::<Error<LargeBody>>(), 3 * size_of::<usize>());
        assert_eq!(size_of::<Error<()>>(), size_of::<Error<LargeBody>>());
        assert!(fails_with_a_large_error_body().is_err());
    }

    #[test]
    fn every_error_with_a_response_gives_status_headers_and_raw_body() {
        let mut headers = HeaderMap::new();
        headers.insert("etag", "\"v1\"".parse().expect("a header value"));
        let raw = RawResponse::new(StatusCode::IM_A_TEAPOT, headers, Bytes::from_static(b"tea"));
        let errors: [Error<()>; 3] = [
            Error::UnexpectedStatus(Box::new(raw.clone())),
            Error::Decode(Box::new(DecodeError::new(raw.clone(), "no".into()))),
            Error::Api(Box::new(
                ResponseValue::new(raw.status(), raw.headers().clone(), ())
                    .with_raw_body(b"tea".to_vec()),
            )),
        ];
        for error in &errors {
            assert_eq!(error.status(), Some(StatusCode::IM_A_TEAPOT), "{error}");
            assert_eq!(
                error.headers().map(|h| &h["etag"]),
                Some(&raw.headers()["etag"])
            );
            assert_eq!(error.raw_body(), Some(&b"tea"[..]));
        }
        let invalid: Error<()> = Error::InvalidRequest("x".into());
        assert_eq!((invalid.status(), invalid.raw_body()), (None, None));
    }

    #[test]
    fn display_shows_the_start_of_a_long_body() {
        let body = Bytes::from("x".repeat(2 * SHOWN_BODY));
        let raw = RawResponse::new(StatusCode::BAD_GATEWAY, HeaderMap::new(), body);
        let shown = Error::<()>::UnexpectedStatus(Box::new(raw)).to_string();
        assert!(shown.starts_with("the server answered 502 Bad Gateway, which the spec"));
        assert!(shown.ends_with(&format!("{}…", "x".repeat(10))));
        assert!(shown.len() < SHOWN_BODY + 100, "{shown}");
    }
}
