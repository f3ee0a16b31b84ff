//! The databases the server tests run on: a fresh SQLite file, or a fresh
//! database in a real PostgreSQL that the tests start themselves on
//! loopback (Debian's `postgresql` package; as the `postgres` user when
//! the tests run as root), once for each test program, and stop and
//! remove when it ends. Without PostgreSQL, its half of the tests says it
//! skipped, unless `CAMPO_REQUIRE_POSTGRES=1` (as in CI).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A database of its own for one test, named as `--db` takes it.
pub struct Db {
    pub url: String,
    /// The folder of an SQLite file (and anything else the test puts by).
    pub dir: tempfile::TempDir,
}

impl Db {
    /// A fresh, empty database; `None` when PostgreSQL is not installed
    /// here (the test is then skipped, and says so).
    pub fn fresh(backend: Backend) -> Option<Db> {
        let dir = tempfile::tempdir().unwrap();
        let url = match backend {
            Backend::Sqlite => dir.path().join("campo.sqlite").to_str()?.to_string(),
            Backend::Postgres => cluster()?.new_database(),
        };
        Some(Db { url, dir })
    }

    pub fn arg(&self) -> &str {
        &self.url
    }
}

/// A `Db` goes where a `--db` argument does.
impl std::ops::Deref for Db {
    type Target = str;
    fn deref(&self) -> &str {
        &self.url
    }
}

/// Runs each named test function (`fn name(backend: Backend)`) on SQLite
/// and on PostgreSQL, as `name::sqlite` and `name::postgres`.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[test]
                fn sqlite() {
                    super::$name($crate::support::backend::Backend::Sqlite)
                }
                #[test]
                #[cfg_attr(no_postgres, ignore = "PostgreSQL is not installed (apt-get install postgresql)")]
                fn postgres() {
                    super::$name($crate::support::backend::Backend::Postgres)
                }
            }
        )*
    };
}

pub struct Cluster {
    port: u16,
    bin: PathBuf,
    folder: PathBuf,
    server: Mutex<Option<Child>>,
    databases: AtomicUsize,
}

static CLUSTER: OnceLock<Option<Cluster>> = OnceLock::new();

/// Whether the cluster flushes its log to disk at each commit, as a real
/// one does (the load benchmark); the tests' own do not, for speed.
static DURABLE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Makes the cluster, once started, flush at each commit.
pub fn durable() {
    DURABLE.store(true, Ordering::SeqCst);
}

/// The test program's PostgreSQL, started the first time it is asked for.
pub fn cluster() -> Option<&'static Cluster> {
    CLUSTER
        .get_or_init(|| match postgres_bin() {
            Some(bin) => Some(Cluster::start(bin)),
            None if std::env::var_os("CAMPO_REQUIRE_POSTGRES").is_some() => {
                panic!("CAMPO_REQUIRE_POSTGRES is set but PostgreSQL is not installed")
            }
            None => {
                eprintln!(
                    "PostgreSQL is not installed: its half of the server tests skipped \
                     (apt-get install postgresql)"
                );
                None
            }
        })
        .as_ref()
}

