//! The Python target: a pydantic v2 + httpx client package.
//!
//! The package holds `__init__.py`, `client.py` (the operations), `schemas/` (models and
//! enums, one module per type or cycle, imported on first use; see `schemas`), `transport.py`
//! (requests, auth, errors; its public names are the package's, and the other modules bind it as
//! `_http`), `config.py` (settings; the user's file, written once), `py.typed`, `pyproject.toml`
//! and `README.md`. No module is named after a standard-library one (`http.py` would shadow
//! `http` when Python runs in the package's folder), nor is private (pyright's strict mode
//! refuses `from . import _module` beside `from ._module import name`). Imports between them are relative, so the
//! folder's name is the package's name. The `package` style lays the package out differently
//! (`Client`, `api/<tag>/<operation>.py`, `models/`; see `package`), from the same models,
//! transport and operation views.

mod constraints;
mod escape;
mod imports;
mod layout;
mod names;
mod operations;
mod package;
mod schemas;
mod stdlib;
mod types;

use serde::Serialize;

use self::names::Scope;
use self::types::{Open, Uses};
use super::{parallel, template};
use crate::tree::{Ownership, Tree};
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
    /// What the names of the environment variables `config.py` reads start with
    /// (`<PREFIX>_BASE_URL`); `None`: the package name in upper case.
    pub env_prefix: Option<String>,
    /// The spec's file name, for the generated header.
    pub spec_name: String,
}

/// Emits the Python package for `api`, laid out as `ruff format` lays it out (see `layout`).
pub fn emit(api: &ir::Api, options: &Options) -> Result<Tree, Error> {
    let tree = if options.style == PythonStyle::Package {
        package::emit(api, options)?
    } else {
        emit_modules(api, options)?
    };
    let mut laid_out = Tree::new();
    for (path, file) in tree.files() {
        let contents = if path.ends_with(".py") {
            layout::format_module(&file.contents)
        } else if path.ends_with(".md") {
            layout::format_markdown(&file.contents)
        } else {
            file.contents.clone()
        };
        match file.ownership {
            Ownership::Generated => laid_out.generated(path, contents),
            Ownership::User => laid_out.user_owned(path, contents),
        }
    }
    Ok(laid_out)
}

/// The functions- or class-style package for `api`, as the templates write it.
fn emit_modules(api: &ir::Api, options: &Options) -> Result<Tree, Error> {
    let class_style = options.style == PythonStyle::Class;
    let env = template::environment(clientgen_templates::PYTHON);
    let header_text = header_text(options);
    let header = format!("# {header_text}");
    let title = docstring_title(api);
    let class_names = class_names(api);
    let open = types::open_enums(api);

    let common = Common {
        header: &header,
        title: &title,
        package: &options.package_name,
        class_style,
        asyncio: options.asyncio,
    };
    let flavor = operations::Flavor {
        class_style,
        asyncio: options.asyncio,
    };
    let indent = flavor.indent();
    // The schemas are the bulk of the output, and independent of the rest: they are rendered on
    // another thread while this one renders client.py and the small files.
    std::thread::scope(|scope| {
        let schemas = scope.spawn(|| {
            schemas_package(
                &env,
                &common,
                api,
                &class_names,
                &open,
                ("schemas", "from .. import transport as _http"),
            )
        });
        let mut client_uses = Uses::default();
        let operations = operations::views(api, &class_names, &open, indent, &mut client_uses);
        let client = template::render(
            &env,
            "client.py",
            ClientView {
                common: &common,
                uses: client_uses,
                operations: operations::write_all(&operations, flavor),
            },
        );
        let rest = small_files(&env, api, options, &common, &header_text, &operations);
        let schemas = schemas
            .join()
            .unwrap_or_else(|_| Err(Error::Internal("rendering schemas panicked".to_string())));
        let (schemas, client, mut tree) = (schemas?, client?, rest?);
        for (path, text) in schemas {
            tree.generated(path, text);
        }
        tree.generated("client.py", client);
        Ok(tree)
    })
}

/// Every file of the package but the schemas and `client.py`.
fn small_files(
    env: &minijinja::Environment<'_>,
    api: &ir::Api,
    options: &Options,
    common: &Common<'_>,
    header_text: &str,
    operations: &[operations::OperationView],
) -> Result<Tree, Error> {
    let env_prefix = env_prefix(options);
    let mut tree = Tree::new();
    tree.generated(
        "transport.py",
        template::render(
            env,
            "http.py",
            HttpView {
                common,
                package_style: false,
                env: &env_prefix,
                schemes: security_schemes(api),
            },
        )?,
    );
    tree.user_owned(
        "config.py",
        template::render(env, "config.py", config_view(api, common, &env_prefix))?,
    );
    tree.generated(
        "__init__.py",
        template::render(
            env,
            "__init__.py",
            InitView {
                common,
                doc: escape::docstring(&format!("Client of {}.", api.title), "")
                    .unwrap_or_default(),
            },
        )?,
    );
    tree.generated("py.typed", "");
    tree.generated(
        "pyproject.toml",
        template::render(env, "pyproject.toml", pyproject_view(api, common, true))?,
    );
    tree.generated(
        "README.md",
        template::render(
            env,
            "README.md",
            readme_view(api, options, common, header_text, &env_prefix, operations),
        )?,
    );
    Ok(tree)
}

