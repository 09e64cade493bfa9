//! The build.rs API: a builder in the style of prost-build.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::destination::{Destination, OutDir};
use crate::targets::proto::{self, EnumStyle, FileOptions, Layout as ProtoLayout};
use crate::targets::python::{self, PythonStyle};
use crate::targets::{rust, typescript};
use crate::tree::{Ownership, Tree};
use crate::write::{self, WriteOptions, WriteReport};
use crate::zones::{self, Split};
use crate::{Error, Spec};

/// Generates API clients from an OpenAPI document.
///
/// Configure it with the chained methods, then call [`Generator::generate`], which validates the
/// configuration, reads the spec, and writes every requested client. Relative paths are taken
/// from the current directory, which in a build script is the crate's manifest folder.
///
/// ```no_run
/// // build.rs
/// fn main() -> Result<(), clientgen_build::Error> {
///     clientgen_build::Generator::new("openapi.json")
///         .python("clients/python/my_client")
///         .generate()
/// }
/// ```
#[derive(Debug, Clone)]
pub struct Generator {
    input: Input,
    out: Option<Destination>,
    python: Option<Destination>,
    typescript: Option<Destination>,
    proto: Option<Destination>,
    rust: Option<Destination>,
    python_style: PythonStyle,
    python_asyncio: bool,
    python_env_prefix: Option<String>,
    python_package_name: Option<String>,
    proto_enum_style: EnumStyle,
    proto_layout: Option<ProtoLayout>,
    proto_http_annotations: Option<bool>,
    proto_go_package_prefix: Option<String>,
    proto_java_package_prefix: Option<String>,
    proto_csharp_namespace_prefix: Option<String>,
    force: bool,
    rerun_if_changed: Option<bool>,
    zones: Option<PathBuf>,
    source_url: Option<String>,
}

#[derive(Debug, Clone)]
enum Input {
    File(PathBuf),
    Text { name: PathBuf, text: String },
}

impl Generator {
    /// A generator for the spec at `spec` (JSON or YAML).
    ///
    /// ```no_run
    /// // build.rs
    /// fn main() -> Result<(), clientgen_build::Error> {
    ///     clientgen_build::Generator::new("openapi.yaml")
    ///         .python("clients/my_client")
    ///         .generate()
    /// }
    /// ```
    pub fn new(spec: impl Into<PathBuf>) -> Self {
        Generator::with_input(Input::File(spec.into()))
    }

    /// A generator for spec text already in memory (fetched from a URL, say); `name` is used in
    /// messages and headers.
    ///
    /// ```no_run
    /// // build.rs
    /// fn main() -> Result<(), clientgen_build::Error> {
    ///     let text = std::fs::read_to_string("openapi.json").expect("spec is readable");
    ///     clientgen_build::Generator::from_text("openapi.json", text)
    ///         .python("clients/my_client")
    ///         .generate()
    /// }
    /// ```
    pub fn from_text(name: impl Into<PathBuf>, text: impl Into<String>) -> Self {
        Generator::with_input(Input::Text {
            name: name.into(),
            text: text.into(),
        })
    }

    fn with_input(input: Input) -> Self {
        Generator {
            input,
            out: None,
            python: None,
            typescript: None,
            proto: None,
            rust: None,
            python_style: PythonStyle::default(),
            python_asyncio: false,
            python_env_prefix: None,
            python_package_name: None,
            proto_enum_style: EnumStyle::default(),
            proto_layout: None,
            proto_http_annotations: None,
            proto_go_package_prefix: None,
            proto_java_package_prefix: None,
            proto_csharp_namespace_prefix: None,
            force: false,
            rerun_if_changed: None,
            zones: None,
            source_url: None,
        }
    }

    /// Says the spec was read from `url` (`http://127.0.0.1:8000/openapi.json`): its relative
    /// `servers` entries are resolved against it, and a spec listing no servers gets the URL's
    /// origin (OpenAPI's default server is `/`), so every client's default base URL is where
    /// the API is served. A FastAPI app mounted under a prefix lists the prefix in `servers`.
    /// `clientgen generate -u URL` does this.
    ///
    /// ```no_run
    /// // build.rs
    /// fn main() -> Result<(), clientgen_build::Error> {
    ///     let url = "http://127.0.0.1:8000/openapi.json";
    ///     let text = std::fs::read_to_string("openapi.json").expect("a copy of the served spec");
    ///     clientgen_build::Generator::from_text(url, text)
    ///         .source_url(url) // no `servers`: the clients default to http://127.0.0.1:8000
    ///         .out("clients")
    ///         .generate()
    /// }
    /// ```
    pub fn source_url(mut self, url: impl Into<String>) -> Self {
        self.source_url = Some(url.into());
        self
    }

