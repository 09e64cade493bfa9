//! The macro-generated Rust clients of both documents of the Django REST Framework reference app
//! (tests/drf_app) walk it, served by Django's runserver on 127.0.0.1: log in (JWT), create,
//! read, PATCH, page, upload, refresh, sign up, and meet a 401, a 403 and a
//! 404 through the client's error type.
//!
//! The clients come from `rust/specs/drf.json` (drf-spectacular's defaults) and
//! `rust/specs/drf-split.json` (`COMPONENT_SPLIT_REQUEST=True`); tests/python/test_drf_walk.py
//! fails when a fresh dump of either differs from the committed copy. Both give the same type
//! names (`TicketRequest`, `PatchedTicketRequest`, `TokenObtainPairRequest`...), so the walk is
//! written once (`drf_walk!`) and expanded beside each generated module. Each document's test
//! runs its own server on `$CLIENTGEN_PYTHON` (default: the workspace's `.venv/bin/python`,
//! which `tests/setup-venv.sh` makes), over a fresh SQLite file in a temporary folder.

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use clientgen_tests::{AppServer, app_folder, free_port, python};

const USERNAME: &str = "alice";
const PASSWORD: &str = "wonderland-42";
const NO_TICKET: &str = "No Ticket matches the given query.";
const NOT_THE_AUTHOR: &str = "Only the author may change or delete this.";

