//! The collection server under load: N offices syncing at once against
//! `campo serve` on loopback (real HTTP, gzip, batches of 32 as `campo sync`
//! sends them), on SQLite and on a PostgreSQL the benchmark starts itself,
//! with one instance and with two on the same database. Prints responses a
//! second, request latency (p50, p99), errors, peak memory and CPU of each
//! part, then checks that every response is stored exactly once at its
//! latest revision.
//!
//!     cargo bench --bench load
//!     cargo bench --bench load -- --offices 50 --responses 200 --rounds 3
//!     cargo bench --bench load -- --pace 1500
//!
//! Without `--pace`, each office sends its next batch as soon as the last
//! is answered: the most the server takes, and the latency of a queue of
//! 50 requests. With `--pace R`, the offices together offer R responses a
//! second on a schedule: the latency an office sees at that load.
//!
//! Each round, every office sends a new revision of each of its responses,
//! so `rounds` × `offices` × `responses` revisions are stored in all. Run
//! by hand (PostgreSQL from Debian's `postgresql` package); not a test.

// The tests' way of starting a PostgreSQL, made durable here.
#[path = "../tests/support/backend.rs"]
#[allow(dead_code)]
mod backend;

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use backend::{Backend, Db};
use flate2::Compression;
use flate2::write::GzEncoder;
use serde_json::{Value, json};

const CAMPO: &str = env!("CARGO_BIN_EXE_campo");
/// Documents a request, as `campo sync` sends them.
const GROUP: usize = 32;

struct Settings {
    offices: usize,
    responses: usize,
    rounds: u64,
    /// Responses a second offered in all, when paced: each office sends
    /// on a schedule, and a request's latency counts from when it was due
    /// (a late one is not excused by the one before it). None: every
    /// office sends as fast as it is answered.
    pace: Option<f64>,
}

fn settings() -> Settings {
    let mut settings = Settings {
        offices: 50,
        responses: 200,
        rounds: 3,
        pace: None,
    };
    let args: Vec<String> = std::env::args().collect();
    for pair in args.windows(2) {
        let value = || pair[1].parse().expect("a number");
        match pair[0].as_str() {
            "--offices" => settings.offices = value() as usize,
            "--responses" => settings.responses = value() as usize,
            "--rounds" => settings.rounds = value(),
            "--pace" => settings.pace = Some(value() as f64),
            _ => {}
        }
    }
    settings
}

fn main() {
    let settings = settings();
    backend::durable();
    println!(
        "{} offices × {} responses × {} rounds ({} revisions), batches of {GROUP}, gzip, {}\n",
        settings.offices,
        settings.responses,
        settings.rounds,
        settings.offices * settings.responses * settings.rounds as usize,
        match settings.pace {
            Some(rate) => format!("offered at {rate:.0} responses/s"),
            None => "as fast as answered".into(),
        }
    );
    println!(
        "| database | instances | responses/s | p50 | p99 | errors | server memory (each) | CPU: servers / database / offices | database size | stored once at latest |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for backend in [Backend::Sqlite, Backend::Postgres] {
        for instances in [1, 2] {
            let Some(db) = Db::fresh(backend) else {
                println!("| {backend:?} | skipped: not installed | | | | | | | | |");
                continue;
            };
            run(&settings, backend, &db, instances);
        }
    }
}

