clientgen::generate_clients!("specs/malformed.json");

fn main() {}
