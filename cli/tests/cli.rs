//! The `clientgen` command as scripts see it: flags, exit codes, messages.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn clientgen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clientgen"))
        .args(args)
        .output()
        .expect("the clientgen binary runs")
}

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(path)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn generate_writes_the_python_package_and_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("petstore");
    let spec = fixture("handwritten/petstore-fastapi.json");
    let output = clientgen(&[
        "generate",
        "-f",
        spec.to_str().unwrap(),
        "--python-out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    for file in [
        "__init__.py",
        "client.py",
        "schemas/__init__.py",
        "config.py",
        "py.typed",
        "pyproject.toml",
        "transport.py",
        "README.md",
    ] {
        assert!(out.join(file).is_file(), "{file} missing");
    }
}

#[test]
fn out_dir_puts_python_under_python_and_the_api_name() {
    let dir = tempfile::tempdir().unwrap();
    let spec = fixture("handwritten/petstore-fastapi.json");
    let output = clientgen(&[
        "generate",
        "-f",
        spec.to_str().unwrap(),
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(dir.path().join("python/pet_store/client.py").is_file());
}

#[test]
fn spec_errors_exit_1_and_list_every_problem() {
    let spec = fixture("invalid/dangling.json");
    let output = clientgen(&["check", "-f", spec.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("#/components/schemas/Nope` points at nothing"),
        "{stderr}"
    );
    assert!(
        stderr.contains("#/components/schemas/Missing` points at nothing"),
        "{stderr}"
    );
    assert!(stderr.contains("the spec has 2 errors"), "{stderr}");
}

#[test]
fn check_of_a_good_spec_exits_0_with_counts() {
    let spec = fixture("handwritten/petstore-fastapi.json");
    let output = clientgen(&["check", "-f", spec.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(
        text(&output.stdout).contains(": ok, 4 operations, 7 types, 0 warnings"),
        "{}",
        text(&output.stdout)
    );
}

#[test]
fn usage_errors_exit_2() {
    let spec = fixture("handwritten/petstore-fastapi.json");
    let spec = spec.to_str().unwrap();
    for args in [
        vec!["generate", "--python-out", "x"],
        vec!["generate", "-f", spec],
        vec![
            "generate",
            "-f",
            spec,
            "-u",
            "http://127.0.0.1:1/x",
            "-o",
            "x",
        ],
        vec!["generate", "-f", spec, "--python-style", "fancy", "-o", "x"],
    ] {
        let output = clientgen(&args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            text(&output.stderr)
        );
    }
}

#[test]
fn url_input_reads_a_served_spec() {
    let spec = std::fs::read_to_string(fixture("handwritten/petstore-fastapi.json")).unwrap();
    let (url, server) = serve_once(spec, "/openapi.json");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("served");
    let output = clientgen(&[
        "generate",
        "-u",
        &url,
        "--python-out",
        out.to_str().unwrap(),
    ]);
    server.join().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let client = std::fs::read_to_string(out.join("client.py")).unwrap();
    assert!(client.contains("def list_pets("));
}

#[test]
fn unreachable_url_exits_1_with_advice() {
    let output = clientgen(&[
        "generate",
        "-u",
        "http://127.0.0.1:1/openapi.json",
        "-o",
        "unused",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("check that the server is up"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn zones_put_each_zone_in_its_folder_and_warn_about_empty_zones() {
    let dir = tempfile::tempdir().unwrap();
    let zones = dir.path().join("zones.toml");
    std::fs::write(
        &zones,
        "[zones.cfg_pets]\npaths = [\"/pets\"]\n[zones.billing]\ntags = [\"billing\"]\n",
    )
    .unwrap();
    let out = dir.path().join("clients");
    let spec = fixture("handwritten/petstore-fastapi.json");
    let output = clientgen(&[
        "generate",
        "-f",
        spec.to_str().unwrap(),
        "--zones",
        zones.to_str().unwrap(),
        "--python-out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(out.join("cfg/cfg_pets/client.py").is_file());
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("warning: zone `billing` has no operation"),
        "{stderr}"
    );
    assert!(stderr.contains("zones.toml:3:8"), "{stderr}");
}

#[test]
fn zones_file_errors_exit_1_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let zones = dir.path().join("zones.toml");
    std::fs::write(
        &zones,
        "[zones.admin]\ntags = [\"admin\"]\nprefixes = [\"/a\"]\n",
    )
    .unwrap();
    let spec = fixture("handwritten/petstore-fastapi.json");
    let output = clientgen(&[
        "generate",
        "-f",
        spec.to_str().unwrap(),
        "--zones",
        zones.to_str().unwrap(),
        "-o",
        dir.path().join("out").to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(stderr.starts_with("error:"), "{stderr}");
    assert!(stderr.contains("unknown field `prefixes`"), "{stderr}");
    assert!(stderr.contains("zones.toml:3:1"), "{stderr}");
    assert!(!dir.path().join("out").exists());
}

#[test]
fn zones_conflict_exits_1_naming_both_zones() {
    let dir = tempfile::tempdir().unwrap();
    let spec = reference_spec();
    let output = clientgen(&[
        "generate",
        "-f",
        spec.to_str().unwrap(),
        "--zones",
        fixture("zones/conflict.toml").to_str().unwrap(),
        "-o",
        dir.path().join("out").to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("is in two zones: `cfg_support` and `admin`"),
        "{stderr}"
    );
}

#[test]
fn rust_out_writes_the_file_build_rs_writes() {
    let dir = tempfile::tempdir().unwrap();
    let spec = reference_spec();
    let output = clientgen(&[
        "generate",
        "-f",
        spec.to_str().unwrap(),
        "--rust-out",
        dir.path().join("cli").to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    clientgen_build::Generator::new(&spec)
        .rust(dir.path().join("build_rs"))
        .emit_rerun_if_changed(false)
        .generate()
        .unwrap();
    let written: Vec<_> = std::fs::read_dir(dir.path().join("cli"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .filter(|name| name.to_string_lossy().ends_with(".rs"))
        .collect();
    assert_eq!(written.len(), 1, "{written:?}");
    let from_cli = std::fs::read_to_string(dir.path().join("cli").join(&written[0])).unwrap();
    let from_build_rs =
        std::fs::read_to_string(dir.path().join("build_rs").join(&written[0])).unwrap();
    assert!(from_cli.contains("pub struct Client"), "{from_cli}");
    assert_eq!(from_cli, from_build_rs);
}

/// The reference app's spec, as the Rust tests keep it.
fn reference_spec() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/rust/specs/reference.json")
}

/// Serves `spec` once at `http://127.0.0.1:<port>{path}`; returns the URL and the thread.
fn serve_once(spec: String, path: &str) -> (String, std::thread::JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}{path}", listener.local_addr().unwrap());
    let server = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut request = [0u8; 4096];
        let _ = stream.read(&mut request).unwrap();
        let head = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
            spec.len()
        );
        stream.write_all(head.as_bytes()).unwrap();
        stream.write_all(spec.as_bytes()).unwrap();
    });
    (url, server)
}

/// A one-operation spec with `servers` as given (JSON text, or nothing).
fn small_spec(servers: Option<&str>) -> String {
    let servers = servers.map_or(String::new(), |servers| format!(r#""servers": {servers},"#));
    format!(
        r#"{{"openapi": "3.1.0", "info": {{"title": "Served", "version": "1"}}, {servers}
        "paths": {{"/ping": {{"get": {{"operationId": "ping", "responses": {{"200": {{"description": "ok",
        "content": {{"application/json": {{"schema": {{"type": "string"}}}}}}}}}}}}}}}}}}"#
    )
}

/// Every generated file under `dir` whose text contains `needle`, by language folder.
fn languages_holding(dir: &Path, needle: &str) -> Vec<String> {
    let mut found = Vec::new();
    for language in ["python", "typescript", "rust"] {
        let mut stack = vec![dir.join(language)];
        let mut holds = false;
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            } else if std::fs::read_to_string(&path).is_ok_and(|text| text.contains(needle)) {
                holds = true;
            }
        }
        if holds {
            found.push(language.to_string());
        }
    }
    found
}

#[test]
fn a_served_spec_without_servers_gets_the_origin_as_base_url_in_every_client() {
    let (url, server) = serve_once(small_spec(None), "/openapi.json");
    let origin = url.trim_end_matches("/openapi.json").to_string();
    let dir = tempfile::tempdir().unwrap();
    let output = clientgen(&["generate", "-u", &url, "-o", dir.path().to_str().unwrap()]);
    server.join().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(
        languages_holding(dir.path(), &format!("\"{origin}\"")),
        ["python", "typescript", "rust"],
        "{origin}"
    );
}

#[test]
fn a_served_specs_relative_server_is_resolved_against_its_url_in_every_client() {
    let spec = small_spec(Some(
        r#"[{"url": "../api/v2/"}, {"url": "https://eu.example.com"}]"#,
    ));
    let (url, server) = serve_once(spec, "/docs/openapi.json");
    let expected = url.replace("/docs/openapi.json", "/api/v2");
    let dir = tempfile::tempdir().unwrap();
    let output = clientgen(&["generate", "-u", &url, "-o", dir.path().to_str().unwrap()]);
    server.join().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(
        languages_holding(dir.path(), &format!("\"{expected}\"")),
        ["python", "typescript", "rust"],
        "{expected}"
    );
}

/// The petstore fixture's path, as text.
fn petstore() -> String {
    fixture("handwritten/petstore-fastapi.json")
        .to_str()
        .unwrap()
        .to_string()
}

/// Runs `args`, checks the exit code and that stderr starts with `error:`; returns stderr.
fn refused(args: &[&str], code: i32) -> String {
    let output = clientgen(args);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(code), "{args:?}: {stderr}");
    assert!(stderr.starts_with("error:"), "{args:?}: {stderr}");
    stderr
}

/// Serves `body` as `content_type` once; returns the URL and the thread.
fn serve_page(
    body: &'static str,
    content_type: &'static str,
) -> (String, std::thread::JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/docs", listener.local_addr().unwrap());
    let server = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut request = [0u8; 4096];
        let _ = stream.read(&mut request).unwrap();
        let head = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: {content_type}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
            body.len()
        );
        stream.write_all(head.as_bytes()).unwrap();
        stream.write_all(body.as_bytes()).unwrap();
    });
    (url, server)
}

#[test]
fn help_shows_examples_for_every_command() {
    for args in [
        vec!["--help"],
        vec!["generate", "--help"],
        vec!["check", "--help"],
    ] {
        let output = clientgen(&args);
        assert_eq!(output.status.code(), Some(0));
        let stdout = text(&output.stdout);
        assert!(stdout.contains("Examples:"), "{args:?}: {stdout}");
        assert!(stdout.contains("clientgen "), "{args:?}: {stdout}");
    }
}

#[test]
fn out_with_lang_writes_the_one_package_into_the_folder_itself() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("my_client");
    let spec = petstore();
    let output = clientgen(&[
        "generate",
        "-f",
        &spec,
        "-o",
        out.to_str().unwrap(),
        "--lang",
        "python",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(out.join("client.py").is_file());
    assert!(!out.join("python").exists());
    assert!(!out.join("typescript").exists());
}

#[test]
fn opc_and_clientele_spellings_of_our_flags_are_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let spec = petstore();
    for (flag, out_flag, folder) in [
        ("--path", "--output-path", "opc"),
        ("-f", "--output", "clientele"),
    ] {
        let out = dir.path().join(folder);
        let output = clientgen(&[
            "generate",
            flag,
            &spec,
            out_flag,
            out.to_str().unwrap(),
            "--lang",
            "python",
        ]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{flag}: {}",
            text(&output.stderr)
        );
        assert!(out.join("client.py").is_file(), "{flag}");
    }
}

#[test]
fn other_generators_spellings_name_ours() {
    let spec = petstore();
    for (args, ours) in [
        (
            vec!["generate-class", "-f", &spec, "-o", "x"],
            "--python-style class",
        ),
        (
            vec!["generate", "-f", &spec, "-o", "x", "--asyncio", "t"],
            "write `--asyncio`",
        ),
        (
            vec!["generate", "-f", &spec, "-o", "x", "--regen", "t"],
            "run the same command again",
        ),
        (
            vec!["generate", "-f", &spec, "-o", "x", "--overwrite"],
            "--force",
        ),
    ] {
        let stderr = refused(&args, 2);
        assert!(stderr.contains(ours), "{args:?}: {stderr}");
    }
}

#[test]
fn options_that_do_not_apply_are_refused_not_ignored() {
    let spec = petstore();
    let stderr = refused(
        &[
            "generate",
            "-f",
            &spec,
            "--typescript-out",
            "web",
            "--asyncio",
        ],
        2,
    );
    assert!(
        stderr.contains("--asyncio applies to the python output"),
        "{stderr}"
    );
    let stderr = refused(
        &[
            "generate",
            "-f",
            &spec,
            "--python-out",
            "p",
            "--proto-layout",
            "versioned",
        ],
        2,
    );
    assert!(stderr.contains("--proto-layout"), "{stderr}");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pkg");
    let stderr = refused(
        &[
            "generate",
            "-f",
            &spec,
            "--python-out",
            out.to_str().unwrap(),
            "--python-style",
            "package",
            "--asyncio",
        ],
        2,
    );
    assert!(
        stderr.contains("always have both `sync` and `asyncio`"),
        "{stderr}"
    );
    assert!(!out.exists());
}

#[test]
fn input_problems_exit_1_and_every_message_starts_with_error() {
    let dir = tempfile::tempdir().unwrap();
    let spec = petstore();
    let out = dir.path().join("out");
    let out = out.to_str().unwrap();
    refused(&["generate", "-f", "missing.json", "-o", out], 1);
    refused(&["check", "-f", "missing.json"], 1);
    refused(
        &[
            "generate",
            "-f",
            &spec,
            "--zones",
            "missing.toml",
            "-o",
            out,
        ],
        1,
    );
    let mine = dir.path().join("mine");
    std::fs::create_dir(&mine).unwrap();
    std::fs::write(mine.join("notes.txt"), "mine").unwrap();
    let stderr = refused(
        &[
            "generate",
            "-f",
            &spec,
            "--python-out",
            mine.to_str().unwrap(),
        ],
        1,
    );
    assert!(stderr.contains("--force"), "{stderr}");
}

#[test]
fn python_folders_named_like_keywords_or_stdlib_modules_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let spec = petstore();
    for (name, reason) in [
        ("class", "keyword"),
        ("http", "standard library"),
        ("my-client", "identifier"),
    ] {
        let out = dir.path().join(name);
        let stderr = refused(
            &[
                "generate",
                "-f",
                &spec,
                "--python-out",
                out.to_str().unwrap(),
            ],
            1,
        );
        assert!(stderr.contains(reason), "{name}: {stderr}");
        assert!(!out.exists(), "{name}");
    }
}

#[test]
fn force_keeps_the_users_own_readme_and_refuses_to_overwrite_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("my_client");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("README.md"), "my notes").unwrap();
    let spec = petstore();
    let stderr = refused(
        &[
            "generate",
            "-f",
            &spec,
            "--python-out",
            out.to_str().unwrap(),
            "--force",
        ],
        1,
    );
    assert!(stderr.contains("`README.md`"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(out.join("README.md")).unwrap(),
        "my notes"
    );
    assert!(!out.join("client.py").exists());
}

#[test]
fn the_env_prefix_is_settable() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("my_async");
    let spec = petstore();
    let output = clientgen(&[
        "generate",
        "-f",
        &spec,
        "--python-out",
        out.to_str().unwrap(),
        "--python-env-prefix",
        "PETS",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let config = std::fs::read_to_string(out.join("config.py")).unwrap();
    assert!(config.contains("PETS_BASE_URL"), "{config}");
    assert!(!config.contains("MY_ASYNC_"), "{config}");
    refused(
        &[
            "generate",
            "-f",
            &spec,
            "--python-out",
            dir.path().join("b").to_str().unwrap(),
            "--python-env-prefix",
            "MY-API",
        ],
        2,
    );
}

#[test]
fn a_url_without_scheme_says_so_and_exits_2() {
    let stderr = refused(
        &[
            "generate",
            "-u",
            "localhost:8000/openapi.json",
            "-o",
            "unused",
        ],
        2,
    );
    assert!(stderr.contains("has no scheme"), "{stderr}");
    assert!(
        stderr.contains("http://localhost:8000/openapi.json"),
        "{stderr}"
    );
}

#[test]
fn a_refused_connection_names_its_cause() {
    let stderr = refused(&["check", "-u", "http://127.0.0.1:1/openapi.json"], 1);
    assert!(
        stderr.to_lowercase().contains("connection refused"),
        "{stderr}"
    );
}

#[test]
fn an_html_page_at_the_url_suggests_where_specs_are() {
    for content_type in ["text/html; charset=utf-8", "text/plain"] {
        let (url, server) = serve_page(
            "<!DOCTYPE html>\n<html><body>docs</body></html>",
            content_type,
        );
        let stderr = refused(&["generate", "-u", &url, "-o", "unused"], 1);
        server.join().unwrap();
        assert!(stderr.contains("served an HTML page"), "{stderr}");
        for path in [
            "/openapi.json",
            "/api/schema/",
            "/swagger.json",
            "/v3/api-docs",
        ] {
            assert!(stderr.contains(path), "{path}: {stderr}");
        }
        assert!(!stderr.contains("YAML"), "{stderr}");
    }
}

#[test]
fn check_reads_a_served_spec() {
    let spec = std::fs::read_to_string(fixture("handwritten/petstore-fastapi.json")).unwrap();
    let (url, server) = serve_once(spec, "/openapi.json");
    let output = clientgen(&["check", "-u", &url]);
    server.join().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(
        text(&output.stdout).contains(": ok, 4 operations"),
        "{}",
        text(&output.stdout)
    );
}

#[test]
fn a_yaml_spec_indented_with_a_tab_says_tab() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("openapi.yaml");
    std::fs::write(
        &spec,
        "openapi: 3.0.0\ninfo:\n\ttitle: a\n  version: '1'\npaths: {}\n",
    )
    .unwrap();
    let stderr = refused(&["check", "-f", spec.to_str().unwrap()], 1);
    assert!(stderr.contains("indented with a tab"), "{stderr}");
}

#[test]
fn zones_set_environment_prefixes_and_refuse_python_names_of_stdlib_modules() {
    let dir = tempfile::tempdir().unwrap();
    let spec = petstore();
    let zones = dir.path().join("zones.toml");
    std::fs::write(
        &zones,
        "[python]\nenv_prefix = \"PETSTORE\"\n[zones.pets]\noperations = [\"list_pets\"]\n\
         [zones.admin]\noperations = [\"delete_pet\"]\nenv_prefix = \"ADMIN\"\n",
    )
    .unwrap();
    let out = dir.path().join("clients");
    let output = clientgen(&[
        "generate",
        "-f",
        &spec,
        "--zones",
        zones.to_str().unwrap(),
        "--python-out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let pets = std::fs::read_to_string(out.join("pets/config.py")).unwrap();
    assert!(pets.contains("PETSTORE_BASE_URL"), "{pets}");
    let admin = std::fs::read_to_string(out.join("admin/config.py")).unwrap();
    assert!(admin.contains("ADMIN_BASE_URL"), "{admin}");

    std::fs::write(&zones, "[zones.email]\npaths = [\"/pets\"]\n").unwrap();
    let out = dir.path().join("refused");
    let stderr = refused(
        &[
            "generate",
            "-f",
            &spec,
            "--zones",
            zones.to_str().unwrap(),
            "--python-out",
            out.to_str().unwrap(),
        ],
        1,
    );
    assert!(stderr.contains("zone `email`"), "{stderr}");
    assert!(stderr.contains("standard library"), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn a_bad_proto_flag_is_a_usage_error_and_a_bad_zones_file_value_an_input_error() {
    let dir = tempfile::tempdir().unwrap();
    let spec = petstore();
    let out = dir.path().join("proto");
    let out = out.to_str().unwrap();
    let stderr = refused(
        &[
            "generate",
            "-f",
            &spec,
            "--proto-out",
            out,
            "--proto-go-package-prefix",
            "example.com/gen/",
        ],
        2,
    );
    assert!(stderr.contains("go_package_prefix"), "{stderr}");
    let zones = dir.path().join("zones.toml");
    std::fs::write(
        &zones,
        "[proto]\ngo_package_prefix = \"example.com/gen/\"\n",
    )
    .unwrap();
    refused(
        &[
            "generate",
            "-f",
            &spec,
            "--proto-out",
            out,
            "--zones",
            zones.to_str().unwrap(),
        ],
        1,
    );
    assert!(!dir.path().join("proto").exists());
}

#[test]
fn a_spec_with_errors_and_warnings_lists_the_errors_first() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("openapi.json");
    // `not` is a warning; a dangling $ref, an error; the warning comes first in the document.
    std::fs::write(
        &spec,
        r##"{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {
          "/a": {"get": {"operationId": "a", "responses": {"200": {"description": "ok",
            "content": {"application/json": {"schema": {"not": {"type": "string"}}}}}}}},
          "/b": {"get": {"operationId": "b", "responses": {"200": {"description": "ok",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Nope"}}}}}}}}}"##,
    )
    .unwrap();
    let stderr = refused(&["check", "-f", spec.to_str().unwrap()], 1);
    assert!(stderr.contains("points at nothing"), "{stderr}");
    assert!(
        stderr.contains("\nwarning: `not` is not supported"),
        "{stderr}"
    );
}
