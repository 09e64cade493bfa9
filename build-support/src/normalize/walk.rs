//! Where the normalizer is in the ORIGINAL document, which dialect it reads, and where its
//! problems go.
//!
//! The pointer is one growing string: entering a key appends `/key`, leaving truncates it, so a
//! walk over a 13 MB document allocates nothing per node and a diagnostic copies the pointer
//! only when it is recorded.

use std::fmt::Write as _;

use serde_json::Value;

use super::Dialect;
use super::unsupported::{Feature, Unsupported};
use crate::diagnostics::Diagnostics;
use crate::threads;

/// The state every normalizing function carries: dialect, position and diagnostics.
pub(super) struct Walk<'d> {
    dialect: Dialect,
    pointer: String,
    diagnostics: &'d mut Diagnostics,
    unsupported: Unsupported,
}

impl<'d> Walk<'d> {
    /// A walk at the document root.
    pub(super) fn new(dialect: Dialect, diagnostics: &'d mut Diagnostics) -> Self {
        Walk {
            dialect,
            pointer: String::new(),
            diagnostics,
            unsupported: Unsupported::default(),
        }
    }

    /// Runs `here` on this walk while `there` runs on a walk of its own on another thread,
    /// starting at the root; `there`'s warnings and notes are added after `here`'s, as if it
    /// had run after `here` on this walk.
    pub(super) fn beside<A, B: Send>(
        &mut self,
        here: impl FnOnce(&mut Self) -> A,
        there: impl FnOnce(&mut Walk<'_>) -> B + Send,
    ) -> (A, B) {
        let mut diagnostics = Diagnostics::new(self.diagnostics.file());
        let dialect = self.dialect;
        let (a, (b, unsupported)) = threads::both(
            || here(self),
            || {
                let mut walk = Walk::new(dialect, &mut diagnostics);
                let b = there(&mut walk);
                (b, walk.unsupported)
            },
        );
        self.diagnostics.append(diagnostics);
        self.unsupported.append(unsupported);
        (a, b)
    }

    /// Reports the unsupported features seen (one warning each); the walk is over.
    pub(super) fn finish(self) {
        self.unsupported.report(self.diagnostics);
    }

    /// Notes that the member `key` of the current node is a feature the clients do not carry.
    pub(super) fn note(&mut self, feature: Feature, key: &str) {
        self.at(key, |walk| {
            let Walk {
                pointer,
                unsupported,
                ..
            } = walk;
            unsupported.note(feature, || pointer.clone());
        });
    }

    /// The version of the document being read.
    pub(super) fn dialect(&self) -> Dialect {
        self.dialect
    }

    /// Runs `f` one level deeper, at the member `key` of the current node.
    pub(super) fn at<R>(&mut self, key: &str, f: impl FnOnce(&mut Self) -> R) -> R {
        let mark = self.pointer.len();
        self.pointer.push('/');
        if key.contains(['~', '/']) {
            for c in key.chars() {
                match c {
                    '~' => self.pointer.push_str("~0"),
                    '/' => self.pointer.push_str("~1"),
                    c => self.pointer.push(c),
                }
            }
        } else {
            self.pointer.push_str(key);
        }
        let result = f(self);
        self.pointer.truncate(mark);
        result
    }

    /// Runs `f` one level deeper, at the item `index` of the current list.
    pub(super) fn at_index<R>(&mut self, index: usize, f: impl FnOnce(&mut Self) -> R) -> R {
        let mark = self.pointer.len();
        // Writing to a String cannot fail.
        let _ = write!(self.pointer, "/{index}");
        let result = f(self);
        self.pointer.truncate(mark);
        result
    }

    /// Records a warning at the current node: `message` says what was done instead.
    pub(super) fn warn(&mut self, message: impl Into<String>) {
        self.diagnostics.warning(self.pointer.clone(), message);
    }
}

/// How a value is named in messages: "a string", "a list"…
pub(super) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
