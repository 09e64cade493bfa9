//! The TypeScript target's templates.

/// `(name, source)` pairs.
pub const TEMPLATES: &[(&str, &str)] = &[];
