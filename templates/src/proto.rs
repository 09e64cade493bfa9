//! The proto target's templates.

/// `(name, source)` pairs.
pub const TEMPLATES: &[(&str, &str)] = &[
    ("messages.proto", include_str!("../proto/messages.proto.j2")),
    ("service.proto", include_str!("../proto/service.proto.j2")),
    ("README.md", include_str!("../proto/README.md.j2")),
    ("buf.yaml", include_str!("../proto/buf.yaml.j2")),
];
