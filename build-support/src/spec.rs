//! A spec taken through load, normalize and lower: what every target starts from.

use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::{self, Document, Source};
use crate::{Error, ir, locate, lower, normalize};

/// A loaded, normalized and lowered spec.
#[derive(Debug, Clone)]
pub struct Spec {
    /// The API in the language-neutral model.
    pub api: ir::Api,
    /// Warnings: what the generator worked around, and how.
    pub warnings: Vec<Diagnostic>,
    /// Every file read, the root first.
    pub sources: Vec<Source>,
}

impl Spec {
    /// Loads the spec at `path` (JSON or YAML) and everything its relative `$ref`s reach.
    pub fn from_file(path: impl AsRef<Path>) -> Result<Spec, Error> {
        Spec::from_document(load::load_file(path.as_ref())?)
    }

    /// Loads spec text already in memory; `name` (a path or URL) is used in messages.
    pub fn from_text(name: impl Into<PathBuf>, text: String) -> Result<Spec, Error> {
        Spec::from_document(load::load_text(&name.into(), text)?)
    }

    fn from_document(document: Document) -> Result<Spec, Error> {
        let Document { value, sources } = document;
        let mut diagnostics = Diagnostics::new(sources[0].path.clone());
        let normalized = normalize::normalize(value, &mut diagnostics);
        let api = lower::lower(&normalized, &mut diagnostics);
        // Freeing a big document takes as long as a third of parsing it (13 MB of JSON: ~25 ms);
        // nothing needs it any more, so it is freed beside the targets' work.
        std::thread::spawn(move || drop(normalized));
        let mut items = diagnostics.into_items();
        locate::fill_locations(&mut items, &sources);
        if items.iter().any(|d| d.severity == crate::Severity::Error) {
            return Err(Error::Spec(items));
        }
        Ok(Spec {
            api,
            warnings: items,
            sources,
        })
    }

    /// The root file's name without extension, for headers (`openapi.json` → `openapi.json`).
    pub fn file_name(&self) -> String {
        let root = &self.sources[0].path;
        root.file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_else(|| root.display().to_string())
    }
}
