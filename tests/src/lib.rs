//! End-to-end, snapshot and corpus tests of clientgen; the tests live in `tests/tests/`.
