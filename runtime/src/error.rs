//! What a generated operation returns when it does not succeed.

use std::fmt;

use reqwest::StatusCode;
use reqwest::header::HeaderMap;

use crate::ResponseValue;

/// Why an operation did not return its success value.
///
/// `E` is the operation's documented error body: an enum with one variant per documented error
/// status (`GetUserError::Status404(NotFoundError)`), or [`std::convert::Infallible`] when the
/// spec documents none.
#[derive(Debug)]
pub enum Error<E> {
    /// The server answered with a status the spec documents as an error; the body is decoded.
    Api(ResponseValue<E>),
    /// The server answered with a status the spec does not document.
    UnexpectedStatus {
        /// The status.
        status: StatusCode,
        /// The response headers.
        headers: HeaderMap,
        /// The raw body.
        body: Vec<u8>,
    },
    /// The body of a documented status could not be decoded as the spec says.
    Decode {
        /// The status.
        status: StatusCode,
        /// What the decoder said.
        message: String,
        /// The raw body.
        body: Vec<u8>,
    },
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
            Error::UnexpectedStatus { status, .. } | Error::Decode { status, .. } => Some(*status),
            Error::InvalidRequest(_) => None,
            Error::Transport(error) => error.status(),
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

impl<E: fmt::Debug> fmt::Display for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Api(response) => write!(
                f,
                "the server answered {}: {:?}",
                response.status(),
                response.body()
            ),
            Error::UnexpectedStatus { status, body, .. } => write!(
                f,
                "the server answered {status}, which the spec does not document: {}",
                String::from_utf8_lossy(body)
            ),
            Error::Decode {
                status,
                message,
                body,
            } => write!(
                f,
                "the {status} response body does not match the spec ({message}): {}",
                String::from_utf8_lossy(body)
            ),
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
