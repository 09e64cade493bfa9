//! The macro-generated Rust client of the contract app (tests/contract_app, document
//! `rust/specs/contract.json`) meets every row of the README's response contract ("What a call
//! returns"), one test per row, against the app served by uvicorn on 127.0.0.1.
//!
//! One server serves every test of this binary: the first test to ask starts it
//! ([`AppServer::uvicorn`]: on `$CLIENTGEN_PYTHON`, stopped when this process ends). The app
//! keeps no state, so the tests run in any order, in parallel.

use std::sync::OnceLock;
use std::time::Duration;

use clientgen::Error;
use clientgen_tests::{AppServer, free_port};

clientgen::generate_clients! {
    spec = "rust/specs/contract.json",
    targets = [],
}

use contract_api::{Client, responses, types};

const BAD_GATEWAY_HTML: &str = "<html><body><h1>502 Bad Gateway</h1></body></html>";

/// A client of the one server, started by the first caller.
fn client() -> Client {
    static SERVER: OnceLock<AppServer> = OnceLock::new();
    Client::new(
        &SERVER
            .get_or_init(|| AppServer::uvicorn("contract_app"))
            .url,
    )
}

fn item(name: &str) -> types::ItemCreate {
    types::ItemCreate::new(name)
}

/// The header `name` of an error's response, as text.
fn header<E>(error: &Error<E>, name: &str) -> String {
    let value = &error.headers().expect("a response came")[name];
    value.to_str().expect("a text header").to_string()
}