    /// Writes every target this build supports under `dir/<language>/`: the Python package to
    /// `dir/python/<api>/` and the TypeScript client to `dir/typescript/<api>/`, where `<api>` is
    /// the spec's title in snake_case, and the proto tree to `dir/proto/`. A target given its own
    /// folder (such as [`Generator::python`]) goes there instead.
    ///
    /// ```no_run
    /// // build.rs
    /// fn main() -> Result<(), clientgen_build::Error> {
    ///     clientgen_build::Generator::new("openapi.json")
    ///         .out("clients") // clients/python/<api>/
    ///         .generate()
    /// }
    /// ```
    pub fn out(mut self, dir: impl Into<Destination>) -> Self {
        self.out = Some(dir.into());
        self
    }

    /// Writes the Python client package into `dir`; the folder's name is the package's name.
    /// `dir` is a path (relative ones from the crate's folder in a build script) or a folder
    /// under Cargo's `OUT_DIR`, [`OutDir::join`]: the one a published crate writes to (see
    /// [`OutDir`] for which to pick). The same holds for every target's folder.
    ///
    /// ```no_run
    /// // build.rs
    /// use clientgen_build::{Generator, OutDir};
    ///
    /// fn main() -> Result<(), clientgen_build::Error> {
    ///     Generator::new("openapi.json")
    ///         .python("clients/my_client") // `from my_client import client, schemas`
    ///         .typescript(OutDir::join("typescript")) // $OUT_DIR/typescript/index.ts, …
    ///         .generate()
    /// }
    /// ```
    pub fn python(mut self, dir: impl Into<Destination>) -> Self {
        self.python = Some(dir.into());
        self
    }

    /// Writes the TypeScript client (`index.ts`, `models.ts`, `client.ts`, `package.json`, …)
    /// into `dir`.
    ///
    /// ```no_run
    /// // build.rs
    /// fn main() -> Result<(), clientgen_build::Error> {
    ///     clientgen_build::Generator::new("openapi.json")
    ///         .typescript("web/src/api")
    ///         .generate()
    /// }
    /// ```
    pub fn typescript(mut self, dir: impl Into<Destination>) -> Self {
        self.typescript = Some(dir.into());
        self
    }

    /// Writes the Protocol Buffers tree (`<zone>/api__<zone>/messages.proto`, `service.proto`,
    /// README, `buf.yaml`) into `dir`, with the field-number lock file `clientgen.proto.lock`
    /// beside it: commit that file, it keeps field numbers stable as the spec grows. See
    /// [`Generator::proto_layout`], [`Generator::proto_http_annotations`] and the
    /// `go_package`/`java_package`/`csharp_namespace` prefixes for what else it can hold.
    ///
    /// ```no_run
    /// // build.rs
    /// fn main() -> Result<(), clientgen_build::Error> {
    ///     clientgen_build::Generator::new("openapi.json")
    ///         .proto("clients/proto")
    ///         .generate()
    /// }
    /// ```
    pub fn proto(mut self, dir: impl Into<Destination>) -> Self {
        self.proto = Some(dir.into());
        self
    }

    /// Chooses how the proto tree names enum values: as on the wire (the default,
    /// [`ProtoEnumStyle::Json`](crate::ProtoEnumStyle::Json): `member`, each enum nested in a
    /// message of its name, so that protobuf's JSON mapping reads the REST API's JSON), or
    /// prefixed with the enum's name in UPPER_SNAKE_CASE as buf's STANDARD lint rules want
    /// ([`ProtoEnumStyle::Prefixed`](crate::ProtoEnumStyle::Prefixed): `ROLE_MEMBER`).
    ///
    /// ```no_run
    /// // build.rs
    /// use clientgen_build::{Generator, ProtoEnumStyle};
    ///
    /// fn main() -> Result<(), clientgen_build::Error> {
    ///     Generator::new("openapi.json")
    ///         .proto("clients/proto")
    ///         .proto_enum_style(ProtoEnumStyle::Prefixed)
    ///         .generate()
    /// }
    /// ```
    pub fn proto_enum_style(mut self, style: EnumStyle) -> Self {
        self.proto_enum_style = style;
        self
    }

    /// Chooses how the proto packages are named and laid out: package `api__<zone>` in
    /// `<zone>/api__<zone>/`, each zone a buf module of its own (the default,
    /// [`ProtoLayout::Zone`](crate::ProtoLayout::Zone)), or package `<zone>.v1` in
    /// `<zone>/v1/` under one `buf.yaml` at the top of the proto folder
    /// ([`ProtoLayout::Versioned`](crate::ProtoLayout::Versioned)), under which buf's STANDARD
    /// lint rules hold with none turned off when enums are prefixed. The lock keeps every number
    /// across a change of layout. Overrides a zones file's `[proto] layout`.
    ///
    /// ```no_run
    /// // build.rs
    /// use clientgen_build::{Generator, ProtoEnumStyle, ProtoLayout};
    ///
    /// fn main() -> Result<(), clientgen_build::Error> {
    ///     Generator::new("openapi.json")
    ///         .proto("clients/proto") // clients/proto/<zone>/v1/{messages,service}.proto
    ///         .proto_layout(ProtoLayout::Versioned)
    ///         .proto_enum_style(ProtoEnumStyle::Prefixed)
    ///         .generate()
    /// }
    /// ```
    pub fn proto_layout(mut self, layout: ProtoLayout) -> Self {
        self.proto_layout = Some(layout);
        self
    }

