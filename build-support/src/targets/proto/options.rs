//! What the proto tree tells real toolchains beyond the messages: where each zone's files go
//! ([`Layout`], [`Place`]), the file options of protoc's language plugins ([`FileOptions`]:
//! `go_package`, `java_package`, `java_multiple_files`, `java_outer_classname`,
//! `csharp_namespace`), and the `google.api.http` rule that maps an rpc to its REST route
//! ([`http_rule`]).

use super::names;

/// Where the vendored googleapis files go in the proto tree (`-I third-party/googleapis`): a
/// name no zone can have (zone names have no `-`).
pub const GOOGLEAPIS_DIR: &str = "third-party/googleapis";

/// googleapis' `google/api/annotations.proto` and `google/api/http.proto` and their license, as
/// `(path in the tree, contents)`.
pub fn googleapis_files() -> [(String, &'static str); 3] {
    let proto = clientgen_templates::proto::GOOGLEAPIS;
    [
        (
            format!("{GOOGLEAPIS_DIR}/google/api/annotations.proto"),
            proto.annotations,
        ),
        (
            format!("{GOOGLEAPIS_DIR}/google/api/http.proto"),
            proto.http,
        ),
        (format!("{GOOGLEAPIS_DIR}/LICENSE"), proto.license),
    ]
}

/// How a zone's package is named and where its files go.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Layout {
    /// Package `api__<zone>` in `<zone>/api__<zone>/`, each zone a buf module rooted at
    /// `<zone>/` (the include path): buf's `PACKAGE_LOWER_SNAKE_CASE` (the double underscore)
    /// and `PACKAGE_VERSION_SUFFIX` are off in its `buf.yaml`.
    #[default]
    Zone,
    /// Package `<zone>.v1` in `<zone>/v1/`, one buf module rooted at the proto folder (the
    /// include path) for every zone: every buf STANDARD package rule holds.
    Versioned,
}

/// Where one zone's files go under a [`Layout`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The zone's folder in the proto tree, holding its README (the zone's name; in the
    /// versioned layout `<name>_api` for a Python keyword).
    pub folder: String,
    /// The proto package (`api__shop`, `shop.v1`).
    pub package: String,
    /// The folder of the `.proto` files in the proto tree (`shop/api__shop`, `shop/v1`).
    pub dir: String,
    /// The folder of the `.proto` files in import paths, below the include path (`api__shop`,
    /// `shop/v1`).
    pub import_dir: String,
    /// The include path, from the zone's folder (`.` or `..`).
    pub include: &'static str,
}

impl Place {
    /// The place of `zone` (a lower_snake_case zone name) under `layout`.
    pub fn new(zone: &str, layout: Layout) -> Place {
        match layout {
            Layout::Zone => {
                let package = names::package_name(zone);
                Place {
                    folder: zone.to_string(),
                    dir: format!("{zone}/{package}"),
                    import_dir: package.clone(),
                    package,
                    include: ".",
                }
            }
            Layout::Versioned => {
                let folder = names::versioned_zone_folder(zone);
                Place {
                    package: names::versioned_package_name(&folder),
                    dir: format!("{folder}/v1"),
                    import_dir: format!("{folder}/v1"),
                    folder,
                    include: "..",
                }
            }
        }
    }
}

/// The language options every `.proto` file carries. Each has a default worked out from the
/// package, so that protoc's plugins need no flags: what the user gives replaces a prefix (for
/// every zone) or, from a zones file, a zone's whole value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileOptions {
    /// Put before the `.proto` files' folder in `go_package`'s import path
    /// (`github.com/acme/shop/gen/go` → `github.com/acme/shop/gen/go/shop/v1;shopv1`). Without
    /// it the import path is the folder itself (`shop/v1`), which protoc-gen-go accepts.
    pub go_package_prefix: Option<String>,
    /// Put before the package in `java_package` (default `com`: `com.shop.v1`).
    pub java_package_prefix: Option<String>,
    /// Put before the PascalCase package in `csharp_namespace` (default none: `Shop.V1`).
    pub csharp_namespace_prefix: Option<String>,
    /// The zone's whole `go_package` (`import/path;name`), replacing the derived one.
    pub go_package: Option<String>,
    /// The zone's whole `java_package`.
    pub java_package: Option<String>,
    /// The zone's whole `csharp_namespace`.
    pub csharp_namespace: Option<String>,
}

