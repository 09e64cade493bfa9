//! Generates the Python client of `openapi.json` into `clients/petstore/` on every build, and
//! again when that folder is deleted.
//!
//! A source folder, since the client is for Python tooling outside this crate (and the crate is
//! not published: `cargo package` refuses a build script that writes into the source tree; a
//! published crate writes under `OUT_DIR` with `clientgen_build::OutDir::join("petstore")`).

fn main() -> Result<(), clientgen_build::Error> {
    clientgen_build::Generator::new("openapi.json")
        .python("clients/petstore")
        .generate()
}
