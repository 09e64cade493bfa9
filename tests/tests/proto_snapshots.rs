//! Snapshots of the proto tree for a few fixture specs (any change in output shows up here and is
//! reviewed like code: `cargo insta review`), and the emit-time budget on GitHub's spec.

mod support;

use std::time::{Duration, Instant};

use clientgen_build::Spec;
use clientgen_build::targets::proto::{self, EnumStyle, FileOptions, LOCK_FILE, Layout, Options};
use clientgen_build::tree::Tree;

fn options(spec: &Spec, zone: &str) -> Options {
    Options {
        spec_name: spec.file_name(),
        zone: zone.to_string(),
        previous_lock: None,
        ..Options::default()
    }
}

fn emit(spec_file: &str, zone: &str) -> Tree {
    let spec = Spec::from_file(support::fixtures().join(spec_file)).expect("fixture spec loads");
    proto::emit(&spec.api, &options(&spec, zone)).expect("fixture spec emits")
}

fn assert_tree_snapshot(name: &str, tree: &Tree) {
    for (path, file) in tree.files() {
        let snapshot = format!("{name}__{}", path.replace(['/', '.'], "_"));
        insta::assert_snapshot!(snapshot, &file.contents);
    }
}

#[test]
fn fastapi_petstore_tree() {
    let tree = emit("handwritten/petstore-fastapi.json", "petstore");
    assert_tree_snapshot("proto_petstore", &tree);
}

#[test]
fn features_unions_enums_and_odd_names() {
    let tree = emit("handwritten/features.json", "features");
    for path in [
        "features/api__features/messages.proto",
        "features/api__features/service.proto",
        LOCK_FILE,
    ] {
        let contents = &tree.get(path).expect("file is emitted").contents;
        insta::assert_snapshot!(
            format!("proto_features__{}", path.replace(['/', '.'], "_")),
            contents
        );
    }
}

#[test]
fn openapi_31_petstore_messages_and_service() {
    let tree = emit("specs/readme--3.1-petstore.json", "petstore");
    for path in [
        "petstore/api__petstore/messages.proto",
        "petstore/api__petstore/service.proto",
    ] {
        let contents = &tree.get(path).expect("file is emitted").contents;
        insta::assert_snapshot!(
            format!(
                "proto_readme_31_petstore__{}",
                path.replace(['/', '.'], "_")
            ),
            contents
        );
    }
}

/// bungie.net's spec failed protoc: the rpc `SocialRemoveFriendRequest` shadowed, inside the
/// service, the request message of the rpc `SocialRemoveFriend`.
#[test]
fn rpc_never_shadows_a_message_the_service_names() {
    let tree = emit("proto/bungie-rpc-names.json", "bungie");
    let service = &tree
        .get("bungie/api__bungie/service.proto")
        .expect("service.proto")
        .contents;
    let rpcs: Vec<&str> = service
        .lines()
        .filter(|line| line.trim_start().starts_with("rpc "))
        .map(str::trim)
        .collect();
    assert_eq!(
        rpcs,
        [
            "rpc SocialRemoveFriend(SocialRemoveFriendRequest) returns (SocialRemoveFriendResponse);",
            "rpc SocialRemoveFriendRequest2(SocialRemoveFriendRequest2Request) returns \
             (SocialRemoveFriendRequest2Response);",
            "rpc WidgetGetRequest(WidgetGetRequestRequest) returns (WidgetGetRequestResponse);",
            "rpc WidgetGet2(WidgetGet2Request) returns (WidgetGet2Response);",
            "rpc BungieService2(BungieService2Request) returns (BungieService2Response);",
        ]
    );
    // The schema named like an rpc's response gives way to it.
    let messages = &tree
        .get("bungie/api__bungie/messages.proto")
        .expect("messages.proto")
        .contents;
    assert!(
        messages.contains("message SocialRemoveFriendResponse2 {"),
        "{messages}"
    );
}

