//! The Rust target: serde types and a reqwest-backed `Client`, for the `clientgen` runtime crate.
//!
//! STUB — being written by a helper.

use crate::tree::Tree;
use crate::{Error, ir};

/// The file name the Rust client is written to (`$OUT_DIR/<api>.rs` for build.rs users).
pub fn file_name(api_name: &str) -> String {
    format!("{api_name}.rs")
}

/// Options of the Rust target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The spec's file name, for the generated header.
    pub spec_name: String,
    /// The file to write inside the output folder ([`file_name`]).
    pub file_name: String,
}

/// Emits the Rust client for `api`: one file, formatted with prettyplease.
pub fn emit(_api: &ir::Api, _options: &Options) -> Result<Tree, Error> {
    Err(Error::Config(
        "the Rust target is not available yet".to_string(),
    ))
}
