//! The command line: what `clientgen` accepts, with its help text and examples.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Examples shown after the top-level help.
const EXAMPLES: &str = "\
Examples:
  clientgen generate -f openapi.json -o clients/
      every language, under clients/<language>/
  clientgen generate -u http://127.0.0.1:8000/openapi.json -o my_client/ --lang python
      only the Python package, into my_client/ (`from my_client import client`)
  clientgen check -f openapi.yaml
      list every problem in the spec";

/// Examples shown after `clientgen generate --help`.
const GENERATE_EXAMPLES: &str = "\
Examples:
  clientgen generate -f openapi.json -o clients/
      every language under clients/<language>/ (Python: clients/python/<api>/)
  clientgen generate -u http://127.0.0.1:8000/openapi.json -o my_client/ --lang python
      only the Python package, into my_client/ itself
  clientgen generate -f openapi.json --python-out my_client --python-style class --asyncio
      an async Python `Client` class (Clientele: generate-class --asyncio t)
  clientgen generate -f openapi.json --python-out clients/cfg_support --python-style package
      an installable package in openapi-python-client's shape
  clientgen generate -f openapi.json --typescript-out web/src/api --proto-out proto/
      TypeScript and Protocol Buffers only, each into its own folder
  clientgen generate -f openapi.json --zones zones.toml -o clients/
      one client per zone (see the README's Zones section)

Run the same command again to regenerate: files clientgen wrote are updated, config.py (yours)
is kept, and files it did not write are never overwritten nor deleted, even with --force.

Exit codes: 0 success; 1 a problem with the spec, the zones file or an output folder; 2 a usage
error (the command line itself).";

/// Examples shown after `clientgen check --help`.
const CHECK_EXAMPLES: &str = "\
Examples:
  clientgen check -f openapi.yaml
  clientgen check -u http://127.0.0.1:8000/openapi.json

Exit codes: 0 the spec can be generated (warnings are printed); 1 it has errors, all listed; 2 a
usage error.";

/// Turn an OpenAPI document (Swagger 2.0, OpenAPI 3.0 or 3.1; JSON or YAML) into typed API
/// clients.
#[derive(Debug, Parser)]
#[command(name = "clientgen", version, after_help = EXAMPLES)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Generate clients.
    #[command(after_help = GENERATE_EXAMPLES)]
    Generate(Box<GenerateArgs>),
    /// Validate a spec and list every problem in it.
    #[command(after_help = CHECK_EXAMPLES)]
    Check(CheckArgs),
}

/// Where the spec comes from.
#[derive(Debug, Args)]
#[group(id = "input", required = true, multiple = false)]
pub struct Input {
    /// The spec file (JSON or YAML). openapi-python-client's `--path` is accepted.
    #[arg(
        short = 'f',
        long = "file",
        value_name = "FILE",
        group = "input",
        visible_alias = "path"
    )]
    pub file: Option<PathBuf>,
    /// The URL of a served spec (e.g. http://127.0.0.1:8000/openapi.json).
    #[arg(short = 'u', long = "url", value_name = "URL", group = "input")]
    pub url: Option<String>,
}