/// The package name used when the caller names no folder: the API's title in snake_case
/// (`Reference API` → `reference_api`, `GitHub v3 REST API` → `github_v3_rest_api`: a title of
/// several words is split only at spaces and punctuation, so brands keep their humps; a name
/// Python refuses gets `_client` appended).
pub fn default_package_name(api: &ir::Api) -> String {
    names::title_package_name(&api.title)
}

/// The start of the environment variables' names: the option, else the package name in upper
/// case (`my_client` → `MY_CLIENT_BASE_URL`).
fn env_prefix(options: &Options) -> String {
    options
        .env_prefix
        .clone()
        .unwrap_or_else(|| options.package_name.to_ascii_uppercase())
}

pub use names::{env_prefix_problem, package_name_problem};

/// The text of the one-line header of generated files.
fn header_text(options: &Options) -> String {
    format!(
        "generated by clientgen from {}; do not edit",
        escape::comment(&options.spec_name)
    )
}

/// The API's title for docstrings: one line, escaped.
fn docstring_title(api: &ir::Api) -> String {
    escape::docstring(&escape::comment(&api.title), "").unwrap_or_default()
}

/// Values every template of the package uses.
#[derive(Debug, Serialize)]
struct Common<'a> {
    header: &'a str,
    title: &'a str,
    package: &'a str,
    class_style: bool,
    asyncio: bool,
}

/// The package of models and enums (`schemas/`, or `models/` in the package style): its
/// `__init__.py` and one module per type or cycle of types, by path under `folder`, with the
/// transport module bound as `_http` by `http_import`.
fn schemas_package(
    env: &minijinja::Environment<'_>,
    common: &Common<'_>,
    api: &ir::Api,
    class_names: &[String],
    open: &[Option<Open>],
    (folder, http_import): (&str, &str),
) -> Result<Vec<(String, String)>, Error> {
    let package = schemas::package(api, class_names, open);
    let init = SchemasInit {
        common,
        reexports: &package.reexports,
        module_of: &package.module_of,
        needs: &package.needs,
    };
    let mut files = vec![(
        format!("{folder}/__init__.py"),
        template::render(env, "schemas/__init__.py", init)?,
    )];
    let modules = parallel::map(&package.modules, |(name, schemas)| {
        let page = SchemasPage {
            common,
            schemas,
            http_import,
        };
        template::render(env, "schemas.py", page).map(|text| (format!("{folder}/{name}.py"), text))
    });
    for module in modules {
        files.push(module?);
    }
    Ok(files)
}

#[derive(Serialize)]
struct SchemasInit<'a> {
    #[serde(flatten)]
    common: &'a Common<'a>,
    reexports: &'a str,
    module_of: &'a str,
    needs: &'a str,
}

#[derive(Serialize)]
struct SchemasPage<'a> {
    #[serde(flatten)]
    common: &'a Common<'a>,
    #[serde(flatten)]
    schemas: &'a schemas::SchemasView,
    /// The import that binds the transport module as `_http`.
    http_import: &'a str,
}

#[derive(Serialize)]
struct ClientView<'a> {
    #[serde(flatten)]
    common: &'a Common<'a>,
    uses: Uses,
    operations: String,
}

#[derive(Serialize)]
struct HttpView<'a> {
    #[serde(flatten)]
    common: &'a Common<'a>,
    /// Transport of the package style: no `config.py`, no `ApiError`, no shared client.
    package_style: bool,
    /// The prefix of the environment variables `config.py` reads (`MY_CLIENT`).
    env: &'a str,
    schemes: Vec<SchemeView>,
}

#[derive(Serialize)]
struct SchemeView {
    key: String,
    value: String,
}

#[derive(Serialize)]
struct InitView<'a> {
    #[serde(flatten)]
    common: &'a Common<'a>,
    doc: String,
}

/// One class name per type, unique within the schemas package.
fn class_names(api: &ir::Api) -> Vec<String> {
    // The casing on two threads; the claiming, which depends on order, on one.
    let cased = parallel::map(&api.types, |def| names::class_name(&def.name));
    let mut scope = Scope::default();
    cased.into_iter().map(|name| scope.claim(name)).collect()
}