    /// Gives each rpc its REST route as a `google.api.http` rule (method, path with variables
    /// named after the request's fields, `body: "body"`, `response_body: "data"`), so that
    /// grpc-gateway or Envoy's gRPC-JSON transcoder serve the REST API from a gRPC server;
    /// googleapis' `google/api/annotations.proto` and `http.proto`, with their license, are
    /// written to `third-party/googleapis/` in the proto folder. Off by default; overrides a
    /// zones file's `[proto] http_annotations`.
    ///
    /// ```no_run
    /// // build.rs
    /// fn main() -> Result<(), clientgen_build::Error> {
    ///     clientgen_build::Generator::new("openapi.json")
    ///         .proto("clients/proto")
    ///         .proto_http_annotations(true)
    ///         .generate()
    /// }
    /// ```
    pub fn proto_http_annotations(mut self, annotations: bool) -> Self {
        self.proto_http_annotations = Some(annotations);
        self
    }

    /// Puts your Go module's path in front of every `.proto` file's `go_package` import path:
    /// with `"example.com/app/gen/go"`, a zone's files say
    /// `option go_package = "example.com/app/gen/go/<zone>/api__<zone>;api__<zone>";`
    /// (`…/<zone>/v1;<zone>v1` in the versioned layout). Without it the import path is the
    /// files' folder in the proto tree (`<zone>/api__<zone>`), which protoc-gen-go takes as it
    /// is: no `M` flags are needed either way. Overrides a zones file's
    /// `[proto] go_package_prefix`.
    ///
    /// ```no_run
    /// // build.rs
    /// fn main() -> Result<(), clientgen_build::Error> {
    ///     clientgen_build::Generator::new("openapi.json")
    ///         .proto("proto")
    ///         .proto_go_package_prefix("example.com/app/gen/go")
    ///         .generate()
    /// }
    /// ```
    pub fn proto_go_package_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.proto_go_package_prefix = Some(prefix.into());
        self
    }

    /// Puts `prefix` in front of every package in `java_package` (default `com`:
    /// `com.api__<zone>`, `com.<zone>.v1`); `"com.example"` gives `com.example.<zone>.v1`.
    /// `java_multiple_files = true` is always set. Overrides a zones file's
    /// `[proto] java_package_prefix`.
    ///
    /// ```no_run
    /// // build.rs
    /// fn main() -> Result<(), clientgen_build::Error> {
    ///     clientgen_build::Generator::new("openapi.json")
    ///         .proto("proto")
    ///         .proto_java_package_prefix("com.example")
    ///         .generate()
    /// }
    /// ```
    pub fn proto_java_package_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.proto_java_package_prefix = Some(prefix.into());
        self
    }

    /// Puts `prefix` in front of every `csharp_namespace`, the package in PascalCase
    /// (`ApiShop`, `Shop.V1` by default; `"Example"` gives `Example.Shop.V1`). Overrides a zones
    /// file's `[proto] csharp_namespace_prefix`.
    ///
    /// ```no_run
    /// // build.rs
    /// fn main() -> Result<(), clientgen_build::Error> {
    ///     clientgen_build::Generator::new("openapi.json")
    ///         .proto("proto")
    ///         .proto_csharp_namespace_prefix("Example")
    ///         .generate()
    /// }
    /// ```
    pub fn proto_csharp_namespace_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.proto_csharp_namespace_prefix = Some(prefix.into());
        self
    }

    /// Writes the typed Rust client to `dir/<api>.rs` (`<api>`: the spec's title in snake_case),
    /// formatted with prettyplease; it needs the `clientgen` runtime crate.
    ///
    /// ```no_run
    /// // build.rs
    /// fn main() -> Result<(), clientgen_build::Error> {
    ///     clientgen_build::Generator::new("openapi.json")
    ///         .rust("src/generated")
    ///         .generate()
    /// }
    /// ```
    pub fn rust(mut self, dir: impl Into<Destination>) -> Self {
        self.rust = Some(dir.into());
        self
    }

    /// Writes the typed Rust client to `$OUT_DIR/<api>.rs`, for
    /// `include!(concat!(env!("OUT_DIR"), "/<api>.rs"))`.
    ///
    /// ```no_run
    /// // build.rs
    /// fn main() -> Result<(), clientgen_build::Error> {
    ///     clientgen_build::Generator::new("openapi.json")
    ///         .rust_to_out_dir()
    ///         .generate()
    /// }
    /// ```
    pub fn rust_to_out_dir(self) -> Self {
        self.rust(OutDir::join(""))
    }

    /// Chooses the Python client's shape: module functions (the default) or a `Client` class.
    ///
    /// ```no_run
    /// // build.rs
    /// use clientgen_build::{Generator, PythonStyle};
    ///
    /// fn main() -> Result<(), clientgen_build::Error> {
    ///     Generator::new("openapi.json")
    ///         .python("clients/my_client")
    ///         .python_style(PythonStyle::Class)
    ///         .generate()
    /// }
    /// ```
    pub fn python_style(mut self, style: PythonStyle) -> Self {
        self.python_style = style;
        self
    }

    /// Makes the Python operations `async def` on `httpx.AsyncClient`.
    ///
    /// ```no_run
    /// // build.rs
    /// fn main() -> Result<(), clientgen_build::Error> {
    ///     clientgen_build::Generator::new("openapi.json")
    ///         .python("clients/my_client")
    ///         .python_asyncio(true)
    ///         .generate()
    /// }
    /// ```
    pub fn python_asyncio(mut self, asyncio: bool) -> Self {
        self.python_asyncio = asyncio;
        self
    }

    /// Sets what the names of the environment variables the Python client's `config.py` reads
    /// start with: `"GITHUB"` reads `GITHUB_BASE_URL`, `GITHUB_BEARER_TOKEN` and so on. By
    /// default it is the package name in upper case (`clients/my_client` reads
    /// `MY_CLIENT_BASE_URL`; with zones, each zone's name). Given with zones, every zone reads
    /// the same variables. ASCII letters, digits and underscores; the `package` style reads no
    /// environment variables, so it refuses this.
    ///
    /// ```no_run
    /// // build.rs
    /// fn main() -> Result<(), clientgen_build::Error> {
    ///     clientgen_build::Generator::new("openapi.json")
    ///         .python("clients/gh")
    ///         .python_env_prefix("GITHUB") // GITHUB_BASE_URL, not GH_BASE_URL
    ///         .generate()
    /// }
    /// ```
    pub fn python_env_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.python_env_prefix = Some(prefix.into());
        self
    }

    /// Names the Python package that [`Generator::out`] writes to `dir/python/<name>/`, in place
    /// of the spec's title in snake_case (`GitHub v3 REST API` → `github_v3_rest_api`). The
    /// folder given to [`Generator::python`] names the package itself, so the two together are
    /// refused unless they agree, as is a name with zones (each zone names its package).
    ///
    /// ```no_run
    /// // build.rs
    /// fn main() -> Result<(), clientgen_build::Error> {
    ///     clientgen_build::Generator::new("openapi.json")
    ///         .out("clients")
    ///         .python_package_name("github") // clients/python/github/, `import github`
    ///         .generate()
    /// }
    /// ```
    pub fn python_package_name(mut self, name: impl Into<String>) -> Self {
        self.python_package_name = Some(name.into());
        self
    }

    /// Splits the API into the zones of a zones file (`zones.toml`, see [`crate::zones`]): each
    /// zone becomes its own Python package and TypeScript folder at `<dir>/cfg/<zone>/` or
    /// `<dir>/custom/<zone>/` (`<dir>/<zone>/` in the flat layout) and its own proto group
    /// `<proto dir>/<zone>/`, holding only the types its operations reach. The folders given to
    /// [`Generator::python`] and [`Generator::typescript`] then hold the zones, and
    /// [`Generator::out`] writes them to `dir/python/` and `dir/typescript/`. The Rust file
    /// holds one top-level `pub mod <zone>` per zone, each with its own `types`, `responses`
    /// and `Client`.
    ///
    /// ```no_run
    /// // build.rs
    /// fn main() -> Result<(), clientgen_build::Error> {
    ///     clientgen_build::Generator::new("openapi.json")
    ///         .zones("zones.toml")
    ///         .python("clients/python")         // clients/python/cfg/cfg_support/, …
    ///         .typescript("web/src/api")        // web/src/api/cfg/cfg_support/index.ts, …
    ///         .generate()
    /// }
    /// ```
    pub fn zones(mut self, file: impl Into<PathBuf>) -> Self {
        self.zones = Some(file.into());
        self
    }

    /// Writes into output folders that hold files clientgen did not generate. Off by default:
    /// such a folder is refused so that nobody's files are removed by mistake.
    ///
    /// ```no_run
    /// // build.rs
    /// fn main() -> Result<(), clientgen_build::Error> {
    ///     clientgen_build::Generator::new("openapi.json")
    ///         .python("src/legacy_client")
    ///         .force(true)
    ///         .generate()
    /// }
    /// ```
    pub fn force(mut self, force: bool) -> Self {
        self.force = force;
        self
    }

    /// Whether to print `cargo:rerun-if-changed` for every file read. By default it is printed
    /// when running inside a build script (when `OUT_DIR` is set).
    ///
    /// ```no_run
    /// // build.rs
    /// fn main() -> Result<(), clientgen_build::Error> {
    ///     clientgen_build::Generator::new("openapi.json")
    ///         .python("clients/my_client")
    ///         .emit_rerun_if_changed(false)
    ///         .generate()
    /// }
    /// ```
    pub fn emit_rerun_if_changed(mut self, emit: bool) -> Self {
        self.rerun_if_changed = Some(emit);
        self
    }

    /// Validates the configuration, reads the spec and writes every requested client.
    ///
    /// Nothing is written unless the whole spec lowers without error; each output folder is
    /// written atomically.
    ///
    /// ```no_run
    /// // build.rs
    /// fn main() -> Result<(), clientgen_build::Error> {
    ///     clientgen_build::Generator::new("openapi.json")
    ///         .python("clients/my_client")
    ///         .generate()
    /// }
    /// ```
    pub fn generate(self) -> Result<(), Error> {
        self.run().map(|_| ())
    }

    /// Like [`Generator::generate`], but returns what was read and what each write changed.
    pub fn run(self) -> Result<Outcome, Error> {
        let out_dir = std::env::var_os("OUT_DIR").map(PathBuf::from);
        let resolve = |dir: &Option<Destination>| {
            dir.as_ref()
                .map(|dir| dir.resolve(out_dir.as_deref()))
                .transpose()
        };
        let out = resolve(&self.out)?;
        let python_dir = resolve(&self.python)?;
        let typescript_dir = resolve(&self.typescript)?;
        let proto_dir = resolve(&self.proto)?;
        let rust_dir = resolve(&self.rust)?;
        if [&out, &python_dir, &typescript_dir, &proto_dir, &rust_dir]
            .iter()
            .all(|dir| dir.is_none())
        {
            return Err(Error::Config(
                "no output was requested: call .out(dir), .python(dir), .typescript(dir) or \
                 .proto(dir) before .generate()"
                    .to_string(),
            ));
        }
        self.check_python_options(python_dir.as_deref())?;
        let rerun = self.rerun_if_changed.unwrap_or(out_dir.is_some());
        if rerun {
            // Printed before loading so that Cargo re-runs after the user fixes a broken file.
            if let Input::File(path) = &self.input {
                println!("cargo:rerun-if-changed={}", path.display());
            }
            if let Some(zones) = &self.zones {
                println!("cargo:rerun-if-changed={}", zones.display());
            }
        }
        let zone_config = self.zones.as_deref().map(zones::load).transpose()?;
        if let Some(config) = &zone_config
            && self.python_style == PythonStyle::Package
            && (config.python.env_prefix.is_some()
                || config.zones.iter().any(|zone| zone.env_prefix.is_some()))
        {
            return Err(Error::Input(format!(
                "error: {} sets an `env_prefix`, which the `package` Python style does not read \
                 (its `Client` takes `base_url=`): remove it, or use the functions or class style",
                config.file.display()
            )));
        }
        let proto_settings = self.proto_settings(zone_config.as_ref())?;
        let mut spec = match &self.input {
            Input::File(path) => Spec::from_file(path)?,
            Input::Text { name, text } => Spec::from_text(name.clone(), text.clone())?,
        };
        if let Some(url) = &self.source_url {
            spec.api.servers = crate::lower::resolve_servers(&spec.api.servers, url);
        }
        let split = match &zone_config {
            Some(config) => {
                let split = zones::split_spec(&spec, config)?;
                spec.warnings.extend(split.warnings.iter().cloned());
                Some(split)
            }
            None => None,
        };
        if rerun {
            for source in spec.sources.iter().skip(1) {
                println!("cargo:rerun-if-changed={}", source.path.display());
            }
            for warning in &spec.warnings {
                for line in warning.to_string().lines().take(1) {
                    println!("cargo:warning={line}");
                }
            }
        }
        let api_name = python::default_package_name(&spec.api);
        let python_leaf = self.python_package_name.clone().unwrap_or(api_name.clone());
        // Without zones, a language's folder under `out` is named after the API; with zones it
        // holds the zones' folders.
        let leaf = split.is_none().then_some(api_name.as_str());
        let under_out = |language: &str, leaf: Option<&str>| {
            if !OUT_TARGETS.contains(&language) {
                return None;
            }
            out.as_ref().map(|out| {
                let dir = out.join(language);
                leaf.map_or(dir.clone(), |leaf| dir.join(leaf))
            })
        };
        let mut trees = Vec::new();
        let python_leaf = split.is_none().then_some(python_leaf.as_str());
        if let Some(dir) = python_dir.or_else(|| under_out("python", python_leaf)) {
            // The prefix: a zone's own, else the Generator's, else the zones file's.
            let options = |package_name: String, own_prefix: Option<&String>| python::Options {
                style: self.python_style,
                asyncio: self.python_asyncio,
                package_name,
                env_prefix: own_prefix
                    .or(self.python_env_prefix.as_ref())
                    .or_else(|| zone_config.as_ref()?.python.env_prefix.as_ref())
                    .cloned(),
                spec_name: spec.file_name(),
            };
            let tree = match &split {
                None => python::emit(&spec.api, &options(package_name_of(&dir)?, None))?,
                Some(split) => per_zone(split, |zone| {
                    if let Some(problem) = python::package_name_problem(&zone.name) {
                        return Err(Error::Input(format!(
                            "error: the zone `{}` cannot be a Python package: {problem}; rename \
                             the zone in the zones file",
                            zone.name
                        )));
                    }
                    let own = zone_config.as_ref().and_then(|config| {
                        let rule = config.zones.iter().find(|rule| rule.name == zone.name)?;
                        rule.env_prefix.as_ref()
                    });
                    python::emit(&zone.api, &options(zone.name.clone(), own))
                })?,
            };
            trees.push((tree, dir));
        }
        if let Some(dir) = typescript_dir.or_else(|| under_out("typescript", leaf)) {
            let options = |package_name: String| typescript::Options {
                package_name,
                spec_name: spec.file_name(),
            };
            let tree = match &split {
                None => typescript::emit(
                    &spec.api,
                    &options(folder_name(&dir).unwrap_or_else(|| api_name.clone())),
                )?,
                Some(split) => {
                    let mut tree = per_zone(split, |zone| {
                        typescript::emit(&zone.api, &options(zone.name.clone()))
                    })?;
                    let zones: Vec<(&str, &str)> = split
                        .zones
                        .iter()
                        .map(|zone| (zone.name.as_str(), zone.folder.as_str()))
                        .collect();
                    graft(
                        &mut tree,
                        "",
                        &typescript::level_indexes(&zones, &spec.file_name()),
                    );
                    tree
                }
            };
            trees.push((tree, dir));
        }
        if let Some(dir) = proto_dir.or_else(|| under_out("proto", None)) {
            let lock_path = dir.join(proto::LOCK_FILE);
            let previous_lock = match std::fs::read_to_string(&lock_path) {
                Ok(text) => Some(text),
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
                Err(source) => {
                    return Err(Error::Read {
                        path: lock_path,
                        source,
                    });
                }
            };
            let options = |zone: String, previous_lock: Option<String>| {
                let own = zone_config
                    .as_ref()
                    .and_then(|config| config.zones.iter().find(|rule| rule.name == zone));
                let mut file_options = proto_settings.file_options.clone();
                if let Some(own) = own {
                    file_options.go_package = own.proto.go_package.clone();
                    file_options.java_package = own.proto.java_package.clone();
                    file_options.csharp_namespace = own.proto.csharp_namespace.clone();
                }
                proto::Options {
                    previous_lock,
                    enum_style: self.proto_enum_style,
                    layout: proto_settings.layout,
                    http_annotations: proto_settings.http_annotations,
                    file_options,
                    ..proto::Options::new(spec.file_name(), zone)
                }
            };
            let tree = match &split {
                None => proto::emit(&spec.api, &options(api_name.clone(), previous_lock))?,
                Some(split) => proto_zones(split, previous_lock, options)?,
            };
            trees.push((tree, dir));
        }
        if let Some(dir) = rust_dir.or_else(|| under_out("rust", None)) {
            let options = rust::Options {
                spec_name: spec.file_name(),
                file_name: rust::file_name(&api_name),
            };
            let tree = match &split {
                None => rust::emit(&spec.api, &options)?,
                Some(split) => rust::emit_zones(&split.zones, &options)?,
            };
            trees.push((tree, dir));
        }
        // Every target is emitted before anything is written, so a failing target leaves all
        // output folders as they were. A folder is written before the folders inside it
        // (`.rust_to_out_dir()` beside `.python(OutDir::join("py"))`), so that it is still
        // empty, not foreign, on the first run; the outputs keep the targets' order.
        let mut order: Vec<usize> = (0..trees.len()).collect();
        order.sort_by(|&a, &b| trees[a].1.cmp(&trees[b].1));
        let mut written = Vec::new();
        for index in order {
            let (tree, dir) = &trees[index];
            let report = write::write_tree(tree, dir, WriteOptions { force: self.force })?;
            written.push((index, dir.clone(), report));
        }
        written.sort_by_key(|(index, ..)| *index);
        let outputs = written
            .into_iter()
            .map(|(_, dir, report)| (dir, report))
            .collect();
        let outcome = Outcome { spec, outputs };
        if rerun {
            // A deleted output folder is written again by the next build.
            for manifest in outcome.watch_outputs()? {
                println!("cargo:rerun-if-changed={}", manifest.display());
            }
        }
        Ok(outcome)
    }
}