/// The decode error's message, after checking that the response is reachable from it.
fn decode_error<T: std::fmt::Debug, E: std::fmt::Debug>(
    result: Result<T, Error<E>>,
    status: u16,
) -> String {
    match result {
        Err(Error::Decode(error)) => {
            assert_eq!(error.status().as_u16(), status);
            assert!(error.headers().contains_key("content-type"));
            error.message().to_string()
        }
        other => panic!("expected a decode error, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_documented_2xx_with_a_body_is_ok_with_status_headers_and_raw_body() {
    let client = client();
    let found = client.get_item(1).await.expect("item 1");
    assert_eq!(found.status().as_u16(), 200);
    assert_eq!(found.headers()["content-type"], "application/json");
    assert_eq!(found.raw_body(), br#"{"id":1,"name":"anvil"}"#);
    assert_eq!((found.id, found.name.as_str()), (1, "anvil"));

    let listed = client.list_items().await.expect("the items");
    assert_eq!(listed.headers()["etag"], "\"items-v1\"");
    assert_eq!(listed.headers()["link"], "</items?page=2>; rel=\"next\"");
    assert_eq!(listed.headers()["x-total-count"], "2");
    let names: Vec<&str> = listed.iter().map(|item| item.name.as_str()).collect();
    assert_eq!(names, ["anvil", "bucket"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_documented_2xx_without_a_body_is_ok_with_unit() {
    let deleted = client().delete_item(1).await.expect("a 204");
    assert_eq!(deleted.status().as_u16(), 204);
    assert_eq!(*deleted.body(), ());
    assert!(deleted.raw_body().is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn several_documented_2xx_are_the_variants_of_the_success_enum() {
    let client = client();
    let now = client.import_item(&item("crate")).await.expect("a 201");
    assert_eq!(now.status().as_u16(), 201);
    match now.into_inner() {
        responses::ImportItemResponse::Status201(created) => assert_eq!(created.name, "crate"),
        other => panic!("expected the 201 item, got {other:?}"),
    }
    let later = client
        .import_item(&item("crate"))
        .queue(true)
        .await
        .expect("a 202");
    assert_eq!(later.status().as_u16(), 202);
    match later.into_inner() {
        responses::ImportItemResponse::Status202(job) => assert_eq!(job.job_id, "job-crate"),
        other => panic!("expected the 202 job, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_documented_error_status_is_an_api_error_with_the_body_of_its_status() {
    let client = client();
    match client.create_item(&item("anvil")).await {
        Err(Error::Api(response)) => {
            assert_eq!(response.status().as_u16(), 409);
            assert!(response.raw_body().starts_with(b"{\"detail\":"));
            match response.into_inner() {
                responses::CreateItemError::Status409(conflict) => {
                    assert_eq!(conflict.existing_id, 1);
                    assert_eq!(conflict.detail, "anvil exists");
                }
                other => panic!("expected the 409 body, got {other:?}"),
            }
        }
        other => panic!("expected a 409, got {other:?}"),
    }

    let missing = client.get_item(9).await.expect_err("no item 9");
    assert_eq!(missing.status().map(|status| status.as_u16()), Some(404));
    match missing.api_error() {
        Some(responses::GetItemError::Status404(body)) => {
            assert_eq!(body.detail, "Item 9 not found")
        }
        other => panic!("expected the 404 body, got {other:?}"),
    }

    // A documented text error body is kept as it came.
    match client.get_item_label(9).await {
        Err(Error::Api(response)) => {
            assert_eq!(response.status().as_u16(), 404);
            assert_eq!(response.raw_body(), b"no item 9");
            match response.into_inner() {
                responses::GetItemLabelError::Status404(text) => assert_eq!(text, b"no item 9"),
                other => panic!("expected the 404 text, got {other:?}"),
            }
        }
        other => panic!("expected a 404, got {other:?}"),
    }
    let label = client.get_item_label(1).await.expect("a label");
    assert_eq!(label.body(), "anvil");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_documented_error_status_without_a_body_is_an_api_error_with_a_unit_variant() {
    let client = client();
    let archived = client.archive_item(1).await.expect("a 204");
    assert_eq!(archived.status().as_u16(), 204);
    match client.archive_item(2).await {
        Err(Error::Api(response)) => {
            assert_eq!(response.status().as_u16(), 409);
            assert!(response.raw_body().is_empty());
            assert_eq!(response.headers()["content-length"], "0");
            assert!(matches!(
                response.into_inner(),
                responses::ArchiveItemError::Status409
            ));
        }
        other => panic!("expected the bodiless 409, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn default_is_the_success_of_a_2xx_and_the_error_of_the_other_statuses() {
    let client = client();
    // `default` alone: the success of a 2xx, the error of every other status.
    let answered = client.run_default_only().await.expect("a 200 on default");
    assert_eq!(answered.message, "answered 200");
    match client.run_default_only().status(500).await {
        Err(Error::Api(response)) => {
            assert_eq!(response.status().as_u16(), 500);
            match response.into_inner() {
                responses::RunDefaultOnlyError::Default(body) => {
                    assert_eq!(body.message, "answered 500")
                }
            }
        }
        other => panic!("expected the default error, got {other:?}"),
    }

    // `default` beside a listed 200: the errors.
    let found = client.get_with_default().await.expect("the listed 200");
    assert_eq!(found.name, "anvil");
    match client.get_with_default().status(503).await {
        Err(Error::Api(response)) => {
            assert_eq!(response.status().as_u16(), 503);
            match response.into_inner() {
                responses::GetWithDefaultError::Default(problem) => {
                    assert_eq!((problem.title.as_str(), problem.status), ("It failed", 503))
                }
            }
        }
        other => panic!("expected the default error, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_undocumented_status_is_unexpected_with_status_headers_and_raw_body() {
    let client = client();
    let teapot = client.get_item(418).await.expect_err("a 418");
    match &teapot {
        Error::UnexpectedStatus(response) => {
            assert_eq!(response.status().as_u16(), 418);
            assert_eq!(response.headers()["content-type"], "application/json");
            assert_eq!(response.raw_body(), br#"{"detail":"I'm a teapot"}"#);
        }
        other => panic!("expected an unexpected status, got {other:?}"),
    }
    assert_eq!(
        teapot.raw_body(),
        Some(&br#"{"detail":"I'm a teapot"}"#[..])
    );

    let gateway = client.get_item(502).await.expect_err("a 502");
    assert!(matches!(gateway, Error::UnexpectedStatus(_)), "{gateway:?}");
    assert_eq!(gateway.status().map(|status| status.as_u16()), Some(502));
    assert!(header(&gateway, "content-type").starts_with("text/html"));
    assert_eq!(gateway.raw_body(), Some(BAD_GATEWAY_HTML.as_bytes()));

    // Beside a listed 200, `default` stands for the errors: a 201 is undocumented.
    match client.get_with_default().status(201).await {
        Err(Error::UnexpectedStatus(response)) => {
            assert_eq!(response.status().as_u16(), 201);
            assert_eq!(response.raw_body(), br#"{"id":1,"name":"anvil"}"#);
        }
        other => panic!("expected an unexpected 201, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_body_that_is_not_what_its_status_documents_is_a_decode_error() {
    let client = client();
    let html = decode_error(client.get_broken_item("html").await, 200);
    assert_eq!(
        html,
        "the Content-Type is text/html; charset=utf-8, not JSON"
    );
    let text = decode_error(client.get_broken_item("text").await, 200);
    assert_eq!(
        text,
        "the Content-Type is text/plain; charset=utf-8, not JSON"
    );
    let invalid = decode_error(client.get_broken_item("invalid").await, 200);
    assert!(
        invalid.starts_with("invalid type: string \"one\""),
        "{invalid}"
    );
    let error = client
        .get_broken_item("invalid")
        .await
        .expect_err("JSON of another shape");
    assert_eq!(error.raw_body(), Some(&br#"{"id":"one","label":5}"#[..]));
    assert_eq!(header(&error, "content-type"), "application/json");

    // An HTML 502 on `default`: the status is documented, its body is not JSON.
    let gateway = client
        .run_default_only()
        .status(502)
        .html(true)
        .await
        .expect_err("an HTML 502");
    assert_eq!(gateway.raw_body(), Some(BAD_GATEWAY_HTML.as_bytes()));
    let message = decode_error(Err::<(), _>(gateway), 502);
    assert!(message.contains("text/html"), "{message}");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_empty_body_where_one_is_documented_is_a_decode_error() {
    let result = client().get_broken_item("empty").await;
    assert_eq!(decode_error(result, 200), "the body is empty");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_network_failure_or_timeout_is_a_transport_error() {
    let url = client().inner().base_url().to_string();
    let tls = clientgen::tls::client_config().expect("a TLS configuration");
    let http = clientgen::reqwest::Client::builder()
        .tls_backend_preconfigured(tls)
        .timeout(Duration::from_millis(200))
        .build()
        .expect("a reqwest client");
    let impatient = Client::from(clientgen::Client::with_http_client(url, http));
    match impatient.slow().seconds(5.0).await {
        Err(Error::Transport(error)) => assert!(error.is_timeout(), "{error:?}"),
        other => panic!("expected a timeout, got {other:?}"),
    }

    let closed = Client::new(format!("http://127.0.0.1:{}", free_port()));
    match closed.get_item(1).await {
        Err(error @ Error::Transport(_)) => {
            assert_eq!((error.status(), error.raw_body()), (None, None));
            let Error::Transport(transport) = error else {
                unreachable!()
            };
            assert!(transport.is_connect(), "{transport:?}");
        }
        other => panic!("expected a connection error, got {other:?}"),
    }
}
