//! The template files clientgen renders, embedded with `include_str!` so the core (and the macro)
//! need no files at run time.
//!
//! Templates hold layout only: every name and type reaches them as a plain value decided in Rust.

pub mod proto;
pub mod typescript;

/// The Python target's templates, as `(name, source)` pairs.
pub const PYTHON: &[(&str, &str)] = &[
    ("__init__.py", include_str!("../python/__init__.py.j2")),
    ("client.py", include_str!("../python/client.py.j2")),
    ("config.py", include_str!("../python/config.py.j2")),
    ("http.py", include_str!("../python/http.py.j2")),
    ("schemas.py", include_str!("../python/schemas.py.j2")),
    (
        "pyproject.toml",
        include_str!("../python/pyproject.toml.j2"),
    ),
    ("README.md", include_str!("../python/README.md.j2")),
];
