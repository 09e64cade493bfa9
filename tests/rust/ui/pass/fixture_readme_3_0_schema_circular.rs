// A fixture spec compiles.
clientgen::generate_clients! {
    spec = "specs/readme--3.0-schema-circular.json",
    targets = [],
}

fn main() {}
