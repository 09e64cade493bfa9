//! Runs the core for the macro: the Rust client as tokens, the other clients written to disk,
//! and every problem as a `compile_error!` at the argument it concerns.

use std::path::{Path, PathBuf};

use clientgen_build::targets::{python, rust};
use clientgen_build::{Error, Generator, Severity, Spec, zones};
use proc_macro2::{Span, TokenStream};
use quote::quote;

use crate::args::Args;
use crate::out_dir;

/// The expansion of `generate_clients!` for `args`.
pub fn expand(args: &Args) -> TokenStream {
    let spec_span = args.spec.span();
    let Some(manifest_dir) = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from) else {
        return error(spec_span, "CARGO_MANIFEST_DIR is not set: build with Cargo");
    };
    let path = match relative(&manifest_dir, &args.spec.value(), "spec") {
        Ok(path) => path,
        Err(message) => return error(spec_span, &message),
    };
    let spec = match Spec::from_file(&path) {
        Ok(spec) => spec,
        Err(Error::Spec(diagnostics)) => {
            let mut out = track(&[path.as_path()]);
            for diagnostic in diagnostics.iter().filter(|d| d.severity == Severity::Error) {
                // rustc says `error:` itself.
                let message = diagnostic.to_string();
                let message = message.strip_prefix("error: ").unwrap_or(&message);
                out.extend(error(spec_span, &shorten(message, &manifest_dir)));
            }
            return out;
        }
        Err(other) => return error(spec_span, &shorten(&other.to_string(), &manifest_dir)),
    };
    let api_name = python::default_package_name(&spec.api);
    let options = rust::Options {
        spec_name: spec.file_name(),
        file_name: rust::file_name(&api_name),
    };
    let mut out = track(
        &spec
            .sources
            .iter()
            .map(|source| source.path.as_path())
            .collect::<Vec<_>>(),
    );
    let zones = match check_zones(args, &manifest_dir, &spec) {
        Ok(zones) => zones,
        Err(errors) => {
            out.extend(errors);
            return out;
        }
    };
    // With zones, one module per zone; without, one module for the whole API.
    match &zones {
        Some((path, split)) => {
            out.extend(track(&[path.as_path()]));
            out.extend(rust::zone_tokens(&split.zones, &options));
        }
        None => out.extend(rust::tokens(&spec.api, &options)),
    }
    let zones = zones.map(|(path, _)| path);
    if args.targets.any() {
        let out_span = args
            .out
            .as_ref()
            .map_or(Span::call_site(), |out| out.span());
        match write_others(args, &manifest_dir, &path, &api_name, zones) {
            // Reading each output folder's manifest makes its deletion recompile the crate,
            // which writes the folder again.
            Ok(manifests) => out.extend(track(
                &manifests.iter().map(PathBuf::as_path).collect::<Vec<_>>(),
            )),
            Err(message) => out.extend(error(out_span, &shorten(&message, &manifest_dir))),
        }
    }
    out
}

/// The zones file's path and the split it gives when `zones` is given (the generator reads it
/// again for the other clients: the same function, so the same answer); its problems as compile
/// errors at the `zones` argument, tracked so that fixing the file re-expands.
fn check_zones(
    args: &Args,
    manifest_dir: &Path,
    spec: &Spec,
) -> Result<Option<(PathBuf, zones::Split)>, TokenStream> {
    let Some(zones) = &args.zones else {
        return Ok(None);
    };
    let span = zones.span();
    let fail = |message: &str| error(span, &shorten(message, manifest_dir));
    let path = relative(manifest_dir, &zones.value(), "zones").map_err(|m| fail(&m))?;
    let mut errors = track(&[path.as_path()]);
    let result = zones::load(&path).and_then(|config| zones::split_spec(spec, &config));
    match result {
        Ok(split) => Ok(Some((path, split))),
        Err(problem) => {
            let message = problem.to_string();
            errors.extend(fail(message.strip_prefix("error: ").unwrap_or(&message)));
            Err(errors)
        }
    }
}

/// Writes the Python, TypeScript and proto clients requested (unchanged files are left alone)
/// and returns the output folders' manifests, dated for Cargo to watch
/// ([`clientgen_build::Outcome::watch_outputs`]). With zones, `python/` and `typescript/` hold
/// one folder per zone.
fn write_others(
    args: &Args,
    manifest_dir: &Path,
    spec: &Path,
    api_name: &str,
    zones: Option<PathBuf>,
) -> Result<Vec<PathBuf>, String> {
    let out = match &args.out {
        Some(out) => relative(manifest_dir, &out.value(), "out")?,
        None => out_dir::default_out(manifest_dir),
    };
    let mut generator = Generator::new(spec)
        .emit_rerun_if_changed(false)
        .python_style(args.python_style)
        .proto_enum_style(args.proto_enum_style);
    if let Some(prefix) = &args.python_env_prefix {
        generator = generator.python_env_prefix(prefix.value());
    }
    if let Some(layout) = args.proto_layout {
        generator = generator.proto_layout(layout);
    }
    if let Some(annotations) = args.proto_http_annotations {
        generator = generator.proto_http_annotations(annotations);
    }
    if let Some(prefix) = &args.proto_go_package_prefix {
        generator = generator.proto_go_package_prefix(prefix.value());
    }
    if let Some(prefix) = &args.proto_java_package_prefix {
        generator = generator.proto_java_package_prefix(prefix.value());
    }
    if let Some(prefix) = &args.proto_csharp_namespace_prefix {
        generator = generator.proto_csharp_namespace_prefix(prefix.value());
    }
    let folder = |language: &str| match &zones {
        Some(_) => out.join(language),
        None => out.join(language).join(api_name),
    };
    if let Some(zones) = &zones {
        generator = generator.zones(zones);
    }
    if args.targets.python {
        // The package's name is its folder's: a given name names the folder.
        generator = match &args.python_package_name {
            Some(name) if zones.is_none() => {
                generator.python(out.join("python").join(name.value()))
            }
            Some(name) => generator
                .python(folder("python"))
                .python_package_name(name.value()),
            None => generator.python(folder("python")),
        };
    }
    if args.targets.typescript {
        generator = generator.typescript(folder("typescript"));
    }
    if args.targets.proto {
        generator = generator.proto(out.join("proto"));
    }
    generator
        .run()
        .and_then(|outcome| outcome.watch_outputs())
        .map_err(|error| error.to_string())
}

/// `manifest_dir/value`, refusing absolute paths (a build must not depend on where it runs).
fn relative(manifest_dir: &Path, value: &str, key: &str) -> Result<PathBuf, String> {
    if Path::new(value).is_absolute() {
        return Err(format!(
            "`{key}` must be relative to the crate's Cargo.toml, not absolute: {value}"
        ));
    }
    Ok(manifest_dir.join(value))
}

/// `const _: &str = include_str!(…);` for each file read or watched, so Cargo re-expands the
/// macro when one changes or goes.
fn track(paths: &[&Path]) -> TokenStream {
    let paths = paths.iter().map(|path| path.to_string_lossy().into_owned());
    quote!(#(const _: &str = include_str!(#paths);)*)
}

/// `message` with paths inside the crate written relative to its Cargo.toml, as the user wrote
/// them.
fn shorten(message: &str, manifest_dir: &Path) -> String {
    let prefix = format!("{}{}", manifest_dir.display(), std::path::MAIN_SEPARATOR);
    message.trim_end().replace(&prefix, "")
}

fn error(span: Span, message: &str) -> TokenStream {
    syn::Error::new(span, message).into_compile_error()
}
