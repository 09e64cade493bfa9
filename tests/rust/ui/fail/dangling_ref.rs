clientgen::generate_clients!("specs/dangling.json");

fn main() {}
