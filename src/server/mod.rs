//! `campo serve`: the research team's collection server. Offices send
//! responses with `campo sync`; the server checks each against its form,
//! keeps every revision, and never makes up an id of its own.

mod auth;
mod batch;
pub mod check;
pub mod codes;
pub mod fieldwork;
pub mod frame;
mod http;
pub mod limit;
mod postgres;
mod register;
mod sqlite;
pub mod storage;
pub mod tokens;
mod transfer;

pub use transfer::{DumpError, ImportSummary, dump, import};

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

use crate::form::Form;
use crate::protocol::{Accepted, Refusal};
use storage::{Bounds, PutOutcome, Storage, StorageError};

pub struct Server {
    pub forms: Vec<Form>,
    pub storage: Arc<dyn Storage>,
    pub limits: Limits,
    pub bounds: Bounds,
}

/// What the server puts up with from its clients.
pub struct Limits {
    pub rate: limit::RateLimit,
    /// How long a request's headers, and then its body, may take to arrive.
    pub body_timeout: std::time::Duration,
    /// Request bodies read at the same moment; more are told to come back.
    pub bodies_at_once: tokio::sync::Semaphore,
    /// Connections open at the same moment; more wait to be accepted.
    pub connections: usize,
    /// How long a wrong access code waits for its answer.
    pub wrong_code_delay: std::time::Duration,
    /// Reverse proxies whose `X-Forwarded-For` names the client
    /// (`--trusted-proxy`): behind one, each office is counted by its own
    /// address, not all by the proxy's.
    pub trusted_proxies: Vec<std::net::IpAddr>,
}

/// Bodies in memory at once, each at most [`MAX_BODY_BYTES`]: 64 MiB.
const BODIES_AT_ONCE: usize = 64;
/// Open connections at once: well below a default limit of 1,024 open
/// files, so that the database and the log always have descriptors.
const CONNECTIONS: usize = 512;

impl Limits {
    pub fn new(requests_per_second: u32, body_timeout_seconds: u64) -> Limits {
        Limits {
            rate: limit::RateLimit::new(requests_per_second),
            body_timeout: std::time::Duration::from_secs(body_timeout_seconds),
            bodies_at_once: tokio::sync::Semaphore::new(BODIES_AT_ONCE),
            connections: CONNECTIONS,
            wrong_code_delay: std::time::Duration::from_secs(1),
            trusted_proxies: Vec::new(),
        }
    }
}

/// Why the database named by `--db` cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseError {
    /// A kind of database this build cannot talk to (e.g. `mysql://`).
    Unsupported {
        scheme: String,
    },
    Failed(StorageError),
}

pub use postgres::PoolSettings;

/// Opens `--db`: a path to an SQLite file, an `sqlite://` URL, or a
/// `postgres://` (`postgresql://`) URL, whose pool takes `pool`. A new
/// SQLite file (and a folder made for it) is readable by its owner only.
pub fn open_storage(
    db: &str,
    bounds: Bounds,
    pool: PoolSettings,
) -> Result<Arc<dyn Storage>, DatabaseError> {
    let path = match db.split_once("://") {
        None => db,
        Some(("sqlite", path)) => path,
        Some(("postgres" | "postgresql", _)) => {
            let storage =
                postgres::PostgresStorage::open(db, bounds, pool).map_err(DatabaseError::Failed)?;
            return Ok(Arc::new(storage));
        }
        Some((scheme, _)) => {
            return Err(DatabaseError::Unsupported {
                scheme: scheme.to_string(),
            });
        }
    };
    let storage =
        sqlite::SqliteStorage::open(Path::new(path), bounds).map_err(DatabaseError::Failed)?;
    Ok(Arc::new(storage))
}

/// Serves until SIGTERM or Ctrl-C, telling `on_listening` the address once
/// the socket is bound (useful with port 0). Hyper serves each connection
/// directly, so that header reads have a deadline (axum::serve sets none).
pub fn serve(
    server: Server,
    listen: SocketAddr,
    on_listening: impl FnOnce(SocketAddr),
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
    use hyper_util::server::conn::auto;
    use hyper_util::server::graceful::GracefulShutdown;
    use hyper_util::service::TowerToHyperService;
    use tokio::sync::Semaphore;

    // One line a request on standard error, without colour: a log file
    // or journald takes it as it is.
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .with_target(false)
        .with_level(false)
        .try_init();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    // The database goes last, outside the runtime: PostgreSQL's client
    // runs a small runtime of its own, which must not be dropped in ours.
    let _storage = server.storage.clone();
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(listen).await?;
        on_listening(listener.local_addr()?);
        // A client that opens a connection and trickles its headers
        // (slowloris) is let go after the same time a body may take.
        let header_timeout = server.limits.body_timeout;
        let open = Arc::new(Semaphore::new(server.limits.connections));
        let router = http::router(Arc::new(server));
        // HTTP/1 only, without the version sniffing that reads the first
        // bytes with no deadline: the header timeout runs from the moment
        // a connection is accepted, so one that sends nothing is let go.
        let mut builder = auto::Builder::new(TokioExecutor::new()).http1_only();
        builder.http1().timer(TokioTimer::new()).header_read_timeout(header_timeout);
        let graceful = GracefulShutdown::new();
        let mut shutdown = std::pin::pin!(shutdown_signal());
        loop {
            let permit = tokio::select! {
                permit = open.clone().acquire_owned() => permit.expect("the semaphore is never closed"),
                _ = &mut shutdown => break,
            };
            tokio::select! {
                accepted = listener.accept() => {
                    let (stream, peer) = match accepted {
                        Ok(accepted) => accepted,
                        // Out of descriptors, say: wait a little rather than
                        // spin on the same error.
                        Err(_) => {
                            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                            continue;
                        }
                    };
                    let router = router.clone().layer(axum::Extension(http::Peer(peer.ip())));
                    let service = TowerToHyperService::new(router);
                    let connection = builder.serve_connection(TokioIo::new(stream), service).into_owned();
                    let connection = graceful.watch(connection);
                    tokio::spawn(async move {
                        let _ = connection.await;
                        drop(permit);
                    });
                }
                _ = &mut shutdown => break,
            }
        }
        // No new connections from here on: they are refused, not left
        // waiting for a server that is going.
        drop(listener);
        // Requests under way may finish, for a while.
        tokio::select! {
            _ = graceful.shutdown() => {}
            _ = tokio::time::sleep(std::time::Duration::from_secs(10)) => {}
        }
        Ok(())
    })
}

async fn shutdown_signal() {
    let terminate = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            signal.recv().await;
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = terminate => {}
    }
}

/// What storing an offer means to the one who sent it.
pub fn answer_to(outcome: PutOutcome, revision: u64, bounds: &Bounds) -> Result<Accepted, Refusal> {
    match outcome {
        PutOutcome::Stored => Ok(Accepted::Stored { revision }),
        PutOutcome::AlreadyThere => Ok(Accepted::AlreadyThere { revision }),
        PutOutcome::Stale { current } => Err(Refusal::Stale { current }),
        PutOutcome::Conflict => Err(Refusal::Conflict { revision }),
        PutOutcome::NotYours => Err(Refusal::NotFound),
        PutOutcome::OverQuota => Err(Refusal::OverQuota {
            limit: bounds.bytes_per_token,
        }),
        PutOutcome::UnitAnswered { first } => Err(Refusal::UnitAnswered { first }),
        PutOutcome::Withdrawn => Err(Refusal::Withdrawn),
        PutOutcome::UnitIsFixed => Err(Refusal::UnitIsFixed),
    }
}
