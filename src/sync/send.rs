//! Sending at the speed of the link: several requests in flight, and the
//! confirmations of a batch written together, each response's file still
//! replaced atomically and every confirmation on disk before it is
//! reported (two flushes a batch instead of one per response).

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use chrono::Utc;
use uuid::Uuid;

use super::client::{Client, Delivery, Transient};
use super::{gzip, same_server};
use crate::protocol::Refusal;
use crate::store::{DataDir, Lock, Response, Responses, StoreError, SyncRecord};

/// Requests in flight at once: enough to hide a link's round trips, few
/// enough to stay well inside the server's limits.
pub const IN_FLIGHT: usize = 8;
/// Confirmations written together, with one flush.
pub const BATCH: usize = 64;

/// One response's trip: what was sent, what came back, at what cost.
pub struct Trip {
    pub id: Uuid,
    /// The response as sent; `None` if it was not sent (the run stopped).
    pub response: Option<Response>,
    pub delivery: Option<Delivery>,
    pub requests: usize,
    pub bytes: u64,
}

/// What the senders tell the loop waiting for them.
enum News {
    Retrying(u32, Transient),
    Done(usize, Box<Trip>),
}

/// Sends `ids`, [`IN_FLIGHT`] at a time; once one meets a fatal error or
/// gives up after its retries, the rest are not sent. `on_retry` hears the
/// retries as they happen. The trips come back in the order of `ids`.
pub fn deliver_all(
    data: &DataDir,
    client: &Client,
    ids: &[Uuid],
    on_retry: &mut dyn FnMut(u32, &Transient),
) -> Result<Vec<Trip>, StoreError> {
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let failure: Mutex<Option<StoreError>> = Mutex::new(None);
    let (tell, news) = mpsc::channel::<News>();
    let mut trips: Vec<Option<Trip>> = ids.iter().map(|_| None).collect();
    std::thread::scope(|scope| {
        for _ in 0..IN_FLIGHT.min(ids.len()) {
            let tell = tell.clone();
            let (next, stop, failure) = (&next, &stop, &failure);
            scope.spawn(move || {
                while let Some(&id) = ids.get(next.fetch_add(1, Ordering::SeqCst)) {
                    let index = ids.iter().position(|i| *i == id).expect("taken from ids");
                    let trip = if stop.load(Ordering::SeqCst) {
                        Trip::not_sent(id)
                    } else {
                        match send_one(data, client, id, &tell) {
                            Ok(trip) => trip,
                            Err(error) => {
                                stop.store(true, Ordering::SeqCst);
                                failure.lock().expect("not poisoned").get_or_insert(error);
                                Trip::not_sent(id)
                            }
                        }
                    };
                    if matches!(
                        trip.delivery,
                        Some(Delivery::Fatal(_) | Delivery::GaveUp(_))
                    ) {
                        stop.store(true, Ordering::SeqCst);
                    }
                    let _ = tell.send(News::Done(index, Box::new(trip)));
                }
            });
        }
        drop(tell);
        for news in news {
            match news {
                News::Retrying(attempt, problem) => on_retry(attempt, &problem),
                News::Done(index, trip) => trips[index] = Some(*trip),
            }
        }
    });
    if let Some(error) = failure.into_inner().expect("not poisoned") {
        return Err(error);
    }
    Ok(trips
        .into_iter()
        .zip(ids)
        .map(|(trip, &id)| trip.unwrap_or_else(|| Trip::not_sent(id)))
        .collect())
}

impl Trip {
    fn not_sent(id: Uuid) -> Trip {
        Trip {
            id,
            response: None,
            delivery: None,
            requests: 0,
            bytes: 0,
        }
    }
}

fn send_one(
    data: &DataDir,
    client: &Client,
    id: Uuid,
    tell: &mpsc::Sender<News>,
) -> Result<Trip, StoreError> {
    let response = data.load(id)?;
    let body = gzip(&response.to_json_for_sending());
    let (delivery, requests) = client.deliver(
        &id.to_string(),
        response.revision,
        &body,
        &mut |attempt, problem| {
            let _ = tell.send(News::Retrying(attempt, problem.clone()));
        },
    );
    Ok(Trip {
        id,
        bytes: (body.len() * requests) as u64,
        response: Some(response),
        delivery: Some(delivery),
        requests,
    })
}

/// Notes the server's answers in the responses' files, all at once: each
/// one that nobody has open and that did not change meanwhile (then the
/// new revision is simply still to send).
pub fn record_all(
    data: &DataDir,
    answered: &[(&Response, Option<&Refusal>)],
    server: &str,
) -> Result<(), StoreError> {
    // The locks are held until the files are written.
    let mut held = Vec::new();
    let mut updated = Vec::new();
    for (sent, refusal) in answered {
        // Someone has it open: leave their file alone. The server has it,
        // and the next sync will hear "already there" and note it then.
        let Lock::Mine(lock) = data.lock(sent.id)? else {
            continue;
        };
        let mut current = data.load(sent.id)?;
        if current.revision != sent.revision {
            continue;
        }
        current.sync = Some(SyncRecord {
            server: same_server(server),
            revision: sent.revision,
            at: Utc::now(),
            refused: refusal.map(|r| serde_json::to_value(r).expect("a refusal serialises")),
        });
        held.push(lock);
        updated.push(current);
    }
    if updated.is_empty() {
        return Ok(());
    }
    data.save_all(&updated)
}
