//! Reading a zones file (`zones.toml`): every problem found, each with the file, line and column.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::{Layout, ProtoSettings, PythonSettings, Rule, ZoneConfig, ZoneProto, ZoneRule};
use crate::Error;
use crate::diagnostics::{Diagnostic, Location, Severity};
use crate::targets::python::env_prefix_problem;

/// The default zone's name when the file sets no `default_zone`.
pub const DEFAULT_ZONE: &str = "default";

/// Lower-case Python keywords: a package cannot be named after one (`import class` fails).
const PYTHON_KEYWORDS: &[&str] = &[
    "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
    "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
    "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/// The file as written; unknown keys are refused by serde.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    default_zone: Option<Spanned<String>>,
    layout: Option<Layout>,
    #[serde(default)]
    zones: BTreeMap<Spanned<String>, Spanned<RawZone>>,
    #[serde(default)]
    proto: ProtoSettings,
    #[serde(default)]
    python: RawPython,
}

/// The `[python]` table as written.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPython {
    env_prefix: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawZone {
    tags: Option<Vec<String>>,
    paths: Option<Vec<String>>,
    operations: Option<Vec<String>>,
    go_package: Option<String>,
    java_package: Option<String>,
    csharp_namespace: Option<String>,
    env_prefix: Option<String>,
}

/// Reads and checks the zones file at `path`.
pub fn load(path: &Path) -> Result<ZoneConfig, Error> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    parse(path, &text)
}

/// Checks zones-file `text`; `path` names it in messages.
pub fn parse(path: &Path, text: &str) -> Result<ZoneConfig, Error> {
    let mut problems = Problems {
        file: path.to_path_buf(),
        text,
        items: Vec::new(),
    };
    let file: File = match toml::from_str(text) {
        Ok(file) => file,
        Err(error) => {
            let span = error.span().unwrap_or(0..0);
            problems.push(
                span,
                "",
                error.message().trim_end(),
                "see the zones file format in clientgen's README (section Zones)",
            );
            return Err(problems.into_error());
        }
    };
    let default_zone = match &file.default_zone {
        Some(name) => {
            check_name(&mut problems, name.get_ref(), name.span(), "/default_zone");
            name.get_ref().clone()
        }
        None => DEFAULT_ZONE.to_string(),
    };
    let mut zones: Vec<_> = file.zones.into_iter().collect();
    // The zones keep the file's order.
    zones.sort_by_key(|(name, _)| name.span().start);
    let mut rules = Vec::new();
    for (name, zone) in zones {
        let span = name.span();
        let name = name.into_inner();
        let pointer = format!("/zones/{name}");
        check_name(&mut problems, &name, span.clone(), &pointer);
        let location = Some(problems.location(span.start));
        let zone_span = zone.span();
        let RawZone {
            tags,
            paths,
            operations,
            go_package,
            java_package,
            csharp_namespace,
            env_prefix,
        } = zone.into_inner();
        if let Some(problem) = env_prefix.as_deref().and_then(env_prefix_problem) {
            problems.push(
                zone_span.clone(),
                &pointer,
                &format!("zone `{name}`: {problem}"),
                "write the prefix of the zone's environment variables, like \"SUPPORT\"",
            );
        }
        let given: Vec<Rule> = [
            tags.map(Rule::Tags),
            paths.map(Rule::Paths),
            operations.map(Rule::Operations),
        ]
        .into_iter()
        .flatten()
        .collect();
        let [rule] = <[Rule; 1]>::try_from(given).unwrap_or_else(|given| {
            let message = if given.is_empty() {
                format!("zone `{name}` has no rule")
            } else {
                format!("zone `{name}` has {} rules", given.len())
            };
            problems.push(
                zone_span.clone(),
                &pointer,
                &message,
                "give the zone exactly one of `tags = [...]`, `paths = [...]` (path prefixes) or \
                 `operations = [...]` (operationIds); split it into several zones to combine rules",
            );
            [Rule::Operations(Vec::new())]
        });
        if let Rule::Paths(prefixes) = &rule {
            for prefix in prefixes.iter().filter(|prefix| !prefix.starts_with('/')) {
                problems.push(
                    zone_span.clone(),
                    &pointer,
                    &format!("zone `{name}`: the path prefix `{prefix}` does not start with `/`"),
                    "write path prefixes as the spec's paths start, like \"/tickets\"",
                );
            }
        }
        rules.push(ZoneRule {
            name,
            rule,
            location,
            proto: ZoneProto {
                go_package,
                java_package,
                csharp_namespace,
            },
            env_prefix,
        });
    }
    let python = PythonSettings {
        env_prefix: file.python.env_prefix.map(|prefix| {
            let span = prefix.span();
            let prefix = prefix.into_inner();
            if let Some(problem) = env_prefix_problem(&prefix) {
                problems.push(
                    span,
                    "/python/env_prefix",
                    &problem,
                    "write the prefix of the environment variables, like \"APP\"",
                );
            }
            prefix
        }),
    };
    if !problems.items.is_empty() {
        return Err(problems.into_error());
    }
    let layout = file.layout.unwrap_or_else(|| {
        let cfg = std::iter::once(default_zone.as_str())
            .chain(rules.iter().map(|zone| zone.name.as_str()))
            .any(|name| name.starts_with(super::CFG_PREFIX));
        if cfg { Layout::Cfg } else { Layout::Flat }
    });
    Ok(ZoneConfig {
        file: path.to_path_buf(),
        default_zone,
        layout,
        zones: rules,
        proto: file.proto,
        python,
    })
}

/// A zone name is a Python package, a folder and part of a proto package: lower-case ASCII.
fn check_name(problems: &mut Problems, name: &str, span: Range<usize>, pointer: &str) {
    let valid = name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !PYTHON_KEYWORDS.contains(&name);
    if !valid {
        problems.push(
            span,
            pointer,
            &format!("`{name}` is not a valid zone name"),
            "a zone name is the Python package's import name, a folder name and part of the \
             proto package: use lower-case letters, digits and underscores, starting with a \
             letter (like `cfg_support`), and not a Python keyword",
        );
    }
}

/// Problems of one zones file, located by byte offsets.
struct Problems<'a> {
    file: PathBuf,
    text: &'a str,
    items: Vec<Diagnostic>,
}

impl Problems<'_> {
    fn location(&self, offset: usize) -> Location {
        let before = self.text.get(..offset).unwrap_or(self.text);
        let line_start = before.rfind('\n').map_or(0, |at| at + 1);
        Location {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }

    fn push(&mut self, span: Range<usize>, pointer: &str, message: &str, help: &str) {
        let location = self.location(span.start);
        let mut diagnostic = Diagnostic {
            severity: Severity::Error,
            file: self.file.clone(),
            pointer: pointer.to_string(),
            location: Some(location),
            source_line: None,
            source_caret: None,
            message: message.to_string(),
            help: Some(help.to_string()),
        };
        if let Some(line) = self.text.lines().nth(location.line - 1) {
            diagnostic.show_source(line);
        }
        self.items.push(diagnostic);
    }

    fn into_error(self) -> Error {
        let count = self.items.len();
        let mut message = String::new();
        for item in &self.items {
            message.push_str(&format!("{item}\n"));
        }
        message.push_str(&format!(
            "the zones file {} has {count} error{}; nothing was written",
            self.file.display(),
            if count == 1 { "" } else { "s" }
        ));
        Error::Input(message)
    }
}
