//! The `clientgen` command: generate API clients from an OpenAPI document, or check one.
//!
//! Exit codes: 0 success; 1 a problem with the user's input (the spec, the zones file, an output
//! folder, a URL that serves no spec); 2 a usage error (the command line itself). Every message
//! starts with `error:`.

mod args;
mod fetch;
mod outputs;
mod spellings;

use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;
use clientgen_build::{Error, Generator, ProtoEnumStyle, ProtoLayout, PythonStyle, Severity, Spec};

use crate::args::{
    CheckArgs, Cli, Command, GenerateArgs, Input, ProtoEnumStyleArg, ProtoLayoutArg, StyleArg,
};
use crate::fetch::FetchError;

/// Generation allocates and frees millions of small strings and maps; mimalloc does that in
/// about half the time of the system allocator (GitHub's 13 MB spec: 455 M of 1.6 G
/// instructions were malloc and free).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return refuse_command_line(error),
    };
    let result = match cli.command {
        Command::Generate(args) => generate(*args),
        Command::Check(args) => check(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("{}", failure.text());
            ExitCode::from(failure.code)
        }
    }
}

/// Prints clap's error (or help), with our spelling when the command line holds another
/// generator's.
fn refuse_command_line(error: clap::Error) -> ExitCode {
    let informational = matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    let args: Vec<_> = std::env::args_os().skip(1).collect();
    match spellings::hint(&args).filter(|_| !informational) {
        Some(hint) => {
            eprintln!("error: {hint}\n\nFor more information, try '--help'.");
            ExitCode::from(2)
        }
        None => error.exit(),
    }
}

/// A message and the exit code it ends with.
struct Failure {
    message: String,
    code: u8,
}

impl Failure {
    /// The message, starting with `error:` (or with the warnings that came before the errors).
    fn text(&self) -> String {
        let message = self.message.trim_end();
        if message.starts_with("error:") || message.starts_with("warning:") {
            message.to_string()
        } else {
            format!("error: {message}")
        }
    }
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        // A misconfiguration is the command line's; everything else is in the user's files.
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

impl From<FetchError> for Failure {
    fn from(error: FetchError) -> Self {
        match error {
            FetchError::Url(message) => Failure { message, code: 2 },
            FetchError::Served(message) => Failure { message, code: 1 },
        }
    }
}

/// A usage error.
fn usage(message: impl Into<String>) -> Failure {
    Failure {
        message: message.into(),
        code: 2,
    }
}

/// The spec's name and text, for a spec read from `-u URL`; `None` for `-f FILE`.
fn served(input: &Input) -> Result<Option<(String, String)>, Failure> {
    match &input.url {
        Some(url) => Ok(Some((url.clone(), fetch::fetch(url)?))),
        None => Ok(None),
    }
}

fn generate(args: GenerateArgs) -> Result<(), Failure> {
    let outputs = outputs::choose(&args).map_err(usage)?;
    let mut generator = match (&args.input.file, served(&args.input)?) {
        (Some(file), _) => Generator::new(file),
        (None, Some((url, text))) => Generator::from_text(&url, text).source_url(url),
        (None, None) => return Err(usage("give the spec with -f FILE or -u URL")),
    };
    generator = generator
        .python_style(match args.python_style.unwrap_or(StyleArg::Functions) {
            StyleArg::Functions => PythonStyle::Functions,
            StyleArg::Class => PythonStyle::Class,
            StyleArg::Package => PythonStyle::Package,
        })
        .python_asyncio(args.asyncio)
        .proto_enum_style(
            match args.proto_enum_style.unwrap_or(ProtoEnumStyleArg::Json) {
                ProtoEnumStyleArg::Json => ProtoEnumStyle::Json,
                ProtoEnumStyleArg::Prefixed => ProtoEnumStyle::Prefixed,
            },
        )
        .force(args.force)
        .emit_rerun_if_changed(false);
    if let Some(prefix) = args.python_env_prefix {
        generator = generator.python_env_prefix(prefix);
    }
    if let Some(name) = args.python_package_name {
        generator = generator.python_package_name(name);
    }
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
    if let Some(dir) = outputs.out {
        generator = generator.out(dir);
    }
    if let Some(dir) = outputs.python {
        generator = generator.python(dir);
    }
    if let Some(dir) = outputs.typescript {
        generator = generator.typescript(dir);
    }
    if let Some(dir) = outputs.proto {
        generator = generator.proto(dir);
    }
    if let Some(dir) = outputs.rust {
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
    let (name, spec) = match (&args.input.file, served(&args.input)?) {
        (Some(file), _) => (file.display().to_string(), Spec::from_file(file)?),
        (None, Some((url, text))) => (url.clone(), Spec::from_text(url, text)?),
        (None, None) => return Err(usage("give the spec with -f FILE or -u URL")),
    };
    for warning in &spec.warnings {
        eprintln!("{warning}");
    }
    let warnings = spec
        .warnings
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    println!(
        "{name}: ok, {} operations, {} types, {warnings} warning{}",
        spec.api.operations.len(),
        spec.api.types.len(),
        if warnings == 1 { "" } else { "s" }
    );
    Ok(())
}
