//! The in-memory file tree a target produces and the writer puts on disk.

use std::collections::BTreeMap;

/// Who owns a file once it is on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ownership {
    /// clientgen owns it: rewritten when its contents change, removed when a later run stops
    /// producing it.
    Generated,
    /// The user owns it: written once when missing, never overwritten or removed afterwards
    /// (`config.py`).
    User,
}

/// One file of a [`Tree`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    /// The file's bytes (generated files are UTF-8 text).
    pub contents: String,
    /// Who owns it on disk.
    pub ownership: Ownership,
}

/// Files keyed by their path relative to the output folder, `/`-separated.
///
/// Paths are made by targets from sanitized names; the writer still checks each one stays inside
/// the output folder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tree {
    files: BTreeMap<String, File>,
}

impl Tree {
    /// An empty tree.
    pub fn new() -> Self {
        Tree::default()
    }

    /// Adds a generated file, replacing any earlier one at `path`.
    pub fn generated(&mut self, path: impl Into<String>, contents: impl Into<String>) {
        self.insert(path, contents, Ownership::Generated);
    }

    /// Adds a user-owned file, written only when missing on disk.
    pub fn user_owned(&mut self, path: impl Into<String>, contents: impl Into<String>) {
        self.insert(path, contents, Ownership::User);
    }

    fn insert(
        &mut self,
        path: impl Into<String>,
        contents: impl Into<String>,
        ownership: Ownership,
    ) {
        let file = File {
            contents: contents.into(),
            ownership,
        };
        self.files.insert(path.into(), file);
    }

    /// Files in path order.
    pub fn files(&self) -> impl Iterator<Item = (&str, &File)> {
        self.files.iter().map(|(path, file)| (path.as_str(), file))
    }

    /// The file at `path`, if any.
    pub fn get(&self, path: &str) -> Option<&File> {
        self.files.get(path)
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether the tree holds no file.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}