/// The walk both documents share, expanded inside the module that holds a generated
/// `helpdesk_api`. `write_only_read_back` receives the login pair and the signup answer and
/// checks what the document's response shapes say of their write-only fields.
macro_rules! drf_walk {
    (
        document = $document:literal,
        write_only_read_back = |$pair:ident, $account:ident| $check:block
    ) => {
        use clientgen::Error;
        use helpdesk_api::{Client, responses, types};

        use crate::{NO_TICKET, NOT_THE_AUTHOR, PASSWORD, USERNAME};

        fn write_only_read_back($pair: &types::TokenObtainPair, $account: &types::Signup) $check

        /// Says which step runs: a failed assertion in the walk reports the line of the
        /// `drf_walk!` call, and the test's captured output names the step.
        fn step(name: &str) {
            eprintln!("{} document: {name}", $document);
        }

        fn is_jwt(token: &str) -> bool {
            token.split('.').count() == 3
        }

        /// Obtains a JWT pair and sets its access token on `client`; returns the pair.
        async fn log_in(
            client: &mut Client,
            username: &str,
            password: &str,
        ) -> types::TokenObtainPair {
            let pair = client
                .auth_token_create(&types::TokenObtainPairRequest::new(username, password))
                .await
                .unwrap_or_else(|error| panic!("login of {username}: {error:?}"))
                .into_inner();
            client.inner_mut().set_bearer_token(&pair.access);
            pair
        }

        fn new_ticket(title: &str) -> types::TicketRequest {
            types::TicketRequest::new(title)
        }

        /// The whole walk on a fresh server at `url`; returns Alice's client (logged in with a
        /// refreshed token) and her first ticket, for steps only one document can take.
        pub async fn walk(url: &str) -> (Client, types::Ticket) {
            let mut client = Client::new(url);

            step("401 without a token");
            // Without a token: an undocumented 401.
            match client.auth_me_retrieve().await {
                Err(Error::UnexpectedStatus(response)) => {
                    assert_eq!(response.status().as_u16(), 401)
                }
                other => panic!("expected a 401 without a token, got {other:?}"),
            }

            step("log in");
            // Log in: the request carries only the write-only credentials, the response the tokens.
            let pair = log_in(&mut client, USERNAME, PASSWORD).await;
            assert!(is_jwt(&pair.access) && is_jwt(&pair.refresh));
            assert_ne!(pair.access, pair.refresh);
            let me = client.auth_me_retrieve().await.expect("me").into_inner();
            assert_eq!((me.id, me.username.as_str()), (1, USERNAME));

            step("create");
            // Create from the writable fields only; the server fills in the rest.
            let created = client
                .tickets_create(
                    &new_ticket("Printer on fire")
                        .description("Smoke")
                        .priority(types::PriorityEnum::High),
                )
                .await
                .expect("create");
            assert_eq!(created.status().as_u16(), 201);
            let ticket = created.into_inner();
            assert_eq!((ticket.id, ticket.title.as_str()), (1, "Printer on fire"));
            assert_eq!(ticket.description.as_deref(), Some("Smoke"));
            assert_eq!(ticket.status, Some(types::StatusEnum::Open));
            assert_eq!(ticket.priority, Some(types::PriorityEnum::High));
            assert_eq!(
                (ticket.author.id, ticket.author.username.as_str()),
                (1, USERNAME)
            );
            assert_eq!((ticket.messages.len(), ticket.message_count), (0, 0));
            assert!(ticket.updated_at >= ticket.created_at);

            step("read");
            // Read it back.
            let read = client
                .tickets_retrieve(ticket.id)
                .await
                .expect("read")
                .into_inner();
            assert_eq!(
                (read.id, read.title.as_str()),
                (ticket.id, "Printer on fire")
            );
            assert_eq!(read.description.as_deref(), Some("Smoke"));
            assert_eq!(read.created_at, ticket.created_at);

            step("patch");
            // PATCH sends only what was set: the fields left out keep their values.
            let patch = types::PatchedTicketRequest::new().status(types::StatusEnum::InProgress);
            let patched = client
                .tickets_partial_update(ticket.id)
                .body(&patch)
                .await
                .expect("patch")
                .into_inner();
            assert_eq!(patched.status, Some(types::StatusEnum::InProgress));
            assert_eq!(patched.title, "Printer on fire");
            assert_eq!(patched.description.as_deref(), Some("Smoke"));
            assert_eq!(patched.priority, Some(types::PriorityEnum::High));
            assert_eq!(patched.created_at, ticket.created_at);
            assert!(patched.updated_at > ticket.updated_at);
            let retitle = types::PatchedTicketRequest::new().title("Printer smoking");
            let retitled = client
                .tickets_partial_update(ticket.id)
                .body(&retitle)
                .await
                .expect("second patch")
                .into_inner();
            assert_eq!(retitled.title, "Printer smoking");
            assert_eq!(retitled.description.as_deref(), Some("Smoke"));
            assert_eq!(retitled.status, Some(types::StatusEnum::InProgress));
            assert_eq!(retitled.priority, Some(types::PriorityEnum::High));

            step("paginate");
            // Pages of three (the app's PAGE_SIZE): count, next, previous, results.
            for n in 2..=7 {
                client
                    .tickets_create(&new_ticket(&format!("Ticket {n}")))
                    .await
                    .expect("another ticket");
            }
            let tickets_url = format!("{url}/api/tickets/");
            let first = client
                .tickets_list()

                .await
                .expect("page 1")
                .into_inner();
            assert_eq!(first.count, 7);
            assert_eq!(
                first.results.iter().map(|t| t.id).collect::<Vec<_>>(),
                vec![1, 2, 3]
            );
            assert_eq!(
                first
                    .results
                    .iter()
                    .map(|t| t.title.as_str())
                    .collect::<Vec<_>>(),
                vec!["Printer smoking", "Ticket 2", "Ticket 3"]
            );
            // The page is only read: `next` and `previous` are one `Option`.
            assert_eq!(first.next, Some(format!("{tickets_url}?page=2")));
            assert_eq!(first.previous, None);
            let second = client
                .tickets_list()
                .page(2)

                .await
                .expect("page 2")
                .into_inner();
            assert_eq!(second.count, 7);
            assert_eq!(
                second.results.iter().map(|t| t.id).collect::<Vec<_>>(),
                vec![4, 5, 6]
            );
            assert_eq!(second.next, Some(format!("{tickets_url}?page=3")));
            assert_eq!(second.previous, Some(tickets_url.clone()));
            let last = client
                .tickets_list()
                .page(3)

                .await
                .expect("page 3")
                .into_inner();
            assert_eq!(
                last.results
                    .iter()
                    .map(|t| t.title.as_str())
                    .collect::<Vec<_>>(),
                vec!["Ticket 7"]
            );
            assert_eq!(last.next, None);
            assert_eq!(last.previous, Some(format!("{tickets_url}?page=2")));
            let searched = client
                .tickets_list()
                .search("printer")

                .await
                .expect("search")
                .into_inner();
            assert_eq!(
                searched.results.iter().map(|t| t.id).collect::<Vec<_>>(),
                vec![1]
            );

            step("refresh");
            // Refresh (rotation on): a new refresh token comes back, and it refreshes again.
            let fresh = client
                .auth_token_refresh_create(&types::TokenRefreshRequest::new(
                    pair.refresh.clone(),
                ))
                .await
                .expect("refresh")
                .into_inner();
            assert!(is_jwt(&fresh.access) && is_jwt(&fresh.refresh));
            assert_ne!(
                fresh.refresh, pair.refresh,
                "rotation gives a new refresh token"
            );
            assert_ne!(fresh.access, pair.access);
            client.inner_mut().set_bearer_token(&fresh.access);
            let me = client
                .auth_me_retrieve()
                .await
                .expect("me, refreshed")
                .into_inner();
            assert_eq!(me.username, USERNAME);
            let again = client
                .auth_token_refresh_create(&types::TokenRefreshRequest::new(
                    fresh.refresh.clone(),
                ))
                .await
                .expect("refresh with the rotated token")
                .into_inner();
            assert!(is_jwt(&again.access) && again.refresh != fresh.refresh);

            step("sign up");
            // Sign up with the write-only password (no login needed), then log in with it.
            let mut bob = Client::new(url);
            let account = bob
                .auth_signup_create(&types::SignupRequest::new("bob", "builder-123"))
                .await
                .expect("signup");
            assert_eq!(account.status().as_u16(), 201);
            let account = account.into_inner();
            assert_eq!((account.id, account.username.as_str()), (2, "bob"));
            // `Signup` is only read: `theme` (absent or null) is one `Option`.
            assert!(account.theme.is_none(), "{:?}", account.theme);
            let bob_pair = log_in(&mut bob, "bob", "builder-123").await;
            write_only_read_back(&bob_pair, &account);
            let bob_me = bob.auth_me_retrieve().await.expect("bob").into_inner();
            assert_eq!((bob_me.id, bob_me.username.as_str()), (2, "bob"));

            step("403");
            // 403: only the author changes or deletes a ticket; the documented ErrorDetail says so.
            let takeover = types::PatchedTicketRequest::new().title("Bob's now");
            match bob.tickets_partial_update(ticket.id).body(&takeover).await {
                Err(Error::Api(response)) => {
                    assert_eq!(response.status().as_u16(), 403);
                    match response.into_inner() {
                        responses::TicketsPartialUpdateError::Status403(body) => {
                            assert_eq!(body.detail, NOT_THE_AUTHOR)
                        }
                        other => panic!("expected the 403 body, got {other:?}"),
                    }
                }
                other => panic!("expected a 403, got {other:?}"),
            }
            match bob.tickets_destroy(ticket.id).await {
                Err(Error::Api(response)) => match response.into_inner() {
                    responses::TicketsDestroyError::Status403(body) => {
                        assert_eq!(body.detail, NOT_THE_AUTHOR)
                    }
                    other => panic!("expected the 403 body, got {other:?}"),
                },
                other => panic!("expected a 403, got {other:?}"),
            }
            let still = client
                .tickets_retrieve(ticket.id)
                .await
                .expect("still there")
                .into_inner();
            assert_eq!(still.title, "Printer smoking");

            step("404");
            // 404: the documented ErrorDetail, on a read and on a PATCH.
            match client.tickets_retrieve(999).await {
                Err(Error::Api(response)) => {
                    assert_eq!(response.status().as_u16(), 404);
                    match response.into_inner() {
                        responses::TicketsRetrieveError::Status404(body) => {
                            assert_eq!(body.detail, NO_TICKET)
                        }
                    }
                }
                other => panic!("expected a 404, got {other:?}"),
            }
            let error = client
                .tickets_partial_update(999)
                .body(&retitle)
                .await
                .expect_err("no ticket 999");
            assert_eq!(error.status().map(|status| status.as_u16()), Some(404));
            match error.api_error() {
                Some(responses::TicketsPartialUpdateError::Status404(body)) => {
                    assert_eq!(body.detail, NO_TICKET)
                }
                other => panic!("expected the 404 body, got {other:?}"),
            }

            (client, ticket)
        }

        /// Uploads a file to `ticket` as multipart/form-data and reads back what the server stored.
        pub async fn upload(client: &Client, ticket: &types::Ticket) {
            step("upload");
            let content = b"hello helpdesk\n".to_vec();
            let attachment = client
                .tickets_attachments_create(
                    ticket.id,
                    // A `File` in the split document, a `FileOrText` in the default one.
                    &types::AttachmentRequest::new(
                        clientgen::File::new(content, "screen.txt")
                            .with_content_type("text/plain")
                            .into(),
                    ),
                )
                .await
                .expect("upload");
            assert_eq!(attachment.status().as_u16(), 201);
            let attachment = attachment.into_inner();
            assert_eq!(
                (
                    attachment.id,
                    attachment.ticket,
                    attachment.name.as_str(),
                    attachment.size
                ),
                (1, ticket.id, "screen.txt", 15)
            );
            match client
                .tickets_attachments_create(
                    999,
                    &types::AttachmentRequest::new(clientgen::File::new(b"x".to_vec(), "x.txt").into()),
                )
                .await
            {
                Err(Error::Api(response)) => match response.into_inner() {
                    responses::TicketsAttachmentsCreateError::Status404(body) => {
                        assert_eq!(body.detail, NO_TICKET)
                    }
                },
                other => panic!("expected a 404, got {other:?}"),
            }
        }
    };
}

