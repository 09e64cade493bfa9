//! The TypeScript target's templates.

/// `(name, source)` pairs.
pub const TEMPLATES: &[(&str, &str)] = &[
    ("index.ts", include_str!("../typescript/index.ts.j2")),
    ("models.ts", include_str!("../typescript/models.ts.j2")),
    ("client.ts", include_str!("../typescript/client.ts.j2")),
    (
        "operations.ts",
        include_str!("../typescript/operations.ts.j2"),
    ),
    (
        "package.json",
        include_str!("../typescript/package.json.j2"),
    ),
    (
        "tsconfig.json",
        include_str!("../typescript/tsconfig.json.j2"),
    ),
    ("README.md", include_str!("../typescript/README.md.j2")),
];
