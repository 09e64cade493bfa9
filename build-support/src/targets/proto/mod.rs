//! The Protocol Buffers target: `messages.proto`, `service.proto`, README and `buf.yaml` per zone,
//! with field numbers kept stable by a lock file.
//!
//! The tree, for a zone `<zone>` (the whole API is one zone until zones exist):
//!
//! ```text
//! clientgen.proto.lock                 field and enum value numbers (the user commits it)
//! <zone>/buf.yaml                      buf v2 module at <zone>/: `buf lint` is clean
//! <zone>/README.md                     mapping rules and protoc commands
//! <zone>/api__<zone>/messages.proto    one message per object schema and union of objects, enums
//! <zone>/api__<zone>/service.proto     <Zone>Service: one rpc per operation, requests, responses
//! ```
//!
//! The package is `api__<zone>`, named after its folder so that imports
//! (`api__<zone>/messages.proto`, with `-I <zone>`) and buf's `PACKAGE_DIRECTORY_MATCH` agree.
//! In the versioned [`Layout`] it is `<zone>.v1` in `<zone>/v1/` instead, with one `buf.yaml`
//! at the top (the include path); with `google.api.http` rules, googleapis' two files and their
//! license go to `third-party/googleapis/` and the `buf.yaml` at the top is a workspace that
//! holds them as a module of their own (see [`options`]).
//! Names are decided in `names`, types in `types`, numbers in `lock`, file options and
//! HTTP rules in [`options`]; the templates lay out the head of each file, and [`print`] appends
//! the definitions.

mod escape;
mod lock;
mod messages;
mod names;
pub mod options;
mod print;
mod service;
mod types;

use serde::Serialize;

use self::lock::Lock;
use self::messages::Context;
use self::names::{Scope, Style};
pub use self::options::{FileOptions, Layout};
use self::options::{GOOGLEAPIS_DIR, Place};
use self::types::{Mapper, Uses};
use super::template;
use crate::tree::Tree;
use crate::{Error, ir};

/// The lock file's name, beside the output (`<proto dir>/clientgen.proto.lock`).
pub const LOCK_FILE: &str = "clientgen.proto.lock";

/// How enum values are named.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum EnumStyle {
    /// As on the wire, so that protobuf's JSON mapping reads the REST JSON (`"member"` is
    /// `member`): each enum sits in a message of its name (`Role.Value`), so that two enums'
    /// values cannot clash, and buf's `ENUM_VALUE_PREFIX` and `ENUM_VALUE_UPPER_SNAKE_CASE`
    /// are off. An enum whose values cannot all be proto names (`in-progress`, `""`) is a
    /// `string` field; integer enums keep prefixed names, their numbers being their values.
    #[default]
    Json,
    /// Top-level enums whose values are prefixed with the enum's name in UPPER_SNAKE_CASE
    /// (`ROLE_MEMBER`), as buf's STANDARD rules want; proto3 JSON then reads string enums
    /// only by those names, not the wire values.
    Prefixed,
}

/// Options of the proto target.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The spec's file name, for the generated header.
    pub spec_name: String,
    /// The zone name (the whole API is one zone until zones exist).
    pub zone: String,
    /// The lock file a previous run wrote, if any: the field and enum numbers to keep.
    pub previous_lock: Option<String>,
    /// How enum values are named.
    pub enum_style: EnumStyle,
    /// How the package is named and where the files go.
    pub layout: Layout,
    /// Whether each rpc carries its `google.api.http` rule (googleapis' files are then written
    /// to `third-party/googleapis/`).
    pub http_annotations: bool,
    /// `go_package`, `java_package` and `csharp_namespace` prefixes or values.
    pub file_options: FileOptions,
}

impl Options {
    /// Options with the defaults for the zone `zone` of the spec `spec_name`.
    pub fn new(spec_name: impl Into<String>, zone: impl Into<String>) -> Options {
        Options {
            spec_name: spec_name.into(),
            zone: zone.into(),
            previous_lock: None,
            enum_style: EnumStyle::default(),
            layout: Layout::default(),
            http_annotations: false,
            file_options: FileOptions::default(),
        }
    }

    /// Whether the `buf.yaml` goes at the top of the proto folder (a workspace, or the versioned
    /// layout's one module) rather than in the zone's folder.
    fn buf_yaml_at_top(&self) -> bool {
        self.layout == Layout::Versioned || self.http_annotations
    }
}