impl Generator {
    /// Refuses Python options that do not fit together: all problems in one [`Error::Config`].
    /// `python_dir` is the Python folder as resolved (under `OUT_DIR` or not).
    fn check_python_options(&self, python_dir: Option<&Path>) -> Result<(), Error> {
        let package_style = self.python_style == PythonStyle::Package;
        let mut problems = Vec::new();
        if package_style && self.python_asyncio {
            problems.push(
                "asyncio applies to the `functions` and `class` Python styles: the `package` \
                 style's operation modules always have both `sync` and `asyncio` functions; \
                 drop it"
                    .to_string(),
            );
        }
        if let Some(prefix) = &self.python_env_prefix {
            if package_style {
                problems.push(
                    "an environment prefix applies to the `functions` and `class` Python \
                     styles: the `package` style reads no environment variables \
                     (`Client(base_url=...)`); drop it"
                        .to_string(),
                );
            }
            problems.extend(python::env_prefix_problem(prefix));
        }
        if let Some(name) = &self.python_package_name {
            if let Some(problem) = python::package_name_problem(name) {
                problems.push(format!("the Python package name is refused: {problem}"));
            }
            if self.zones.is_some() {
                problems.push(
                    "a Python package name was given with zones, which name their packages \
                     after the zones: drop the package name"
                        .to_string(),
                );
            } else if let Some(dir) = python_dir
                && folder_name(dir).as_deref() != Some(name.as_str())
            {
                problems.push(format!(
                    "the Python package name `{name}` differs from the name of its folder {}, \
                     which is the import name: name the folder `{name}` or drop the package name",
                    dir.display()
                ));
            }
        }
        if problems.is_empty() {
            return Ok(());
        }
        Err(Error::Config(
            problems
                .iter()
                .map(|problem| format!("error: {problem}"))
                .collect::<Vec<_>>()
                .join("\n"),
        ))
    }
}

