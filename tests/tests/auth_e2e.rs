//! The macro-generated Rust client of the auth app (tests/auth_app, document
//! `rust/specs/auth.json`) meets the README's credentials contract ("Credentials: what each
//! call carries"): every `echo_*` operation answers with the credentials that arrived, and each
//! test checks that a call carries exactly what its `security` asks for and was set.
//!
//! The spec has two bearer-kind schemes (`bearerAuth`, `oauth2`), one basic, one header key,
//! one query key and one cookie key: `with_bearer_token` is ambiguous there, the other
//! shortcuts are not. One server serves every test ([`AppServer::uvicorn`]); the echo
//! operations keep no state, so the tests run in parallel.

use std::sync::OnceLock;

use clientgen::{Credential, Error};
use clientgen_tests::AppServer;

clientgen::generate_clients! {
    spec = "rust/specs/auth.json",
    targets = [],
}

use auth_api::{Client, types::Received};

fn url() -> &'static str {
    static SERVER: OnceLock<AppServer> = OnceLock::new();
    &SERVER.get_or_init(|| AppServer::uvicorn("auth_app")).url
}

fn base() -> clientgen::Client {
    clientgen::Client::new(url())
}

fn bearer(token: &str) -> Credential {
    Credential::Bearer(token.to_string())
}

fn key(key: &str) -> Credential {
    Credential::ApiKey(key.to_string())
}

/// What arrived, as `(authorization, x_api_key, api_key, cookie)`.
fn seen(received: &Received) -> [Option<&str>; 4] {
    [
        received.authorization.as_deref(),
        received.x_api_key.as_deref(),
        received.api_key.as_deref(),
        received.cookie.as_deref(),
    ]
}

const NOTHING: [Option<&str>; 4] = [None, None, None, None];

