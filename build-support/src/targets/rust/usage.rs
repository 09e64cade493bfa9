//! Which way each type crosses the wire: a type the client sends derives `Serialize`, one it
//! receives derives `Deserialize`, and one it does neither with derives no serde trait at all.
//! Each derive costs compile time in the user's crate, and a big spec has thousands of types
//! that only ever travel one way.

use crate::ir::{Api, MediaKind, Type, TypeId, TypeKind};

/// The directions each type of the API travels, by [`TypeId`].
#[derive(Debug)]
pub struct Usage {
    sent: Vec<bool>,
    received: Vec<bool>,
}

impl Usage {
    /// Marks every type reachable from a parameter or the sent request body as sent, and every
    /// type reachable from a JSON response body (success or error) as received.
    pub fn of(api: &Api) -> Usage {
        let mut sent = vec![false; api.types.len()];
        let mut received = vec![false; api.types.len()];
        for operation in &api.operations {
            for parameter in &operation.parameters {
                mark(api, &mut sent, &parameter.ty);
            }
            let body = operation.body.as_ref().and_then(|body| body.preferred());
            if let Some(content) = body.filter(|content| {
                matches!(
                    content.kind,
                    MediaKind::Json | MediaKind::Form | MediaKind::Multipart
                )
            }) {
                mark(api, &mut sent, &content.ty);
            }
            for response in &operation.responses {
                let content = response.preferred();
                if let Some(content) = content.filter(|content| content.kind == MediaKind::Json) {
                    mark(api, &mut received, &content.ty);
                }
            }
        }
        Usage { sent, received }
    }

    /// Whether the client sends values of `id` (so it derives `Serialize`).
    pub fn is_sent(&self, id: TypeId) -> bool {
        self.sent.get(id.0).copied().unwrap_or(false)
    }

    /// Whether the client receives values of `id` (so it derives `Deserialize`).
    pub fn is_received(&self, id: TypeId) -> bool {
        self.received.get(id.0).copied().unwrap_or(false)
    }
}

/// Marks the types `ty` names, and everything they reach, in `seen`.
fn mark(api: &Api, seen: &mut [bool], ty: &Type) {
    let mut stack = Vec::new();
    named(ty, &mut stack);
    while let Some(id) = stack.pop() {
        match seen.get_mut(id.0) {
            Some(flag) if !*flag => *flag = true,
            _ => continue,
        }
        match &api.type_def(id).kind {
            TypeKind::Struct(body) => {
                for field in &body.fields {
                    named(&field.ty, &mut stack);
                }
                if let Some(extra) = &body.additional_properties {
                    named(extra, &mut stack);
                }
            }
            TypeKind::Union(union) => {
                for variant in &union.variants {
                    named(variant, &mut stack);
                }
                if let Some(discriminator) = &union.discriminator {
                    stack.extend(discriminator.mapping.iter().map(|(_, id)| *id));
                }
            }
            TypeKind::Alias(ty) => named(ty, &mut stack),
            TypeKind::Enum(_) => {}
        }
    }
}

/// Pushes the type named by `ty`, through lists, maps and nullables, onto `stack`.
fn named(ty: &Type, stack: &mut Vec<TypeId>) {
    match ty {
        Type::Named(id) => stack.push(*id),
        Type::List(inner) | Type::Map(inner) | Type::Nullable(inner) => named(inner, stack),
        _ => {}
    }
}