/// drf-spectacular's default document: one component per serializer for both directions.
mod default_document {
    clientgen::generate_clients! {
        spec = "rust/specs/drf.json",
        targets = [],
    }

    drf_walk! {
        document = "default",
        // The response shapes keep the write-only fields, optional: the server never sends them.
        write_only_read_back = |pair, account| {
            assert_eq!((pair.username.as_deref(), pair.password.as_deref()), (None, None));
            assert_eq!(account.password, None);
        }
    }
}

/// The document with `COMPONENT_SPLIT_REQUEST=True`: request components of their own.
mod split_document {
    clientgen::generate_clients! {
        spec = "rust/specs/drf-split.json",
        targets = [],
    }

    drf_walk! {
        document = "split",
        // The response shapes have no write-only fields at all (no `password`, no `username`
        // in `TokenObtainPair`): nothing to check at run time.
        write_only_read_back = |_pair, _account| {}
    }
}

/// The DRF app under runserver, over its own database folder (removed after the server stops).
struct Server {
    app: AppServer,
    _state: tempfile::TempDir,
}

impl Server {
    fn url(&self) -> &str {
        &self.app.url
    }
}

/// `python` in the DRF app's folder, with the environment its settings read.
fn django(state: &Path, split_request: bool) -> Command {
    let mut command = Command::new(python());
    command
        .current_dir(app_folder("drf_app"))
        .env("DJANGO_SETTINGS_MODULE", "helpdesk.settings")
        .env("HELPDESK_DB", state.join("db.sqlite3"))
        .env("HELPDESK_MEDIA_ROOT", state.join("media"))
        .env("HELPDESK_TEST_RESET", "1")
        .env(
            "HELPDESK_COMPONENT_SPLIT_REQUEST",
            if split_request { "1" } else { "0" },
        );
    command
}

