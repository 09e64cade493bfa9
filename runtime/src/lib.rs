//! Typed Rust clients for OpenAPI documents, generated at compile time.
//!
//! ```ignore
//! clientgen::generate_clients!("openapi.json");
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let client = reference_api::Client::new("http://127.0.0.1:8000");
//! let user = client.get_user(1).await?;
//! println!("{} <{}>", user.name, user.email);
//! # Ok(())
//! # }
//! ```
//!
//! [`generate_clients!`] reads the spec (relative to your crate's `Cargo.toml`), expands to a
//! module named after the API's title with `types` (serde structs and enums), `responses`
//! (an enum per operation with several success or error bodies) and a `Client` with one method
//! per operation, which returns a [`Call`] to `.await`; it also writes the Python, TypeScript and
//! proto clients. The same code can be written by a build script with `clientgen-build`'s
//! `Generator::rust_to_out_dir`.
//!
//! Awaiting a call gives an [`ApiResult`]: the decoded success body (with status, headers and
//! raw body) or an [`Error`]: the documented error body of a documented error status, a status
//! the spec does not document, a body that is not what the spec documents, or a transport
//! failure, each with the response's status, headers and raw body when one came.
//!
//! Path, query, header and cookie parameters and the body are arguments, optional ones
//! `Option`s, in spec order:
//!
//! ```ignore
//! let tickets = client.list_tickets(Some(types::Priority::Value3)).await?;
//! ```
//!
//! An operation with more than four optional parameters takes its required ones and returns a
//! request builder instead: one setter per optional parameter, then `send()`:
//!
//! ```ignore
//! let issues = client
//!     .list_issues("octocat", "hello-world")   // required: owner, repo
//!     .state(types::ListIssuesState::Open)     // optional ones, any order
//!     .per_page(30)
//!     .send()
//!     .await?;
//! ```
//!
//! `date-time`, `date` and `uuid` strings are [`DateTime`] (UTC), [`Date`] and [`Uuid`]; the
//! crates behind them are re-exported ([`chrono`], [`uuid`]), so users need no dependency of
//! their own.
//!
//! This crate holds what that code needs: the base [`Client`] (HTTP client, base URL,
//! credentials, headers), [`Call`], [`ResponseValue`], [`Error`] (with [`RawResponse`] and
//! [`DecodeError`]), [`File`] and [`Multipart`].

mod call;
mod client;
mod error;
mod multipart;
mod request;
mod response;
pub mod tls;

#[doc(hidden)]
pub mod __private;

pub use call::Call;
pub use client::{ApiKeyIn, Client, Credential, Scheme};
pub use clientgen_macros::generate_clients;
pub use error::{DecodeError, Error, RawResponse};
pub use multipart::{File, FileOrText, Multipart};
pub use request::Request;
/// Re-exported for generated code and for passing your own HTTP client.
pub use reqwest;
pub use response::{Response, ResponseValue};

/// What a generated operation returns: the decoded success body with status and headers, or
/// an [`Error`] holding the documented error body `E` (none by default).
pub type ApiResult<T, E = std::convert::Infallible> = Result<ResponseValue<T>, Error<E>>;

/// The HTTP method of a request (re-exported from reqwest, for generated code).
pub use reqwest::Method;

/// `date-time` values: an instant in UTC (RFC 3339 on the wire; offsets are converted).
pub type DateTime = chrono::DateTime<chrono::Utc>;
/// `date` values: a calendar date (`2024-01-31` on the wire).
pub type Date = chrono::NaiveDate;
/// Re-exported so that users of `date-time` and `date` values need no dependency of their own.
pub use chrono;
/// Re-exported for generated code (`#[serde(crate = "::clientgen::serde")]`).
pub use serde;
/// Re-exported for generated code (`serde_json::Value` fields).
pub use serde_json;
/// Re-exported so that users of `uuid` values need no dependency of their own.
pub use uuid;
/// `uuid` values.
pub use uuid::Uuid;
