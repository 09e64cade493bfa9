use std::path::Path;

use super::*;
use crate::Spec;

fn config(text: &str) -> ZoneConfig {
    parse(Path::new("zones.toml"), text).unwrap_or_else(|e| panic!("zones file refused: {e}"))
}

fn refused(text: &str) -> String {
    match parse(Path::new("zones.toml"), text) {
        Ok(config) => panic!("zones file accepted: {config:?}"),
        Err(error) => error.to_string(),
    }
}

/// Operations: `listUsers` (GET /users, tag users), `getUser` (GET /users/{id}, tag users),
/// `adminStats` (GET /admin/stats, tags admin and users), `health` (GET /health). Types: `User`
/// (refers to `Team`), `Team` (refers to itself), `Stats`, `Unused`.
fn spec() -> Spec {
    let text = r##"{
      "openapi": "3.0.3",
      "info": {"title": "Zoned", "version": "1"},
      "paths": {
        "/users": {"get": {"operationId": "listUsers", "tags": ["users"],
          "responses": {"200": {"description": "ok", "content": {"application/json":
            {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/User"}}}}}}}},
        "/users/{id}": {"get": {"operationId": "getUser", "tags": ["users"],
          "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
          "responses": {"200": {"description": "ok", "content": {"application/json":
            {"schema": {"$ref": "#/components/schemas/User"}}}}}}},
        "/admin/stats": {"get": {"operationId": "adminStats", "tags": ["admin", "users"],
          "security": [{"bearer": []}],
          "responses": {"200": {"description": "ok", "content": {"application/json":
            {"schema": {"$ref": "#/components/schemas/Stats"}}}}}}},
        "/health": {"get": {"operationId": "health",
          "responses": {"200": {"description": "ok"}}}}
      },
      "components": {
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        "schemas": {
          "User": {"type": "object", "properties": {"team": {"$ref": "#/components/schemas/Team"}}},
          "Team": {"type": "object", "properties": {
            "parent": {"$ref": "#/components/schemas/Team"}, "name": {"type": "string"}}},
          "Stats": {"type": "object", "properties": {"count": {"type": "integer"}}},
          "Unused": {"type": "object", "properties": {"x": {"type": "string"}}}
        }
      }
    }"##;
    Spec::from_text("spec.json", text.to_string()).unwrap_or_else(|e| panic!("{e}"))
}

fn type_names(api: &ir::Api) -> Vec<&str> {
    api.types.iter().map(|def| def.name.as_str()).collect()
}

fn operation_ids(zone: &Zone) -> Vec<&str> {
    zone.api
        .operations
        .iter()
        .map(|op| op.id.as_str())
        .collect()
}

#[test]
fn each_rule_kind_is_read_in_file_order() {
    let config = config(
        "default_zone = \"public\"\n\
         [zones.cfg_support]\npaths = [\"/support\"]\n\
         [zones.admin]\ntags = [\"admin\"]\n\
         [zones.public]\noperations = [\"health\"]\n",
    );
    assert_eq!(config.default_zone, "public");
    let rules: Vec<_> = config.zones.iter().map(|z| (&*z.name, &z.rule)).collect();
    assert_eq!(
        rules,
        [
            ("cfg_support", &Rule::Paths(vec!["/support".into()])),
            ("admin", &Rule::Tags(vec!["admin".into()])),
            ("public", &Rule::Operations(vec!["health".into()])),
        ]
    );
    assert_eq!(config.zones[1].location.map(|l| l.line), Some(4));
}

#[test]
fn default_zone_is_named_default_when_absent() {
    let config = config("[zones.admin]\ntags = [\"admin\"]\n");
    assert_eq!(config.default_zone, DEFAULT_ZONE);
    assert_eq!(config.default_zone, "default");
}

#[test]
fn layout_is_cfg_when_a_zone_name_starts_with_cfg() {
    let cfg = config("[zones.cfg_support]\ntags = [\"support\"]\n");
    assert_eq!(cfg.layout, Layout::Cfg);
    assert_eq!(cfg.folder("cfg_support"), "cfg/cfg_support");
    assert_eq!(cfg.folder("default"), "custom/default");
    let flat = config("[zones.admin]\ntags = [\"admin\"]\n");
    assert_eq!(flat.layout, Layout::Flat);
    assert_eq!(flat.folder("admin"), "admin");
    let chosen = config("layout = \"flat\"\n[zones.cfg_support]\ntags = [\"support\"]\n");
    assert_eq!(chosen.folder("cfg_support"), "cfg_support");
}

#[test]
fn unknown_key_is_refused_with_its_line() {
    let message = refused("[zones.admin]\ntags = [\"admin\"]\nprefix = [\"/admin\"]\n");
    assert!(message.contains("unknown field `prefix`"), "{message}");
    assert!(message.contains("zones.toml:3:1"), "{message}");
    assert!(message.contains("nothing was written"), "{message}");
}

#[test]
fn proto_table_and_zone_proto_options_are_read() {
    let config = config(
        "[proto]\nlayout = \"versioned\"\nhttp_annotations = true\n\
         go_package_prefix = \"example.com/app/gen/go\"\njava_package_prefix = \"com.example\"\n\
         csharp_namespace_prefix = \"Example\"\n\
         [zones.admin]\ntags = [\"admin\"]\ngo_package = \"example.com/admin;adminpb\"\n\
         java_package = \"com.example.admin\"\ncsharp_namespace = \"Example.Admin\"\n",
    );
    assert_eq!(
        config.proto,
        ProtoSettings {
            layout: Some(ProtoLayout::Versioned),
            http_annotations: Some(true),
            go_package_prefix: Some("example.com/app/gen/go".to_string()),
            java_package_prefix: Some("com.example".to_string()),
            csharp_namespace_prefix: Some("Example".to_string()),
        }
    );
    assert_eq!(
        config.zones[0].proto,
        ZoneProto {
            go_package: Some("example.com/admin;adminpb".to_string()),
            java_package: Some("com.example.admin".to_string()),
            csharp_namespace: Some("Example.Admin".to_string()),
        }
    );
    let message = refused("[proto]\nlayout = \"nested\"\n");
    assert!(
        message.contains("`zone`") && message.contains("`versioned`"),
        "{message}"
    );
    let message = refused("[proto]\ngo_prefix = \"x\"\n");
    assert!(message.contains("unknown field `go_prefix`"), "{message}");
}

#[test]
fn bad_layout_is_refused_naming_the_choices() {
    let message = refused("layout = \"nested\"\n");
    assert!(
        message.contains("`cfg`") && message.contains("`flat`"),
        "{message}"
    );
    assert!(message.contains("zones.toml:1:"), "{message}");
}

#[test]
fn zone_needs_exactly_one_rule_and_a_valid_name() {
    let message = refused(
        "[zones.both]\ntags = [\"a\"]\npaths = [\"/a\"]\n\
         [zones.none]\n\
         [zones.Bad-Name]\ntags = [\"b\"]\n\
         [zones.class]\ntags = [\"c\"]\n",
    );
    assert!(message.contains("zone `both` has 2 rules"), "{message}");
    assert!(message.contains("zone `none` has no rule"), "{message}");
    assert!(
        message.contains("`Bad-Name` is not a valid zone name"),
        "{message}"
    );
    assert!(
        message.contains("`class` is not a valid zone name"),
        "{message}"
    );
    assert!(message.contains("has 4 errors"), "{message}");
}

#[test]
fn operations_go_to_the_zones_their_rules_name() {
    let config = config(
        "default_zone = \"public\"\n\
         [zones.cfg_users]\npaths = [\"/users\"]\n\
         [zones.admin]\noperations = [\"adminStats\"]\n",
    );
    let split = split(&spec().api, &config).unwrap_or_else(|c| panic!("{c:?}"));
    let zones: Vec<_> = split
        .zones
        .iter()
        .map(|z| (z.name.as_str(), z.folder.as_str(), operation_ids(z)))
        .collect();
    assert_eq!(
        zones,
        [
            ("cfg_users", "cfg/cfg_users", vec!["listUsers", "getUser"]),
            ("admin", "custom/admin", vec!["adminStats"]),
            ("public", "custom/public", vec!["health"]),
        ]
    );
    assert!(split.warnings.is_empty(), "{:?}", split.warnings);
}

#[test]
fn operation_in_two_zones_is_an_error_naming_both() {
    let config = config(
        "[zones.users]\ntags = [\"users\"]\n\
         [zones.admin]\npaths = [\"/admin\"]\n",
    );
    let spec = spec();
    let conflicts = split(&spec.api, &config).err().unwrap_or_default();
    assert_eq!(
        conflicts,
        [Conflict {
            operation: "GET /admin/stats".into(),
            id: "adminStats".into(),
            pointer: "/paths/~1admin~1stats/get".into(),
            zones: vec!["users".into(), "admin".into()],
        }]
    );
    let message = split_spec(&spec, &config)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        message.contains("is in two zones: `users` and `admin`"),
        "{message}"
    );
    assert!(message.contains("spec.json:"), "{message}");
}

#[test]
fn zone_without_operations_is_a_warning_and_left_out() {
    let config = config("[zones.billing]\ntags = [\"billing\"]\n");
    let split = split(&spec().api, &config).unwrap_or_else(|c| panic!("{c:?}"));
    let names: Vec<_> = split.zones.iter().map(|z| z.name.as_str()).collect();
    assert_eq!(names, ["default"]);
    assert_eq!(split.warnings.len(), 1);
    assert!(
        split.warnings[0]
            .message
            .contains("zone `billing` has no operation")
    );
}

#[test]
fn zone_holds_only_the_types_its_operations_reach() {
    let config = config(
        "[zones.admin]\ntags = [\"admin\"]\n[zones.public]\noperations = [\"health\"]\n\
         [zones.users]\noperations = [\"listUsers\", \"getUser\"]\n",
    );
    let split = split(&spec().api, &config).unwrap_or_else(|c| panic!("{c:?}"));
    let by_name = |name: &str| {
        split
            .zones
            .iter()
            .find(|z| z.name == name)
            .unwrap_or_else(|| panic!("no zone {name}"))
    };
    let admin = by_name("admin");
    assert_eq!(type_names(&admin.api), ["Stats"]);
    assert_eq!(admin.api.security_schemes.len(), 1);
    assert!(type_names(&by_name("public").api).is_empty());
    assert!(by_name("public").api.security_schemes.is_empty());
    // The self-referencing Team survives, its reference renumbered to its new id.
    let users = &by_name("users").api;
    assert_eq!(type_names(users), ["User", "Team"]);
    let ir::TypeKind::Struct(team) = &users.types[1].kind else {
        panic!("Team is not a struct");
    };
    assert_eq!(team.fields[0].ty.named(), Some(ir::TypeId(1)));
    let ir::TypeKind::Struct(user) = &users.types[0].kind else {
        panic!("User is not a struct");
    };
    assert_eq!(user.fields[0].ty.named(), Some(ir::TypeId(1)));
}

#[test]
fn unknown_operation_id_is_a_warning() {
    let config = config("[zones.public]\noperations = [\"helth\"]\n");
    let split = split(&spec().api, &config).unwrap_or_else(|c| panic!("{c:?}"));
    assert!(
        split
            .warnings
            .iter()
            .any(|w| w.message.contains("`helth`, which the spec does not have"))
    );
}

#[test]
fn zone_that_only_sends_a_request_shape_keeps_the_type_it_was_made_from() {
    let text = r##"{
      "openapi": "3.0.3",
      "info": {"title": "Shapes", "version": "1"},
      "paths": {
        "/notes": {"post": {"operationId": "createNote", "tags": ["notes"],
          "requestBody": {"content": {"application/json":
            {"schema": {"$ref": "#/components/schemas/Note"}}}},
          "responses": {"204": {"description": "made"}}}},
        "/other": {"get": {"operationId": "other", "tags": ["other"],
          "responses": {"200": {"description": "ok", "content": {"application/json":
            {"schema": {"$ref": "#/components/schemas/Other"}}}}}}}
      },
      "components": {"schemas": {
        "Other": {"type": "object", "properties": {"x": {"type": "string"}}},
        "Note": {"type": "object", "properties": {
          "id": {"type": "integer", "readOnly": true}, "text": {"type": "string"}}}
      }}
    }"##;
    let spec = Spec::from_text("shapes.json", text.to_string()).unwrap_or_else(|e| panic!("{e}"));
    let config = config("[zones.notes]\ntags = [\"notes\"]\n[zones.other]\ntags = [\"other\"]\n");
    let split = split(&spec.api, &config).unwrap_or_else(|c| panic!("{c:?}"));
    let notes = &split.zones.iter().find(|z| z.name == "notes").unwrap().api;
    assert_eq!(type_names(notes), ["Note", "NoteRequest"]);
    assert_eq!(
        notes.types[1].origin,
        ir::TypeOrigin::RequestShape { of: ir::TypeId(0) }
    );
    let folded = notes.with_request_shapes_folded();
    assert_eq!(type_names(&folded), ["Note"]);
}

#[test]
fn the_python_table_and_a_zone_set_environment_prefixes() {
    let config = config(
        "[python]\nenv_prefix = \"APP\"\n[zones.admin]\ntags = [\"admin\"]\nenv_prefix = \"ADMIN\"\n",
    );
    assert_eq!(config.python.env_prefix.as_deref(), Some("APP"));
    assert_eq!(config.zones[0].env_prefix.as_deref(), Some("ADMIN"));
    let message = refused("[python]\nenv_prefix = \"MY-APP\"\n");
    assert!(message.contains("zones.toml:2:"), "{message}");
    assert!(message.contains("`MY-APP`"), "{message}");
    let message = refused("[zones.admin]\ntags = [\"admin\"]\nenv_prefix = \"1X\"\n");
    assert!(message.contains("zone `admin`"), "{message}");
}
