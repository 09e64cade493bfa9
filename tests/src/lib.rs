//! End-to-end, snapshot and corpus tests of clientgen; the tests live in `tests/tests/`.
//!
//! This library holds what the end-to-end tests share: [`AppServer`], one of the tests' apps
//! (the reference FastAPI app, the contract app, the Django REST Framework app) served on
//! 127.0.0.1.

use std::ffi::OsStr;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Runs `python <argv[1:]>` until its own stdin closes, then stops it: the server dies with the
/// test process even when nothing drops its [`AppServer`] (a `static`).
const WATCHDOG: &str = "\
import subprocess, sys
server = subprocess.Popen([sys.executable, *sys.argv[1:]], stdout=subprocess.DEVNULL, \
stderr=subprocess.DEVNULL)
sys.stdin.read()
server.terminate()
server.wait()
";

/// How long a server may take to answer.
const START_TIMEOUT: Duration = Duration::from_secs(30);

/// The Python the apps run on: `$CLIENTGEN_PYTHON`, else the workspace's `.venv/bin/python`
/// (which `tests/setup-venv.sh` makes).
pub fn python() -> PathBuf {
    std::env::var_os("CLIENTGEN_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../.venv/bin/python"))
}

/// The folder of one of the tests' apps (`reference_app`, `contract_app`, `drf_app`).
pub fn app_folder(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
}

/// A free TCP port on 127.0.0.1.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port()
}

/// One of the tests' apps, served on 127.0.0.1 under a watchdog: stopped when dropped, or when
/// the test process ends.
#[derive(Debug)]
pub struct AppServer {
    /// `http://127.0.0.1:<port>`.
    pub url: String,
    /// Kept open while the server should run: the watchdog stops the server when it closes.
    watchdog: Mutex<Option<(Child, ChildStdin)>>,
}

impl AppServer {
    /// A FastAPI app (`app:app` in `tests/<folder>`) under uvicorn, once it accepts connections.
    pub fn uvicorn(folder: &str) -> AppServer {
        let port = free_port();
        let args = ["-m", "uvicorn", "app:app", "--host", "127.0.0.1", "--port"];
        let server = AppServer::spawn(
            Command::new(python()).current_dir(app_folder(folder)),
            args.iter()
                .map(OsStr::new)
                .chain([OsStr::new(&port.to_string())]),
            port,
        );
        server.wait_until(
            || TcpStream::connect(("127.0.0.1", port)).is_ok(),
            "uvicorn",
        );
        server
    }

    /// Runs `python <args>` from `command` (its folder and environment) under the watchdog;
    /// the caller waits until it answers ([`AppServer::wait_until`]).
    pub fn spawn<'a>(
        command: &mut Command,
        args: impl IntoIterator<Item = &'a OsStr>,
        port: u16,
    ) -> AppServer {
        let mut child = command
            .arg("-c")
            .arg(WATCHDOG)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .unwrap_or_else(|error| {
                panic!(
                    "cannot run {} ({error}); run tests/setup-venv.sh or set CLIENTGEN_PYTHON",
                    python().display()
                )
            });
        let stdin = child.stdin.take().expect("the watchdog's stdin");
        AppServer {
            url: format!("http://127.0.0.1:{port}"),
            watchdog: Mutex::new(Some((child, stdin))),
        }
    }

    /// Waits until `ready` says the server answers; panics after 30 s or when it stopped.
    pub fn wait_until(&self, mut ready: impl FnMut() -> bool, name: &str) {
        let deadline = Instant::now() + START_TIMEOUT;
        while !ready() {
            let mut watchdog = self.watchdog.lock().expect("not poisoned");
            if let Some(Ok(Some(status))) = watchdog.as_mut().map(|(child, _)| child.try_wait()) {
                panic!("{name} stopped ({status}) before it answered");
            }
            drop(watchdog);
            assert!(
                Instant::now() < deadline,
                "{name} did not answer within {START_TIMEOUT:?}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for AppServer {
    fn drop(&mut self) {
        let watchdog = self.watchdog.get_mut().map(Option::take);
        if let Ok(Some((mut child, stdin))) = watchdog {
            drop(stdin);
            let _ = child.wait();
        }
    }
}
