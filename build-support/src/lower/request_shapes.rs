//! Request shapes: what a client sends of a type that reads differently than it is sent.
//!
//! A type differs by direction when it holds `readOnly` properties (the server sets them: `id`,
//! `created_at`, a nested `author`) or, if a response reaches it, required `writeOnly` ones (the
//! server never returns them: `password`), itself or in a type it sends on (a property, an item,
//! a map value, a union variant, an alias target). drf-spectacular at its defaults writes one
//! such component per serializer for both directions; under `COMPONENT_SPLIT_REQUEST` its
//! `TokenObtainPairRequest` holds required write-only properties but is never read, so it stays
//! as it is.
//!
//! Each such type that a request reaches gets a request shape of its own, named `<name>Request`
//! — drf-spectacular's name for the same type under `COMPONENT_SPLIT_REQUEST`, so both of its
//! documents give the same client names — placed right after the type it was made from: the
//! read-only properties left out, every type it holds replaced by that type's request shape.
//! Request bodies and parameters then use the request shape. A type that differs is itself the
//! read shape: its write-only properties are optional. A type that does not differ stays one
//! type.
//!
//! A type that is the schema of a body sent only as `multipart/form-data` (and of nothing else a
//! request sends) also differs when it holds `format: uri` strings: drf-spectacular at its
//! defaults writes a `FileField` so, in requests too. Its request shape takes a file or text
//! there ([`Type::FileOrText`]), so an upload works and a real URL field still takes its text.

use crate::ir::{
    self, Field, MediaKind, StringFormat, Type, TypeDef, TypeId, TypeKind, TypeOrigin,
};

use super::naming::NameSet;

/// Gives every type that differs by direction and that a request reaches its request shape,
/// points request bodies and parameters at the request shapes, and makes write-only properties
/// optional in what is read.
pub(super) fn split(api: &mut ir::Api) {
    let uploads = uploads(api);
    let differs = differing(&api.types, &read(api), &uploads);
    let requested = requested(api, &differs);
    let mut names = NameSet::default();
    for def in &api.types {
        names.claim(&def.name);
    }
    // Old id → the id of its request shape, when it gets one (new ids follow the old ones).
    let mut request_of = vec![None; api.types.len()];
    let mut next = api.types.len();
    for (id, requested) in requested.iter().enumerate() {
        if *requested {
            request_of[id] = Some(TypeId(next));
            next += 1;
        }
    }
    let to_request = |id: TypeId| request_of[id.0].unwrap_or(id);
    let shapes: Vec<TypeDef> = (0..api.types.len())
        .filter(|&id| requested[id])
        .map(|id| {
            let read = &api.types[id];
            let name = names.claim(&format!("{}Request", read.name));
            request_shape(read, TypeId(id), name, &to_request, uploads[id])
        })
        .collect();
    for operation in &mut api.operations {
        let bodies = operation.body.iter_mut().flat_map(|body| &mut body.content);
        let parameters = operation.parameters.iter_mut().map(|p| &mut p.ty);
        parameters
            .chain(bodies.map(|content| &mut content.ty))
            .for_each(|ty| ty.renumber(&to_request));
    }
    for (def, _) in api.types.iter_mut().zip(&differs).filter(|(_, d)| **d) {
        if let TypeKind::Struct(model) = &mut def.kind {
            let write_only = model.fields.iter_mut().filter(|field| field.write_only);
            write_only.for_each(|field| field.required = false);
        }
    }
    if !shapes.is_empty() {
        api.types.extend(shapes);
        place_after_read_shapes(api, &request_of);
    }
}

/// Which types a response reaches, by type index.
fn read(api: &ir::Api) -> Vec<bool> {
    let mut read = vec![false; api.types.len()];
    let mut pending = Vec::new();
    let responses = api.operations.iter().flat_map(|o| &o.responses);
    for content in responses.flat_map(|response| &response.content) {
        content.ty.for_each_named(&mut |id| pending.push(id));
    }
    while let Some(id) = pending.pop() {
        if !std::mem::replace(&mut read[id.0], true) {
            let kind = &api.type_def(id).kind;
            kind.for_each_named(&mut |id| pending.push(id));
            if let TypeKind::Union(ir::Union {
                discriminator: Some(discriminator),
                ..
            }) = kind
            {
                pending.extend(discriminator.mapping.iter().map(|(_, id)| *id));
            }
        }
    }
    read
}

/// Which types are the schema of a body sent only as `multipart/form-data` and of nothing else
/// a request sends (another body, a parameter, a property of a type), by type index.
fn uploads(api: &ir::Api) -> Vec<bool> {
    let mut multipart = vec![false; api.types.len()];
    let mut elsewhere = vec![false; api.types.len()];
    for operation in &api.operations {
        for parameter in &operation.parameters {
            parameter
                .ty
                .for_each_named(&mut |id| elsewhere[id.0] = true);
        }
        let Some(body) = &operation.body else {
            continue;
        };
        let only_multipart = body.content.iter().all(|c| c.kind == MediaKind::Multipart);
        for content in &body.content {
            match &content.ty {
                Type::Named(id) if only_multipart => multipart[id.0] = true,
                other => other.for_each_named(&mut |id| elsewhere[id.0] = true),
            }
        }
    }
    for def in &api.types {
        for_each_sent(&def.kind, &mut |id| elsewhere[id.0] = true);
    }
    multipart
        .iter()
        .zip(&elsewhere)
        .map(|(multipart, elsewhere)| *multipart && !*elsewhere)
        .collect()
}