fn security_schemes(api: &ir::Api) -> Vec<SchemeView> {
    api.security_schemes
        .iter()
        .map(|scheme| {
            let value = match &scheme.kind {
                ir::SecuritySchemeKind::Bearer { .. } => "Bearer()".to_string(),
                ir::SecuritySchemeKind::Basic => "Basic()".to_string(),
                ir::SecuritySchemeKind::ApiKey { location, name } => {
                    let location = match location {
                        ir::ApiKeyLocation::Header => "header",
                        ir::ApiKeyLocation::Query => "query",
                        ir::ApiKeyLocation::Cookie => "cookie",
                    };
                    format!("ApiKey({:?}, {})", location, escape::string_literal(name))
                }
            };
            SchemeView {
                key: escape::string_literal(&scheme.key),
                value,
            }
        })
        .collect()
}

fn config_view(api: &ir::Api, common: &Common<'_>, env_prefix: &str) -> serde_json::Value {
    let (base_url, base_url_doc) = match api.servers.first() {
        Some(url) => (
            escape::string_literal(url),
            format!(
                "the spec's first server ``{}``",
                escape::comment(url).replace('`', "'")
            ),
        ),
        None => (
            "None".to_string(),
            "none, as the spec names no server: a call fails until one is set".to_string(),
        ),
    };
    serde_json::json!({
        "package": common.package,
        "env": env_prefix,
        "base_url": base_url,
        "base_url_doc": escape::docstring(&base_url_doc, "").unwrap_or_default(),
        "credentials": credential_variables(api, env_prefix),
    })
}

/// One environment variable per security scheme, `<PREFIX>_<SCHEME_IN_UPPER_SNAKE_CASE>`, that
/// `config.py` reads that scheme's credential from.
fn credential_variables(api: &ir::Api, env_prefix: &str) -> Vec<serde_json::Value> {
    api.security_schemes
        .iter()
        .map(|scheme| {
            let kind = match &scheme.kind {
                ir::SecuritySchemeKind::Bearer { .. } => "token",
                ir::SecuritySchemeKind::Basic => "``user:password``",
                ir::SecuritySchemeKind::ApiKey { .. } => "key",
            };
            let variable = format!(
                "{env_prefix}_{}",
                names::snake_name(&scheme.key).to_ascii_uppercase()
            );
            let doc = format!(
                "``{}``, {kind}: ``${variable}``",
                scheme.key.replace('`', "'")
            );
            serde_json::json!({
                "key": escape::string_literal(&scheme.key),
                "variable": escape::string_literal(&variable),
                "doc": escape::docstring(&escape::comment(&doc), "").unwrap_or_default(),
            })
        })
        .collect()
}

/// The values of `pyproject.toml`, a hatchling project. `folder_is_package`: the folder
/// `pyproject.toml` sits in is the import package itself (functions and class styles), rather
/// than a project folder that holds it (the package style). Either way an editable install is a
/// `.pth` path, which type checkers follow, and pip writes nothing into the folder.
fn pyproject_view(
    api: &ir::Api,
    common: &Common<'_>,
    folder_is_package: bool,
) -> serde_json::Value {
    let toml_string = |text: &str| escape::string_literal(text);
    serde_json::json!({
        "header": common.header,
        "package": toml_string(common.package),
        "folder_is_package": folder_is_package,
        "distribution": toml_string(&common.package.replace('_', "-")),
        "version": toml_string(&pep440_version(&api.version)),
        "description": toml_string(&format!("Client of {}", escape::comment(&api.title))),
    })
}

/// The spec's version when it is a plain release number (`1.2.3`), else `0.0.0`: pip rejects
/// versions that are not PEP 440.
fn pep440_version(version: &str) -> String {
    let plain = !version.is_empty()
        && version
            .split('.')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_digit()));
    if plain {
        version.to_string()
    } else {
        "0.0.0".to_string()
    }
}

fn readme_view(
    api: &ir::Api,
    options: &Options,
    common: &Common<'_>,
    header_text: &str,
    env_prefix: &str,
    operations: &[operations::OperationView],
) -> serde_json::Value {
    let rows: Vec<serde_json::Value> = operations
        .iter()
        .map(|op| {
            serde_json::json!({
                "name": op.name,
                "method": op.method,
                "path": escape::markdown_code(&op.path_text),
            })
        })
        .collect();
    serde_json::json!({
        "header_text": header_text,
        "package": common.package,
        "title": escape::comment(&api.title),
        "version": escape::markdown_code(&api.version),
        "spec_name": escape::markdown_code(&options.spec_name),
        "class_style": common.class_style,
        "asyncio": common.asyncio,
        "example": operations.first().map(|op| op.name.clone()),
        "example_detailed": operations.first().map(|op| op.detailed_name.clone()),
        "env": env_prefix,
        "operations": rows,
    })
}