/// The newest PostgreSQL of Debian's packages (`/usr/lib/postgresql/N/bin`).
fn postgres_bin() -> Option<PathBuf> {
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let version = entry.file_name().to_str()?.parse().ok()?;
            let bin = entry.path().join("bin");
            bin.join("postgres").exists().then_some((version, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

/// PostgreSQL refuses to run as root: as root, the tests run it as the
/// `postgres` user that Debian's package makes.
fn run_as() -> Option<(u32, u32)> {
    if unsafe { libc::geteuid() } != 0 {
        return None;
    }
    let name = std::ffi::CString::new("postgres").unwrap();
    let entry = unsafe { libc::getpwnam(name.as_ptr()) };
    assert!(
        !entry.is_null(),
        "running as root, PostgreSQL needs a `postgres` user"
    );
    let entry = unsafe { &*entry };
    Some((entry.pw_uid, entry.pw_gid))
}

fn as_owner(command: &mut Command) -> &mut Command {
    use std::os::unix::process::CommandExt;
    if let Some((uid, gid)) = run_as() {
        command.uid(uid).gid(gid);
    }
    command
}

impl Cluster {
    fn start(bin: PathBuf) -> Cluster {
        remove_abandoned_clusters();
        let folder = std::env::temp_dir().join(format!("campo-pg-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder).unwrap();
        if let Some((uid, gid)) = run_as() {
            std::os::unix::fs::chown(&folder, Some(uid), Some(gid)).unwrap();
        }
        let data = folder.join("data");
        let initdb = as_owner(
            Command::new(bin.join("initdb"))
                .args(["-A", "trust", "-U", "campo", "-E", "UTF8", "--locale=C"])
                .arg("--no-sync")
                .arg("-D")
                .arg(&data),
        )
        .stdout(Stdio::null())
        .output()
        .unwrap();
        assert!(
            initdb.status.success(),
            "initdb: {}",
            String::from_utf8_lossy(&initdb.stderr)
        );
        let port = free_port();
        let cluster = Cluster {
            port,
            bin,
            folder,
            server: Mutex::new(None),
            databases: AtomicUsize::new(0),
        };
        cluster.run_postgres(&data);
        cluster
    }

    fn run_postgres(&self, data: &Path) {
        use std::os::unix::process::CommandExt;
        let log = std::fs::File::create(self.folder.join("postgres.log")).unwrap();
        let mut command = Command::new(self.bin.join("postgres"));
        command
            .arg("-D")
            .arg(data)
            .arg("-k")
            .arg(&self.folder)
            .args(["-p", &self.port.to_string()])
            .args(["-c", "listen_addresses=127.0.0.1"])
            .args(["-c", "max_connections=300"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log);
        if !DURABLE.load(Ordering::SeqCst) {
            // The tests' own databases: speed over surviving a power cut.
            command.args(["-c", "fsync=off"]);
        }
        as_owner(&mut command);
        // Should the test program die without its exit handler, the
        // server goes with it.
        unsafe {
            command.pre_exec(|| {
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
                Ok(())
            });
        }
        // The parent whose death the server follows is the thread that
        // starts it: one that lives as long as the test program.
        let (started, server) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            started.send(command.spawn()).unwrap();
            loop {
                std::thread::park();
            }
        });
        *self.server.lock().unwrap() = Some(server.recv().unwrap().unwrap());
        unsafe { libc::atexit(stop_cluster) };
        self.wait_until_ready();
    }

    fn wait_until_ready(&self) {
        let started = Instant::now();
        loop {
            if postgres::Client::connect(&self.url("postgres"), postgres::NoTls).is_ok() {
                return;
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "PostgreSQL did not start: {}",
                std::fs::read_to_string(self.folder.join("postgres.log")).unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn url(&self, database: &str) -> String {
        format!("postgres://campo@127.0.0.1:{}/{database}", self.port)
    }

    /// A new, empty database, as a `--db` URL.
    pub fn new_database(&self) -> String {
        let n = self.databases.fetch_add(1, Ordering::SeqCst);
        let name = format!("campo_test_{n}");
        let mut admin = postgres::Client::connect(&self.url("postgres"), postgres::NoTls).unwrap();
        admin
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .unwrap();
        self.url(&name)
    }

    /// `pg_dump` and friends from the same installation.
    pub fn tool(&self, name: &str) -> Command {
        Command::new(self.bin.join(name))
    }
}

/// Stops the test program's PostgreSQL and removes its files, as the
/// program exits.
extern "C" fn stop_cluster() {
    let Some(Some(cluster)) = CLUSTER.get() else {
        return;
    };
    if let Some(mut server) = cluster.server.lock().unwrap().take() {
        // SIGQUIT: an immediate shutdown, nothing to keep.
        unsafe { libc::kill(server.id() as i32, libc::SIGQUIT) };
        let _ = server.wait();
    }
    let _ = std::fs::remove_dir_all(&cluster.folder);
}

/// Clusters of test programs that were killed before they could remove
/// theirs.
fn remove_abandoned_clusters() {
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix("campo-pg-"))
            .and_then(|p| p.parse::<i32>().ok())
        else {
            continue;
        };
        if unsafe { libc::kill(pid, 0) } != 0 {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// How a PgBouncer in front of the tests' PostgreSQL hands out its
/// server connections.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PoolMode {
    Session,
    Transaction,
}

/// A real PgBouncer (Debian's `pgbouncer`) on a loopback port, in front of
/// the test program's PostgreSQL, with a pool of `size` server connections
/// to each database; stopped when dropped. PgBouncer refuses to run as
/// root: it runs as `postgres`, as PostgreSQL does.
pub struct Bouncer {
    child: Child,
    port: u16,
    folder: tempfile::TempDir,
}

impl Bouncer {
    /// None when PgBouncer or PostgreSQL is not installed here (the test
    /// then says it skipped), unless `CAMPO_REQUIRE_PGBOUNCER` is set.
    pub fn start(mode: PoolMode, size: u32) -> Option<Bouncer> {
        let bin = Path::new("/usr/sbin/pgbouncer");
        if !bin.exists() {
            assert!(
                std::env::var_os("CAMPO_REQUIRE_PGBOUNCER").is_none(),
                "CAMPO_REQUIRE_PGBOUNCER is set but PgBouncer is not installed"
            );
            eprintln!("PgBouncer is not installed: skipped (apt-get install pgbouncer)");
            return None;
        }
        let cluster = cluster()?;
        let folder = tempfile::tempdir().unwrap();
        if let Some((uid, gid)) = run_as() {
            std::os::unix::fs::chown(folder.path(), Some(uid), Some(gid)).unwrap();
        }
        let port = free_port();
        let mode = match mode {
            PoolMode::Session => "session",
            PoolMode::Transaction => "transaction",
        };
        let users = folder.path().join("users.txt");
        std::fs::write(&users, "\"campo\" \"\"\n").unwrap();
        let config = folder.path().join("pgbouncer.ini");
        std::fs::write(
            &config,
            format!(
                "[databases]\n* = host=127.0.0.1 port={pg}\n\
                 [pgbouncer]\nlisten_addr = 127.0.0.1\nlisten_port = {port}\n\
                 unix_socket_dir =\nauth_type = trust\nauth_file = {users}\n\
                 pool_mode = {mode}\ndefault_pool_size = {size}\nmax_client_conn = 500\n\
                 ignore_startup_parameters = extra_float_digits,options\n\
                 logfile = {log}\n",
                pg = cluster.port,
                users = users.display(),
                log = folder.path().join("pgbouncer.log").display(),
            ),
        )
        .unwrap();
        let child = as_owner(Command::new(bin).arg(&config))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let bouncer = Bouncer {
            child,
            port,
            folder,
        };
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "PgBouncer did not start: {}",
                bouncer.log()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        Some(bouncer)
    }

    /// The `--db` URL of a database of the cluster, through the pooler.
    pub fn url_of(&self, direct: &str) -> String {
        let name = direct.rsplit('/').next().unwrap();
        format!("postgres://campo@127.0.0.1:{}/{name}", self.port)
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.folder.path().join("pgbouncer.log")).unwrap_or_default()
    }
}

impl Drop for Bouncer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
