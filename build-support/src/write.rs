//! Stage 5: put a [`Tree`] on disk, atomically and deterministically.
//!
//! STUB — being written by a helper.

use std::path::Path;

use crate::Error;
use crate::tree::Tree;

/// How the writer may treat an existing folder.
#[derive(Debug, Clone, Copy, Default)]
pub struct WriteOptions {
    /// Write into a non-empty folder that clientgen did not make.
    pub force: bool,
}

/// What a write changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WriteReport {
    /// Files created or rewritten, relative to the output folder.
    pub written: Vec<String>,
    /// Files left alone because they were already identical (or user-owned).
    pub unchanged: Vec<String>,
    /// Stale generated files removed.
    pub removed: Vec<String>,
}

/// Writes `tree` into `dir`.
pub fn write_tree(_tree: &Tree, _dir: &Path, _options: WriteOptions) -> Result<WriteReport, Error> {
    Ok(WriteReport::default())
}
