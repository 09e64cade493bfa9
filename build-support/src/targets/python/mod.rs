//! The Python target: a pydantic v2 + httpx client package.

use crate::tree::Tree;
use crate::{Error, ir};

/// How the generated Python client is shaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PythonStyle {
    /// One module-level function per operation in `client.py` (the FastAPI workflow).
    #[default]
    Functions,
    /// One method per operation on a `Client` class in `client.py`.
    Class,
    /// Per-zone installable packages with `api/<tag>/<operation>.py` modules.
    Package,
}

/// Options of the Python target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The style of client.
    pub style: PythonStyle,
    /// Generate `async def` operations on `httpx.AsyncClient`.
    pub asyncio: bool,
    /// The package's import name (the output folder's name).
    pub package_name: String,
    /// The spec's file name, for the generated header.
    pub spec_name: String,
}

/// Emits the Python package for `api`.
pub fn emit(_api: &ir::Api, _options: &Options) -> Result<Tree, Error> {
    Ok(Tree::new())
}