/// The `java_package` prefix when none is given (buf's managed mode uses the same).
pub const DEFAULT_JAVA_PACKAGE_PREFIX: &str = "com";

impl FileOptions {
    /// Every problem with the values given, each naming its option (`go_package_prefix`,
    /// `go_package`, …) and saying what is wanted; empty when all are usable.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut check =
            |name: &str, value: &Option<String>, checker: fn(&str) -> Option<String>| {
                if let Some(problem) = value.as_deref().and_then(checker) {
                    problems.push(format!("{name} {problem}"));
                }
            };
        check("go_package_prefix", &self.go_package_prefix, |value| {
            go_import_path_problem(value).or_else(|| {
                value
                    .ends_with('/')
                    .then(|| "must not end with `/`".to_string())
            })
        });
        check("go_package", &self.go_package, go_package_problem);
        check("java_package_prefix", &self.java_package_prefix, |value| {
            dotted_problem(value, true)
        });
        check("java_package", &self.java_package, |value| {
            dotted_problem(value, true)
        });
        check(
            "csharp_namespace_prefix",
            &self.csharp_namespace_prefix,
            |value| dotted_problem(value, false),
        );
        check("csharp_namespace", &self.csharp_namespace, |value| {
            dotted_problem(value, false)
        });
        problems
    }

    /// The `option` lines of the file `file` (`messages` or `service`) of the zone at `place`,
    /// as `(name, value as written)`, in name order.
    pub fn lines(&self, place: &Place, file: &str) -> Vec<(&'static str, String)> {
        let quoted = |text: &str| format!("\"{}\"", super::escape::string_literal(text));
        let go_package = self.go_package.clone().unwrap_or_else(|| {
            let path = match self.go_package_prefix.as_deref() {
                Some(prefix) => format!("{prefix}/{}", place.dir),
                None => place.dir.clone(),
            };
            format!("{path};{}", names::go_package_name(&place.package))
        });
        let java_package = self.java_package.clone().unwrap_or_else(|| {
            let prefix = self
                .java_package_prefix
                .as_deref()
                .unwrap_or(DEFAULT_JAVA_PACKAGE_PREFIX);
            names::java_package(prefix, &place.package)
        });
        let csharp_namespace = self.csharp_namespace.clone().unwrap_or_else(|| {
            let prefix = self.csharp_namespace_prefix.as_deref().unwrap_or_default();
            names::csharp_namespace(prefix, &place.package)
        });
        let mut outer_class = names::pascal_name(file, "File");
        outer_class.push_str("Proto");
        vec![
            ("csharp_namespace", quoted(&csharp_namespace)),
            ("go_package", quoted(&go_package)),
            ("java_multiple_files", "true".to_string()),
            ("java_outer_classname", quoted(&outer_class)),
            ("java_package", quoted(&java_package)),
        ]
    }
}

/// Why `value` is no Go import path protoc-gen-go takes, if it is none.
fn go_import_path_problem(value: &str) -> Option<String> {
    if value.is_empty() {
        return Some("is empty".to_string());
    }
    if let Some(c) = value
        .chars()
        .find(|c| c.is_whitespace() || c.is_control() || matches!(c, ';' | '"' | '\\'))
    {
        return Some(format!(
            "`{value}` holds {c:?}, which no Go import path has"
        ));
    }
    None
}

/// Why `value` is no `go_package` (`import/path` or `import/path;name`), if it is none.
fn go_package_problem(value: &str) -> Option<String> {
    let (path, name) = match value.split_once(';') {
        Some((path, name)) => (path, Some(name)),
        None => (value, None),
    };
    if let Some(problem) = go_import_path_problem(path) {
        return Some(problem);
    }
    if !path.contains(['.', '/']) {
        return Some(format!(
            "`{value}`: protoc-gen-go wants an import path with a `.` or `/` (like \
             `example.com/shop/gen/go/shop;shop`)"
        ));
    }
    if let Some(name) = name
        && !is_identifier(name)
    {
        return Some(format!(
            "`{value}`: the Go package name after `;` must be an identifier"
        ));
    }
    None
}

