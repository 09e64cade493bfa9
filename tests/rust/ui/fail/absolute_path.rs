clientgen::generate_clients!("/etc/openapi.json");

fn main() {}