/// `clientgen generate`'s arguments.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// The spec.
    #[command(flatten)]
    pub input: Input,
    /// Write every language under `DIR/<language>/`; with --lang, only that language, into DIR
    /// itself. Clientele's `--output` and openapi-python-client's `--output-path` are accepted.
    #[arg(
        short = 'o',
        long = "out",
        value_name = "DIR",
        visible_aliases = ["output", "output-path"]
    )]
    pub out: Option<PathBuf>,
    /// Write only this language, into the -o folder itself (`-o my_client --lang python` is
    /// `--python-out my_client`).
    #[arg(long, value_enum, value_name = "LANGUAGE", requires = "out")]
    pub lang: Option<Language>,
    /// Write the Python package into DIR (its name is the package's import name: not a Python
    /// keyword nor a standard-library module).
    #[arg(long, value_name = "DIR")]
    pub python_out: Option<PathBuf>,
    /// Write the TypeScript client into DIR.
    #[arg(long, value_name = "DIR")]
    pub typescript_out: Option<PathBuf>,
    /// Write the Protocol Buffers tree into DIR.
    #[arg(long, value_name = "DIR")]
    pub proto_out: Option<PathBuf>,
    /// Write the Rust client file into DIR.
    #[arg(long, value_name = "DIR")]
    pub rust_out: Option<PathBuf>,
    /// The shape of the Python client [default: functions].
    #[arg(long, value_enum)]
    pub python_style: Option<StyleArg>,
    /// Generate async Python operations (functions and class styles; the package style always
    /// has both).
    #[arg(long)]
    pub asyncio: bool,
    /// What the environment variables the Python `config.py` reads start with (GITHUB reads
    /// GITHUB_BASE_URL) [default: the package name in upper case].
    #[arg(long, value_name = "PREFIX")]
    pub python_env_prefix: Option<String>,
    /// The Python package's name under -o DIR/python/ [default: the spec's title in snake_case].
    #[arg(long, value_name = "NAME")]
    pub python_package_name: Option<String>,
    /// How proto enum values are named [default: json].
    #[arg(long, value_enum)]
    pub proto_enum_style: Option<ProtoEnumStyleArg>,
    /// How proto packages are named and laid out (default: zone, or the zones file's
    /// `[proto] layout`).
    #[arg(long, value_enum)]
    pub proto_layout: Option<ProtoLayoutArg>,
    /// Give each rpc its REST route as a `google.api.http` rule, and write googleapis'
    /// annotations.proto and http.proto to third-party/googleapis/.
    #[arg(long)]
    pub proto_http_annotations: bool,
    /// Put this Go import path in front of each proto folder in `go_package`
    /// (e.g. example.com/app/gen/go).
    #[arg(long, value_name = "PATH")]
    pub proto_go_package_prefix: Option<String>,
    /// Put this in front of each proto package in `java_package` (default: com).
    #[arg(long, value_name = "PACKAGE")]
    pub proto_java_package_prefix: Option<String>,
    /// Put this in front of each PascalCase proto package in `csharp_namespace`.
    #[arg(long, value_name = "NAMESPACE")]
    pub proto_csharp_namespace_prefix: Option<String>,
    /// Split the API into the zones of FILE (zones.toml): one Python package, TypeScript folder
    /// and proto group per zone.
    #[arg(long, value_name = "FILE")]
    pub zones: Option<PathBuf>,
    /// Write into output folders that clientgen did not create. Files it did not write are
    /// kept: a run that would overwrite one is refused.
    #[arg(long)]
    pub force: bool,
}

/// `clientgen check`'s arguments.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The spec.
    #[command(flatten)]
    pub input: Input,
}

/// A language `--lang` selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Language {
    /// The Python package.
    Python,
    /// The TypeScript client.
    Typescript,
    /// The Protocol Buffers tree.
    Proto,
    /// The Rust client file.
    Rust,
}

impl Language {
    /// The language's name as the flags spell it (`--python-out`).
    pub fn name(self) -> &'static str {
        match self {
            Language::Python => "python",
            Language::Typescript => "typescript",
            Language::Proto => "proto",
            Language::Rust => "rust",
        }
    }
}

/// `--python-style`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum StyleArg {
    /// Module-level functions.
    Functions,
    /// A `Client` class.
    Class,
    /// Per-zone installable packages.
    Package,
}

/// `--proto-enum-style`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ProtoEnumStyleArg {
    /// As on the wire (`member`), each enum nested in a message: protobuf's JSON mapping reads
    /// the REST API's JSON.
    Json,
    /// Prefixed with the enum's name in UPPER_SNAKE_CASE (`ROLE_MEMBER`), as buf's STANDARD
    /// lint rules want.
    Prefixed,
}

/// `--proto-layout`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ProtoLayoutArg {
    /// Package `api__<zone>` in `<zone>/api__<zone>/`, each zone a buf module.
    Zone,
    /// Package `<zone>.v1` in `<zone>/v1/`, one buf module: buf's STANDARD package rules hold.
    Versioned,
}
