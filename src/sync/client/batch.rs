//! Many responses in one request (`POST /v1/responses`), with the same
//! retries as one, and a way back to one at a time for a server that does
//! not know batches (an older campo).

use super::{Client, Delivery, Failed, Fatal, Transient, confirmed, read_answer};
use crate::protocol::{BATCH_PATH, BatchAnswer};

/// What the server made of a batch.
pub enum BatchDelivery {
    /// Each document's answer, in the order sent (accepted or refused).
    Answered(Vec<Delivery>),
    /// The server takes no batches, or not this one: send one by one.
    OneByOne,
    Fatal(Fatal),
    /// Still failing after every retry.
    GaveUp(Transient),
}

impl Client {
    /// Sends `revisions` (the revision of each document) as one gzipped
    /// JSON array, retrying what may pass later.
    pub fn deliver_batch(
        &self,
        revisions: &[u64],
        gzipped: &[u8],
        on_retry: &mut dyn FnMut(u32, &Transient),
    ) -> (BatchDelivery, usize) {
        let (result, requests) =
            self.retried(|| self.post_batch_once(revisions, gzipped), on_retry);
        (result.unwrap_or_else(BatchDelivery::GaveUp), requests)
    }

    fn post_batch_once(
        &self,
        revisions: &[u64],
        gzipped: &[u8],
    ) -> Result<BatchDelivery, Transient> {
        let url = format!("{}{}", self.base, BATCH_PATH);
        let result = self
            .agent
            .post(&url)
            .header("Authorization", &format!("Bearer {}", self.token))
            .header("Content-Type", "application/json")
            .header("Content-Encoding", "gzip")
            .send(gzipped);
        let answer = match read_answer(result, &self.base) {
            Ok(answer) => answer,
            Err(Failed::Fatal(fatal)) => return Ok(BatchDelivery::Fatal(fatal)),
            Err(Failed::Transient(transient)) => return Err(transient),
        };
        // No such endpoint: a campo from before batches.
        if matches!(answer.status, 404 | 405) {
            return Ok(BatchDelivery::OneByOne);
        }
        if answer.status == 200 {
            return Ok(match serde_json::from_str::<BatchAnswer>(&answer.body) {
                Ok(batch) if batch.results.len() == revisions.len() => {
                    BatchDelivery::Answered(answered(batch, revisions))
                }
                _ => BatchDelivery::Fatal(Fatal::NotCampo { status: 200 }),
            });
        }
        Ok(match answer.to_delivery()? {
            Delivery::Fatal(fatal) => BatchDelivery::Fatal(fatal),
            // No such endpoint (404, 405 from an older campo), or a refusal
            // of the batch as a whole (too large): one by one says it all.
            _ => BatchDelivery::OneByOne,
        })
    }
}

/// Each result as a delivery: a confirmation counts only for the very
/// revision sent.
fn answered(batch: BatchAnswer, revisions: &[u64]) -> Vec<Delivery> {
    batch
        .results
        .into_iter()
        .zip(revisions)
        .map(
            |(result, &revision)| match (result.accepted, result.refused) {
                (Some(accepted), _) if confirmed(&accepted) == revision => {
                    Delivery::Accepted(accepted)
                }
                (Some(accepted), _) => Delivery::Fatal(Fatal::WrongConfirmation {
                    sent: revision,
                    confirmed: confirmed(&accepted),
                }),
                (None, Some(refused)) => Delivery::Refused(refused),
                (None, None) => Delivery::Fatal(Fatal::NotCampo { status: 200 }),
            },
        )
        .collect()
}
