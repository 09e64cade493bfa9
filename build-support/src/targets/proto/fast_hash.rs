//! A fast hasher for the target's name sets and the lock's index.
//!
//! The sets hold tens of thousands of short names on a large spec; SipHash (std's default,
//! built to resist flooding by untrusted keys) cost more than the names' casing. Iteration order
//! of these sets never reaches the output, so any hash will do: this is FxHash's
//! rotate-xor-multiply, as rustc uses it, with the final rotation of rustc-hash 2.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashSet` with [`FastHasher`].
pub type FastSet<T> = HashSet<T, BuildHasherDefault<FastHasher>>;

/// A `HashMap` with [`FastHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// FxHash: one multiply per eight bytes.
#[derive(Debug, Default, Clone, Copy)]
pub struct FastHasher(u64);

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, value: u8) {
        self.add(u64::from(value));
    }

    fn write_u64(&mut self, value: u64) {
        self.add(value);
    }

    fn write_usize(&mut self, value: usize) {
        self.add(value as u64);
    }

    fn finish(&self) -> u64 {
        // A product's well-mixed bits are the high ones, but hash tables index by the low ones:
        // rotate them down (as rustc-hash 2 does).
        self.0.rotate_left(26)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_names_hash_equal_and_sets_work() {
        let mut set: FastSet<String> = FastSet::default();
        assert!(set.insert("user_id".to_string()));
        assert!(!set.insert("user_id".to_string()));
        assert!(set.contains("user_id"));
        assert!(!set.contains("user_id_2"));
    }
}