/// Emits the proto tree for `api`, including the updated lock file at [`LOCK_FILE`].
///
/// Fails with [`Error::Input`] when `previous_lock` is not a lock file this version reads (the
/// user is told to restore it: it is never silently replaced).
pub fn emit(api: &ir::Api, options: &Options) -> Result<Tree, Error> {
    // One message serves both directions: proto3 fields are all optional, so a request sets
    // what it sends and leaves the read-only fields unset.
    let api = &*api.with_request_shapes_folded();
    let mut lock = Lock::parse(options.previous_lock.as_deref())?;
    // Casing and comments first, on two threads: they need no claimed name.
    let mut prepared_types = messages::prepare(api, options.enum_style);
    let mut prepared_rpcs = service::prepare(api);
    let zone = names::zone_name(&options.zone);
    let place = Place::new(&zone, options.layout);
    let package = place.package.clone();
    let mut scope = Scope::with_reserved(Style::Pascal, names::GENERATED_TYPE_NAMES);
    let service_name = scope.claim(format!("{}Service", names::pascal_name(&zone, "Api")));
    let rpc_names = service::rpc_names(&mut prepared_rpcs, &mut scope);
    let type_names = messages::type_names(&mut prepared_types, &mut scope);
    let (spellings, notes) = messages::spellings(api, &prepared_types, &type_names);
    let mapper = Mapper::new(api, &spellings);
    let context = Context {
        api,
        type_names: &type_names,
        mapper: &mapper,
        notes: &notes,
        style: options.enum_style,
        legacy: lock.legacy(),
    };

    let mut values = Scope::new(Style::Value);
    let mut messages_uses = Uses::default();
    let mut service_uses = Uses::default();
    let zone_lock = lock.zone(&zone);
    let mut definitions =
        messages::definitions(&context, prepared_types, &mut values, &mut messages_uses);
    // The service is worked out on another thread while the schemas' definitions are numbered
    // here (the lock's memory is freed on this thread, and freeing another thread's memory is
    // slow); then the service's messages are numbered.
    let (numbered, view) = std::thread::scope(|threads| {
        let view = threads.spawn(|| {
            service::view(
                &context,
                prepared_rpcs,
                &rpc_names,
                options.http_annotations,
                &mut service_uses,
            )
        });
        let numbered = definitions
            .iter_mut()
            .try_for_each(|definition| definition.number(zone_lock));
        let view = view
            .join()
            .map_err(|_| Error::Internal("the service view panicked".to_string()));
        (numbered, view)
    });
    numbered?;
    let (rpcs, mut service_messages) = view?;
    for message in &mut service_messages {
        message.number(zone_lock)?;
    }

    let env = template::environment(clientgen_templates::proto::TEMPLATES);
    let header = format!(
        "generated by clientgen from {}; do not edit",
        escape::comment(&options.spec_name)
    );
    let messages_file = format!("{}/messages.proto", place.import_dir);
    let common = Common {
        header: &header,
        package: &package,
        zone: &zone,
        service: &service_name,
        title: escape::comment(&api.title),
        version: escape::markdown_code(&api.version),
        json_enums: options.enum_style == EnumStyle::Json,
        versioned: options.layout == Layout::Versioned,
        http: options.http_annotations,
    };
    let head = |name: &str, uses: Uses, local: Option<&str>| {
        let view = HeadView {
            common: &common,
            imports: imports(uses, local),
            options: option_views(&options.file_options, &place, name),
        };
        template::render(&env, name, view)
    };
    // Once every number is given, the three big texts are independent: written side by side.
    let (messages_proto, lock_text, service_proto, readme) = std::thread::scope(|threads| {
        let messages = threads.spawn(|| {
            let mut text = head("messages.proto", messages_uses, None)?;
            print::definitions(&mut text, &definitions);
            Ok::<_, Error>(text)
        });
        let lock_text = threads.spawn(|| lock.to_text());
        let readme = template::render(
            &env,
            "README.md",
            readme_view(&common, options, &place, &rpcs),
        );
        let service = head("service.proto", service_uses, Some(&messages_file)).map(|mut text| {
            print::service_body(&mut text, &rpcs);
            print::messages(&mut text, &service_messages);
            text
        });
        let joined = |name: &str| Error::Internal(format!("writing {name} panicked"));
        (
            messages
                .join()
                .unwrap_or_else(|_| Err(joined("messages.proto"))),
            lock_text.join().map_err(|_| joined(LOCK_FILE)),
            service,
            readme,
        )
    });
    let mut tree = Tree::new();
    tree.generated(format!("{}/messages.proto", place.dir), messages_proto?);
    tree.generated(format!("{}/service.proto", place.dir), service_proto?);
    tree.generated(format!("{}/README.md", place.folder), readme?);
    if options.buf_yaml_at_top() {
        tree.generated("buf.yaml", buf_yaml(&[zone.as_str()], options)?);
    } else {
        tree.generated(
            format!("{}/buf.yaml", place.folder),
            template::render(&env, "buf.yaml", BufView::module(&common))?,
        );
    }
    if options.http_annotations {
        for (path, contents) in options::googleapis_files() {
            tree.generated(path, contents);
        }
    }
    tree.generated(LOCK_FILE, lock_text?);
    Ok(tree)
}

