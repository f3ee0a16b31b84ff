//! The collection server as tests start it: the real binary on a loopback
//! port with a temporary database, its log collected line by line.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::backend::{Backend, Db};

pub const CAMPO: &str = env!("CARGO_BIN_EXE_campo");

pub fn campo(args: &[&str]) -> Command {
    let mut command = Command::new(CAMPO);
    command
        .args(args)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdin(Stdio::null());
    command
}

pub struct Server {
    pub child: Child,
    pub url: String,
    /// The `--db` it serves.
    pub db: String,
    pub log: Arc<Mutex<Vec<String>>>,
}

impl Server {
    pub fn start(db: &str) -> Server {
        Self::start_on(db, "127.0.0.1:0")
    }

    pub fn start_on(db: &str, listen: &str) -> Server {
        Self::start_with(db, listen, &[])
    }

    pub fn start_with(db: &str, listen: &str, extra: &[&str]) -> Server {
        let mut args = vec!["serve", "--listen", listen, "--db", db];
        args.extend(extra);
        let mut child = campo(&args).stderr(Stdio::piped()).spawn().unwrap();
        let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
        let first = lines
            .next()
            .expect("the server says where it listens")
            .unwrap();
        let address = first
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split(' ').next())
            .expect(&first)
            .to_string();
        let log = Arc::new(Mutex::new(Vec::new()));
        let sink = log.clone();
        thread::spawn(move || {
            for line in lines.map_while(Result::ok) {
                sink.lock().unwrap().push(line);
            }
        });
        Server {
            child,
            url: format!("http://{address}"),
            db: db.to_string(),
            log,
        }
    }

    pub fn port(&self) -> &str {
        self.url.rsplit(':').next().unwrap()
    }

    /// Requests the server has logged that match `pattern`.
    pub fn count(&self, pattern: &str) -> usize {
        self.log
            .lock()
            .unwrap()
            .iter()
            .filter(|l| l.contains(pattern))
            .count()
    }

    /// The count of `pattern` once it has reached `at_least`: a request's
    /// line is logged after its answer, so it may come a moment after the
    /// client is done.
    pub fn count_once(&self, pattern: &str, at_least: usize) -> usize {
        let started = Instant::now();
        while self.count(pattern) < at_least && started.elapsed() < Duration::from_secs(20) {
            thread::sleep(Duration::from_millis(10));
        }
        self.count(pattern)
    }

    pub fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A server on a loopback port with a fresh database of `backend` and one
/// token; `None` when that backend is not installed here.
pub fn server_with_token(backend: Backend, name: &str) -> Option<(Db, String, Server)> {
    let db = Db::fresh(backend)?;
    let token = add_token(&db, name);
    let server = Server::start(&db);
    Some((db, token, server))
}

pub fn add_token(db: &str, name: &str) -> String {
    let output = campo(&["serve", "--db", db, "token", "add", name])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap().trim().to_string()
}

pub const REGIONS: [&str; 5] = ["veneto", "sicilia", "lazio", "valle_d_aosta", "puglia"];

/// A complete, valid response of the bundled form.
pub fn complete_response(id: &str, n: usize, revision: u64) -> Value {
    json!({
        "id": id,
        "form": {"id": "mhd-peer-support-2025", "version": 1},
        "status": "complete",
        "created": "2026-01-10T09:00:00Z",
        "updated": "2026-01-10T09:30:00Z",
        "lang": "it",
        "revision": revision,
        "answers": {
            "dept_region": REGIONS[n % REGIONS.len()],
            "dept_name": format!("DSM n. {n}, perché sì"),
            "ps_active": "no",
            "ps_difficulties": ["recognition", "other"],
            "ps_difficulties_other": "Turni",
            "cp_planning_role": "consultative",
            "cp_tools": "dk",
            "cp_active": "no",
            "rec_strategies": "no"
        }
    })
}
