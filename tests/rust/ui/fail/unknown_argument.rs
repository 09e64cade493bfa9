clientgen::generate_clients! {
    spec = "specs/reference.json",
    colour = "blue",
}

fn main() {}
