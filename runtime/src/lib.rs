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
//! (an enum per operation with several success or error bodies) and a `Client` with one
//! `async fn` per operation; it also writes the Python, TypeScript and proto clients. The same
//! code can be written by a build script with `clientgen-build`'s `Generator::rust_to_out_dir`.
//!
//! This crate holds what that code needs: the base [`Client`] (HTTP client, base URL,
//! credentials, headers), [`ResponseValue`], [`Error`], [`File`] and [`Multipart`].

mod client;
mod error;
mod multipart;
mod request;
mod response;

#[doc(hidden)]
pub mod __private;

pub use client::{ApiKeyIn, Client, Credential, Scheme};
pub use clientgen_macros::generate_clients;
pub use error::Error;
pub use multipart::{File, Multipart};
pub use request::Request;
/// Re-exported for generated code and for passing your own HTTP client.
pub use reqwest;
pub use response::{Response, ResponseValue};
/// Re-exported for generated code (`#[serde(crate = "::clientgen::serde")]`).
pub use serde;
/// Re-exported for generated code (`serde_json::Value` fields).
pub use serde_json;