/// The `buf.yaml` at the top of the proto folder, for the zones `zones` (in order): in the zone
/// layout one buf v2 workspace with a module per zone (the zones' own `buf.yaml` files must then
/// be left out: buf refuses a module folder holding one); in the versioned layout one module
/// rooted there. With `google.api.http` rules, googleapis' files are a module of their own,
/// which lint leaves alone. The rules are those a zone's own `buf.yaml` has.
pub fn buf_yaml(zones: &[&str], options: &Options) -> Result<String, Error> {
    let env = template::environment(clientgen_templates::proto::TEMPLATES);
    let header = format!(
        "generated by clientgen from {}; do not edit",
        escape::comment(&options.spec_name)
    );
    let common = Common {
        header: &header,
        package: "api__<zone>",
        zone: "",
        service: "",
        title: String::new(),
        version: String::new(),
        json_enums: options.enum_style == EnumStyle::Json,
        versioned: options.layout == Layout::Versioned,
        http: options.http_annotations,
    };
    let mut modules: Vec<ModuleView> = match options.layout {
        Layout::Zone => zones
            .iter()
            .map(|zone| ModuleView {
                path: names::zone_name(zone),
                excludes: None,
            })
            .collect(),
        // One module at the top; only googleapis' module needs naming beside it.
        Layout::Versioned if options.http_annotations => vec![ModuleView {
            path: ".".to_string(),
            excludes: GOOGLEAPIS_DIR.split('/').next().map(str::to_string),
        }],
        Layout::Versioned => Vec::new(),
    };
    if options.http_annotations {
        modules.push(ModuleView {
            path: GOOGLEAPIS_DIR.to_string(),
            excludes: None,
        });
    }
    let view = BufView {
        common: &common,
        modules,
        googleapis: options.http_annotations.then_some(GOOGLEAPIS_DIR),
    };
    template::render(&env, "buf.yaml", view)
}

/// Values every file of the zone uses.
#[derive(Debug, Serialize)]
struct Common<'a> {
    header: &'a str,
    package: &'a str,
    zone: &'a str,
    service: &'a str,
    title: String,
    version: String,
    /// Enums in the JSON style ([`EnumStyle::Json`]).
    json_enums: bool,
    /// The versioned layout ([`Layout::Versioned`]).
    versioned: bool,
    /// `google.api.http` rules.
    http: bool,
}

/// A `buf.yaml`: a module rooted at its folder (no `modules`), or a workspace of `modules`.
#[derive(Serialize)]
struct BufView<'a> {
    #[serde(flatten)]
    common: &'a Common<'a>,
    modules: Vec<ModuleView>,
    /// The folder of googleapis' files, which lint leaves alone.
    googleapis: Option<&'static str>,
}

impl<'a> BufView<'a> {
    /// The `buf.yaml` of a module rooted at the zone's folder.
    fn module(common: &'a Common<'a>) -> Self {
        BufView {
            common,
            modules: Vec::new(),
            googleapis: None,
        }
    }
}

/// One module of a buf workspace.
#[derive(Serialize)]
struct ModuleView {
    path: String,
    /// A folder inside it that belongs to another module.
    excludes: Option<String>,
}

/// One `option name = value;` line of a `.proto` file's head.
#[derive(Serialize)]
struct OptionView {
    name: &'static str,
    value: String,
}

/// The head of a `.proto` file; [`print`] appends the definitions.
#[derive(Serialize)]
struct HeadView<'a> {
    #[serde(flatten)]
    common: &'a Common<'a>,
    imports: Vec<String>,
    options: Vec<OptionView>,
}

