//! `campo sync`: sends the responses the server has not confirmed, and
//! records each confirmation in the response's own file, atomically, only
//! once the server has said so. First a plan (what to send), then the
//! sending (`send.rs`: several in flight, confirmations a batch at a
//! time), as atuin does.

mod client;
pub mod config;
mod send;

use std::io::Write;
use std::path::Path;

use flate2::Compression;
use flate2::write::GzEncoder;
use uuid::Uuid;

pub use client::{Backoff, BatchDelivery, Client, Delivery, Fatal, Network, Transient, register};

use crate::protocol::{Accepted, Refusal};
use crate::store::{DataDir, Response, Responses, Status, StoreError, SyncState, write_atomic};

/// Which responses need sending to `server`, oldest change first:
/// complete ones (and drafts if asked) whose current revision that server
/// has not confirmed. A confirmation from another server does not count:
/// pointed at a new server, an office sends everything again. With no
/// server (a folder), whatever no server confirmed is due.
pub fn plan(responses: &[Response], include_drafts: bool, server: Option<&str>) -> Vec<Uuid> {
    let server = server.map(same_server);
    let confirmed_elsewhere = |r: &Response| match (&server, &r.sync) {
        (Some(server), Some(record)) => same_server(&record.server) != *server,
        _ => false,
    };
    let mut due: Vec<&Response> = responses
        .iter()
        .filter(|r| r.status == Status::Complete || include_drafts)
        .filter(|r| r.sync_state() != SyncState::Sent || confirmed_elsewhere(r))
        .collect();
    due.sort_by_key(|r| r.updated);
    due.iter().map(|r| r.id).collect()
}

/// A server address as compared: without a trailing slash, and the
/// scheme and host in lower case.
fn same_server(address: &str) -> String {
    let address = address.trim().trim_end_matches('/');
    match address.split_once("://") {
        Some((scheme, rest)) => {
            let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
            let path = if path.is_empty() {
                String::new()
            } else {
                format!("/{path}")
            };
            format!(
                "{}://{}{path}",
                scheme.to_ascii_lowercase(),
                host.to_ascii_lowercase()
            )
        }
        None => address.to_string(),
    }
}

/// News from a sync in progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Progress {
    Planned {
        total: usize,
    },
    Done {
        done: usize,
        total: usize,
        bytes: u64,
    },
    Retrying {
        attempt: u32,
        problem: Transient,
    },
}

/// How a whole sync went.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub sent: usize,
    pub already_there: usize,
    pub refused: Vec<(Uuid, Refusal)>,
    /// Responses not delivered: given up on after retries, or never tried
    /// because the sync stopped.
    pub failed: Vec<Uuid>,
    pub last_problem: Option<Transient>,
    pub stopped: Option<Fatal>,
    /// Compressed bytes of the documents sent, over every try.
    pub bytes: u64,
    pub requests: usize,
}

impl Summary {
    /// Everything was sent or was already there.
    pub fn all_delivered(&self) -> bool {
        self.refused.is_empty() && self.failed.is_empty() && self.stopped.is_none()
    }
}

/// Every response that can be read (`campo doctor` tells of the others).
fn loaded(data: &DataDir) -> Result<Vec<Response>, StoreError> {
    let mut responses = Vec::new();
    data.each(&mut |read| responses.extend(read.ok()))?;
    Ok(responses)
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder
        .write_all(bytes)
        .expect("writing to memory cannot fail");
    encoder.finish().expect("writing to memory cannot fail")
}

/// Sends what is due to `server`, several at a time, and records the
/// confirmations a batch at a time (durable before they are reported).
/// Stops at the first fatal error, and when a response still cannot get
/// through after every retry (the link is down: the rest would only wait
/// in vain).
pub fn sync(
    data: &DataDir,
    server: &str,
    client: &Client,
    include_drafts: bool,
    progress: &mut dyn FnMut(Progress),
) -> Result<Summary, StoreError> {
    let loaded = loaded(data)?;
    let due_ids = plan(&loaded, include_drafts, Some(server));
    let mut by_id: std::collections::HashMap<Uuid, Response> =
        loaded.into_iter().map(|r| (r.id, r)).collect();
    let due: Vec<Response> = due_ids.iter().filter_map(|id| by_id.remove(id)).collect();
    let total = due.len();
    progress(Progress::Planned { total });
    let mut summary = Summary::default();
    let mut done = 0;
    // The first goes alone: a wrong token, a closed survey or a dead link
    // costs one request, not a whole flight of them.
    let (first, rest) = due.split_at(due.len().min(1));
    for batch in std::iter::once(first)
        .chain(rest.chunks(send::BATCH))
        .filter(|batch| !batch.is_empty())
    {
        if summary.stopped.is_some() || summary.last_problem.is_some() {
            summary.failed.extend(batch.iter().map(|r| r.id));
            continue;
        }
        let trips = send::deliver_all(client, batch, &mut |attempt, problem| {
            progress(Progress::Retrying {
                attempt,
                problem: problem.clone(),
            })
        });
        let mut answered = Vec::new();
        for trip in &trips {
            summary.requests += trip.requests;
            summary.bytes += trip.bytes;
            match (&trip.delivery, &trip.response) {
                (Some(Delivery::Accepted(accepted)), Some(response)) => {
                    match accepted {
                        Accepted::Stored { .. } => summary.sent += 1,
                        Accepted::AlreadyThere { .. } => summary.already_there += 1,
                    }
                    answered.push((response, None));
                }
                (Some(Delivery::Refused(refusal)), Some(response)) => {
                    answered.push((response, Some(refusal)));
                    summary.refused.push((trip.id, refusal.clone()));
                }
                (Some(Delivery::Fatal(fatal)), _) => {
                    summary.stopped.get_or_insert(fatal.clone());
                    summary.failed.push(trip.id);
                }
                (Some(Delivery::GaveUp(problem)), _) => {
                    summary.last_problem.get_or_insert(problem.clone());
                    summary.failed.push(trip.id);
                }
                _ => summary.failed.push(trip.id),
            }
        }
        send::record_all(data, &answered, server)?;
        done += batch.len();
        progress(Progress::Done {
            done,
            total,
            bytes: summary.bytes,
        });
    }
    Ok(summary)
}

