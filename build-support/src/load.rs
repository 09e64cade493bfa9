//! Stage 1: read a spec (JSON or YAML) and the files its relative `$ref`s point at.
//!
//! STUB — being written by a helper. Contract:
//! - `load_file(path)` reads a file; `load_text(name, text)` parses text already in memory (the
//!   CLI's `-u URL`). JSON is tried when the text starts with `{`, YAML otherwise.
//! - Relative-file `$ref`s (`other.yaml#/Foo`, `./schemas/pet.json`) are bundled into the one
//!   document: the target is copied under `components/schemas/<name>` and the `$ref` rewritten to
//!   a local one. Every file read is recorded in `Document::sources` (root first) so the caller can
//!   emit `cargo:rerun-if-changed` and locate diagnostics.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::Error;

/// The text format of a source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// JSON.
    Json,
    /// YAML.
    Yaml,
}

/// One file that was read.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path as given (or the URL for a served spec).
    pub path: PathBuf,
    /// The file's text.
    pub text: String,
    /// JSON or YAML.
    pub format: Format,
}

/// A loaded spec: one JSON value with external references bundled in.
#[derive(Debug, Clone)]
pub struct Document {
    /// The bundled document.
    pub value: Value,
    /// Every file read, the root first.
    pub sources: Vec<Source>,
}

/// Reads the spec at `path` and every file its relative `$ref`s reach.
pub fn load_file(path: &Path) -> Result<Document, Error> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    load_text(path, text)
}

/// Parses spec text already in memory; `name` is used in messages.
pub fn load_text(name: &Path, text: String) -> Result<Document, Error> {
    let value: Value = serde_json::from_str(&text).map_err(|e| Error::Config(e.to_string()))?;
    Ok(Document {
        value,
        sources: vec![Source {
            path: name.to_path_buf(),
            text,
            format: Format::Json,
        }],
    })
}
