// A fixture spec compiles.
clientgen::generate_clients! {
    spec = "specs/readme--2.0-petstore-expanded.json",
    targets = [],
}

fn main() {}