fn run(settings: &Settings, backend: Backend, db: &Db, instances: usize) {
    let tokens: Vec<String> = (0..settings.offices)
        .map(|n| add_token(db, &format!("office-{n}")))
        .collect();
    let servers: Vec<(Child, String)> = (0..instances).map(|_| serve(db)).collect();
    let database_cpu_before = database_cpu(backend);
    let started = Instant::now();
    let results: Vec<(Vec<Duration>, usize)> = std::thread::scope(|scope| {
        let offices: Vec<_> = tokens
            .iter()
            .enumerate()
            .map(|(office, token)| {
                let url = &servers[office % instances].1;
                scope.spawn(move || sync_office(url, token, office, settings))
            })
            .collect();
        offices.into_iter().map(|o| o.join().unwrap()).collect()
    });
    let wall = started.elapsed();
    let latencies = {
        let mut all: Vec<Duration> = results.iter().flat_map(|r| r.0.clone()).collect();
        all.sort();
        all
    };
    let errors: usize = results.iter().map(|r| r.1).sum();
    let revisions = settings.offices * settings.responses * settings.rounds as usize;
    let memory: Vec<String> = servers
        .iter()
        .map(|(child, _)| format!("{} MB", peak_mb(child.id())))
        .collect();
    let server_cpu: f64 = servers.iter().map(|(c, _)| cpu_seconds(c.id())).sum();
    let database = database_cpu(backend) - database_cpu_before;
    let offices_cpu = own_cpu();
    for (mut child, _) in servers {
        let _ = child.kill();
        let _ = child.wait();
    }
    let once = stored_once(db, settings);
    let size = database_mb(backend, db);
    let percentile = |p: f64| {
        let at = ((latencies.len() as f64 - 1.0) * p).round() as usize;
        latencies.get(at).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    println!(
        "| {} | {instances} | {:.0} | {:.1} ms | {:.1} ms | {errors} | {} | {server_cpu:.1} s / {database:.1} s / {offices_cpu:.1} s | {size:.0} MB | {once} |",
        match backend {
            Backend::Sqlite => "SQLite",
            Backend::Postgres => "PostgreSQL",
        },
        revisions as f64 / wall.as_secs_f64(),
        percentile(0.5),
        percentile(0.99),
        memory.join(", "),
    );
}

fn campo(args: &[&str]) -> Command {
    let mut command = Command::new(CAMPO);
    command.args(args).env("LANG", "C").stdin(Stdio::null());
    command
}

fn add_token(db: &Db, name: &str) -> String {
    let output = campo(&["serve", "--db", db.arg(), "token", "add", name])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap().trim().to_string()
}

/// A server on a loopback port, its log drained (one line a request).
fn serve(db: &Db) -> (Child, String) {
    let mut child = campo(&[
        "serve",
        "--listen",
        "127.0.0.1:0",
        "--db",
        db.arg(),
        "--db-pool",
        "16",
    ])
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let address = first
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .expect(&first)
        .to_string();
    std::thread::spawn(move || lines.for_each(drop));
    (child, format!("http://{address}"))
}

/// One office: every round, a new revision of each response, in batches,
/// one request at a time. The latency of each request, and the documents
/// not stored.
fn sync_office(
    url: &str,
    token: &str,
    office: usize,
    settings: &Settings,
) -> (Vec<Duration>, usize) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let (mut latencies, mut errors) = (Vec::new(), 0);
    // When paced, a batch of n responses is due n × offices / rate
    // seconds after the one before; the offices' schedules are spread
    // over one full batch's time.
    let time_for = |n: usize| {
        settings
            .pace
            .map(|rate| Duration::from_secs_f64(n as f64 * settings.offices as f64 / rate))
    };
    let mut due = Instant::now()
        + time_for(GROUP).map_or(Duration::ZERO, |t| {
            t.mul_f64(office as f64 / settings.offices as f64)
        });
    for revision in 1..=settings.rounds {
        let documents: Vec<Value> = (0..settings.responses)
            .map(|n| document(office, n, revision))
            .collect();
        for group in documents.chunks(GROUP) {
            let mut body = GzEncoder::new(Vec::new(), Compression::default());
            body.write_all(&serde_json::to_vec(group).unwrap()).unwrap();
            let body = body.finish().unwrap();
            let started = match time_for(group.len()) {
                Some(time) => {
                    std::thread::sleep(due.saturating_duration_since(Instant::now()));
                    let started = due;
                    due += time;
                    started
                }
                None => Instant::now(),
            };
            let answer = agent
                .post(format!("{url}/v1/responses"))
                .header("Authorization", format!("Bearer {token}"))
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .send(&body[..]);
            latencies.push(started.elapsed());
            errors += match answer {
                Ok(mut answer) if answer.status() == 200 => {
                    let text = answer.body_mut().read_to_string().unwrap();
                    let answer: Value = serde_json::from_str(&text).unwrap();
                    answer["results"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .filter(|r| r.get("accepted").is_none())
                        .count()
                }
                _ => group.len(),
            };
        }
    }
    (latencies, errors)
}

fn id_of(office: usize, n: usize) -> String {
    format!("{office:08x}-0000-4000-8000-{n:012x}")
}

const REGIONS: [&str; 5] = ["veneto", "sicilia", "lazio", "toscana", "puglia"];

/// A complete response of the bundled form, of the shape of
/// `bench/sync.py`'s.
fn document(office: usize, n: usize, revision: u64) -> Value {
    json!({
        "id": id_of(office, n),
        "form": {"id": "mhd-peer-support-2025", "version": 1},
        "status": "complete",
        "created": "2026-01-10T09:00:00Z",
        "updated": "2026-01-10T09:30:00Z",
        "lang": "it",
        "revision": revision,
        "answers": {
            "dept_region": REGIONS[n % REGIONS.len()],
            "dept_name": format!("DSM n. {n} dell'ufficio {office}, revisione {revision}"),
            "ps_active": "yes", "ps_years": "y4_6", "ps_count": "n1_3",
            "ps_services": ["cmhc", "day_centre", "other"], "ps_services_other": "Ambulatorio",
            "ps_activities": ["individual_recovery", "peer_groups"], "ps_trained": "yes",
            "ps_training_by": ["mhd", "user_assoc"], "ps_paid": "yes", "ps_funding": ["mhd_funds"],
            "ps_protocols": "no", "ps_effective": "very", "ps_stigma": "yes",
            "ps_stigma_how": ["narratives", "awareness"], "ps_satisfaction": "yes",
            "ps_difficulties": ["recognition", "resources", "cultural_resistance"],
            "cp_planning_role": "consultative", "cp_tools": "yes", "cp_active": "yes",
            "cp_areas": ["rehab_activities"], "cp_participation": "moderately",
            "cp_outcomes": ["relationships"], "cp_barriers": ["no_guidelines"],
            "rec_strategies": "yes", "rec_actions": ["care_plans", "social_inclusion"],
            "rec_contribution": "very",
            "promising_practices": "Gruppi di auto mutuo aiuto nel CSM, con ESP retribuiti."
        }
    })
}

/// Whether `serve dump` holds each response once, at the last round's
/// revision.
fn stored_once(db: &Db, settings: &Settings) -> String {
    let out = tempfile::tempdir().unwrap();
    let dumped = campo(&[
        "serve",
        "--db",
        db.arg(),
        "dump",
        "--out",
        out.path().to_str().unwrap(),
    ])
    .output()
    .unwrap();
    assert!(dumped.status.success(), "{dumped:?}");
    let files: Vec<_> = std::fs::read_dir(out.path().join("responses"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let at_latest = files
        .iter()
        .filter(|path| {
            let document: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
            document["revision"] == settings.rounds
        })
        .count();
    let expected = settings.offices * settings.responses;
    if files.len() == expected && at_latest == expected {
        format!("yes ({expected})")
    } else {
        format!(
            "NO: {} stored, {at_latest} at the latest revision",
            files.len()
        )
    }
}

/// The database's size on disk, in MB: the SQLite file with its log, or
/// what PostgreSQL says of the database.
fn database_mb(backend: Backend, db: &Db) -> f64 {
    let bytes = match backend {
        Backend::Sqlite => ["", "-wal"]
            .iter()
            .filter_map(|suffix| std::fs::metadata(format!("{}{suffix}", db.arg())).ok())
            .map(|m| m.len())
            .sum::<u64>(),
        Backend::Postgres => {
            let mut client = postgres::Client::connect(db.arg(), postgres::NoTls).unwrap();
            let row = client
                .query_one("SELECT pg_database_size(current_database())", &[])
                .unwrap();
            row.get::<_, i64>(0) as u64
        }
    };
    bytes as f64 / 1e6
}

/// Peak resident memory of a process, in MB.
fn peak_mb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next()?.parse::<u64>().ok())
        .map_or(0, |kb| kb / 1024)
}

/// User and system CPU of a process so far, in seconds.
fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command's closing parenthesis: utime is the 12th.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or("", |(_, rest)| rest)
        .split_whitespace()
        .collect();
    let ticks: f64 = fields.get(11..13).map_or(0.0, |t| {
        t.iter().filter_map(|v| v.parse::<f64>().ok()).sum()
    });
    ticks / 100.0
}

/// CPU of this benchmark's own threads (the offices), in seconds.
fn own_cpu() -> f64 {
    cpu_seconds(std::process::id())
}

/// CPU used so far by every PostgreSQL process (the benchmark's cluster).
fn database_cpu(backend: Backend) -> f64 {
    if backend != Backend::Postgres {
        return 0.0;
    }
    std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read_to_string(format!("/proc/{pid}/comm"))
                .is_ok_and(|c| c.trim() == "postgres")
        })
        .map(cpu_seconds)
        .sum()
}
