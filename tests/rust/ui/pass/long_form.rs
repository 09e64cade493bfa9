// The long form, writing the Python client to a folder of the crate.
clientgen::generate_clients! {
    spec = "specs/petstore-fastapi.json",
    out = "clients",
    targets = [python],
    python_style = class,
}

fn main() {}
