//! The Protocol Buffers target: `messages.proto`, `service.proto`, README and `buf.yaml` per zone,
//! with field numbers kept stable by a lock file.
//!
//! STUB — being written by a helper.

use crate::tree::Tree;
use crate::{Error, ir};

/// The lock file's name, beside the output (`<proto dir>/clientgen.proto.lock`).
pub const LOCK_FILE: &str = "clientgen.proto.lock";

/// Options of the proto target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The spec's file name, for the generated header.
    pub spec_name: String,
    /// The zone name (the whole API is one zone until zones exist).
    pub zone: String,
    /// The lock file a previous run wrote, if any: the field and enum numbers to keep.
    pub previous_lock: Option<String>,
}

/// Emits the proto tree for `api`, including the updated lock file at [`LOCK_FILE`].
pub fn emit(_api: &ir::Api, _options: &Options) -> Result<Tree, Error> {
    Err(Error::Config(
        "the proto target is not available yet".to_string(),
    ))
}
