//! A zone's own API: some operations of the whole API and only the types and security schemes
//! they reach, with type ids renumbered (spec order kept).

use crate::ir::{self, Type, TypeId, TypeKind};

/// The API holding `operations` (indices into `api.operations`, in spec order) and what they
/// reach.
pub fn prune(api: &ir::Api, operations: &[usize]) -> ir::Api {
    let operations: Vec<&ir::Operation> = operations.iter().map(|&i| &api.operations[i]).collect();
    let reached = reachable(api, &operations);
    // Old id → new id; `None` for types the zone does not reach.
    let mut renumber = vec![None; api.types.len()];
    let mut next = 0;
    for (old, reached) in reached.iter().enumerate() {
        if *reached {
            renumber[old] = Some(TypeId(next));
            next += 1;
        }
    }
    let map = |id: TypeId| renumber[id.0].unwrap_or(id);
    let types = api
        .types
        .iter()
        .zip(&reached)
        .filter(|(_, reached)| **reached)
        .map(|(def, _)| {
            let mut def = def.clone();
            def.renumber(&map);
            def
        })
        .collect();
    let operations: Vec<ir::Operation> = operations
        .into_iter()
        .map(|operation| {
            let mut operation = operation.clone();
            operation.renumber(&map);
            operation
        })
        .collect();
    let security_schemes = api
        .security_schemes
        .iter()
        .filter(|scheme| {
            operations
                .iter()
                .flat_map(|operation| operation.security.iter().flatten())
                .any(|key| *key == scheme.key)
        })
        .cloned()
        .collect();
    ir::Api {
        title: api.title.clone(),
        version: api.version.clone(),
        description: api.description.clone(),
        servers: api.servers.clone(),
        types,
        operations,
        security_schemes,
    }
}

/// Which types `operations` reach, by type index, following every reference transitively
/// (cycles included).
fn reachable(api: &ir::Api, operations: &[&ir::Operation]) -> Vec<bool> {
    let mut reached = vec![false; api.types.len()];
    let mut pending = Vec::new();
    let mut found = Vec::new();
    for operation in operations {
        for_each_operation_type(operation, &mut |ty| {
            ty.for_each_named(&mut |id| found.push(id))
        });
    }
    loop {
        for id in found.drain(..) {
            if !reached[id.0] {
                reached[id.0] = true;
                pending.push(id);
            }
        }
        let Some(id) = pending.pop() else {
            return reached;
        };
        let def = api.type_def(id);
        if let ir::TypeOrigin::RequestShape { of } = def.origin {
            // Targets whose types serve both directions fold the shape into its read type.
            found.push(of);
        }
        let kind = &def.kind;
        kind.for_each_named(&mut |id| found.push(id));
        if let TypeKind::Union(ir::Union {
            discriminator: Some(discriminator),
            ..
        }) = kind
        {
            found.extend(discriminator.mapping.iter().map(|(_, id)| *id));
        }
    }
}

/// Calls `visit` for every type an operation uses directly: parameters, bodies, responses.
fn for_each_operation_type(operation: &ir::Operation, visit: &mut impl FnMut(&Type)) {
    operation.parameters.iter().for_each(|p| visit(&p.ty));
    if let Some(body) = &operation.body {
        body.content.iter().for_each(|c| visit(&c.ty));
    }
    operation
        .responses
        .iter()
        .flat_map(|r| &r.content)
        .for_each(|c| visit(&c.ty));
}