/// Why `value` is no dotted name of identifiers (a Java package, when `java`, or a C#
/// namespace), if it is none.
fn dotted_problem(value: &str, java: bool) -> Option<String> {
    let language = if java { "Java package" } else { "C# namespace" };
    let bad = value.is_empty()
        || value
            .split('.')
            .any(|segment| !is_identifier(segment) || (java && names::is_java_keyword(segment)));
    bad.then(|| {
        format!(
            "`{value}` is no {language}: write identifiers joined by `.` (like `{}`){}",
            if java { "com.example" } else { "Example.Shop" },
            if java { ", none a Java keyword" } else { "" }
        )
    })
}

/// `[A-Za-z_][A-Za-z0-9_]*`.
fn is_identifier(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// An rpc's `option (google.api.http)`, or why it has none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HttpRule {
    /// The rule, and a note for the rpc's comment when the route differs from the spec's.
    Mapped {
        /// The pattern's key (`get`, `post`, …), or `None` for a `custom` pattern.
        method: Option<&'static str>,
        /// A custom pattern's kind (`HEAD`).
        kind: &'static str,
        /// The path template, its variables named after the request's fields
        /// (`/users/{user_id}`).
        path: String,
        /// The request field the HTTP body fills (`body`), if any.
        body: Option<String>,
        /// The response field the HTTP response body is (`data`), if any.
        response_body: Option<String>,
        /// What the rule changes from the spec's route, for the rpc's comment.
        note: Option<String>,
    },
    /// The route cannot be written as an HTTP rule: why.
    Unmapped(String),
}

/// A path parameter as the request message has it.
#[derive(Debug, Clone, Copy)]
pub struct PathField<'a> {
    /// The parameter's name in the spec's path (`userId`).
    pub wire: &'a str,
    /// The request field's name (`user_id`).
    pub field: &'a str,
    /// Whether the field is a scalar or an enum, which a path segment can fill (not a message
    /// or a repeated field).
    pub segment: bool,
}

