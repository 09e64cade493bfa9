//! Spec bytes through load → normalize → lower → the Python target, in every style.
//!
//! Whatever the bytes, this must return: no panic, no hang, no unbounded memory, and no raw NUL
//! or CR in any generated file. A spec error is a normal outcome.

#![no_main]

use clientgen_build::targets::python::{self, Options, PythonStyle};
use clientgen_build::{Error, Spec};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(spec) = Spec::from_text("fuzz.json", text.to_string()) else {
        return;
    };
    for (style, asyncio) in [(PythonStyle::Functions, false), (PythonStyle::Class, true)] {
        let options = Options {
            style,
            asyncio,
            package_name: python::default_package_name(&spec.api),
            spec_name: spec.file_name(),
        };
        let tree = match python::emit(&spec.api, &options) {
            Ok(tree) => tree,
            Err(Error::Internal(message)) => panic!("internal error: {message}"),
            Err(error) => panic!("the Python target refused a lowered spec: {error}"),
        };
        // Python refuses a NUL anywhere in the source; a CR would make line numbers disagree.
        for (path, file) in tree.files() {
            assert!(
                !file.contents.contains(['\0', '\r']),
                "{path} holds a raw NUL or CR"
            );
        }
    }
});