#[derive(Serialize)]
struct ReadmeView<'a> {
    #[serde(flatten)]
    common: &'a Common<'a>,
    spec_name: String,
    /// The folder of the `.proto` files in import paths (`api__shop`, `shop/v1`).
    import_dir: &'a str,
    /// The folder of the `.proto` files, from the README's (`api__shop`, `v1`).
    local_dir: &'a str,
    /// Where the commands run: `this folder` or the proto folder.
    run_in: &'static str,
    /// The `-I` flags from there.
    includes: String,
    /// The two `.proto` files, as the commands name them.
    files: String,
    /// The Python module of the stubs (`api__shop`, `shop.v1`).
    python_module: String,
    /// The googleapis folder, from where the commands run.
    googleapis: String,
    /// `go_package`'s value.
    go_package: String,
    rpcs: Vec<RpcRow>,
}

#[derive(Serialize)]
struct RpcRow {
    name: String,
    method: &'static str,
    path: String,
}

/// The files a `.proto` file imports, sorted by path as `buf format` sorts them: the zone's
/// messages (when `local` is given and used) and the well-known types it uses.
fn imports(uses: Uses, local: Option<&str>) -> Vec<String> {
    let mut imports = Vec::new();
    if let Some(local) = local.filter(|_| uses.local) {
        imports.push(local.to_string());
    }
    if uses.http {
        imports.push("google/api/annotations.proto".to_string());
    }
    if uses.structs {
        imports.push("google/protobuf/struct.proto".to_string());
    }
    if uses.timestamp {
        imports.push("google/protobuf/timestamp.proto".to_string());
    }
    imports.sort_unstable();
    imports
}

/// The `option` lines of the file `file` (`messages.proto` or `service.proto`).
fn option_views(options: &FileOptions, place: &Place, file: &str) -> Vec<OptionView> {
    let stem = file.strip_suffix(".proto").unwrap_or(file);
    options
        .lines(place, stem)
        .into_iter()
        .map(|(name, value)| OptionView { name, value })
        .collect()
}

