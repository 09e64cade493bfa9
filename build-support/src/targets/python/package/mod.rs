//! The `package` style: one installable project per API.
//!
//! The output folder is a project folder, as openapi-python-client users know it:
//! `pyproject.toml` and `README.md` beside the import package `<package>/`, which holds
//! `__init__.py` (exports `Client`, `AuthenticatedClient`, `Response` and `UnexpectedStatus`),
//! `client.py`, `errors.py`, `transport.py` (the transport every style shares), `models/`
//! (the models every style shares, one module per type or cycle, imported on first use), one module per operation under `api/<tag>/` with `sync`,
//! `sync_detailed`, `asyncio` and `asyncio_detailed`, and `py.typed`. No module is named after a
//! standard-library one (`types.py` would shadow `types` when Python runs in the package's
//! folder). `pip install -e <folder>` installs it as a path (`.pth`), which mypy and pyright
//! follow, and leaves nothing inside the import package.

mod modules;

use serde::Serialize;

use self::modules::OperationModule;
use super::template;
use super::{Common, Options, escape, schemas_package};
use crate::tree::Tree;
use crate::{Error, ir};

/// Emits the package-style package for `api`.
pub fn emit(api: &ir::Api, options: &Options) -> Result<Tree, Error> {
    let env = template::environment(clientgen_templates::PYTHON_PACKAGE);
    let header_text = super::header_text(options);
    let header = format!("# {header_text}");
    let title = super::docstring_title(api);
    let class_names = super::class_names(api);
    let open = super::types::open_enums(api);
    let common = Common {
        header: &header,
        title: &title,
        package: &options.package_name,
        class_style: false,
        asyncio: false,
    };
    // The models and the operation modules are the bulk of the output and independent: build
    // them side by side.
    let (models, (folders, modules)) = std::thread::scope(|scope| {
        let models = scope.spawn(|| {
            schemas_package(
                &env,
                &common,
                api,
                &class_names,
                &open,
                ("models", "from .. import transport as _http"),
            )
        });
        let modules = modules::modules(api, &class_names, &open, &header);
        let models = models
            .join()
            .unwrap_or_else(|_| Err(Error::Internal("rendering models panicked".to_string())));
        (models, modules)
    });

    let mut tree = Tree::new();
    // Every file but `pyproject.toml` and `README.md` lives in the import package.
    let inside = |path: &str| format!("{}/{path}", options.package_name);
    let doc = |text: &str| escape::docstring(text, "").unwrap_or_default();
    let package_doc = doc(&format!("Client of {}.", escape::comment(&api.title)));
    tree.generated(
        inside("__init__.py"),
        template::render(&env, "__init__.py", DocView::new(&common, &package_doc))?,
    );
    for file in ["client.py", "errors.py"] {
        tree.generated(inside(file), template::render(&env, file, &common)?);
    }
    tree.generated(
        inside("transport.py"),
        template::render(
            &env,
            "http.py",
            super::HttpView {
                common: &common,
                package_style: true,
                env: "",
                schemes: super::security_schemes(api),
            },
        )?,
    );
    for (path, text) in models? {
        tree.generated(inside(&path), text);
    }
    let api_doc = doc(&format!(
        "The operations of {}, one module each under ``api.<tag>``.",
        escape::comment(&api.title)
    ));
    tree.generated(
        inside("api/__init__.py"),
        template::render(&env, "namespace.py", DocView::new(&common, &api_doc))?,
    );
    for folder in &folders {
        let tag_doc = doc(&format!(
            "The operations tagged ``{}``.",
            escape::comment(&folder.tag)
        ));
        tree.generated(
            inside(&format!("api/{}/__init__.py", folder.name)),
            template::render(&env, "namespace.py", DocView::new(&common, &tag_doc))?,
        );
    }
    tree.generated(inside("py.typed"), "");
    tree.generated(
        "pyproject.toml",
        template::render(
            &env,
            "pyproject.toml",
            super::pyproject_view(api, &common, false),
        )?,
    );
    tree.generated(
        "README.md",
        template::render(
            &env,
            "README.md",
            readme_view(api, options, &header_text, &modules),
        )?,
    );
    for module in modules {
        tree.generated(
            inside(&format!("api/{}/{}.py", module.folder, module.name)),
            module.source,
        );
    }
    Ok(tree)
}

/// A module that is only a docstring, or the package's `__init__.py`.
#[derive(Serialize)]
struct DocView<'a> {
    #[serde(flatten)]
    common: &'a Common<'a>,
    doc: &'a str,
}

impl<'a> DocView<'a> {
    fn new(common: &'a Common<'a>, doc: &'a str) -> Self {
        DocView { common, doc }
    }
}

fn readme_view(
    api: &ir::Api,
    options: &Options,
    header_text: &str,
    modules: &[OperationModule],
) -> serde_json::Value {
    let rows: Vec<serde_json::Value> = modules
        .iter()
        .map(|module| {
            serde_json::json!({
                "module": format!("api.{}.{}", module.folder, module.name),
                "method": module.method,
                "path": escape::markdown_code(&module.path_text),
            })
        })
        .collect();
    let example = modules.first().map(|module| {
        serde_json::json!({
            "folder": module.folder,
            "name": module.name,
        })
    });
    serde_json::json!({
        "header_text": header_text,
        "package": options.package_name,
        "title": escape::comment(&api.title),
        "version": escape::markdown_code(&api.version),
        "spec_name": escape::markdown_code(&options.spec_name),
        "example": example,
        "operations": rows,
    })
}
