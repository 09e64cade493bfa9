//! Reading a served spec for `-u URL`.

use std::time::Duration;

/// The body of `url`, or a message saying why it could not be had.
pub fn fetch(url: &str) -> Result<String, String> {
    let failed = |reason: String| {
        format!(
            "error: cannot read the spec at {url}: {reason}; check that the server is up and the URL is right"
        )
    };
    // reqwest comes without a crypto provider (see Cargo.toml): ring is ours.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let client = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(60))
        .build()
        .map_err(|e| failed(e.to_string()))?;
    let response = client.get(url).send().map_err(|e| failed(e.to_string()))?;
    let status = response.status();
    if !status.is_success() {
        return Err(failed(format!("the server answered {status}")));
    }
    response.text().map_err(|e| failed(e.to_string()))
}