fn readme_view<'a>(
    common: &'a Common<'a>,
    options: &Options,
    place: &'a Place,
    rpcs: &[service::Rpc],
) -> ReadmeView<'a> {
    let go_package = options
        .file_options
        .lines(place, "messages")
        .into_iter()
        .find(|(name, _)| *name == "go_package")
        .map(|(_, value)| value.trim_matches('"').to_string())
        .unwrap_or_default();
    let googleapis = if place.include == "." {
        format!("../{GOOGLEAPIS_DIR}")
    } else {
        GOOGLEAPIS_DIR.to_string()
    };
    ReadmeView {
        common,
        spec_name: escape::markdown_code(&options.spec_name),
        import_dir: &place.import_dir,
        local_dir: place
            .dir
            .split_once('/')
            .map_or(&place.dir, |(_, local)| local),
        run_in: if place.include == "." {
            "this folder"
        } else {
            "the proto folder (`..`)"
        },
        includes: if options.http_annotations {
            format!("-I . -I {googleapis}")
        } else {
            "-I .".to_string()
        },
        files: format!(
            "{dir}/messages.proto {dir}/service.proto",
            dir = place.import_dir
        ),
        python_module: place.import_dir.replace('/', "."),
        googleapis,
        go_package: escape::markdown_code(&go_package),
        rpcs: rpcs
            .iter()
            .map(|rpc| RpcRow {
                name: rpc.name.clone(),
                method: rpc.method,
                path: escape::markdown_code(&rpc.path),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Spec;

    #[test]
    fn enum_renamed_by_a_collision_names_its_values_after_the_new_name() {
        let text = r#"{
          "openapi": "3.0.3",
          "info": {"title": "t", "version": "1"},
          "paths": {},
          "components": {"schemas": {
            "Color": {"type": "object", "properties": {"hex": {"type": "string"}}},
            "color": {"type": "string", "enum": ["red", "dark-blue"]}
          }}
        }"#;
        let spec = Spec::from_text("spec.json", text.to_string()).unwrap_or_else(|e| panic!("{e}"));
        let options = Options {
            enum_style: EnumStyle::Prefixed,
            ..Options::new("spec.json", "z")
        };
        let tree = emit(&spec.api, &options).unwrap_or_else(|e| panic!("{e}"));
        let messages = &tree
            .get("z/api__z/messages.proto")
            .expect("messages.proto")
            .contents;
        assert!(messages.contains("message Color {"), "{messages}");
        assert!(
            messages.contains(
                "enum Color2 {\n  COLOR2_UNSPECIFIED = 0;\n  COLOR2_RED = 1; // \"red\"\n  \
                 COLOR2_DARK_BLUE = 2; // \"dark-blue\"\n}"
            ),
            "{messages}"
        );
    }

    /// The messages.proto of `schemas` in the default (JSON) style.
    fn messages_of(schemas: &str) -> String {
        let text = format!(
            r#"{{"openapi": "3.0.3", "info": {{"title": "t", "version": "1"}}, "paths": {{}},
               "components": {{"schemas": {schemas}}}}}"#
        );
        let spec = Spec::from_text("spec.json", text).unwrap_or_else(|e| panic!("{e}"));
        let options = Options::new("spec.json", "z");
        let tree = emit(&spec.api, &options).unwrap_or_else(|e| panic!("{e}"));
        tree.get("z/api__z/messages.proto")
            .expect("messages.proto")
            .contents
            .clone()
    }

    #[test]
    fn two_enums_sharing_a_wire_value_each_spell_it_in_their_own_message() {
        let messages = messages_of(
            r##"{"Status": {"type": "string", "enum": ["open", "closed"]},
                "Filter": {"type": "string", "enum": ["open", "all"]}}"##,
        );
        assert!(
            messages.contains(
                "message Status {\n  enum Value {\n    STATUS_UNSPECIFIED = 0;\n    \
                 open = 1; // \"open\"\n    closed = 2; // \"closed\"\n  }\n}"
            ),
            "{messages}"
        );
        assert!(
            messages.contains("    open = 1; // \"open\"\n    all = 2;"),
            "{messages}"
        );
    }

    #[test]
    fn list_of_string_or_integer_is_a_repeated_value() {
        let messages = messages_of(
            r##"{"ValidationError": {"type": "object", "required": ["loc"], "properties": {
                "loc": {"type": "array", "items": {"anyOf": [{"type": "string"}, {"type": "integer"}]}}
            }}}"##,
        );
        assert!(
            messages.contains("repeated google.protobuf.Value loc = 1;"),
            "{messages}"
        );
        assert!(!messages.contains("oneof"), "{messages}");
    }

    #[test]
    fn unions_are_merged_objects_a_shared_scalar_or_a_value() {
        let messages = messages_of(
            r##"{"A": {"type": "object", "required": ["x"], "properties": {"x": {"type": "string"}}},
                "B": {"type": "object", "required": ["x"], "properties": {"x": {"type": "integer"}, "y": {"type": "string"}}},
                "AB": {"oneOf": [{"$ref": "#/components/schemas/A"}, {"$ref": "#/components/schemas/B"}]},
                "Holder": {"type": "object", "properties": {
                    "ab": {"$ref": "#/components/schemas/AB"},
                    "text": {"oneOf": [{"type": "string"}, {"type": "string", "enum": ["x-y"]}]},
                    "number": {"anyOf": [{"type": "integer"}, {"type": "number"}]},
                    "mixed": {"oneOf": [{"type": "string"}, {"$ref": "#/components/schemas/A"}]},
                    "grid": {"type": "array", "items": {"type": "array", "items": {"type": "integer"}}},
                    "maybe": {"type": "array", "items": {"type": "string", "nullable": true}}
                }}}"##,
        );
        // `x` is a string in A and an integer in B: a Value; `y` only in B: not required.
        assert!(
            messages.contains(
                "message AB {\n  google.protobuf.Value x = 1;\n  optional string y = 2;\n}"
            ),
            "{messages}"
        );
        for field in [
            "AB ab = 1;",
            "optional string text = 2;",
            "optional double number = 3;",
            "google.protobuf.Value mixed = 4;",
            "repeated google.protobuf.ListValue grid = 5;",
            "repeated google.protobuf.Value maybe = 6;",
        ] {
            assert!(messages.contains(field), "{field} in {messages}");
        }
    }

    #[test]
    fn keyword_fields_keep_their_names_and_json_names_carry_the_wire() {
        let messages = messages_of(
            r##"{"Message": {"type": "object", "properties": {
                "message": {"type": "string"}, "userId": {"type": "string"},
                "created_at": {"type": "string"}, "_id": {"type": "string"}, "id": {"type": "string"}
            }}}"##,
        );
        for field in [
            "optional string message = 1;",
            "optional string user_id = 2 [json_name = \"userId\"]; // \"userId\"",
            "optional string created_at = 3 [json_name = \"created_at\"];",
            // A field `id` for "_id" would make the oneof `_id` that its optional field has
            // clash with its JSON name; and "id" itself, optional, may not have the oneof `_id`
            // either: both give way.
            "optional string id_2 = 4 [json_name = \"_id\"]; // \"_id\"",
            "optional string id_3 = 5 [json_name = \"id\"]; // \"id\"",
        ] {
            assert!(messages.contains(field), "{field} in {messages}");
        }
    }
}
