//! The proto target's templates.

/// `(name, source)` pairs.
pub const TEMPLATES: &[(&str, &str)] = &[
    ("messages.proto", include_str!("../proto/messages.proto.j2")),
    ("service.proto", include_str!("../proto/service.proto.j2")),
    ("README.md", include_str!("../proto/README.md.j2")),
    ("buf.yaml", include_str!("../proto/buf.yaml.j2")),
];

/// googleapis' files that `--proto-http-annotations` ships, unchanged (see
/// `proto/googleapis/README.md` for where they come from).
pub struct Googleapis {
    /// `google/api/annotations.proto`: the `google.api.http` method option.
    pub annotations: &'static str,
    /// `google/api/http.proto`: `HttpRule`, which the option holds.
    pub http: &'static str,
    /// The Apache License 2.0 they are under.
    pub license: &'static str,
}

/// The googleapis files.
pub const GOOGLEAPIS: Googleapis = Googleapis {
    annotations: include_str!("../proto/googleapis/google/api/annotations.proto"),
    http: include_str!("../proto/googleapis/google/api/http.proto"),
    license: include_str!("../proto/googleapis/LICENSE"),
};