/// Sends `POST path` with no body over a plain socket and returns the status code.
fn post(port: u16, path: &str) -> std::io::Result<u16> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    write!(
        stream,
        "POST {path} HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 0\r\n\r\n"
    )?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer)?;
    let status = answer.split(' ').nth(1).unwrap_or("0");
    Ok(status.parse().unwrap_or(0))
}

/// Migrates a fresh database, starts runserver on a free port and waits until the demo user
/// exists (POST /api/test/reset/ answers 204). `split_request` only changes the document served
/// at /api/schema/; every other answer is the same.
fn start_server(split_request: bool) -> Server {
    let state = tempfile::tempdir().expect("a temporary folder");
    let migrate = django(state.path(), split_request)
        .args(["manage.py", "migrate", "--noinput"])
        .output()
        .unwrap_or_else(|error| {
            panic!(
                "cannot run Django with {} ({error}); run tests/setup-venv.sh or set CLIENTGEN_PYTHON",
                python().display()
            )
        });
    assert!(
        migrate.status.success(),
        "migrate failed:\n{}",
        String::from_utf8_lossy(&migrate.stderr)
    );
    let port = free_port();
    let address = format!("127.0.0.1:{port}");
    let args = ["manage.py", "runserver", &address, "--noreload"];
    let app = AppServer::spawn(
        &mut django(state.path(), split_request),
        args.map(OsStr::new),
        port,
    );
    app.wait_until(
        || post(port, "/api/test/reset/").ok() == Some(204),
        "Django runserver",
    );
    Server { app, _state: state }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_default_document_client_walks_the_drf_app_and_uploads_a_file() {
    let server = start_server(false);
    let (client, ticket) = default_document::walk(server.url()).await;
    // The default document writes the FileField as `{type: string, format: uri}`: in a body sent
    // only as multipart, the request shape takes a `FileOrText` there.
    default_document::upload(&client, &ticket).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_split_document_client_walks_the_same_way_and_uploads_a_file() {
    let server = start_server(true);
    let (client, ticket) = split_document::walk(server.url()).await;
    split_document::upload(&client, &ticket).await;
}
