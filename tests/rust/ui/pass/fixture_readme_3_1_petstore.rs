// A fixture spec compiles.
clientgen::generate_clients! {
    spec = "specs/readme--3.1-petstore.json",
    targets = [],
}

fn main() {}
