//! Where a target is written: a folder you name, or one under Cargo's `OUT_DIR`.

use std::path::{Path, PathBuf};

use crate::Error;

/// Where [`Generator`](crate::Generator) writes a client: any path (relative ones from the
/// current directory, which in a build script is the crate's manifest folder), or an
/// [`OutDir`] folder. Every `&str`, `String`, `&Path` and `PathBuf` converts into one, so
/// `.python("clients/my_client")` and `.python(OutDir::join("my_client"))` both read naturally.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Destination(Kind);

#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    Path(PathBuf),
    OutDir(PathBuf),
}

/// A folder under Cargo's `OUT_DIR`, found when [`Generator::generate`](crate::Generator::generate)
/// runs (Cargo sets `OUT_DIR` for build scripts only; elsewhere `generate()` returns an error
/// that says so).
///
/// Write there when the crate is published, or when only the build needs the files: `cargo
/// package` refuses a crate whose build script writes into its source folder ("Source
/// directory was modified by build.rs"), and `cargo clean` removes what is there. Name a
/// source folder instead (`.python("clients/my_client")`) when the generated client is checked
/// in, or read by other tooling (a web app's bundler, a Python project).
///
/// ```no_run
/// // build.rs
/// use clientgen_build::{Generator, OutDir};
///
/// fn main() -> Result<(), clientgen_build::Error> {
///     Generator::new("openapi.json")
///         .python(OutDir::join("my_client"))   // $OUT_DIR/my_client/
///         .typescript(OutDir::join("ts"))      // $OUT_DIR/ts/index.ts, …
///         .proto(OutDir::join("proto"))        // $OUT_DIR/proto/<zone>/…
///         .generate()
/// }
/// ```
///
/// The crate then reaches the files with `concat!(env!("OUT_DIR"), "/my_client/client.py")`
/// (in `include_str!`, say).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutDir;

impl OutDir {
    /// The folder `path` under `OUT_DIR` (`""`: `OUT_DIR` itself).
    ///
    /// ```no_run
    /// // build.rs
    /// use clientgen_build::{Generator, OutDir};
    ///
    /// fn main() -> Result<(), clientgen_build::Error> {
    ///     Generator::new("openapi.json")
    ///         .python(OutDir::join("python/my_client")) // $OUT_DIR/python/my_client/
    ///         .generate()
    /// }
    /// ```
    pub fn join(path: impl Into<PathBuf>) -> Destination {
        Destination(Kind::OutDir(path.into()))
    }
}

impl<P: AsRef<Path>> From<P> for Destination {
    fn from(path: P) -> Self {
        Destination(Kind::Path(path.as_ref().to_path_buf()))
    }
}

impl Destination {
    /// The folder itself: `OUT_DIR`-relative ones joined to `out_dir` (`None`: not set).
    pub(crate) fn resolve(&self, out_dir: Option<&Path>) -> Result<PathBuf, Error> {
        match &self.0 {
            Kind::Path(path) => Ok(path.clone()),
            Kind::OutDir(path) => match out_dir {
                Some(out_dir) if path.as_os_str().is_empty() => Ok(out_dir.to_path_buf()),
                Some(out_dir) => Ok(out_dir.join(path)),
                None => Err(Error::Config(format!(
                    "{} needs OUT_DIR, which Cargo sets only for build scripts: generate from \
                     build.rs, or name a folder",
                    if path.as_os_str().is_empty() {
                        ".rust_to_out_dir()".to_string()
                    } else {
                        format!("OutDir::join({:?})", path.display().to_string())
                    }
                ))),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_used_as_given() {
        let destination = Destination::from("clients/my_client");
        assert_eq!(
            destination.resolve(None).unwrap(),
            PathBuf::from("clients/my_client")
        );
    }

    #[test]
    fn an_out_dir_folder_is_joined_to_out_dir() {
        let out = Path::new("/target/debug/build/x/out");
        assert_eq!(
            OutDir::join("py").resolve(Some(out)).unwrap(),
            out.join("py")
        );
        assert_eq!(OutDir::join("").resolve(Some(out)).unwrap(), out);
    }

    #[test]
    fn an_out_dir_folder_without_out_dir_is_a_config_error_that_says_why() {
        let error = OutDir::join("py").resolve(None).unwrap_err().to_string();
        assert!(error.contains("needs OUT_DIR"), "{error}");
        assert!(error.contains("build scripts"), "{error}");
    }
}
