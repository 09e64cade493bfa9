//! Stage 4: one module per language, each a function from the IR to a file tree.

mod casing;
mod constraints;
mod naming;
mod parallel;
pub mod proto;
pub mod python;
pub mod rust;
mod template;
mod text;
pub mod typescript;
