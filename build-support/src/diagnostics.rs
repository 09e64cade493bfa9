//! Problems found in a spec, collected rather than thrown one at a time.
//!
//! Every stage that reads the spec pushes [`Diagnostic`]s into one [`Diagnostics`] and goes on
//! as far as it can, so the user sees every problem at once (serde_derive's `Ctxt` pattern).
//! A diagnostic names a JSON pointer; the line and column are filled in at the end from the
//! source text (see [`crate::locate`]), so the stages never need to carry positions around.

use std::fmt;
use std::path::{Path, PathBuf};

/// How bad a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Generation went on, doing what the message says instead.
    Warning,
    /// Generation cannot produce correct output.
    Error,
}

/// A line and column in a source file, both 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// One problem in a spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file the problem is in.
    pub file: PathBuf,
    /// JSON pointer of the offending node (`""` for the whole document).
    pub pointer: String,
    /// Line and column of that node, where the source text tells.
    pub location: Option<Location>,
    /// The source line at [`Diagnostic::location`], for display; a long line (a minified spec)
    /// is clipped to a window around the column (see [`Diagnostic::show_source`]).
    pub source_line: Option<String>,
    /// The 1-based column of the caret in [`Diagnostic::source_line`] (the location's column
    /// unless the line was clipped).
    pub source_caret: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
}

/// How many characters of a long source line are shown on each side of the column.
const SOURCE_WINDOW: usize = 60;

impl Diagnostic {
    /// Keeps `line` (the text of the diagnostic's line) for display: whole when short, else the
    /// `SOURCE_WINDOW` characters on each side of the column between `…`, so a diagnostic on a
    /// minified one-line spec does not hold a copy of the whole spec.
    pub fn show_source(&mut self, line: &str) {
        let column = self.location.map_or(1, |location| location.column);
        let length = line.chars().count();
        if length <= 2 * SOURCE_WINDOW + 20 {
            self.source_line = Some(line.to_string());
            self.source_caret = Some(column);
            return;
        }
        let start = column.saturating_sub(1).saturating_sub(SOURCE_WINDOW);
        let end = (column + SOURCE_WINDOW).min(length);
        let mut excerpt: String = line.chars().skip(start).take(end - start).collect();
        let mut caret = column - start;
        if start > 0 {
            excerpt.insert(0, '…');
            caret += 1;
        }
        if end < length {
            excerpt.push('…');
        }
        self.source_line = Some(excerpt);
        self.source_caret = Some(caret);
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        writeln!(f, "{severity}: {}", self.message)?;
        let file = self.file.display();
        let pointer = if self.pointer.is_empty() {
            "(document root)".to_string()
        } else {
            format!("#{}", self.pointer)
        };
        match self.location {
            Some(Location { line, column }) => {
                writeln!(f, "  --> {file}:{line}:{column} at {pointer}")?;
                if let Some(source) = &self.source_line {
                    let caret = self.source_caret.unwrap_or(column);
                    let gutter = " ".repeat(line.to_string().len());
                    writeln!(f, "{gutter} |")?;
                    writeln!(f, "{line} | {source}")?;
                    writeln!(f, "{gutter} | {}^", " ".repeat(caret.saturating_sub(1)))?;
                }
            }
            None => writeln!(f, "  --> {file} at {pointer}")?,
        }
        if let Some(help) = &self.help {
            writeln!(f, "  = help: {help}")?;
        }
        Ok(())
    }
}

/// A collector of [`Diagnostic`]s for one file.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics {
    file: PathBuf,
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// An empty collector for problems in `file`.
    pub fn new(file: impl Into<PathBuf>) -> Self {
        Diagnostics {
            file: file.into(),
            items: Vec::new(),
        }
    }

    /// The file problems are reported against.
    pub fn file(&self) -> &Path {
        &self.file
    }

    /// Records an error at `pointer`.
    pub fn error(
        &mut self,
        pointer: impl Into<String>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) {
        self.push(
            Severity::Error,
            pointer.into(),
            message.into(),
            Some(help.into()),
        );
    }

    /// Records a warning at `pointer`: `message` says what was done instead.
    pub fn warning(&mut self, pointer: impl Into<String>, message: impl Into<String>) {
        self.push(Severity::Warning, pointer.into(), message.into(), None);
    }

    fn push(&mut self, severity: Severity, pointer: String, message: String, help: Option<String>) {
        self.items.push(Diagnostic {
            severity,
            file: self.file.clone(),
            pointer,
            location: None,
            source_line: None,
            source_caret: None,
            message,
            help,
        });
    }

    /// Adds an already built diagnostic (from another file, say).
    pub fn push_diagnostic(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Adds what `later` recorded after what this recorded (work done beside this, on another
    /// thread, that comes after it in the document).
    pub fn append(&mut self, later: Diagnostics) {
        self.items.extend(later.items);
    }

    /// Whether any error (not just warnings) was recorded.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    /// Every diagnostic recorded so far, in the order they were found.
    pub fn items(&self) -> &[Diagnostic] {
        &self.items
    }

    /// Mutable access, for filling in locations.
    pub fn items_mut(&mut self) -> &mut [Diagnostic] {
        &mut self.items
    }

    /// Takes the recorded diagnostics out.
    pub fn into_items(self) -> Vec<Diagnostic> {
        self.items
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at_column(column: usize) -> Diagnostic {
        let mut diagnostics = Diagnostics::new("spec.json");
        diagnostics.error("/a", "bad", "fix it");
        let mut diagnostic = diagnostics.into_items().remove(0);
        diagnostic.location = Some(Location { line: 1, column });
        diagnostic
    }

    #[test]
    fn short_lines_are_shown_whole() {
        let mut diagnostic = at_column(3);
        diagnostic.show_source("{\"a\": 1}");
        assert_eq!(diagnostic.source_line.as_deref(), Some("{\"a\": 1}"));
        assert_eq!(diagnostic.source_caret, Some(3));
    }

    #[test]
    fn long_lines_are_clipped_around_the_column_with_the_caret_on_it() {
        let line: String = (0..10_000)
            .map(|i| char::from(b'a' + (i % 26) as u8))
            .collect();
        let mut diagnostic = at_column(5_000);
        diagnostic.show_source(&line);
        let excerpt = diagnostic.source_line.clone().unwrap();
        // The window on each side, the character at the column, and two ellipses.
        assert_eq!(excerpt.chars().count(), 2 * SOURCE_WINDOW + 3);
        assert!(excerpt.starts_with('…') && excerpt.ends_with('…'));
        let caret = diagnostic.source_caret.unwrap();
        assert_eq!(excerpt.chars().nth(caret - 1), line.chars().nth(4_999));
        let shown = diagnostic.to_string();
        let lines: Vec<&str> = shown.lines().collect();
        // `1 | …excerpt…` above `  | <spaces>^`: the caret sits under its character.
        let excerpt_start = lines[3].chars().count() - excerpt.chars().count();
        let caret_at = lines[4].chars().position(|c| c == '^').unwrap();
        assert_eq!(caret_at, excerpt_start + caret - 1);
    }
}
