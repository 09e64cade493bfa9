//! Finding the line and column of a JSON pointer in JSON or YAML source text.
//!
//! STUB — being written by a helper.

use crate::diagnostics::{Diagnostic, Location};
use crate::load::{Format, Source};

/// The position of the node at `pointer` in `text`, if it can be found.
pub fn locate(_text: &str, _format: Format, _pointer: &str) -> Option<Location> {
    None
}

/// Fills in `location` and `source_line` of each diagnostic whose file is one of `sources`.
pub fn fill_locations(diagnostics: &mut [Diagnostic], sources: &[Source]) {
    for diagnostic in diagnostics {
        let Some(source) = sources.iter().find(|s| s.path == diagnostic.file) else {
            continue;
        };
        if let Some(location) = locate(&source.text, source.format, &diagnostic.pointer) {
            diagnostic.location = Some(location);
            diagnostic.source_line = source
                .text
                .lines()
                .nth(location.line - 1)
                .map(str::to_string);
        }
    }
}
