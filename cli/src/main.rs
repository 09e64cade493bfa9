//! The `clientgen` command: generate API clients from an OpenAPI document, or check one.
//!
//! Exit codes: 0 success, 1 a spec or generation error, 2 a usage error.

mod fetch;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use clientgen_build::{Error, Generator, ProtoEnumStyle, ProtoLayout, PythonStyle, Severity, Spec};

/// Turn an OpenAPI document (Swagger 2.0, OpenAPI 3.0 or 3.1; JSON or YAML) into typed API
/// clients.
#[derive(Debug, Parser)]
#[command(name = "clientgen", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Generate clients.
    Generate(Box<GenerateArgs>),
    /// Validate a spec and list every problem in it.
    Check(CheckArgs),
}

#[derive(Debug, Args)]
#[group(id = "input", required = true, multiple = false)]
struct Input {
    /// The spec file (JSON or YAML).
    #[arg(short = 'f', long = "file", value_name = "FILE", group = "input")]
    file: Option<PathBuf>,
    /// The URL of a served spec (e.g. http://127.0.0.1:8000/openapi.json).
    #[arg(short = 'u', long = "url", value_name = "URL", group = "input")]
    url: Option<String>,
}

#[derive(Debug, Args)]
struct GenerateArgs {
    #[command(flatten)]
    input: Input,
    /// Write every target this build supports under `DIR/<language>/`.
    #[arg(short = 'o', long = "out", value_name = "DIR")]
    out: Option<PathBuf>,
    /// Write the Python package into DIR (its name is the package's import name).
    #[arg(long, value_name = "DIR")]
    python_out: Option<PathBuf>,
    /// Write the TypeScript client into DIR.
    #[arg(long, value_name = "DIR")]
    typescript_out: Option<PathBuf>,
    /// Write the Protocol Buffers tree into DIR.
    #[arg(long, value_name = "DIR")]
    proto_out: Option<PathBuf>,
    /// Write the Rust client file into DIR.
    #[arg(long, value_name = "DIR")]
    rust_out: Option<PathBuf>,
    /// The shape of the Python client.
    #[arg(long, value_enum, default_value_t = StyleArg::Functions)]
    python_style: StyleArg,
    /// Generate async Python operations.
    #[arg(long)]
    asyncio: bool,
    /// How proto enum values are named.
    #[arg(long, value_enum, default_value_t = ProtoEnumStyleArg::Json)]
    proto_enum_style: ProtoEnumStyleArg,
    /// How proto packages are named and laid out (default: zone, or the zones file's
    /// `[proto] layout`).
    #[arg(long, value_enum)]
    proto_layout: Option<ProtoLayoutArg>,
    /// Give each rpc its REST route as a `google.api.http` rule, and write googleapis'
    /// annotations.proto and http.proto to third-party/googleapis/.
    #[arg(long)]
    proto_http_annotations: bool,
    /// Put this Go import path in front of each proto folder in `go_package`
    /// (e.g. example.com/app/gen/go).
    #[arg(long, value_name = "PATH")]
    proto_go_package_prefix: Option<String>,
    /// Put this in front of each proto package in `java_package` (default: com).
    #[arg(long, value_name = "PACKAGE")]
    proto_java_package_prefix: Option<String>,
    /// Put this in front of each PascalCase proto package in `csharp_namespace`.
    #[arg(long, value_name = "NAMESPACE")]
    proto_csharp_namespace_prefix: Option<String>,
    /// Split the API into the zones of FILE (zones.toml): one Python package, TypeScript folder
    /// and proto group per zone.
    #[arg(long, value_name = "FILE")]
    zones: Option<PathBuf>,
    /// Write into output folders that clientgen did not create.
    #[arg(long)]
    force: bool,
}

