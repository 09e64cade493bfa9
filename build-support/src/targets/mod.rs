//! Stage 4: one module per language, each a function from the IR to a file tree.

pub mod proto;
pub mod python;
mod template;
pub mod typescript;
