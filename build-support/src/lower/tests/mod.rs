//! Tests of lowering, by behaviour.

mod smoke;