/// Whether each type differs by direction, by type index, given which ones are `read` and which
/// are `uploads`.
fn differing(types: &[TypeDef], read: &[bool], uploads: &[bool]) -> Vec<bool> {
    let mut differs: Vec<bool> = types
        .iter()
        .zip(read.iter().zip(uploads))
        .map(|(def, (read, upload))| differs_itself(def, *read, *upload))
        .collect();
    // Who sends each type on: a type differs when one it sends on does.
    let mut senders = vec![Vec::new(); types.len()];
    for (id, def) in types.iter().enumerate() {
        for_each_sent(&def.kind, &mut |sent| senders[sent.0].push(TypeId(id)));
    }
    let mut pending: Vec<TypeId> = (0..types.len())
        .filter(|&id| differs[id])
        .map(TypeId)
        .collect();
    while let Some(id) = pending.pop() {
        for sender in &senders[id.0] {
            if !differs[sender.0] {
                differs[sender.0] = true;
                pending.push(*sender);
            }
        }
    }
    differs
}

/// Whether a type's own properties make it differ by direction (required write-only ones only
/// when the type is `read`, `format: uri` strings only when it is an `upload`).
fn differs_itself(def: &TypeDef, read: bool, upload: bool) -> bool {
    let TypeKind::Struct(model) = &def.kind else {
        return false;
    };
    let differs = |field: &Field| {
        field.read_only
            || (read && field.write_only && field.required)
            || (upload && file_or_text(&field.ty).is_some())
    };
    model.fields.iter().any(differs)
}

/// What a `format: uri` string (or null) becomes in an upload's request shape; `None` for any
/// other type.
fn file_or_text(ty: &Type) -> Option<Type> {
    match ty {
        Type::String(StringFormat::Uri) => Some(Type::FileOrText),
        Type::Nullable(inner) => file_or_text(inner).map(|inner| Type::Nullable(Box::new(inner))),
        _ => None,
    }
}

/// Calls `visit` for every named type a value of this kind sends on when it is sent: the types
/// of its properties that are not read-only, of its additional properties, of its union
/// variants (discriminator mappings included), of its alias target.
fn for_each_sent(kind: &TypeKind, visit: &mut impl FnMut(TypeId)) {
    match kind {
        TypeKind::Struct(model) => {
            let sent = model.fields.iter().filter(|field| !field.read_only);
            sent.for_each(|field| field.ty.for_each_named(visit));
            if let Some(additional) = &model.additional_properties {
                additional.for_each_named(visit);
            }
        }
        TypeKind::Union(union) => {
            union.variants.iter().for_each(|v| v.for_each_named(visit));
            let mapping = union.discriminator.iter().flat_map(|d| &d.mapping);
            mapping.for_each(|(_, id)| visit(*id));
        }
        TypeKind::Alias(ty) => ty.for_each_named(visit),
        TypeKind::Enum(_) => {}
    }
}

/// Which types need a request shape, by type index: those that differ by direction and that a
/// request body or parameter reaches.
fn requested(api: &ir::Api, differs: &[bool]) -> Vec<bool> {
    let mut requested = vec![false; api.types.len()];
    let mut pending = Vec::new();
    let mut reach = |id: TypeId, pending: &mut Vec<TypeId>| {
        // A type that does not differ sends on none that does, so the walk stops there.
        if differs[id.0] && !requested[id.0] {
            requested[id.0] = true;
            pending.push(id);
        }
    };
    for operation in &api.operations {
        let bodies = operation.body.iter().flat_map(|body| &body.content);
        let parameters = operation.parameters.iter().map(|p| &p.ty);
        for ty in parameters.chain(bodies.map(|content| &content.ty)) {
            ty.for_each_named(&mut |id| reach(id, &mut pending));
        }
    }
    while let Some(id) = pending.pop() {
        let mut sent = Vec::new();
        for_each_sent(&api.type_def(id).kind, &mut |id| sent.push(id));
        sent.into_iter().for_each(|id| reach(id, &mut pending));
    }
    requested
}

/// The request shape of `read` (the type `of`), named `name`: read-only properties left out,
/// every type it sends on replaced by `to_request`, and for an `upload` its `format: uri`
/// strings a file or text.
fn request_shape(
    read: &TypeDef,
    of: TypeId,
    name: String,
    to_request: &impl Fn(TypeId) -> TypeId,
    upload: bool,
) -> TypeDef {
    let sent = |field: &Field| {
        let mut field = field.clone();
        if let Some(ty) = file_or_text(&field.ty).filter(|_| upload) {
            field.ty = ty;
        }
        field
    };
    let mut kind = match &read.kind {
        TypeKind::Struct(model) => TypeKind::Struct(ir::Struct {
            fields: model
                .fields
                .iter()
                .filter(|field| !field.read_only)
                .map(sent)
                .collect(),
            additional_properties: model.additional_properties.clone(),
        }),
        other => other.clone(),
    };
    kind.renumber(to_request);
    TypeDef {
        name,
        origin: TypeOrigin::RequestShape { of },
        title: read.title.clone(),
        description: read.description.clone(),
        kind,
        deprecated: read.deprecated,
        constraints: read.constraints.clone(),
    }
}

/// Moves each request shape (appended at the end) to right after the type it was made from.
fn place_after_read_shapes(api: &mut ir::Api, request_of: &[Option<TypeId>]) {
    let mut order = Vec::with_capacity(api.types.len());
    for (id, request) in request_of.iter().enumerate() {
        order.push(TypeId(id));
        order.extend(*request);
    }
    api.reorder_types(&order, &[]);
}
