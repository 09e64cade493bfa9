//! Where the macro writes the Python, TypeScript and proto clients when `out` is not given.

use std::path::{Path, PathBuf};

/// `$OUT_DIR/clientgen` when the crate has a build script (Cargo sets `OUT_DIR` only then);
/// else `<target dir>/clientgen/<package>`, the target dir being `$CARGO_TARGET_DIR` or
/// `target/` beside the nearest `Cargo.lock` at or above `manifest_dir`.
pub fn default_out(manifest_dir: &Path) -> PathBuf {
    if let Some(out_dir) = std::env::var_os("OUT_DIR") {
        return PathBuf::from(out_dir).join("clientgen");
    }
    let package = std::env::var("CARGO_PKG_NAME").unwrap_or_else(|_| "crate".to_string());
    target_dir(manifest_dir).join("clientgen").join(package)
}

fn target_dir(manifest_dir: &Path) -> PathBuf {
    if let Some(dir) = std::env::var_os("CARGO_TARGET_DIR") {
        return manifest_dir.join(dir);
    }
    manifest_dir
        .ancestors()
        .find(|dir| dir.join("Cargo.lock").is_file())
        .unwrap_or(manifest_dir)
        .join("target")
}
