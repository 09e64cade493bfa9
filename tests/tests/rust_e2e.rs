//! The macro-generated Rust client calls every endpoint of the reference FastAPI app, served by
//! uvicorn on 127.0.0.1, and gets the values the server sends.
//!
//! The server runs on `$CLIENTGEN_PYTHON` (default: the workspace's `.venv/bin/python`, which
//! `tests/setup-venv.sh` makes).

use clientgen::{Credential, Error, File};
use clientgen_tests::AppServer;

clientgen::generate_clients! {
    spec = "rust/specs/reference.json",
    targets = [],
}

use reference_api::{Client, responses, types};

fn new_user(name: &str, email: &str) -> types::UserCreate {
    types::UserCreate::new(name, email)
        .role(types::Role::Admin)
        .tags(vec!["a".to_string(), "b".to_string()])
        .address(Some(types::Address::new("1 Main St", "Springfield")))
}

#[tokio::test(flavor = "multi_thread")]
async fn every_endpoint_answers_through_the_macro_client() {
    let server = AppServer::uvicorn("reference_app");
    let client = Client::new(&server.url);
    client.reset().await.expect("reset");

    // Health, version text, labels.
    assert!(*client.is_healthy().await.expect("health").body());
    let version = client.get_version_text().await.expect("version");
    assert_eq!(version.body(), "Reference API 1.0.0");
    let labels = client.get_labels().await.expect("labels").into_inner();
    assert_eq!(labels.get("env").map(String::as_str), Some("test"));

    // Users: create, conflict, get, list, update, 404, delete (204).
    let created = client
        .create_user(&new_user("Ada", "ada@example.com"))
        .await
        .expect("create user");
    assert_eq!(created.status().as_u16(), 201);
    let ada = created.into_inner();
    assert_eq!(ada.name, "Ada");
    // With `serialize-responses`, a value read serializes back to what was read, and compares.
    let json = serde_json::to_string(&ada).expect("a read User serializes");
    let reread: types::User = serde_json::from_str(&json).expect("and reads back");
    assert_eq!(reread, ada);
    assert_eq!(ada.role, Some(types::Role::Admin));
    // `User` is only read: an optional nullable field is one `Option`.
    assert_eq!(ada.nickname, None);
    // `uuid` is a `clientgen::Uuid`: the server's uuid4.
    assert_eq!(ada.external_id.get_version_num(), 4);
    let conflict = client
        .create_user(&new_user("Ada 2", "ada@example.com"))
        .await
        .expect_err("duplicate email");
    match conflict {
        Error::Api(response) => {
            assert_eq!(response.status().as_u16(), 409);
            match response.into_inner() {
                responses::CreateUserError::Status409(body) => {
                    assert_eq!(body.existing_id, ada.id)
                }
                other => panic!("expected a 409 body, got {other:?}"),
            }
        }
        other => panic!("expected a documented error, got {other}"),
    }
    assert_eq!(
        client.get_user(ada.id).await.expect("get").email,
        "ada@example.com"
    );
    let page = client.list_users().limit(10).offset(0).await.expect("list");
    assert_eq!((page.total, page.items.len(), page.limit), (1, 1, 10));
    // `UserUpdate` is sent: absent (left as is) and `null` (cleared) are apart.
    let update = types::UserUpdate::new().nickname(Some("countess".to_string()));
    let updated = client.update_user(ada.id, &update).await.expect("update");
    assert_eq!(updated.nickname.as_deref(), Some("countess"));
    assert_eq!(updated.name, "Ada");
    let cleared = types::UserUpdate::new().nickname(None);
    assert_eq!(cleared.nickname, Some(None));
    let updated = client.update_user(ada.id, &cleared).await.expect("clear");
    assert_eq!(updated.nickname, None);
    match client.get_user(9999).await {
        Err(Error::Api(response)) => match response.into_inner() {
            responses::GetUserError::Status404(body) => {
                assert_eq!(body.detail, "User 9999 not found")
            }
            other => panic!("expected a 404 body, got {other:?}"),
        },
        other => panic!("expected a 404, got {other:?}"),
    }
    let invalid = client.list_users().limit(0).await.expect_err("limit 0");
    match invalid.api_error() {
        Some(responses::ListUsersError::Status422(body)) => {
            let detail = body.detail.as_ref().expect("validation details");
            assert_eq!(detail[0].type_, "greater_than_equal");
        }
        other => panic!("expected a 422 body, got {other:?}"),
    }

    // Avatar: multipart upload, binary download, 404 as JSON.
    let image = vec![0x89, b'P', b'N', b'G', 0, 1, 2, 3];
    let upload = types::BodyUploadAvatar::new(
        File::new(image.clone(), "me.png").with_content_type("image/png"),
    )
    .description(Some("a portrait".to_string()));
    let received = client.upload_avatar(ada.id, &upload).await.expect("upload");
    assert_eq!(received.filename.as_deref(), Some("me.png"));
    assert_eq!(received.size, 8);
    assert_eq!(received.content_type.as_deref(), Some("image/png"));
    assert_eq!(received.description.as_deref(), Some("a portrait"));
    let downloaded = client.get_avatar(ada.id).await.expect("download");
    assert_eq!(downloaded.body(), &image);
    assert_eq!(downloaded.headers()["content-type"], "image/png");
    let other = client
        .create_user(&new_user("Bob", "bob@example.com"))
        .await
        .expect("second user")
        .into_inner();
    assert!(matches!(
        client
            .get_avatar(other.id)
            .await
            .expect_err("no avatar")
            .api_error(),
        Some(responses::GetAvatarError::Status404(_))
    ));
    let deleted = client.delete_user(other.id).await.expect("delete");
    assert_eq!(deleted.status().as_u16(), 204);
    assert!(matches!(
        client.delete_user(other.id).await.expect_err("gone").status(),
        Some(status) if status.as_u16() == 404
    ));

    // Auth: oauth2 password form for a token, then bearer; basic; api key in header and query.
    let login =
        types::BodyToken::new("alice", "wonderland").grant_type(Some("password".to_string()));
    let token = client.token(&login).await.expect("token").into_inner();
    assert_eq!(token.token_type, "bearer");
    match client.get_me().await {
        Err(Error::UnexpectedStatus(response)) => {
            assert_eq!(response.status().as_u16(), 401)
        }
        other => panic!("expected a 401 without a token, got {other:?}"),
    }
    let authed = Client::from(
        clientgen::Client::new(&server.url)
            .with_bearer_token(&token.access_token)
            .with_basic_auth("bob", Some("builder".to_string()))
            .with_credential("APIKeyHeader", Credential::ApiKey("carol-key".to_string())),
    );
    let me = authed.get_me().await.expect("me").into_inner();
    assert_eq!(
        (me.username.as_str(), me.scheme.as_str()),
        ("alice", "bearer")
    );
    let basic = authed.basic_whoami().await.expect("basic").into_inner();
    assert_eq!(
        (basic.username.as_str(), basic.scheme.as_str()),
        ("bob", "basic")
    );
    let header_key = authed.api_key_whoami().await.expect("api key").into_inner();
    assert_eq!(header_key.scheme, "api_key_header");
    assert!(
        authed.api_key_query_whoami().await.is_err(),
        "no key set for the query scheme"
    );
    let mut query_client = Client::new(&server.url);
    // The spec has two API-key schemes (header and query): a key is set by the scheme's name.
    query_client
        .inner_mut()
        .set_credential("APIKeyQuery", Credential::ApiKey("carol-key".to_string()));
    let query_key = query_client
        .api_key_query_whoami()
        .await
        .expect("query key");
    assert_eq!(query_key.username, "carol");

    // Tickets: integer and string enums, a query filter.
    let ticket = types::TicketCreate::new("Broken")
        .priority(types::Priority::Value3)
        .due_on(Some(
            clientgen::Date::from_ymd_opt(2030, 1, 2).expect("a valid date"),
        ));
    let opened = client
        .create_ticket(&ticket)
        .await
        .expect("ticket")
        .into_inner();
    assert_eq!(opened.status, Some(types::Status::Open));
    assert_eq!(
        opened.due_on,
        Some(clientgen::Date::from_ymd_opt(2030, 1, 2).expect("a valid date"))
    );
    // `date-time` is a `clientgen::DateTime` (UTC), set by the server just now.
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("the clock is after 1970")
        .as_secs();
    let now = i64::try_from(now).expect("seconds fit in i64");
    assert!(
        (now - opened.created_at.timestamp()).abs() < 300,
        "created_at {} is not now",
        opened.created_at
    );
    client
        .create_ticket(
            &types::TicketCreate::new("Minor")
                .priority(types::Priority::Value1)
                .status(types::Status::InProgress),
        )
        .await
        .expect("second ticket");
    let high = client
        .list_tickets()
        .priority(types::Priority::Value3)
        .await
        .expect("tickets")
        .into_inner();
    assert_eq!(high.len(), 1);
    assert_eq!(high[0].title, "Broken");
    assert_eq!(client.list_tickets().await.expect("all").len(), 2);

    // Header and cookie parameters.
    let echo = client
        .echo_request()
        .x_request_id("req-1")
        .session_id("sess-9")
        .await
        .expect("echo")
        .into_inner();
    assert_eq!(echo.x_request_id.as_deref(), Some("req-1"));
    assert_eq!(echo.session_id.as_deref(), Some("sess-9"));
}
