// Every problem is reported at once.
clientgen::generate_clients! {
    spec = 42,
    targets = python,
    python_style = "class",
}

fn main() {}
