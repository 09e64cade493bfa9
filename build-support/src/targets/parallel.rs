//! Pure per-item work spread over two threads, the results kept in item order.
//!
//! Targets use it for what does not depend on names claimed so far (casing, comment escaping):
//! that work is the bulk of a big spec's emit time, and doing it up front on two threads leaves
//! only the order-dependent claiming on one. Two threads, because the build machines this runs
//! on (and CI) have two cores; the output never depends on how the work was split.

use std::thread;

/// Below this many items the work is done on the calling thread: a thread costs more.
const SPLIT_FROM: usize = 64;

/// `f` applied to every item, in order; the second half is worked out on another thread.
pub fn map<T: Sync, U: Send>(items: &[T], f: impl Fn(&T) -> U + Sync) -> Vec<U> {
    if items.len() < SPLIT_FROM {
        return items.iter().map(&f).collect();
    }
    let (first, second) = items.split_at(items.len() / 2);
    thread::scope(|threads| {
        let later = threads.spawn(|| second.iter().map(&f).collect::<Vec<U>>());
        let mut results: Vec<U> = Vec::with_capacity(items.len());
        results.extend(first.iter().map(&f));
        // A panic of `f` on the other thread goes on here, as it would have without the split.
        results.extend(
            later
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
        );
        results
    })
}

/// Like [`map`], for work that keeps state as it goes (a cache, flags of what it used): each
/// half of the items gets a fresh state from `start`. Returns the results in item order and the
/// states, the first half's first.
pub fn map_with<T: Sync, S: Send, U: Send>(
    items: &[T],
    start: impl Fn() -> S + Sync,
    f: impl Fn(&mut S, &T) -> U + Sync,
) -> (Vec<U>, Vec<S>) {
    let run = |part: &[T]| {
        let mut state = start();
        let results: Vec<U> = part.iter().map(|item| f(&mut state, item)).collect();
        (results, state)
    };
    if items.len() < SPLIT_FROM {
        let (results, state) = run(items);
        return (results, vec![state]);
    }
    let (first, second) = items.split_at(items.len() / 2);
    thread::scope(|threads| {
        let later = threads.spawn(|| run(second));
        let (mut results, first_state) = run(first);
        let (rest, second_state) = later
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        results.extend(rest);
        (results, vec![first_state, second_state])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_item_order_on_both_sides_of_the_split() {
        let items: Vec<usize> = (0..1000).collect();
        assert_eq!(
            map(&items, |n| n * 2),
            (0..1000).map(|n| n * 2).collect::<Vec<_>>()
        );
        assert_eq!(map(&items[..3], |n| n + 1), vec![1, 2, 3]);
    }

    #[test]
    fn each_half_keeps_its_own_state() {
        let items: Vec<usize> = (0..1000).collect();
        let count = |seen: &mut usize, n: &usize| {
            *seen += 1;
            n * 2
        };
        let (results, states) = map_with(&items, || 0, count);
        assert_eq!(results, (0..1000).map(|n| n * 2).collect::<Vec<_>>());
        assert_eq!(states, vec![500, 500]);
        let (results, states) = map_with(&items[..3], || 0, count);
        assert_eq!((results, states), (vec![0, 2, 4], vec![3]));
    }
}
