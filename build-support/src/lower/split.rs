//! Component schemas and operations lowered on two threads, with the result one pass gives.
//!
//! Lowering is the bulk of a big spec's time after parsing, and it ran on one core while the
//! other idled. So the components are lowered here while a copy of the lowerer, taken once every
//! component is registered, lowers the operations on another thread. The copy's work is then
//! taken over as if it had come second, as it does in one pass: the types it hoisted are numbered
//! after this side's, and the names they claimed are claimed again here, in order.
//!
//! Nodes inside component schemas (an `allOf` member's properties, say) are hoisted by this side,
//! as in one pass, where the copy meets them too: the copy leaves them to it (see
//! [`Lowerer::left_to_other`]) and refers to them by placeholder ids, which the take-over replaces
//! by this side's. The copy could only have decided differently where it depended on this side's
//! work: a name this side took (a hoisted name or title), a node both sides hoisted, a reference
//! both sides lowered, or the name of a node left to this side. When any of those shows, the
//! copy's work is thrown away and done again here, so the output never depends on the split.

use rustc_hash::FxHashMap;

use crate::diagnostics::Diagnostics;
use crate::ir::{Operation, SecurityScheme, Type, TypeDef, TypeId};
use crate::threads;

use super::Lowerer;
use super::components::COMPONENT_SCHEMAS;
use super::pointer::unescape;
use super::read::Object;

/// Below this many component schemas everything is lowered on the calling thread.
const SPLIT_FROM: usize = 64;

/// Placeholder ids count down from here, far above any real one.
const PLACEHOLDERS: usize = usize::MAX;

/// Which threads lowering may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Threads {
    /// The calling thread only.
    #[cfg_attr(not(test), allow(dead_code))]
    One,
    /// The calling thread and one more for a big document.
    Two,
}

/// How [`Lowerer::define`] chose a hoisted type's name, so it can be chosen again after names
/// claimed on the other thread.
#[derive(Debug)]
pub(super) struct Claim<'a> {
    /// The schema's `title`, when it could serve as a name.
    pub(super) title: Option<&'a str>,
    /// The name made from the hint, when the title was not used.
    pub(super) hint: Option<String>,
}

/// What the other thread's lowerer did: everything [`Lowerer::take_over`] needs.
struct Part<'a> {
    /// How many types there were when it started.
    base: usize,
    types: Vec<TypeDef>,
    left: Vec<String>,
    guessed: bool,
    claims: Vec<Claim<'a>>,
    hoisted: FxHashMap<String, TypeId>,
    ref_types: FxHashMap<&'a str, Type>,
    operations: Vec<Operation>,
}

impl<'a> Lowerer<'a> {
    /// Lowers every registered component schema, then every operation.
    pub(super) fn components_and_operations(
        &mut self,
        root: &'a Object,
        schemes: &[SecurityScheme],
        threads: Threads,
    ) -> Vec<Operation> {
        let count = self.components.len();
        if threads == Threads::One || count < SPLIT_FROM {
            self.lower_components(0..count);
            return self.operations(root, schemes);
        }
        let mut diagnostics = Diagnostics::new(self.diagnostics.file());
        let mut other = self.fork(&mut diagnostics);
        let ((), part) = threads::both(
            || self.lower_components(0..count),
            move || {
                let operations = other.operations(root, schemes);
                other.into_part(operations)
            },
        );
        match self.take_over(part) {
            Some(operations) => {
                self.diagnostics.append(diagnostics);
                operations
            }
            None => self.operations(root, schemes),
        }
    }

    /// A lowerer for the operations, going on from this one's state before it lowers the
    /// components, recording into `diagnostics`.
    fn fork<'s>(&self, diagnostics: &'s mut Diagnostics) -> Lowerer<'s>
    where
        'a: 's,
    {
        Lowerer {
            doc: self.doc,
            diagnostics,
            types: self.types.clone(),
            type_names: self.type_names.clone(),
            component_ids: self.component_ids.clone(),
            component_names: self.component_names.clone(),
            components: self.components.clone(),
            claims: Vec::new(),
            components_elsewhere: true,
            left: Vec::new(),
            guessed: false,
            hoisted: self.hoisted.clone(),
            ref_types: self.ref_types.clone(),
            refs_in_progress: Default::default(),
            depth: 0,
        }
    }

    fn into_part(self, operations: Vec<Operation>) -> Part<'a> {
        Part {
            base: self.types.len() - self.claims.len(),
            types: self.types,
            left: self.left,
            guessed: self.guessed,
            claims: self.claims,
            hoisted: self.hoisted,
            ref_types: self.ref_types,
            operations,
        }
    }

    /// Takes over `part`, which lowered the operations, as if this lowerer had done that after
    /// lowering the components (but for its diagnostics, which the caller adds); `None`, with
    /// nothing changed, when the result could differ.
    fn take_over(&mut self, part: Part<'_>) -> Option<Vec<Operation>> {
        let Part {
            base,
            mut types,
            left,
            guessed,
            claims,
            hoisted,
            ref_types,
            mut operations,
        } = part;
        let shared_node = hoisted
            .iter()
            .any(|(pointer, id)| id.0 >= base && self.hoisted.contains_key(pointer));
        let shared_reference = ref_types
            .keys()
            .any(|reference| self.ref_types.contains_key(*reference));
        if guessed || shared_node || shared_reference {
            return None;
        }
        let left: Option<Vec<TypeId>> = left
            .iter()
            .map(|pointer| self.hoisted.get(pointer).copied())
            .collect();
        let left = left?;
        let mut names = self.type_names.clone();
        for (claim, def) in claims.iter().zip(&types[base..]) {
            let name = match claim.title {
                Some(title) if !names.is_taken(title) => names.claim(title),
                _ => names.claim(claim.hint.as_deref()?),
            };
            if name != def.name {
                return None;
            }
        }
        self.type_names = names;
        let shift = self.types.len() - base;
        let renumber = |id: TypeId| match PLACEHOLDERS - id.0 {
            index if index < left.len() => left[index],
            _ if id.0 >= base => TypeId(id.0 + shift),
            _ => id,
        };
        for mut def in types.drain(base..) {
            def.kind.renumber(&renumber);
            self.types.push(def);
        }
        for operation in &mut operations {
            operation.renumber(&renumber);
        }
        Some(operations)
    }
}

impl Lowerer<'_> {
    /// The placeholder id of the node at `pointer` when it is inside a component schema and
    /// another lowerer lowers those (and so hoists it); `None` for this lowerer's own nodes.
    pub(super) fn left_to_other(&mut self, pointer: &str) -> Option<TypeId> {
        if !self.components_elsewhere {
            return None;
        }
        let name = pointer
            .strip_prefix(COMPONENT_SCHEMAS)?
            .strip_prefix('/')?
            .split('/')
            .next()?;
        self.component_ids.get(unescape(name).as_ref())?;
        self.left.push(pointer.to_string());
        Some(TypeId(PLACEHOLDERS - (self.left.len() - 1)))
    }

    /// The name of type `id`; a placeholder's is not known yet, which makes this lowerer's work
    /// unusable (see [`Lowerer::take_over`]).
    pub(super) fn type_name(&mut self, id: TypeId) -> String {
        match self.types.get(id.0) {
            Some(def) => def.name.clone(),
            None => {
                self.guessed = true;
                String::new()
            }
        }
    }
}
