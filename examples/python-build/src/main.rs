//! Prints where the build script wrote the Python client.

fn main() {
    println!("{}", env!("CARGO_MANIFEST_DIR"));
}
