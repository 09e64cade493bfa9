//! Two pieces of work at once: how the stages that cut a big document in two use both cores.

use std::panic::resume_unwind;
use std::sync::{Mutex, PoisonError};
use std::thread;

/// The other thread's stack: as deep as a main thread's, since the stages recurse once per
/// level of a schema.
const STACK_SIZE: usize = 8 << 20;

/// Runs `here` on the calling thread while `there` runs on another one; both results.
///
/// When no thread can be started, `there` runs here after `here`. A panic of `there` goes on
/// here, as it would have without the second thread.
pub(crate) fn both<A, B: Send>(
    here: impl FnOnce() -> A,
    there: impl FnOnce() -> B + Send,
) -> (A, B) {
    let slot = Mutex::new(Some(there));
    let run = || {
        let there = slot.lock().unwrap_or_else(PoisonError::into_inner).take();
        there.map(|there| there())
    };
    thread::scope(|threads| {
        let worker = thread::Builder::new()
            .stack_size(STACK_SIZE)
            .spawn_scoped(threads, run);
        let a = here();
        let ran = match worker {
            Ok(worker) => worker.join().unwrap_or_else(|panic| resume_unwind(panic)),
            Err(_) => None,
        };
        // Either the worker took `there` from the slot and ran it, or the slot still holds it.
        match ran.or_else(run) {
            Some(b) => (a, b),
            None => unreachable!("`there` runs on one thread or the other"),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_results_come_back_and_the_work_overlaps() {
        let (tx, rx) = std::sync::mpsc::channel();
        // `here` waits for `there`: it would never end if they ran one after the other.
        let (a, b) = both(
            || rx.recv().map(|n: u32| n + 1),
            move || tx.send(41).is_ok(),
        );
        assert_eq!(a, Ok(42));
        assert!(b);
    }
}
