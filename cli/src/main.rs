//! The `clientgen` command.

fn main() {}