/// The proto tree's settings for every zone: the Generator's, else the zones file's `[proto]`
/// table's, else the defaults.
struct ProtoSettings {
    layout: ProtoLayout,
    http_annotations: bool,
    /// The prefixes (the zones' own values are added per zone).
    file_options: FileOptions,
}

impl Generator {
    /// The proto settings, every value given checked: all problems in one [`Error::Config`].
    fn proto_settings(&self, zones: Option<&zones::ZoneConfig>) -> Result<ProtoSettings, Error> {
        let file = zones.map(|config| &config.proto);
        let pick = |own: &Option<String>,
                    from_file: fn(&zones::ProtoSettings) -> &Option<String>| {
            own.clone()
                .or_else(|| file.and_then(|file| from_file(file).clone()))
        };
        let settings = ProtoSettings {
            layout: self
                .proto_layout
                .or_else(|| file.and_then(|file| file.layout))
                .unwrap_or_default(),
            http_annotations: self
                .proto_http_annotations
                .or_else(|| file.and_then(|file| file.http_annotations))
                .unwrap_or(false),
            file_options: FileOptions {
                go_package_prefix: pick(&self.proto_go_package_prefix, |f| &f.go_package_prefix),
                java_package_prefix: pick(&self.proto_java_package_prefix, |f| {
                    &f.java_package_prefix
                }),
                csharp_namespace_prefix: pick(&self.proto_csharp_namespace_prefix, |f| {
                    &f.csharp_namespace_prefix
                }),
                ..FileOptions::default()
            },
        };
        // The caller's values are the caller's problems; the zones file's, the file's.
        let caller = FileOptions {
            go_package_prefix: self.proto_go_package_prefix.clone(),
            java_package_prefix: self.proto_java_package_prefix.clone(),
            csharp_namespace_prefix: self.proto_csharp_namespace_prefix.clone(),
            ..FileOptions::default()
        };
        let unless_given = |own: &Option<String>, used: &Option<String>| {
            if own.is_some() { None } else { used.clone() }
        };
        let used = &settings.file_options;
        let from_file = FileOptions {
            go_package_prefix: unless_given(&caller.go_package_prefix, &used.go_package_prefix),
            java_package_prefix: unless_given(
                &caller.java_package_prefix,
                &used.java_package_prefix,
            ),
            csharp_namespace_prefix: unless_given(
                &caller.csharp_namespace_prefix,
                &used.csharp_namespace_prefix,
            ),
            ..FileOptions::default()
        };
        let proto_option = |problem: String| format!("error: proto option {problem}");
        let mut problems: Vec<String> = caller.problems().into_iter().map(proto_option).collect();
        let mut file_problems: Vec<String> =
            from_file.problems().into_iter().map(proto_option).collect();
        if let Some(config) = zones {
            for zone in &config.zones {
                let own = FileOptions {
                    go_package: zone.proto.go_package.clone(),
                    java_package: zone.proto.java_package.clone(),
                    csharp_namespace: zone.proto.csharp_namespace.clone(),
                    ..FileOptions::default()
                };
                let at = zone
                    .location
                    .map(|at| format!(":{}:{}", at.line, at.column))
                    .unwrap_or_default();
                for problem in own.problems() {
                    file_problems.push(format!(
                        "error: {}{at}: zone `{}`: {problem}",
                        config.file.display(),
                        zone.name
                    ));
                }
            }
        }
        let in_file = !file_problems.is_empty();
        problems.extend(file_problems);
        if problems.is_empty() {
            return Ok(settings);
        }
        problems.push(format!(
            "{} proto option{} cannot be used; nothing was written",
            problems.len(),
            if problems.len() == 1 { "" } else { "s" }
        ));
        let message = problems.join("\n");
        Err(if in_file {
            Error::Input(message)
        } else {
            Error::Config(message)
        })
    }
}

