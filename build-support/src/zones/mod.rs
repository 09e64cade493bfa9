//! Zones: one API split into several clients, each holding some operations and only the types
//! they reach.
//!
//! A zones file (`zones.toml`) names each zone and gives it exactly one rule:
//!
//! ```toml
//! default_zone = "public"          # where operations no rule takes go ("default" when absent)
//! layout = "cfg"                   # "cfg": cfg_* zones under cfg/, others under custom/;
//!                                  # "flat": every zone at the top (default: "cfg" when a zone
//!                                  # name starts with cfg_, else "flat")
//! [zones.cfg_support]
//! paths = ["/support", "/tickets"] # path prefixes, matched segment by segment
//! [zones.admin]
//! tags = ["admin"]                 # any of the operation's tags
//! [zones.public]
//! operations = ["health"]          # operationIds (or the ids clientgen makes up without one)
//! go_package = "example.com/public/gen;publicpb"  # this zone's own proto file options
//!
//! [proto]                          # the proto tree's options (a Generator, CLI or macro
//! layout = "versioned"             # setting wins over these): "zone" or "versioned";
//! http_annotations = true          # google.api.http rules;
//! go_package_prefix = "example.com/app/gen/go"   # and the file options' prefixes:
//! java_package_prefix = "com.example"            # java_package_prefix,
//! csharp_namespace_prefix = "Example"            # csharp_namespace_prefix
//! ```
//!
//! [`load`] reads the file (the build.rs API, the macro and the CLI all call it), [`split`] turns
//! the API into its zones: a pure function of the API and the configuration.

mod assign;
mod config;
mod prune;

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostics::{Diagnostic, Location, Severity};
pub use crate::targets::proto::Layout as ProtoLayout;
use crate::{Error, Spec, ir, locate};

pub use config::{DEFAULT_ZONE, load, parse};

/// Zone names that start with this go under `cfg/` in the [`Layout::Cfg`] layout.
pub const CFG_PREFIX: &str = "cfg_";

/// A checked zones file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneConfig {
    /// The file it was read from, for messages.
    pub file: PathBuf,
    /// Where operations that no rule takes go.
    pub default_zone: String,
    /// How zone folders are laid out.
    pub layout: Layout,
    /// The configured zones, in the file's order.
    pub zones: Vec<ZoneRule>,
    /// The `[proto]` table: options of the proto tree.
    pub proto: ProtoSettings,
    /// The `[python]` table: options of the Python packages.
    pub python: PythonSettings,
}

/// The `[python]` table of a zones file: what the Python packages' options are when the
/// Generator, the CLI or the macro does not say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PythonSettings {
    /// `env_prefix = "APP"`: every zone's `config.py` reads `APP_BASE_URL`… (the functions and
    /// class styles); a zone's own `env_prefix` wins.
    pub env_prefix: Option<String>,
}

/// The `[proto]` table of a zones file: what the proto tree's options are when the Generator,
/// the CLI or the macro does not say.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProtoSettings {
    /// `layout = "zone"` or `"versioned"`.
    pub layout: Option<ProtoLayout>,
    /// `http_annotations = true`: each rpc's `google.api.http` rule.
    pub http_annotations: Option<bool>,
    /// Put before each zone's folder in `go_package`.
    pub go_package_prefix: Option<String>,
    /// Put before each zone's package in `java_package`.
    pub java_package_prefix: Option<String>,
    /// Put before each zone's PascalCase package in `csharp_namespace`.
    pub csharp_namespace_prefix: Option<String>,
}

/// One zone's own proto file options (`go_package = "…"` beside its rule), replacing the ones
/// derived from the prefixes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ZoneProto {
    /// `go_package` (`import/path;name`).
    pub go_package: Option<String>,
    /// `java_package`.
    pub java_package: Option<String>,
    /// `csharp_namespace`.
    pub csharp_namespace: Option<String>,
}

/// How the zones' folders are laid out in each output folder (proto always uses `<zone>/`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Layout {
    /// django-cfg's: `cfg/<zone>/` for zones named `cfg_*`, `custom/<zone>/` for the others.
    Cfg,
    /// `<zone>/` for every zone.
    Flat,
}

/// One configured zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneRule {
    /// The zone's name (a lower-case identifier).
    pub name: String,
    /// Which operations it takes.
    pub rule: Rule,
    /// Where the zone is declared in the file.
    pub location: Option<Location>,
    /// Its own proto file options.
    pub proto: ZoneProto,
    /// Its own environment prefix (`env_prefix = "SUPPORT"` beside its rule), over every other.
    pub env_prefix: Option<String>,
}

/// Which operations a zone takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// Operations with any of these tags.
    Tags(Vec<String>),
    /// Operations whose path is one of these prefixes or below it (`/support` takes
    /// `/support/tickets`, not `/supporters`).
    Paths(Vec<String>),
    /// Operations with these ids.
    Operations(Vec<String>),
}

impl ZoneConfig {
    /// The folder of `zone` inside a Python or TypeScript output folder: `cfg/<zone>`,
    /// `custom/<zone>` or `<zone>`.
    pub fn folder(&self, zone: &str) -> String {
        match self.layout {
            Layout::Flat => zone.to_string(),
            Layout::Cfg if zone.starts_with(CFG_PREFIX) => format!("cfg/{zone}"),
            Layout::Cfg => format!("custom/{zone}"),
        }
    }

