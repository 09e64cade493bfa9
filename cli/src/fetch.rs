//! Reading a served spec for `-u URL`.

use std::error::Error as _;
use std::time::Duration;

use reqwest::Url;

/// How long a request may take.
const TIMEOUT: Duration = Duration::from_secs(60);

/// Where frameworks serve their spec, for the message about a URL that served HTML.
const USUAL_PATHS: &[(&str, &str)] = &[
    ("/openapi.json", "FastAPI"),
    ("/api/schema/", "drf-spectacular"),
    ("/swagger.json", "Swagger 2 servers"),
    ("/v3/api-docs", "springdoc"),
    ("/openapi.yaml", "many others"),
];

/// Why a spec could not be had from a URL.
#[derive(Debug)]
pub enum FetchError {
    /// The URL itself is not one clientgen can read: a usage error.
    Url(String),
    /// The server could not be reached, or did not serve a spec.
    Served(String),
}

/// The body of `url`, or why it could not be had.
pub fn fetch(url: &str) -> Result<String, FetchError> {
    let parsed = parse(url).map_err(FetchError::Url)?;
    let failed = |reason: String| {
        FetchError::Served(format!(
            "error: cannot read the spec at {url}: {reason}; check that the server is up and \
             the URL is right"
        ))
    };
    // reqwest comes without a crypto provider (see Cargo.toml): the runtime's, for this client.
    let tls = clientgen::tls::client_config().map_err(|e| failed(e.to_string()))?;
    let client = reqwest::blocking::Client::builder()
        .tls_backend_preconfigured(tls)
        .timeout(TIMEOUT)
        .build()
        .map_err(|e| failed(cause(&e)))?;
    let response = client
        .get(parsed.clone())
        .send()
        .map_err(|e| failed(cause(&e)))?;
    let status = response.status();
    if !status.is_success() {
        return Err(failed(format!("the server answered {status}")));
    }
    let html_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.contains("html"));
    let body = response.text().map_err(|e| failed(cause(&e)))?;
    if html_type || looks_like_html(&body) {
        return Err(FetchError::Served(served_html(url, &parsed)));
    }
    Ok(body)
}

/// `url` as a URL clientgen reads: http or https.
fn parse(url: &str) -> Result<Url, String> {
    let no_scheme = || {
        format!(
            "error: the URL `{url}` has no scheme: write `http://{url}` (or https://); a spec \
             file is read with -f FILE"
        )
    };
    if !url.contains("://") {
        return Err(no_scheme());
    }
    let parsed = Url::parse(url).map_err(|e| format!("error: `{url}` is not a URL: {e}"))?;
    match parsed.scheme() {
        "http" | "https" => Ok(parsed),
        scheme => Err(format!(
            "error: clientgen reads URLs over http and https, not {scheme}; a spec file is read \
             with -f FILE"
        )),
    }
}

/// Whether a body is an HTML page (a docs page, a login page…) rather than a spec.
fn looks_like_html(body: &str) -> bool {
    let start: String = body
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(15)
        .collect::<String>()
        .to_ascii_lowercase();
    start.starts_with("<!doctype html") || start.starts_with("<html")
}

/// The message for a URL that served an HTML page: where specs usually are.
fn served_html(url: &str, parsed: &Url) -> String {
    let origin = parsed.origin().ascii_serialization();
    let tries: Vec<String> = USUAL_PATHS
        .iter()
        .map(|(path, who)| format!("  {origin}{path} ({who})"))
        .collect();
    format!(
        "error: {url} served an HTML page, not an OpenAPI document (a docs page such as /docs \
         or /swagger-ui/ shows the spec but is not it); the spec is usually at one of:\n{}",
        tries.join("\n")
    )
}

/// What went wrong with a request, with every cause in its chain (`connection refused`,
/// `dns error: failed to lookup address`, `operation timed out`), not only reqwest's summary.
fn cause(error: &reqwest::Error) -> String {
    let mut parts = vec![error.to_string()];
    let mut source = error.source();
    while let Some(next) = source {
        let text = next.to_string();
        if !parts.iter().any(|part| part.contains(&text)) {
            parts.push(text);
        }
        source = next.source();
    }
    let mut message = parts.join(": ");
    if error.is_timeout() {
        message.push_str(&format!(
            " (no answer within {} seconds)",
            TIMEOUT.as_secs()
        ));
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_without_scheme_says_so() {
        let message = parse("localhost:8000/openapi.json").unwrap_err();
        assert!(message.contains("has no scheme"), "{message}");
        assert!(
            message.contains("http://localhost:8000/openapi.json"),
            "{message}"
        );
    }

    #[test]
    fn other_schemes_are_refused() {
        assert!(
            parse("ftp://example.com/openapi.json")
                .unwrap_err()
                .contains("ftp")
        );
        assert!(parse("https://example.com/openapi.json").is_ok());
    }

    #[test]
    fn html_pages_are_recognized() {
        assert!(looks_like_html("\n  <!DOCTYPE html>\n<html>"));
        assert!(looks_like_html("<html lang=\"en\">"));
        assert!(!looks_like_html("openapi: 3.1.0\n"));
        assert!(!looks_like_html("{\"openapi\": \"3.1.0\"}"));
    }
}
