//! Stage 3: lower a normalized (OpenAPI 3.0.3-shaped) document to the [`crate::ir`].
//!
//! STUB — being written by a helper.

use serde_json::Value;

use crate::diagnostics::Diagnostics;
use crate::ir;

/// Lowers `document` to an [`ir::Api`], recording every problem in `diagnostics`.
pub fn lower(_document: &Value, _diagnostics: &mut Diagnostics) -> ir::Api {
    ir::Api {
        title: String::new(),
        version: String::new(),
        description: None,
        servers: Vec::new(),
        types: Vec::new(),
        operations: Vec::new(),
        security_schemes: Vec::new(),
    }
}
