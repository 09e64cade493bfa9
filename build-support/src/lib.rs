//! The clientgen core and the build.rs API.
//!
//! Data flows one way: [`load`] → [`normalize`] → [`lower`] (to the [`ir`]) → [`targets`] (to a
//! [`tree::Tree`] per language) → [`write`](mod@write). Each stage only calls the stages to its left.
//!
//! Most users want [`Generator`]:
//!
//! ```no_run
//! // build.rs
//! fn main() -> Result<(), clientgen_build::Error> {
//!     clientgen_build::Generator::new("openapi.json")
//!         .python("clients/python/my_client")
//!         .generate()
//! }
//! ```

#![warn(missing_docs)]

mod destination;
pub mod diagnostics;
mod error;
mod generator;
pub mod ir;
pub mod load;
pub mod locate;
pub mod lower;
pub mod normalize;
mod scan;
mod spec;
pub mod targets;
mod threads;
pub mod tree;
pub mod write;
pub mod zones;

pub use destination::{Destination, OutDir};
pub use diagnostics::{Diagnostic, Severity};
pub use error::Error;
pub use generator::{Generator, Outcome};
pub use spec::Spec;
pub use targets::proto::EnumStyle as ProtoEnumStyle;
pub use targets::proto::Layout as ProtoLayout;
pub use targets::python::PythonStyle;
pub use zones::{Layout, ZoneConfig};
