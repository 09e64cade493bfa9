//! Which folder each language is written to, and which options apply to what is written.
//!
//! `-o DIR` writes every language under `DIR/<language>/`; `-o DIR --lang L` writes only `L`,
//! into `DIR` itself (what Clientele's `-o my_client/` does for its one language); `--L-out DIR`
//! writes `L` into `DIR` beside either. An option of a language that is not written is refused,
//! so that no flag is silently ignored.

use std::path::PathBuf;

use crate::args::{GenerateArgs, Language};

/// The folders handed to the `Generator`.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Outputs {
    /// Every language under `<out>/<language>/`.
    pub out: Option<PathBuf>,
    /// The Python package's folder.
    pub python: Option<PathBuf>,
    /// The TypeScript client's folder.
    pub typescript: Option<PathBuf>,
    /// The proto tree's folder.
    pub proto: Option<PathBuf>,
    /// The Rust file's folder.
    pub rust: Option<PathBuf>,
}

impl Outputs {
    /// The folder of `language`'s own, if it has one.
    fn own(&mut self, language: Language) -> &mut Option<PathBuf> {
        match language {
            Language::Python => &mut self.python,
            Language::Typescript => &mut self.typescript,
            Language::Proto => &mut self.proto,
            Language::Rust => &mut self.rust,
        }
    }

    /// Whether `language` is written (under `out`, or into its own folder).
    fn writes(&mut self, language: Language) -> bool {
        self.out.is_some() || self.own(language).is_some()
    }
}

/// The folders `args` ask for, or the usage error that says what is wrong.
pub fn choose(args: &GenerateArgs) -> Result<Outputs, String> {
    let mut outputs = Outputs {
        out: args.out.clone(),
        python: args.python_out.clone(),
        typescript: args.typescript_out.clone(),
        proto: args.proto_out.clone(),
        rust: args.rust_out.clone(),
    };
    if let Some(language) = args.lang
        && let Some(dir) = outputs.out.take()
    {
        let name = language.name();
        let own = outputs.own(language);
        if own.is_some() {
            return Err(format!(
                "--lang {name} -o DIR and --{name}-out DIR both say where {name} goes: keep one"
            ));
        }
        *own = Some(dir);
    }
    let all = [
        &outputs.out,
        &outputs.python,
        &outputs.typescript,
        &outputs.proto,
        &outputs.rust,
    ];
    if all.iter().all(|dir| dir.is_none()) {
        return Err(
            "say where to write: -o DIR (with --lang LANGUAGE for one language only), or \
                    --python-out, --typescript-out, --proto-out or --rust-out DIR"
                .to_string(),
        );
    }
    let mut problems = Vec::new();
    for (language, flags) in [
        (Language::Python, python_flags(args)),
        (Language::Proto, proto_flags(args)),
    ] {
        if flags.is_empty() || outputs.writes(language) {
            continue;
        }
        let name = language.name();
        problems.push(format!(
            "{} appl{} to the {name} output, which this command does not write: add \
             --{name}-out DIR, or drop {}",
            flags.join(", "),
            if flags.len() == 1 { "ies" } else { "y" },
            if flags.len() == 1 { "it" } else { "them" }
        ));
    }
    if problems.is_empty() {
        Ok(outputs)
    } else {
        Err(problems.join("\nerror: "))
    }
}

/// The Python options given.
fn python_flags(args: &GenerateArgs) -> Vec<&'static str> {
    given([
        ("--python-style", args.python_style.is_some()),
        ("--asyncio", args.asyncio),
        ("--python-env-prefix", args.python_env_prefix.is_some()),
        ("--python-package-name", args.python_package_name.is_some()),
    ])
}

/// The proto options given.
fn proto_flags(args: &GenerateArgs) -> Vec<&'static str> {
    given([
        ("--proto-enum-style", args.proto_enum_style.is_some()),
        ("--proto-layout", args.proto_layout.is_some()),
        ("--proto-http-annotations", args.proto_http_annotations),
        (
            "--proto-go-package-prefix",
            args.proto_go_package_prefix.is_some(),
        ),
        (
            "--proto-java-package-prefix",
            args.proto_java_package_prefix.is_some(),
        ),
        (
            "--proto-csharp-namespace-prefix",
            args.proto_csharp_namespace_prefix.is_some(),
        ),
    ])
}

/// The names of the flags marked given.
fn given<const N: usize>(flags: [(&'static str, bool); N]) -> Vec<&'static str> {
    flags
        .into_iter()
        .filter_map(|(flag, given)| given.then_some(flag))
        .collect()
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;
    use crate::args::{Cli, Command};

    fn choose_for(line: &str) -> Result<Outputs, String> {
        let cli = Cli::try_parse_from(
            ["clientgen", "generate", "-f", "spec.json"]
                .into_iter()
                .chain(line.split_whitespace()),
        )
        .unwrap();
        match cli.command {
            Command::Generate(args) => choose(&args),
            Command::Check(_) => unreachable!("a generate command line"),
        }
    }

    #[test]
    fn out_with_one_language_writes_it_into_the_folder_itself() {
        let outputs = choose_for("-o my_client --lang python").unwrap();
        assert_eq!(
            outputs,
            Outputs {
                python: Some(PathBuf::from("my_client")),
                ..Outputs::default()
            }
        );
    }

    #[test]
    fn out_alone_writes_every_language() {
        let outputs = choose_for("-o clients --python-style class").unwrap();
        assert_eq!(outputs.out, Some(PathBuf::from("clients")));
    }

    #[test]
    fn options_of_a_language_not_written_are_refused() {
        let problem = choose_for("--typescript-out web --asyncio").unwrap_err();
        assert!(
            problem.contains("--asyncio applies to the python output"),
            "{problem}"
        );
        let problem = choose_for("-o x --lang python --proto-layout versioned").unwrap_err();
        assert!(problem.contains("--proto-layout"), "{problem}");
    }

    #[test]
    fn lang_and_the_languages_own_folder_conflict() {
        assert!(choose_for("-o x --lang python --python-out y").is_err());
    }
}
