//! Where recursive types need indirection in Rust.
//!
//! A struct that holds itself by value (directly, through `Option`, or through other types that
//! hold it by value) has no size: such references get a `Box`. A type alias that names itself
//! through other aliases (`type Tree = Vec<Tree>`) is rejected by rustc: such aliases become
//! `#[serde(transparent)]` newtypes. `Vec` and maps already hold their items on the heap.

use crate::ir::{Api, Type, TypeId, TypeKind};

/// The recursion facts of every type of an API.
#[derive(Debug)]
pub struct Recursion {
    /// Strongly connected component of each type in the by-value graph.
    component: Vec<usize>,
    /// Whether each alias must become a newtype.
    newtype: Vec<bool>,
}

impl Recursion {
    /// Analyses `api`'s types.
    pub fn of(api: &Api) -> Self {
        let by_value = graph(api, by_value_refs);
        let component = components(&by_value);
        let aliases = graph(api, all_refs);
        let alias_only: Vec<Vec<usize>> = aliases
            .iter()
            .enumerate()
            .map(|(id, edges)| {
                if is_alias(api, id) {
                    edges
                        .iter()
                        .copied()
                        .filter(|&to| is_alias(api, to))
                        .collect()
                } else {
                    Vec::new()
                }
            })
            .collect();
        let alias_component = components(&alias_only);
        let mut size = vec![0usize; alias_only.len()];
        alias_component.iter().for_each(|&c| size[c] += 1);
        let newtype = alias_only
            .iter()
            .enumerate()
            .map(|(id, edges)| {
                is_alias(api, id) && (size[alias_component[id]] > 1 || edges.contains(&id))
            })
            .collect();
        Recursion { component, newtype }
    }

    /// Whether a by-value reference from `from` to `to` must be boxed.
    pub fn needs_box(&self, from: TypeId, to: TypeId) -> bool {
        self.component[from.0] == self.component[to.0]
    }

    /// Whether the alias `id` must be a newtype rather than a `type` alias.
    pub fn is_newtype(&self, id: TypeId) -> bool {
        self.newtype[id.0]
    }
}

fn is_alias(api: &Api, id: usize) -> bool {
    matches!(api.types[id].kind, TypeKind::Alias(_))
}

/// The edges of every type, from the types each definition uses, as `refs` collects them.
fn graph(api: &Api, refs: impl Fn(&Type, &mut Vec<usize>)) -> Vec<Vec<usize>> {
    api.types
        .iter()
        .map(|def| {
            let mut out = Vec::new();
            match &def.kind {
                TypeKind::Struct(body) => {
                    body.fields
                        .iter()
                        .for_each(|field| refs(&field.ty, &mut out));
                    if let Some(extra) = &body.additional_properties {
                        refs(&Type::Map(Box::new(extra.clone())), &mut out);
                    }
                }
                TypeKind::Union(union) => union.variants.iter().for_each(|ty| refs(ty, &mut out)),
                TypeKind::Alias(ty) => refs(ty, &mut out),
                TypeKind::Enum(_) => {}
            }
            out
        })
        .collect()
}

/// Named types held by value: not behind a list or a map.
fn by_value_refs(ty: &Type, out: &mut Vec<usize>) {
    match ty {
        Type::Named(id) => out.push(id.0),
        Type::Nullable(inner) => by_value_refs(inner, out),
        _ => {}
    }
}

fn all_refs(ty: &Type, out: &mut Vec<usize>) {
    match ty {
        Type::Named(id) => out.push(id.0),
        Type::Nullable(inner) | Type::List(inner) | Type::Map(inner) => all_refs(inner, out),
        _ => {}
    }
}

/// Tarjan's strongly connected components, iterative (big specs have deep reference chains).
fn components(edges: &[Vec<usize>]) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let n = edges.len();
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0usize; n];
    let mut on_stack = vec![false; n];
    let mut component = vec![UNSEEN; n];
    let mut stack = Vec::new();
    let mut next_index = 0;
    let mut next_component = 0;
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        let mut work: Vec<(usize, usize)> = vec![(root, 0)];
        index[root] = next_index;
        low[root] = next_index;
        next_index += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (node, ref mut edge)) = work.last_mut() {
            if let Some(&to) = edges[node].get(*edge) {
                *edge += 1;
                if index[to] == UNSEEN {
                    index[to] = next_index;
                    low[to] = next_index;
                    next_index += 1;
                    stack.push(to);
                    on_stack[to] = true;
                    work.push((to, 0));
                } else if on_stack[to] {
                    low[node] = low[node].min(index[to]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if low[node] == index[node] {
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    component[member] = next_component;
                    if member == node {
                        break;
                    }
                }
                next_component += 1;
            }
        }
    }
    component
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_group_cycles_only() {
        let edges = vec![vec![1], vec![0], vec![0], vec![3]];
        let component = components(&edges);
        assert_eq!(component[0], component[1]);
        assert_ne!(component[2], component[0]);
        assert_ne!(component[3], component[2]);
    }
}
