clientgen::generate_clients!("specs/missing.json");

fn main() {}
