// A fixture spec compiles.
clientgen::generate_clients! {
    spec = "specs/features.json",
    targets = [],
}

fn main() {}