/// `EnumStyle::Prefixed` keeps the top-level `<ENUM>_<VALUE>` enums buf's STANDARD rules want,
/// and a `buf.yaml` that keeps those rules.
#[test]
fn prefixed_enum_style_keeps_top_level_upper_snake_enums() {
    let spec = Spec::from_file(support::fixtures().join("handwritten/features.json"))
        .expect("fixture spec loads");
    let options = Options {
        enum_style: EnumStyle::Prefixed,
        ..options(&spec, "features")
    };
    let tree = proto::emit(&spec.api, &options).expect("fixture spec emits");
    let messages = &tree
        .get("features/api__features/messages.proto")
        .expect("messages.proto")
        .contents;
    insta::assert_snapshot!("proto_features_prefixed__messages_proto", messages);
    let buf_yaml = &tree.get("features/buf.yaml").expect("buf.yaml").contents;
    assert!(!buf_yaml.contains("ENUM_VALUE_PREFIX"), "{buf_yaml}");
}

/// `Layout::Versioned` with prefixed enums: package `petstore.v1` in `petstore/v1/`, and one
/// `buf.yaml` at the top (the include path) that turns no buf rule off.
#[test]
fn versioned_layout_with_prefixed_enums_tree() {
    let spec = Spec::from_file(support::fixtures().join("handwritten/petstore-fastapi.json"))
        .expect("fixture spec loads");
    let options = Options {
        layout: Layout::Versioned,
        enum_style: EnumStyle::Prefixed,
        ..options(&spec, "petstore")
    };
    let tree = proto::emit(&spec.api, &options).expect("fixture spec emits");
    let paths: Vec<&str> = tree.files().map(|(path, _)| path).collect();
    assert_eq!(
        paths,
        [
            "buf.yaml",
            LOCK_FILE,
            "petstore/README.md",
            "petstore/v1/messages.proto",
            "petstore/v1/service.proto",
        ]
    );
    let buf_yaml = &tree.get("buf.yaml").expect("buf.yaml").contents;
    assert!(!buf_yaml.contains("except"), "{buf_yaml}");
    assert_tree_snapshot("proto_petstore_versioned", &tree);
}

/// `google.api.http` rules: each rpc's method and path, its variables named after the request's
/// fields (`{pet-id}` is `{pet_id}`), `body: "body"` and `response_body: "data"`; googleapis'
/// files go to `third-party/googleapis/` unchanged, and the `buf.yaml` at the top is a
/// workspace that holds them as a module lint leaves alone.
#[test]
fn http_annotations_map_each_rpc_to_its_route() {
    let spec = Spec::from_file(support::fixtures().join("handwritten/features.json"))
        .expect("fixture spec loads");
    let options = Options {
        http_annotations: true,
        ..options(&spec, "features")
    };
    let tree = proto::emit(&spec.api, &options).expect("fixture spec emits");
    for path in ["features/api__features/service.proto", "buf.yaml"] {
        let contents = &tree.get(path).expect("file is emitted").contents;
        insta::assert_snapshot!(
            format!("proto_features_http__{}", path.replace(['/', '.'], "_")),
            contents
        );
    }
    assert!(tree.get("features/buf.yaml").is_none());
    let vendored =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../templates/proto/googleapis");
    for path in [
        "google/api/annotations.proto",
        "google/api/http.proto",
        "LICENSE",
    ] {
        let file = tree
            .get(&format!("third-party/googleapis/{path}"))
            .unwrap_or_else(|| panic!("{path} is shipped"));
        let contents = std::fs::read_to_string(vendored.join(path)).expect("vendored file");
        assert_eq!(file.contents, contents, "{path} is shipped unchanged");
    }
}

/// The file options' defaults follow the package; prefixes replace their part, a zone's own
/// values the whole.
#[test]
fn file_options_take_prefixes_and_whole_values() {
    let spec = Spec::from_file(support::fixtures().join("handwritten/petstore-fastapi.json"))
        .expect("fixture spec loads");
    let head = |options: &Options, path: &str| {
        let tree = proto::emit(&spec.api, options).expect("fixture spec emits");
        let text = &tree.get(path).expect("file is emitted").contents;
        text.lines()
            .filter(|line| line.starts_with("option "))
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        head(
            &options(&spec, "petstore"),
            "petstore/api__petstore/messages.proto"
        ),
        [
            "option csharp_namespace = \"ApiPetstore\";",
            "option go_package = \"petstore/api__petstore;api__petstore\";",
            "option java_multiple_files = true;",
            "option java_outer_classname = \"MessagesProto\";",
            "option java_package = \"com.api__petstore\";",
        ]
    );
    let prefixed = Options {
        layout: Layout::Versioned,
        file_options: FileOptions {
            go_package_prefix: Some("example.com/app/gen/go".to_string()),
            java_package_prefix: Some("com.example".to_string()),
            csharp_namespace_prefix: Some("Example".to_string()),
            ..FileOptions::default()
        },
        ..options(&spec, "petstore")
    };
    assert_eq!(
        head(&prefixed, "petstore/v1/service.proto"),
        [
            "option csharp_namespace = \"Example.Petstore.V1\";",
            "option go_package = \"example.com/app/gen/go/petstore/v1;petstorev1\";",
            "option java_multiple_files = true;",
            "option java_outer_classname = \"ServiceProto\";",
            "option java_package = \"com.example.petstore.v1\";",
        ]
    );
    let whole = Options {
        file_options: FileOptions {
            go_package: Some("example.com/pets;pets".to_string()),
            java_package: Some("org.pets".to_string()),
            csharp_namespace: Some("Pets".to_string()),
            ..prefixed.file_options.clone()
        },
        ..prefixed
    };
    let lines = head(&whole, "petstore/v1/messages.proto");
    assert_eq!(lines[0], "option csharp_namespace = \"Pets\";");
    assert_eq!(lines[1], "option go_package = \"example.com/pets;pets\";");
    assert_eq!(lines[4], "option java_package = \"org.pets\";");
}

