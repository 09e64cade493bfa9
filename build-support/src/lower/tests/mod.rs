//! Tests of lowering, by behaviour. Documents are built with `json!` and the IR is compared
//! exactly.

mod constraints;
mod document;
mod operations;
mod refs;
mod request_shapes;
mod schemas;
mod shared_enums;
mod smoke;
mod threads;

use serde_json::{Value, json};

use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::ir::{Api, Constraints, Field, Struct, Type, TypeDef, TypeId, TypeKind, TypeOrigin};

use super::lower;

/// Lowers `document`, returning the API and every diagnostic.
fn lowered(document: &Value) -> (Api, Vec<Diagnostic>) {
    let mut diagnostics = Diagnostics::new("spec.json");
    let api = lower(document, &mut diagnostics);
    (api, diagnostics.into_items())
}

/// Lowers `document`, which must give no diagnostic at all.
fn clean(document: &Value) -> Api {
    let (api, diagnostics) = lowered(document);
    assert!(
        diagnostics.is_empty(),
        "unexpected diagnostics: {diagnostics:#?}"
    );
    api
}

/// A document with these component schemas and no paths.
fn with_schemas(schemas: Value) -> Value {
    json!({
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1"},
        "paths": {},
        "components": {"schemas": schemas}
    })
}

/// A document with these paths (and optional extra root members).
fn with_paths(paths: Value) -> Value {
    json!({
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1"},
        "paths": paths
    })
}

/// The id and definition of the type named `name`.
fn named<'a>(api: &'a Api, name: &str) -> (TypeId, &'a TypeDef) {
    let index = api
        .types
        .iter()
        .position(|def| def.name == name)
        .unwrap_or_else(|| panic!("no type `{name}` in {:?}", names(api)));
    (TypeId(index), &api.types[index])
}

fn id(api: &Api, name: &str) -> TypeId {
    named(api, name).0
}

fn names(api: &Api) -> Vec<&str> {
    api.types.iter().map(|def| def.name.as_str()).collect()
}

/// The fields of struct type `name`.
fn fields<'a>(api: &'a Api, name: &str) -> &'a [Field] {
    match &named(api, name).1.kind {
        TypeKind::Struct(Struct { fields, .. }) => fields,
        other => panic!("`{name}` is not a struct: {other:?}"),
    }
}

/// An optional field without annotations.
fn field(name: &str, ty: Type) -> Field {
    Field {
        name: name.to_string(),
        ty,
        required: false,
        description: None,
        default: None,
        constraints: Constraints::default(),
        read_only: false,
        write_only: false,
        deprecated: false,
    }
}

/// A required field without annotations.
fn required(name: &str, ty: Type) -> Field {
    Field {
        required: true,
        ..field(name, ty)
    }
}

fn inline(pointer: &str) -> TypeOrigin {
    TypeOrigin::Inline {
        pointer: pointer.to_string(),
    }
}

fn nullable(ty: Type) -> Type {
    Type::Nullable(Box::new(ty))
}

fn list(ty: Type) -> Type {
    Type::List(Box::new(ty))
}

fn map(ty: Type) -> Type {
    Type::Map(Box::new(ty))
}

/// `(severity, pointer, message)` of each diagnostic.
fn summary(diagnostics: &[Diagnostic]) -> Vec<(Severity, &str, &str)> {
    diagnostics
        .iter()
        .map(|d| (d.severity, d.pointer.as_str(), d.message.as_str()))
        .collect()
}
