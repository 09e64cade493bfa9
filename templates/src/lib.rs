//! The template files clientgen renders, embedded with `include_str!` so the core (and the macro)
//! need no files at run time.
//!
//! Templates hold layout only: every name and type reaches them as a plain value decided in Rust.

pub mod proto;
pub mod typescript;

/// `transport.py`: the Python transport, shared by every style (the package style leaves out its
/// `config.py` parts).
const PYTHON_HTTP: &str = include_str!("../python/http.py.j2");
/// A module of the Python models' package (`schemas/` or, in the package style, `models/`),
/// shared by every style.
const PYTHON_SCHEMAS: &str = include_str!("../python/schemas.py.j2");
/// The `__init__.py` of the Python models' package, which imports each module on first use,
/// shared by every style.
const PYTHON_SCHEMAS_INIT: &str = include_str!("../python/schemas_init.py.j2");
/// `pyproject.toml`, shared by every Python style.
const PYTHON_PYPROJECT: &str = include_str!("../python/pyproject.toml.j2");

/// The Python target's templates, as `(name, source)` pairs.
pub const PYTHON: &[(&str, &str)] = &[
    ("__init__.py", include_str!("../python/__init__.py.j2")),
    ("client.py", include_str!("../python/client.py.j2")),
    ("config.py", include_str!("../python/config.py.j2")),
    ("http.py", PYTHON_HTTP),
    ("schemas.py", PYTHON_SCHEMAS),
    ("schemas/__init__.py", PYTHON_SCHEMAS_INIT),
    ("pyproject.toml", PYTHON_PYPROJECT),
    ("README.md", include_str!("../python/README.md.j2")),
];

/// The templates of the Python `package` style (an installable package with `Client`,
/// `api/<tag>/<operation>.py` modules and `models`), as `(name, source)` pairs.
pub const PYTHON_PACKAGE: &[(&str, &str)] = &[
    (
        "__init__.py",
        include_str!("../python/package/__init__.py.j2"),
    ),
    ("client.py", include_str!("../python/package/client.py.j2")),
    ("errors.py", include_str!("../python/package/errors.py.j2")),
    (
        "namespace.py",
        include_str!("../python/package/namespace.py.j2"),
    ),
    ("README.md", include_str!("../python/package/README.md.j2")),
    ("http.py", PYTHON_HTTP),
    ("schemas.py", PYTHON_SCHEMAS),
    ("schemas/__init__.py", PYTHON_SCHEMAS_INIT),
    ("pyproject.toml", PYTHON_PYPROJECT),
];
