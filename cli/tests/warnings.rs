//! `clientgen check` names every spec feature the clients do not carry, once per feature, with
//! where it is and what was done instead (tests/fixtures/warnings/unsupported.json).

use std::path::Path;
use std::process::Command;

#[test]
fn check_prints_one_warning_per_unsupported_feature_and_exits_0() {
    let spec =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/warnings/unsupported.json");
    let output = Command::new(env!("CARGO_BIN_EXE_clientgen"))
        .arg("check")
        .arg("-f")
        .arg(&spec)
        .output()
        .expect("the clientgen binary runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let shown = format!("{stdout}{stderr}");
    assert!(output.status.success(), "{shown}");
    let warnings: Vec<&str> = shown
        .lines()
        .filter_map(|line| line.strip_prefix("warning: "))
        .collect();
    assert_eq!(
        warnings,
        [
            "`not` is not supported: it is ignored, so the values it excludes are accepted",
            "`if`/`then`/`else` is not supported: the schema is read without the condition (2 places; also at #/components/schemas/File/then)",
            "`patternProperties` is not supported: properties matching the patterns are not typed (an object without other properties is read as a map of any value)",
            "`xml` is not supported: XML names, attributes and wrapping are ignored; XML bodies are sent and read as text",
            "`callbacks` are not generated: clients make requests; code for the requests a server sends back is left out",
            "`webhooks` are not generated: clients make requests; code for receiving webhooks is left out",
            "response `links` are not supported: no helper follows them; the linked operations are generated as usual",
            "`allowReserved` is not supported: reserved characters in the value are percent-encoded",
            "`encoding` of a request body is not supported: parts and fields are sent with their default content type and no extra headers",
        ],
        "{shown}"
    );
    // Each names its place, with the line and column in the file.
    assert!(
        shown.contains("unsupported.json:9:")
            && shown.contains("at #/paths/~1files~1{path}/post/parameters/0/allowReserved"),
        "{shown}"
    );
}