/// What a sync run in the background tells whoever started it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Progress(Progress),
    Finished(Result<Summary, SyncError>),
}

/// Why a sync could not run at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncError {
    NoServer,
    NoToken,
    Config(config::ConfigError),
    Store(StoreError),
}

/// Syncs with the server and token of the config file, as the interface's
/// sync key does, reporting through `on_event`.
pub fn sync_configured(data: &DataDir, config_path: &Path, on_event: &mut dyn FnMut(Event)) {
    let result = (|| {
        let config = config::Config::load(config_path).map_err(SyncError::Config)?;
        let server = config.server.ok_or(SyncError::NoServer)?;
        let token = config.token.ok_or(SyncError::NoToken)?;
        let client = Client::new(&server, &token, Backoff::default());
        sync(data, &server, &client, false, &mut |p| {
            on_event(Event::Progress(p))
        })
        .map_err(SyncError::Store)
    })();
    on_event(Event::Finished(result));
}

/// `campo sync --to DIR`: writes what is due into a folder (a USB stick, a
/// shared mount), one file per response, atomically. Returns how many.
pub fn export(data: &DataDir, dir: &Path, include_drafts: bool) -> Result<usize, StoreError> {
    let io_error = |path: &Path, e: std::io::Error| StoreError::io(path, &e);
    std::fs::create_dir_all(dir).map_err(|e| io_error(dir, e))?;
    let responses = loaded(data)?;
    let due = plan(&responses, include_drafts, None);
    for response in responses.iter().filter(|r| due.contains(&r.id)) {
        let path = dir.join(format!("{}.json", response.id));
        let mut copy = response.clone();
        copy.sync = None;
        write_atomic(&path, &copy.to_json()).map_err(|e| io_error(&path, e))?;
    }
    Ok(due.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::FormRef;
    use crate::store::SyncRecord;
    use chrono::Utc;

    fn response(status: Status, revision: u64, synced: Option<u64>) -> Response {
        let mut r = Response::new(
            FormRef {
                id: "f".into(),
                version: 1,
            },
            "en",
            Utc::now(),
        );
        r.status = status;
        r.revision = revision;
        r.sync = synced.map(|revision| SyncRecord {
            server: "s".into(),
            revision,
            at: Utc::now(),
            refused: None,
        });
        r
    }

    #[test]
    fn plan_sends_complete_responses_the_server_has_not_confirmed() {
        let never = response(Status::Complete, 3, None);
        let confirmed = response(Status::Complete, 3, Some(3));
        let edited = response(Status::Complete, 5, Some(3));
        let draft = response(Status::Draft, 2, None);
        let all = vec![never.clone(), confirmed, edited.clone(), draft.clone()];
        let due = plan(&all, false, Some("s"));
        assert_eq!(due.len(), 2);
        assert!(due.contains(&never.id) && due.contains(&edited.id));
        assert!(plan(&all, true, Some("s")).contains(&draft.id));
    }

    #[test]
    fn a_refused_revision_is_offered_again() {
        let mut refused = response(Status::Complete, 3, Some(3));
        refused.sync.as_mut().unwrap().refused =
            Some(serde_json::json!({"error": "stale", "current": 4}));
        assert_eq!(plan(&[refused.clone()], false, Some("s")), [refused.id]);
    }

    #[test]
    fn a_new_server_gets_everything_another_one_confirmed() {
        let mut confirmed = response(Status::Complete, 3, Some(3));
        confirmed.sync.as_mut().unwrap().server = "https://old.example.org/".into();
        assert!(plan(&[confirmed.clone()], false, Some("https://old.example.org")).is_empty());
        assert!(
            plan(
                &[confirmed.clone()],
                false,
                Some("HTTPS://OLD.example.org/")
            )
            .is_empty()
        );
        assert_eq!(
            plan(&[confirmed.clone()], false, Some("https://new.example.org")),
            [confirmed.id]
        );
    }
}
