//! Tests of lowering, by behaviour.

mod bench_tmp;
mod smoke;