/// The HTTP rule of an operation `method path`: each `{variable}` renamed to the request field
/// of its path parameter (grpc-gateway and Envoy match a template variable to a field by its
/// proto name), the body mapped to `body` (not for GET, which HTTP rules give no body) and the
/// response body to `data`. The template grammar (googleapis' `http.proto`) has no empty
/// segment, so a trailing slash is dropped (and said); a route it cannot express otherwise (a
/// variable inside a segment, a character a path segment does not take, a variable without a
/// path parameter or one of a message or list type) gets no rule.
pub fn http_rule(
    method: &'static str,
    path: &str,
    path_fields: &[PathField<'_>],
    body: Option<&str>,
    response_body: Option<&str>,
) -> HttpRule {
    let unmapped = |why: String| HttpRule::Unmapped(format!("no google.api.http rule: {why}"));
    let Some(rest) = path.strip_prefix('/') else {
        return unmapped(format!("the path `{path}` does not start with `/`"));
    };
    let mut notes = Vec::new();
    let rest = match rest.strip_suffix('/') {
        Some(trimmed) if !trimmed.is_empty() => {
            notes.push(format!(
                "the rule's route drops the trailing `/` of `{path}` (HTTP rule templates have no \
                 empty segment)"
            ));
            trimmed
        }
        _ => rest,
    };
    let mut template = String::with_capacity(path.len() + 8);
    if !rest.is_empty() {
        let segments: Vec<&str> = rest.split('/').collect();
        for (index, segment) in segments.iter().enumerate() {
            template.push('/');
            let last = index + 1 == segments.len();
            match segment.strip_prefix('{') {
                Some(variable) => {
                    // `{name}` or, last, `{name}:verb`.
                    let Some((name, after)) = variable.split_once('}') else {
                        return unmapped(format!("the path `{path}` has an unclosed `{{`"));
                    };
                    let verb_ok = after.is_empty()
                        || (last
                            && after.starts_with(':')
                            && literal_ok(&after[1..])
                            && !after[1..].is_empty());
                    if !verb_ok {
                        return unmapped(format!(
                            "the segment `{segment}` of `{path}` holds more than its variable"
                        ));
                    }
                    let Some(field) = path_fields.iter().find(|field| field.wire == name) else {
                        return unmapped(format!(
                            "`{{{name}}}` in `{path}` is no path parameter of the operation"
                        ));
                    };
                    if !field.segment {
                        return unmapped(format!(
                            "the path parameter `{name}` is a message or a list, which a path \
                             segment cannot fill"
                        ));
                    }
                    template.push('{');
                    template.push_str(field.field);
                    template.push('}');
                    template.push_str(after);
                }
                None if segment.is_empty() => {
                    return unmapped(format!("the path `{path}` has an empty segment"));
                }
                None if literal_ok(segment) => template.push_str(segment),
                None => {
                    let what = segment
                        .chars()
                        .find(|c| *c != '%' && !literal_ok(c.encode_utf8(&mut [0; 4])))
                        .map_or("a broken percent-escape".to_string(), |c| format!("`{c}`"));
                    return unmapped(format!(
                        "the path segment `{segment}` holds {what}, which a path template does \
                         not take"
                    ));
                }
            }
        }
    } else {
        template.push('/');
    }
    let (method_key, kind) = match method {
        "GET" => (Some("get"), ""),
        "PUT" => (Some("put"), ""),
        "POST" => (Some("post"), ""),
        "DELETE" => (Some("delete"), ""),
        "PATCH" => (Some("patch"), ""),
        other => (None, other),
    };
    let body = match body {
        Some(_) if method == "GET" => {
            notes.push("the body is not mapped: HTTP rules give GET no body".to_string());
            None
        }
        body => body.map(str::to_string),
    };
    HttpRule::Mapped {
        method: method_key,
        kind,
        path: template,
        body,
        response_body: response_body.map(str::to_string),
        note: (!notes.is_empty()).then(|| notes.join("; ")),
    }
}

/// Whether `segment` is a literal path segment of an HTTP rule template: RFC 3986 `pchar`s
/// (unreserved, sub-delims, `:`, `@`, percent-escapes), grpc-gateway's test; `*` and `=` are
/// left out, since the template grammar reads them as wildcards and bindings.
fn literal_ok(segment: &str) -> bool {
    let bytes = segment.as_bytes();
    let mut index = 0;
    while index < bytes.len() {
        let byte = bytes[index];
        let ok = match byte {
            b'%' => {
                let hex = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_hexdigit);
                if !(hex(index + 1) && hex(index + 2)) {
                    return false;
                }
                index += 2;
                true
            }
            b if b.is_ascii_alphanumeric() => true,
            b'-' | b'.' | b'_' | b'~' | b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'+' | b','
            | b';' | b':' | b'@' => true,
            _ => false,
        };
        if !ok {
            return false;
        }
        index += 1;
    }
    !segment.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field<'a>(wire: &'a str, field: &'a str) -> PathField<'a> {
        PathField {
            wire,
            field,
            segment: true,
        }
    }

    fn mapped(rule: HttpRule) -> (String, Option<String>) {
        match rule {
            HttpRule::Mapped { path, note, .. } => (path, note),
            HttpRule::Unmapped(why) => panic!("unmapped: {why}"),
        }
    }

    #[test]
    fn path_variables_take_the_request_field_names() {
        let fields = [field("userId", "user_id"), field("id", "id")];
        let (path, note) = mapped(http_rule(
            "GET",
            "/users/{userId}/items/{id}",
            &fields,
            None,
            Some("data"),
        ));
        assert_eq!(path, "/users/{user_id}/items/{id}");
        assert_eq!(note, None);
    }

    #[test]
    fn trailing_slash_is_dropped_and_said_and_the_root_stays() {
        let (path, note) = mapped(http_rule("GET", "/api/tickets/", &[], None, None));
        assert_eq!(path, "/api/tickets");
        assert!(note.is_some_and(|note| note.contains("trailing `/`")));
        assert_eq!(mapped(http_rule("GET", "/", &[], None, None)).0, "/");
    }

    #[test]
    fn verbs_and_custom_methods_and_get_bodies() {
        let fields = [field("name", "name")];
        let rule = http_rule("POST", "/v1/{name}:cancel", &fields, Some("body"), None);
        assert!(
            matches!(&rule, HttpRule::Mapped { method: Some("post"), path, body: Some(body), .. }
                if path == "/v1/{name}:cancel" && body == "body"),
            "{rule:?}"
        );
        let rule = http_rule("HEAD", "/health", &[], None, None);
        assert!(
            matches!(
                &rule,
                HttpRule::Mapped {
                    method: None,
                    kind: "HEAD",
                    ..
                }
            ),
            "{rule:?}"
        );
        let rule = http_rule("GET", "/search", &[], Some("body"), None);
        assert!(
            matches!(
                &rule,
                HttpRule::Mapped {
                    body: None,
                    note: Some(_),
                    ..
                }
            ),
            "{rule:?}"
        );
    }

    #[test]
    fn routes_a_template_cannot_express_get_no_rule() {
        let fields = [
            field("name", "name"),
            PathField {
                wire: "ids",
                field: "ids",
                segment: false,
            },
        ];
        for path in [
            "/files/{name}.json",
            "/a/{missing}",
            "/a/{ids}",
            "/a b",
            "/a//b",
            "/a/*",
        ] {
            let rule = http_rule("GET", path, &fields, None, None);
            assert!(matches!(rule, HttpRule::Unmapped(_)), "{path}: {rule:?}");
        }
    }

    #[test]
    fn default_options_follow_the_package_and_prefixes_replace_their_part() {
        let versioned = Place::new("shop", Layout::Versioned);
        let lines = FileOptions::default().lines(&versioned, "messages");
        assert_eq!(
            lines,
            [
                ("csharp_namespace", "\"Shop.V1\"".to_string()),
                ("go_package", "\"shop/v1;shopv1\"".to_string()),
                ("java_multiple_files", "true".to_string()),
                ("java_outer_classname", "\"MessagesProto\"".to_string()),
                ("java_package", "\"com.shop.v1\"".to_string()),
            ]
        );
        let options = FileOptions {
            go_package_prefix: Some("example.com/app/gen/go".to_string()),
            java_package_prefix: Some("org.acme".to_string()),
            csharp_namespace_prefix: Some("Acme".to_string()),
            ..FileOptions::default()
        };
        let zone = Place::new("default", Layout::Zone);
        let lines = options.lines(&zone, "service");
        assert_eq!(lines[0].1, "\"Acme.ApiDefault\"");
        assert_eq!(
            lines[1].1,
            "\"example.com/app/gen/go/default/api__default;api__default\""
        );
        assert_eq!(lines[3].1, "\"ServiceProto\"");
        assert_eq!(lines[4].1, "\"org.acme.api__default\"");
        // A Java keyword cannot be a package segment.
        let lines = FileOptions::default().lines(&Place::new("default", Layout::Versioned), "x");
        assert_eq!(lines[4].1, "\"com.default_.v1\"");
    }

    #[test]
    fn unusable_values_are_each_named() {
        let options = FileOptions {
            go_package_prefix: Some("example.com/gen/".to_string()),
            go_package: Some("shop".to_string()),
            java_package_prefix: Some("com.default".to_string()),
            java_package: Some("com..x".to_string()),
            csharp_namespace_prefix: Some("Acme Corp".to_string()),
            csharp_namespace: Some("Ok.Fine".to_string()),
        };
        let problems = options.problems();
        assert_eq!(problems.len(), 5, "{problems:#?}");
        for name in [
            "go_package_prefix",
            "go_package ",
            "java_package_prefix",
            "java_package ",
            "csharp_namespace_prefix",
        ] {
            assert!(
                problems.iter().any(|problem| problem.starts_with(name)),
                "{name}: {problems:#?}"
            );
        }
        assert!(FileOptions::default().problems().is_empty());
    }
}