/// What [`Generator::run`] did.
#[derive(Debug)]
pub struct Outcome {
    /// The spec as loaded, with its warnings.
    pub spec: Spec,
    /// Each output folder and what writing it changed.
    pub outputs: Vec<(PathBuf, WriteReport)>,
}

impl Outcome {
    /// The manifest of each output folder, dated to the spec's modification time
    /// ([`write::date_manifest`]), for Cargo to watch: [`Generator::generate`] prints each as
    /// `cargo:rerun-if-changed` in a build script, and `generate_clients!` reads each with
    /// `include_str!`, so that the next build writes a deleted output folder again, and a build
    /// that changed nothing stays fresh.
    ///
    /// ```no_run
    /// // build.rs, when printing Cargo's instructions yourself
    /// fn main() -> Result<(), clientgen_build::Error> {
    ///     let outcome = clientgen_build::Generator::new("openapi.json")
    ///         .python("clients/my_client")
    ///         .emit_rerun_if_changed(false)
    ///         .run()?;
    ///     for manifest in outcome.watch_outputs()? {
    ///         println!("cargo:rerun-if-changed={}", manifest.display());
    ///     }
    ///     Ok(())
    /// }
    /// ```
    pub fn watch_outputs(&self) -> Result<Vec<PathBuf>, Error> {
        let spec_time = self
            .spec
            .sources
            .iter()
            .filter_map(|source| std::fs::metadata(&source.path).ok()?.modified().ok())
            .max()
            .unwrap_or(SystemTime::UNIX_EPOCH);
        self.outputs
            .iter()
            .map(|(dir, _)| write::date_manifest(dir, spec_time))
            .collect()
    }
}

