//! Unit tests of the normalizer, one behaviour each.
