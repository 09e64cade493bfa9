//! Lists the Python client that this crate's build script generated from `openapi.json`.

use std::path::Path;

fn main() -> std::io::Result<()> {
    let package = Path::new(env!("CARGO_MANIFEST_DIR")).join("clients/petstore");
    let mut files: Vec<String> = std::fs::read_dir(&package)?
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with('.') && name != "__pycache__")
        .collect();
    files.sort();
    println!("build.rs wrote the Python client to {}:", package.display());
    for file in files {
        println!("  {file}");
    }
    println!("use it (Python 3.10+; the client needs httpx and pydantic v2):");
    println!("  pip install httpx pydantic");
    println!(
        "  cd {} && python3 -c 'from petstore import client, schemas'",
        package
            .parent()
            .map(|p| p.display().to_string())
            .unwrap_or_default()
    );
    Ok(())
}
