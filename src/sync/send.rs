//! Sending at the speed of the link: a few dozen responses a request,
//! several requests in flight, and the confirmations of a batch appended
//! together to the data folder's confirmations log, on disk before they
//! are reported (one flush a batch; no response file rewritten).

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use chrono::Utc;
use uuid::Uuid;

use super::client::{BatchDelivery, Client, Delivery, Transient};
use super::{gzip, same_server};
use crate::protocol::Refusal;
use crate::store::{DataDir, Response, StoreError, SyncRecord};

/// Requests in flight at once: enough to hide a link's round trips, few
/// enough to stay well inside the server's limits.
pub const IN_FLIGHT: usize = 4;
/// Documents in one request (`POST /v1/responses`): tens of kilobytes
/// gzipped, one transaction at the server.
pub const GROUP: usize = 32;
/// Confirmations written together, with one flush.
pub const BATCH: usize = GROUP * IN_FLIGHT * 8;

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

/// Sends `due` (as the plan read them: a response changed since goes in
/// its next sync) in requests of [`GROUP`] documents, [`IN_FLIGHT`]
/// requests at a time; once one meets a fatal error or gives up after its
/// retries, the rest are not sent. `on_retry` hears the retries as they
/// happen. The trips come back in the order of `due`.
pub fn deliver_all(
    client: &Client,
    due: &[Response],
    on_retry: &mut dyn FnMut(u32, &Transient),
) -> Vec<Trip> {
    // Each group with the index of its first response.
    let groups: Vec<(usize, &[Response])> = due
        .chunks(GROUP)
        .enumerate()
        .map(|(n, group)| (n * GROUP, group))
        .collect();
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let (tell, news) = mpsc::channel::<News>();
    let mut trips: Vec<Option<Trip>> = due.iter().map(|_| None).collect();
    std::thread::scope(|scope| {
        for _ in 0..IN_FLIGHT.min(groups.len()) {
            let tell = tell.clone();
            let (next, stop, groups) = (&next, &stop, &groups);
            scope.spawn(move || {
                while let Some(&(first, group)) = groups.get(next.fetch_add(1, Ordering::SeqCst)) {
                    let sent = if stop.load(Ordering::SeqCst) {
                        group.iter().map(|r| Trip::not_sent(r.id)).collect()
                    } else {
                        send_group(client, group, &tell)
                    };
                    if sent.iter().any(Trip::stops_the_run) {
                        stop.store(true, Ordering::SeqCst);
                    }
                    for (offset, trip) in sent.into_iter().enumerate() {
                        let _ = tell.send(News::Done(first + offset, Box::new(trip)));
                    }
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
    trips
        .into_iter()
        .zip(due)
        .map(|(trip, response)| trip.unwrap_or_else(|| Trip::not_sent(response.id)))
        .collect()
}

impl Trip {
    fn stops_the_run(&self) -> bool {
        matches!(
            self.delivery,
            Some(Delivery::Fatal(_) | Delivery::GaveUp(_))
        )
    }

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

/// Sends a group in one request, or one by one to a server that takes no
/// batches.
fn send_group(client: &Client, group: &[Response], tell: &mpsc::Sender<News>) -> Vec<Trip> {
    let responses = group.to_vec();
    let documents: Vec<Vec<u8>> = responses
        .iter()
        .map(Response::to_json_for_sending)
        .collect();
    let body = gzip(&[b"[".as_slice(), &documents.join(&b","[..]), b"]"].concat());
    let revisions: Vec<u64> = responses.iter().map(|r| r.revision).collect();
    let (delivery, requests) = client.deliver_batch(&revisions, &body, &mut |attempt, problem| {
        let _ = tell.send(News::Retrying(attempt, problem.clone()));
    });
    let cost = (body.len() * requests) as u64;
    // The request's cost is the first trip's: the sums stay true.
    let trip = |index: usize, response: Response, delivery: Delivery| Trip {
        id: response.id,
        requests: if index == 0 { requests } else { 0 },
        bytes: if index == 0 { cost } else { 0 },
        response: Some(response),
        delivery: Some(delivery),
    };
    match delivery {
        BatchDelivery::Answered(deliveries) => responses
            .into_iter()
            .zip(deliveries)
            .enumerate()
            .map(|(index, (response, delivery))| trip(index, response, delivery))
            .collect(),
        BatchDelivery::Fatal(fatal) => responses
            .into_iter()
            .enumerate()
            .map(|(index, response)| trip(index, response, Delivery::Fatal(fatal.clone())))
            .collect(),
        BatchDelivery::GaveUp(problem) => responses
            .into_iter()
            .enumerate()
            .map(|(index, response)| trip(index, response, Delivery::GaveUp(problem.clone())))
            .collect(),
        BatchDelivery::OneByOne => {
            let mut trips = Vec::with_capacity(responses.len());
            for (response, document) in responses.into_iter().zip(&documents) {
                let body = gzip(document);
                let (delivery, requests) = client.deliver(
                    &response.id.to_string(),
                    response.revision,
                    &body,
                    &mut |attempt, problem| {
                        let _ = tell.send(News::Retrying(attempt, problem.clone()));
                    },
                );
                let stops = matches!(delivery, Delivery::Fatal(_) | Delivery::GaveUp(_));
                trips.push(Trip {
                    id: response.id,
                    bytes: (body.len() * requests) as u64,
                    response: Some(response),
                    delivery: Some(delivery),
                    requests,
                });
                if stops {
                    break;
                }
            }
            let sent = trips.len();
            trips.extend(group[sent..].iter().map(|r| Trip::not_sent(r.id)));
            trips
        }
    }
}

/// Notes the server's answers, all at once, in the data folder's
/// confirmations log (flushed to disk before this returns, so before any
/// is counted): the responses' files are only read, never rewritten or
/// locked. A response changed meanwhile keeps its new revision to send:
/// the record names the revision the server has.
pub fn record_all(
    data: &DataDir,
    answered: &[(&Response, Option<&Refusal>)],
    server: &str,
) -> Result<(), StoreError> {
    let at = Utc::now();
    let records: Vec<(Uuid, SyncRecord)> = answered
        .iter()
        .map(|(sent, refusal)| {
            let record = SyncRecord {
                server: same_server(server),
                revision: sent.revision,
                at,
                refused: refusal.map(|r| serde_json::to_value(r).expect("a refusal serialises")),
            };
            (sent.id, record)
        })
        .collect();
    data.record_confirmations(&records)
}