#[test]
fn every_fixture_emits_the_same_bytes_twice() {
    for name in support::real_specs() {
        let first = emit(&name, "api");
        let second = emit(&name, "api");
        assert_eq!(
            first, second,
            "{name} gave different output on a second run"
        );
    }
}

/// The proto stage on GitHub's REST description (1,223 operations, 7,373 types) must take at
/// most 40 ms (median) in a release build. Run it with
/// `cargo test --release -p clientgen-tests --test proto_snapshots -- --ignored --nocapture`
/// after `bash scripts/fetch-github-spec.sh target/bench-data/api.github.com.json`.
///
/// Besides wall time it reports the time the thread spent on a CPU (Linux's
/// `/proc/thread-self/schedstat`), which a busy machine does not inflate; the budget is checked
/// against that when it is available.
#[test]
#[ignore = "a release-mode benchmark; needs target/bench-data/api.github.com.json"]
fn github_spec_emits_within_budget() {
    const BUDGET: Duration = Duration::from_millis(40);
    const RUNS: usize = 15;
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../target/bench-data/api.github.com.json");
    if !path.is_file() {
        println!("skipped: no {}", path.display());
        return;
    }
    let spec = Spec::from_file(&path).expect("the GitHub spec loads");
    let fresh = options(&spec, "github");
    let first = proto::emit(&spec.api, &fresh).expect("the GitHub spec emits");
    let regenerate = Options {
        previous_lock: Some(first.get(LOCK_FILE).expect("lock").contents.clone()),
        ..fresh.clone()
    };
    let bytes: usize = first.files().map(|(_, file)| file.contents.len()).sum();
    println!(
        "proto emit, GitHub spec: {bytes} bytes in {} files",
        first.len()
    );
    let mut over = Vec::new();
    for (label, options) in [("first run", &fresh), ("with a lock", &regenerate)] {
        let mut wall = Vec::with_capacity(RUNS);
        let mut cpu = Vec::with_capacity(RUNS);
        for _ in 0..RUNS {
            let (start, start_cpu) = (Instant::now(), thread_cpu_time());
            let tree = proto::emit(&spec.api, options).expect("the GitHub spec emits");
            wall.push(start.elapsed());
            cpu.push(
                thread_cpu_time()
                    .zip(start_cpu)
                    .map(|(end, start)| end - start),
            );
            drop(tree);
        }
        let wall_median = median(&mut wall);
        let cpu_median = cpu
            .into_iter()
            .collect::<Option<Vec<_>>>()
            .map(|mut cpu| median(&mut cpu));
        let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1e3);
        println!(
            "  {label}: median {} wall (min {}), {} on CPU, over {RUNS} runs",
            ms(wall_median),
            ms(wall[0]),
            cpu_median.map_or("unknown".to_string(), ms),
        );
        let measured = cpu_median.unwrap_or(wall_median);
        if measured > BUDGET {
            over.push(format!("{label}: {measured:?}"));
        }
    }
    assert!(over.is_empty(), "over the {BUDGET:?} budget: {over:?}");
}

/// Sorts `times` and returns the middle one.
fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// The time this thread has spent on a CPU, where Linux tells (`/proc/thread-self/schedstat`).
fn thread_cpu_time() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}