/// One tree holding each zone's tree (made by `emit`) in the zone's folder.
fn per_zone(
    split: &Split,
    mut emit: impl FnMut(&zones::Zone) -> Result<Tree, Error>,
) -> Result<Tree, Error> {
    let mut tree = Tree::new();
    for zone in &split.zones {
        graft(&mut tree, &zone.folder, &emit(zone)?);
    }
    Ok(tree)
}

/// The proto tree of every zone: each zone's group at `<zone>/`, numbered through one lock file
/// that each zone's emission hands to the next, and one `buf.yaml` workspace at the top in place
/// of the zones' own.
fn proto_zones(
    split: &Split,
    mut lock: Option<String>,
    options: impl Fn(String, Option<String>) -> proto::Options,
) -> Result<Tree, Error> {
    let mut tree = Tree::new();
    for zone in &split.zones {
        let zone_tree = proto::emit(&zone.api, &options(zone.name.clone(), lock.take()))?;
        lock = zone_tree
            .get(proto::LOCK_FILE)
            .map(|file| file.contents.clone());
        // `<zone>/buf.yaml`, or the one zone's `buf.yaml` at the top: the one of every zone
        // replaces it. googleapis' files come with every zone, the same each time.
        let buf_yaml = |path: &str| {
            path == "buf.yaml" || (path.matches('/').count() == 1 && path.ends_with("/buf.yaml"))
        };
        for (path, file) in zone_tree.files() {
            if path != proto::LOCK_FILE && !buf_yaml(path) {
                tree.generated(path, file.contents.clone());
            }
        }
    }
    if let Some(lock) = lock {
        tree.generated(proto::LOCK_FILE, lock);
    }
    let names: Vec<&str> = split.zones.iter().map(|zone| zone.name.as_str()).collect();
    tree.generated(
        "buf.yaml",
        proto::buf_yaml(&names, &options(String::new(), None))?,
    );
    Ok(tree)
}