#[derive(Debug, Args)]
struct CheckArgs {
    /// The spec file (JSON or YAML).
    #[arg(short = 'f', long = "file", value_name = "FILE")]
    file: PathBuf,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum StyleArg {
    /// Module-level functions.
    Functions,
    /// A `Client` class.
    Class,
    /// Per-zone installable packages.
    Package,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ProtoEnumStyleArg {
    /// As on the wire (`member`), each enum nested in a message: protobuf's JSON mapping reads
    /// the REST API's JSON.
    Json,
    /// Prefixed with the enum's name in UPPER_SNAKE_CASE (`ROLE_MEMBER`), as buf's STANDARD
    /// lint rules want.
    Prefixed,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ProtoLayoutArg {
    /// Package `api__<zone>` in `<zone>/api__<zone>/`, each zone a buf module.
    Zone,
    /// Package `<zone>.v1` in `<zone>/v1/`, one buf module: buf's STANDARD package rules hold.
    Versioned,
}

/// Generation allocates and frees millions of small strings and maps; mimalloc does that in
/// about half the time of the system allocator (GitHub's 13 MB spec: 455 M of 1.6 G
/// instructions were malloc and free).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Generate(args) => generate(*args),
        Command::Check(args) => check(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("{}", failure.message.trim_end());
            ExitCode::from(failure.code)
        }
    }
}

/// A message and the exit code it ends with.
struct Failure {
    message: String,
    code: u8,
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        let code = match error {
            Error::Config(_) => 2,
            _ => 1,
        };
        Failure {
            message: error.to_string(),
            code,
        }
    }
}

fn usage(message: impl Into<String>) -> Failure {
    Failure {
        message: format!("error: {}", message.into()),
        code: 2,
    }
}

fn generate(args: GenerateArgs) -> Result<(), Failure> {
    let outputs = [
        &args.out,
        &args.python_out,
        &args.typescript_out,
        &args.proto_out,
        &args.rust_out,
    ];
    if outputs.iter().all(|dir| dir.is_none()) {
        return Err(usage(
            "say where to write: -o DIR, or --python-out, --typescript-out, --proto-out or \
             --rust-out DIR",
        ));
    }
    let mut generator = match (&args.input.file, &args.input.url) {
        (Some(file), _) => Generator::new(file),
        (None, Some(url)) => {
            let text = fetch::fetch(url).map_err(|message| Failure { message, code: 1 })?;
            Generator::from_text(url, text).source_url(url)
        }
        (None, None) => return Err(usage("give the spec with -f FILE or -u URL")),
    };
    generator = generator
        .python_style(match args.python_style {
            StyleArg::Functions => PythonStyle::Functions,
            StyleArg::Class => PythonStyle::Class,
            StyleArg::Package => PythonStyle::Package,
        })
        .python_asyncio(args.asyncio)
        .proto_enum_style(match args.proto_enum_style {
            ProtoEnumStyleArg::Json => ProtoEnumStyle::Json,
            ProtoEnumStyleArg::Prefixed => ProtoEnumStyle::Prefixed,
        })
        .force(args.force)
        .emit_rerun_if_changed(false);
    if let Some(layout) = args.proto_layout {
        generator = generator.proto_layout(match layout {
            ProtoLayoutArg::Zone => ProtoLayout::Zone,
            ProtoLayoutArg::Versioned => ProtoLayout::Versioned,
        });
    }
    if args.proto_http_annotations {
        generator = generator.proto_http_annotations(true);
    }
    if let Some(prefix) = args.proto_go_package_prefix {
        generator = generator.proto_go_package_prefix(prefix);
    }
    if let Some(prefix) = args.proto_java_package_prefix {
        generator = generator.proto_java_package_prefix(prefix);
    }
    if let Some(prefix) = args.proto_csharp_namespace_prefix {
        generator = generator.proto_csharp_namespace_prefix(prefix);
    }
    if let Some(zones) = &args.zones {
        generator = generator.zones(zones);
    }
    if let Some(dir) = &args.out {
        generator = generator.out(dir);
    }
    if let Some(dir) = &args.python_out {
        generator = generator.python(dir);
    }
    if let Some(dir) = &args.typescript_out {
        generator = generator.typescript(dir);
    }
    if let Some(dir) = &args.proto_out {
        generator = generator.proto(dir);
    }
    if let Some(dir) = &args.rust_out {
        generator = generator.rust(dir);
    }
    let outcome = generator.run()?;
    for warning in &outcome.spec.warnings {
        eprintln!("{warning}");
    }
    for (dir, report) in &outcome.outputs {
        println!(
            "{}: {} written, {} unchanged, {} removed",
            dir.display(),
            report.written.len(),
            report.unchanged.len(),
            report.removed.len()
        );
    }
    Ok(())
}

fn check(args: CheckArgs) -> Result<(), Failure> {
    let spec = Spec::from_file(&args.file)?;
    for warning in &spec.warnings {
        eprintln!("{warning}");
    }
    let warnings = spec
        .warnings
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    println!(
        "{}: ok, {} operations, {} types, {warnings} warning{}",
        args.file.display(),
        spec.api.operations.len(),
        spec.api.types.len(),
        if warnings == 1 { "" } else { "s" }
    );
    Ok(())
}
