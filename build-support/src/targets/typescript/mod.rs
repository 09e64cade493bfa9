//! The TypeScript target: a zero-dependency `fetch` client class with strict types.
//!
//! STUB — being written by a helper.

use crate::tree::Tree;
use crate::{Error, ir};

/// Options of the TypeScript target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The package name for `package.json` (the output folder's name).
    pub package_name: String,
    /// The spec's file name, for the generated header.
    pub spec_name: String,
}

/// Emits the TypeScript client folder for `api`.
pub fn emit(_api: &ir::Api, _options: &Options) -> Result<Tree, Error> {
    Err(Error::Config(
        "the TypeScript target is not available yet".to_string(),
    ))
}