/// Adds every file of `part` to `tree` under `folder` (`""`: at the top), keeping who owns it.
fn graft(tree: &mut Tree, folder: &str, part: &Tree) {
    for (path, file) in part.files() {
        let path = if folder.is_empty() {
            path.to_string()
        } else {
            format!("{folder}/{path}")
        };
        match file.ownership {
            Ownership::Generated => tree.generated(path, file.contents.clone()),
            Ownership::User => tree.user_owned(path, file.contents.clone()),
        }
    }
}

/// The targets [`Generator::out`] writes: those this build has.
const OUT_TARGETS: &[&str] = &["python", "typescript", "proto", "rust"];

fn folder_name(dir: &Path) -> Option<String> {
    dir.file_name()
        .map(|name| name.to_string_lossy().into_owned())
}

/// The Python package name is the output folder's name: an identifier that is neither a
/// keyword nor a standard-library module (see [`python::package_name_problem`]).
fn package_name_of(dir: &Path) -> Result<String, Error> {
    let name = folder_name(dir).unwrap_or_default();
    match python::package_name_problem(&name) {
        None => Ok(name),
        Some(problem) => Err(Error::Input(format!(
            "error: the Python output folder {} is refused: {problem}; choose another folder \
             name (`my_{}` say), since the folder's name is the package's import name",
            dir.display(),
            name.trim_start_matches(|c: char| !c.is_ascii_alphabetic())
                .to_ascii_lowercase()
                .replace(|c: char| !c.is_ascii_alphanumeric(), "_")
        ))),
    }
}

#[cfg(test)]
mod tests;
