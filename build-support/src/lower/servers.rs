//! Server URLs made absolute against the URL the document was read from.
//!
//! A spec read from a URL (`clientgen generate -u URL`, [`crate::Generator::source_url`]) knows
//! where it lives: its relative `servers` entries are resolved against that URL as RFC 3986
//! says (`/api` against `http://h:8000/openapi.json` is `http://h:8000/api`), and a spec
//! listing no servers gets the URL's origin, since OpenAPI's default server is `/`. A FastAPI
//! app mounted under a prefix lists that prefix in `servers` itself (its `root_path`), so the
//! origin is right there too. Without a URL, or with one that is not absolute, servers stay as
//! the spec gives them.

/// `servers` made absolute against `document_url`; `[origin]` when `servers` is empty. A
/// result never ends in `/` (clients join it with paths that start with one); an absolute
/// server is kept as written.
pub fn resolve_servers(servers: &[String], document_url: &str) -> Vec<String> {
    let Some(base) = Base::parse(document_url) else {
        return servers.to_vec();
    };
    if servers.is_empty() {
        return vec![base.origin()];
    }
    servers.iter().map(|server| base.resolve(server)).collect()
}

/// An absolute URL taken apart: `scheme://authority` and its path (no query or fragment).
struct Base<'a> {
    scheme: &'a str,
    authority: &'a str,
    path: &'a str,
}

impl<'a> Base<'a> {
    fn parse(url: &'a str) -> Option<Base<'a>> {
        let (scheme, rest) = url.split_once("://")?;
        let valid_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
        if !valid_scheme {
            return None;
        }
        let rest = rest.split(['?', '#']).next().unwrap_or_default();
        let (authority, path) = match rest.find('/') {
            Some(slash) => rest.split_at(slash),
            None => (rest, ""),
        };
        (!authority.is_empty()).then_some(Base {
            scheme,
            authority,
            path,
        })
    }

    fn origin(&self) -> String {
        format!("{}://{}", self.scheme, self.authority)
    }

    /// `reference` resolved against this URL.
    fn resolve(&self, reference: &str) -> String {
        if has_scheme(reference) {
            return reference.to_string();
        }
        let resolved = if let Some(network) = reference.strip_prefix("//") {
            format!("{}://{network}", self.scheme)
        } else {
            // The query and fragment of a server URL mean nothing to a base URL.
            let reference = reference.split(['?', '#']).next().unwrap_or_default();
            let path = if reference.starts_with('/') {
                remove_dot_segments(reference)
            } else {
                let directory = &self.path[..self.path.rfind('/').map_or(0, |slash| slash + 1)];
                let directory = if directory.is_empty() { "/" } else { directory };
                remove_dot_segments(&format!("{directory}{reference}"))
            };
            format!("{}{path}", self.origin())
        };
        resolved.trim_end_matches('/').to_string()
    }
}

/// Whether `reference` starts with a scheme (`https:`), so is absolute.
fn has_scheme(reference: &str) -> bool {
    match reference.find(':') {
        Some(colon) => {
            let scheme = &reference[..colon];
            scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        }
        None => false,
    }
}

/// RFC 3986 §5.2.4 on an absolute path: `.` and `..` segments taken out.
fn remove_dot_segments(path: &str) -> String {
    let mut segments: Vec<&str> = Vec::new();
    let parts: Vec<&str> = path.split('/').skip(1).collect();
    for (index, segment) in parts.iter().enumerate() {
        let last = index + 1 == parts.len();
        match *segment {
            "." => {
                if last {
                    segments.push("");
                }
            }
            ".." => {
                segments.pop();
                if last {
                    segments.push("");
                }
            }
            other => segments.push(other),
        }
    }
    format!("/{}", segments.join("/"))
}

#[cfg(test)]
mod tests {
    use super::resolve_servers;

    fn resolve(servers: &[&str], url: &str) -> Vec<String> {
        let servers: Vec<String> = servers.iter().map(|s| s.to_string()).collect();
        resolve_servers(&servers, url)
    }

    const FASTAPI: &str = "http://127.0.0.1:8000/openapi.json";

    #[test]
    fn a_spec_without_servers_gets_the_origin_of_its_url() {
        assert_eq!(resolve(&[], FASTAPI), ["http://127.0.0.1:8000"]);
        assert_eq!(
            resolve(&[], "https://api.example.com/v2/docs/openapi.yaml?x=1"),
            ["https://api.example.com"]
        );
        assert_eq!(resolve(&[], "http://h:1"), ["http://h:1"]);
    }

    #[test]
    fn an_absolute_path_server_goes_under_the_origin() {
        assert_eq!(
            resolve(&["/api/v1"], FASTAPI),
            ["http://127.0.0.1:8000/api/v1"]
        );
        assert_eq!(resolve(&["/"], FASTAPI), ["http://127.0.0.1:8000"]);
        assert_eq!(
            resolve(&["/api/"], "http://h/docs/openapi.json"),
            ["http://h/api"]
        );
    }

    #[test]
    fn a_relative_server_is_resolved_against_the_documents_folder() {
        let url = "https://h.example/specs/v1/openapi.json";
        assert_eq!(resolve(&["api"], url), ["https://h.example/specs/v1/api"]);
        assert_eq!(resolve(&["./api"], url), ["https://h.example/specs/v1/api"]);
        assert_eq!(resolve(&["../api"], url), ["https://h.example/specs/api"]);
        assert_eq!(resolve(&["."], url), ["https://h.example/specs/v1"]);
        assert_eq!(resolve(&["../../../x"], url), ["https://h.example/x"]);
    }

    #[test]
    fn absolute_servers_stay_as_written_and_order_is_kept() {
        assert_eq!(
            resolve(
                &["https://eu.example.com/v2", "/rel", "//cdn.example/x"],
                FASTAPI
            ),
            [
                "https://eu.example.com/v2",
                "http://127.0.0.1:8000/rel",
                "http://cdn.example/x"
            ]
        );
    }

    #[test]
    fn without_an_absolute_url_servers_stay_as_they_are() {
        assert_eq!(resolve(&["/api"], "openapi.json"), ["/api"]);
        assert!(resolve(&[], "specs/openapi.json").is_empty());
        assert_eq!(resolve(&["/api"], "1http://h/x"), ["/api"]);
    }
}
