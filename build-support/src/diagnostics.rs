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
    /// The source line at [`Diagnostic::location`], for display.
    pub source_line: Option<String>,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
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
                    let gutter = " ".repeat(line.to_string().len());
                    writeln!(f, "{gutter} |")?;
                    writeln!(f, "{line} | {source}")?;
                    writeln!(f, "{gutter} | {}^", " ".repeat(column.saturating_sub(1)))?;
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
            message,
            help,
        });
    }

    /// Adds an already built diagnostic (from another file, say).
    pub fn push_diagnostic(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
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