    /// Every zone name: the configured ones in order, then the default zone if not configured.
    fn names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.zones.iter().map(|z| z.name.as_str()).collect();
        if !names.contains(&self.default_zone.as_str()) {
            names.push(&self.default_zone);
        }
        names
    }
}

/// One zone of a split API.
#[derive(Debug, Clone, PartialEq)]
pub struct Zone {
    /// The zone's name.
    pub name: String,
    /// Its folder in a Python or TypeScript output folder (see [`ZoneConfig::folder`]).
    pub folder: String,
    /// Its operations and the types and security schemes they reach.
    pub api: ir::Api,
}

/// An API split into zones.
#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    /// The zones that have operations, in configuration order.
    pub zones: Vec<Zone>,
    /// What was left out: zones without operations, `operations` entries no operation has.
    pub warnings: Vec<Diagnostic>,
}

/// An operation that several zones take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// `GET /users/{id}`.
    pub operation: String,
    /// The operation's id.
    pub id: String,
    /// JSON pointer of the operation in the spec (`/paths/~1users~1{id}/get`).
    pub pointer: String,
    /// The zones that take it, in configuration order.
    pub zones: Vec<String>,
}

/// Splits `api` into the zones of `config`. Fails with every operation that more than one zone
/// takes.
pub fn split(api: &ir::Api, config: &ZoneConfig) -> Result<Split, Vec<Conflict>> {
    let assignment = assign::assign(api, config);
    if !assignment.conflicts.is_empty() {
        return Err(assignment
            .conflicts
            .into_iter()
            .map(|(index, zones)| {
                let operation = &api.operations[index];
                Conflict {
                    operation: format!("{} {}", operation.method.as_str(), operation.path),
                    id: operation.id.clone(),
                    pointer: format!(
                        "/paths/{}/{}",
                        locate::escape_segment(&operation.path),
                        operation.method.as_str().to_ascii_lowercase()
                    ),
                    zones,
                }
            })
            .collect());
    }
    let mut warnings = Vec::new();
    let warn = |zone: &str, message: String, help: &str| {
        let rule = config.zones.iter().find(|rule| rule.name == zone);
        Diagnostic {
            severity: Severity::Warning,
            file: config.file.clone(),
            pointer: format!("/zones/{zone}"),
            location: rule.and_then(|rule| rule.location),
            source_line: None,
            source_caret: None,
            message,
            help: Some(help.to_string()),
        }
    };
    for (zone, id) in &assignment.unknown_ids {
        warnings.push(warn(
            zone,
            format!("zone `{zone}` lists the operation `{id}`, which the spec does not have"),
            "check the operationId's spelling; the entry was ignored",
        ));
    }
    let mut zones = Vec::new();
    for name in config.names() {
        let operations: Vec<usize> = (0..api.operations.len())
            .filter(|&i| assignment.zone_of[i] == name)
            .collect();
        let configured = config.zones.iter().any(|zone| zone.name == name);
        if operations.is_empty() && !configured {
            // The default zone, unnamed in the file, had nothing left over: nothing to say.
            continue;
        }
        if operations.is_empty() {
            warnings.push(warn(
                name,
                format!("zone `{name}` has no operation, so no client was generated for it"),
                "check its rule against the spec's tags, paths and operationIds",
            ));
            continue;
        }
        zones.push(Zone {
            name: name.to_string(),
            folder: config.folder(name),
            api: prune::prune(api, &operations),
        });
    }
    Ok(Split { zones, warnings })
}

/// Splits `spec` into the zones of `config`; conflicts become one [`Error::Input`] listing each
/// operation, located in the spec, and the zones that take it.
pub fn split_spec(spec: &Spec, config: &ZoneConfig) -> Result<Split, Error> {
    split(&spec.api, config).map_err(|conflicts| conflict_error(&conflicts, spec, &config.file))
}

fn conflict_error(conflicts: &[Conflict], spec: &Spec, zones_file: &Path) -> Error {
    let file = spec
        .sources
        .first()
        .map_or_else(PathBuf::new, |source| source.path.clone());
    let mut diagnostics: Vec<Diagnostic> = conflicts
        .iter()
        .map(|conflict| Diagnostic {
            severity: Severity::Error,
            file: file.clone(),
            pointer: conflict.pointer.clone(),
            location: None,
            source_line: None,
            source_caret: None,
            message: format!(
                "the operation `{}` ({}) is in two zones: {}",
                conflict.operation,
                conflict.id,
                conflict
                    .zones
                    .iter()
                    .map(|zone| format!("`{zone}`"))
                    .collect::<Vec<_>>()
                    .join(" and ")
            ),
            help: Some(format!(
                "an operation belongs to one zone: change the rules in {} so that only one \
                 zone takes it",
                zones_file.display()
            )),
        })
        .collect();
    locate::fill_locations(&mut diagnostics, &spec.sources);
    let mut message: String = diagnostics.iter().map(|d| format!("{d}\n")).collect();
    message.push_str(&format!(
        "{} operation{} of the spec {} in more than one zone of {}; nothing was written",
        conflicts.len(),
        if conflicts.len() == 1 { "" } else { "s" },
        if conflicts.len() == 1 { "is" } else { "are" },
        zones_file.display()
    ));
    Error::Input(message)
}

#[cfg(test)]
mod tests;
