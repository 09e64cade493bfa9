//! The macro-generated Rust client walks the Django REST Framework reference app (tests/drf_app),
//! served by Django's runserver on 127.0.0.1: log in, create, read, PATCH, page, and a 404.
//!
//! The client comes from `rust/specs/drf.json`, drf-spectacular's default document of the app
//! (tests/python/test_drf_walk.py fails when a fresh dump differs from it). The server runs on
//! `$CLIENTGEN_PYTHON` (default: the workspace's `.venv/bin/python`, which `tests/setup-venv.sh`
//! makes), over a fresh SQLite file in a temporary folder.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use clientgen::Error;

clientgen::generate_clients! {
    spec = "rust/specs/drf.json",
    targets = [],
}

use helpdesk_api::{Client, responses, types};

const USERNAME: &str = "alice";
const PASSWORD: &str = "wonderland-42";

/// The DRF app under runserver; stopped when dropped (its database folder with it).
struct Server {
    child: Child,
    port: u16,
    _state: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

fn python() -> PathBuf {
    std::env::var_os("CLIENTGEN_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../.venv/bin/python"))
}

fn django(state: &Path) -> Command {
    let mut command = Command::new(python());
    command
        .arg("manage.py")
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("drf_app"))
        .env("DJANGO_SETTINGS_MODULE", "helpdesk.settings")
        .env("HELPDESK_DB", state.join("db.sqlite3"))
        .env("HELPDESK_MEDIA_ROOT", state.join("media"))
        .env("HELPDESK_TEST_RESET", "1")
        .env("HELPDESK_COMPONENT_SPLIT_REQUEST", "0");
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
/// exists (POST /api/test/reset/ answers 204).
fn start_server() -> Server {
    let state = tempfile::tempdir().expect("a temporary folder");
    let migrate = django(state.path())
        .args(["migrate", "--noinput"])
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
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port();
    let child = django(state.path())
        .args(["runserver", &format!("127.0.0.1:{port}"), "--noreload"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("runserver starts");
    let server = Server {
        child,
        port,
        _state: state,
    };
    let deadline = Instant::now() + Duration::from_secs(30);
    while post(port, "/api/test/reset/").ok() != Some(204) {
        assert!(
            Instant::now() < deadline,
            "Django runserver did not answer within 30 s"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    server
}

#[tokio::test(flavor = "multi_thread")]
async fn the_macro_client_logs_in_creates_reads_patches_and_pages_through_the_drf_app() {
    let server = start_server();
    let mut client = Client::new(server.url());

    // Without a token: an undocumented 401.
    match client.auth_me_retrieve().await {
        Err(Error::UnexpectedStatus { status, .. }) => assert_eq!(status.as_u16(), 401),
        other => panic!("expected a 401 without a token, got {other:?}"),
    }

    // Log in: the request carries only the write-only credentials, the response only the tokens.
    let pair = client
        .auth_token_create(&types::TokenObtainPairRequest {
            username: USERNAME.to_string(),
            password: PASSWORD.to_string(),
        })
        .await
        .expect("login")
        .into_inner();
    assert_eq!(pair.access.split('.').count(), 3);
    assert_eq!(pair.username, None);
    client.set_bearer_token(&pair.access);
    let me = client.auth_me_retrieve().await.expect("me").into_inner();
    assert_eq!((me.id, me.username.as_str()), (1, USERNAME));

    // Create from the writable fields only; the server fills in the rest.
    let created = client
        .tickets_create(&types::TicketRequest {
            title: "Printer on fire".to_string(),
            description: Some("Smoke".to_string()),
            status: None,
            priority: Some(types::PriorityEnum::from(3)),
        })
        .await
        .expect("create");
    assert_eq!(created.status().as_u16(), 201);
    let ticket = created.into_inner();
    assert_eq!((ticket.id, ticket.title.as_str()), (1, "Printer on fire"));
    assert_eq!(
        ticket.status,
        Some(types::StatusEnum::from("open".to_string()))
    );
    assert_eq!(ticket.priority, Some(types::PriorityEnum::from(3)));
    assert_eq!(ticket.author.username, USERNAME);
    assert_eq!((ticket.messages.len(), ticket.message_count), (0, 0));

    // Read it back.
    let read = client.tickets_retrieve(ticket.id).await.expect("read");
    assert_eq!(read.title, "Printer on fire");
    assert_eq!(read.description.as_deref(), Some("Smoke"));

    // PATCH sends only what was set: title and description stay.
    let patch = types::PatchedTicketRequest {
        status: Some(types::StatusEnum::from("in_progress".to_string())),
        ..Default::default()
    };
    let patched = client
        .tickets_partial_update(ticket.id, Some(&patch))
        .await
        .expect("patch")
        .into_inner();
    assert_eq!(
        patched.status,
        Some(types::StatusEnum::from("in_progress".to_string()))
    );
    assert_eq!(patched.title, "Printer on fire");
    assert_eq!(patched.description.as_deref(), Some("Smoke"));
    assert_eq!(patched.priority, Some(types::PriorityEnum::from(3)));
    assert_eq!(patched.created_at, ticket.created_at);

    // Pages of three: count, next, previous, results.
    for n in 2..=7 {
        client
            .tickets_create(&types::TicketRequest {
                title: format!("Ticket {n}"),
                description: None,
                status: None,
                priority: None,
            })
            .await
            .expect("another ticket");
    }
    let first = client
        .tickets_list()
        .send()
        .await
        .expect("page 1")
        .into_inner();
    assert_eq!(first.count, 7);
    assert_eq!(
        first.results.iter().map(|t| t.id).collect::<Vec<_>>(),
        vec![1, 2, 3]
    );
    assert_eq!(
        first.next,
        Some(Some(format!("{}/api/tickets/?page=2", server.url())))
    );
    assert_eq!(first.previous, Some(None));
    let last = client
        .tickets_list()
        .page(3)
        .send()
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
    assert_eq!(last.next, Some(None));
    let searched = client
        .tickets_list()
        .search("printer")
        .send()
        .await
        .expect("search")
        .into_inner();
    assert_eq!(searched.count, 1);

    // A 404 is the documented ErrorDetail.
    match client.tickets_retrieve(999).await {
        Err(Error::Api(response)) => {
            assert_eq!(response.status().as_u16(), 404);
            match response.into_inner() {
                responses::TicketsRetrieveError::Status404(body) => {
                    assert_eq!(body.detail, "No Ticket matches the given query.")
                }
            }
        }
        other => panic!("expected a 404, got {other:?}"),
    }
}
