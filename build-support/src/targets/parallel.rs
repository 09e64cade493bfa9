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
}
