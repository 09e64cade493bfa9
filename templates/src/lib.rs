//! The template files clientgen renders, embedded with `include_str!` so the core (and the macro)
//! need no files at run time.
//!
//! Templates hold layout only: every name and type reaches them as a plain value decided in Rust.

/// The Python target's templates, as `(name, source)` pairs.
pub const PYTHON: &[(&str, &str)] = &[];
