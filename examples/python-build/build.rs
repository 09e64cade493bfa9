//! Generates the Python client of `openapi.json` into `clients/petstore/` on every build.

fn main() -> Result<(), clientgen_build::Error> {
    clientgen_build::Generator::new("openapi.json")
        .python("clients/petstore")
        .generate()
}