/// A client with a credential for every scheme, each by name.
fn every_scheme() -> Client {
    Client::from(
        base()
            .with_credential("bearerAuth", bearer("bearer-token"))
            .with_credential("oauth2", bearer("oauth2-token"))
            .with_credential(
                "basicAuth",
                Credential::Basic {
                    username: "bob".to_string(),
                    password: Some("builder".to_string()),
                },
            )
            .with_credential("headerKey", key("header-key"))
            .with_credential("queryKey", key("query-key"))
            .with_credential("cookieKey", key("cookie-key")),
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn each_operation_carries_only_the_credential_of_its_own_scheme() {
    let client = every_scheme();
    let public = client.echo_public().await.expect("public");
    assert_eq!(seen(&public), NOTHING);
    let got = client.echo_bearer().await.expect("bearer");
    assert_eq!(seen(&got), [Some("Bearer bearer-token"), None, None, None]);
    let got = client.echo_oauth2().await.expect("oauth2");
    assert_eq!(seen(&got), [Some("Bearer oauth2-token"), None, None, None]);
    let got = client.echo_basic().await.expect("basic");
    // base64("bob:builder")
    assert_eq!(
        seen(&got),
        [Some("Basic Ym9iOmJ1aWxkZXI="), None, None, None]
    );
    let got = client.echo_header_key().await.expect("header key");
    assert_eq!(seen(&got), [None, Some("header-key"), None, None]);
    let got = client.echo_query_key().await.expect("query key");
    assert_eq!(seen(&got), [None, None, Some("query-key"), None]);
    let got = client.echo_cookie_key().await.expect("cookie key");
    assert_eq!(seen(&got), [None, None, None, Some("session=cookie-key")]);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_credential_set_for_one_scheme_is_not_sent_under_another() {
    let client = Client::from(base().with_credential("oauth2", bearer("oauth2-token")));
    let got = client.echo_bearer().await.expect("bearer");
    assert_eq!(seen(&got), NOTHING, "bearerAuth has no credential");
    let got = client.echo_oauth2().await.expect("oauth2");
    assert_eq!(seen(&got), [Some("Bearer oauth2-token"), None, None, None]);

    let client = Client::from(base().with_credential("headerKey", key("header-key")));
    for got in [
        client.echo_query_key().await.expect("query key"),
        client.echo_cookie_key().await.expect("cookie key"),
    ] {
        assert_eq!(seen(&got), NOTHING, "only headerKey has a key");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn alternatives_send_the_first_complete_one_only() {
    let both = Client::from(
        base()
            .with_credential("bearerAuth", bearer("bearer-token"))
            .with_credential("headerKey", key("header-key")),
    );
    let got = both.echo_bearer_or_header_key().await.expect("either");
    assert_eq!(seen(&got), [Some("Bearer bearer-token"), None, None, None]);

    let key_only = Client::from(base().with_credential("headerKey", key("header-key")));
    let got = key_only.echo_bearer_or_header_key().await.expect("either");
    assert_eq!(seen(&got), [None, Some("header-key"), None, None]);

    let neither = Client::from(base().with_credential("oauth2", bearer("oauth2-token")));
    let got = neither.echo_bearer_or_header_key().await.expect("either");
    assert_eq!(seen(&got), NOTHING);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_requirement_naming_two_schemes_needs_both() {
    let both = Client::from(
        base()
            .with_credential("headerKey", key("header-key"))
            .with_credential("cookieKey", key("cookie-key")),
    );
    let got = both.echo_header_key_and_cookie_key().await.expect("pair");
    assert_eq!(
        seen(&got),
        [None, Some("header-key"), None, Some("session=cookie-key")]
    );

    let half = Client::from(base().with_credential("headerKey", key("header-key")));
    let got = half.echo_header_key_and_cookie_key().await.expect("pair");
    assert_eq!(seen(&got), NOTHING, "half a requirement sends nothing");
}

/// The call's `Error::InvalidRequest` message; it must not have gone out.
fn invalid<T: std::fmt::Debug, E: std::fmt::Debug>(result: Result<T, Error<E>>) -> String {
    match result {
        Err(Error::InvalidRequest(message)) => message,
        other => panic!("expected an invalid request, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_kind_shortcut_goes_to_the_one_scheme_of_its_kind() {
    let client = Client::from(base().with_basic_auth("bob", Some("builder".to_string())));
    let got = client.echo_basic().await.expect("basic");
    assert_eq!(
        seen(&got),
        [Some("Basic Ym9iOmJ1aWxkZXI="), None, None, None]
    );
    let got = client.echo_bearer().await.expect("bearer");
    assert_eq!(
        seen(&got),
        NOTHING,
        "a basic credential is not a bearer one"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_kind_shortcut_with_several_schemes_of_its_kind_fails_every_call_naming_them() {
    let bearer_shortcut = Client::from(base().with_bearer_token("token"));
    let message = invalid(bearer_shortcut.echo_bearer().await);
    assert!(message.contains("with_bearer_token"), "{message}");
    assert!(message.contains("bearerAuth, oauth2"), "{message}");
    assert!(message.contains("with_credential"), "{message}");
    // Not only the calls that want a bearer token: the client is set up wrong.
    invalid(bearer_shortcut.echo_public().await);

    // A header key and a query key are two API-key schemes (the cookie key does not count).
    let key_shortcut = Client::from(base().with_api_key("the-key"));
    let message = invalid(key_shortcut.echo_header_key().await);
    assert!(message.contains("headerKey, queryKey"), "{message}");
    assert!(!message.contains("cookieKey"), "{message}");

    // Naming the scheme is the way out.
    let named = Client::from(base().with_credential("oauth2", bearer("token")));
    let got = named.echo_oauth2().await.expect("oauth2");
    assert_eq!(seen(&got), [Some("Bearer token"), None, None, None]);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_credential_of_the_wrong_kind_for_its_scheme_fails_the_call() {
    let client = Client::from(base().with_credential("oauth2", key("not-a-token")));
    let message = invalid(client.echo_oauth2().await);
    assert!(message.contains("`oauth2`"), "{message}");
    assert!(message.contains("bearer token"), "{message}");
}

#[tokio::test(flavor = "multi_thread")]
async fn empty_values_are_no_credential() {
    let empty = Client::from(
        base()
            .with_bearer_token("")
            .with_api_key("")
            .with_basic_auth("", Some("pw".to_string()))
            .with_credential("headerKey", key(""))
            .with_credential("bearerAuth", bearer("")),
    );
    for got in [
        empty.echo_bearer().await.expect("bearer"),
        empty.echo_basic().await.expect("basic"),
        empty.echo_header_key().await.expect("header key"),
        empty.echo_query_key().await.expect("query key"),
    ] {
        assert_eq!(seen(&got), NOTHING);
    }

    // An empty value unsets what was set before.
    let mut client = Client::from(base().with_credential("headerKey", key("header-key")));
    client.inner_mut().set_bearer_token("token");
    client.inner_mut().set_bearer_token("");
    client.inner_mut().set_credential("headerKey", key(""));
    let got = client.echo_header_key().await.expect("header key");
    assert_eq!(seen(&got), NOTHING);
}

#[tokio::test(flavor = "multi_thread")]
async fn without_a_base_url_a_call_fails_saying_how_to_give_one() {
    // auth.json names no server: `Client::default()` has no base URL.
    assert_eq!(auth_api::DEFAULT_BASE_URL, "");
    for client in [Client::default(), Client::new("")] {
        let message = invalid(client.echo_public().await);
        assert!(message.contains("no base URL"), "{message}");
        assert!(message.contains("Client::new("), "{message}");
    }
    let message = invalid(Client::new("/api").echo_public().await);
    assert!(message.contains("`/api` is not absolute"), "{message}");
}
