//! `POST /v1/responses`: many responses in one request, each checked and
//! answered on its own as `PUT /v1/responses/{id}` would, all stored in
//! one transaction: an office on a slow link, or with thousands to send,
//! pays one round trip and one flush for a batch instead of one each.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};

use super::Server;
use super::auth::Upload;
use super::check::{Checked, check};
use super::http::{read_upload, refusal, server_error, unit_of};
use super::storage::{Caller, Offer};
use crate::protocol::{BatchAnswer, BatchResult, MAX_BATCH, Refusal};

pub(super) async fn post_batch(State(server): State<Arc<Server>>, upload: Upload) -> Response {
    store_batch(&server, &upload.headers, upload.body, upload.caller).await
}

async fn store_batch(
    server: &Arc<Server>,
    headers: &HeaderMap,
    body: Body,
    caller: Caller,
) -> Response {
    let (_reading, body) = match read_upload(server, headers, body).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let Ok(documents) = serde_json::from_slice::<Vec<serde_json::Value>>(&body) else {
        return refusal(Refusal::NotJson);
    };
    if documents.len() > MAX_BATCH {
        return refusal(Refusal::TooLarge {
            limit: crate::protocol::MAX_BODY_BYTES,
        });
    }
    let frame = match super::http::frame_for(server, &caller).await {
        Ok(frame) => frame,
        Err(response) => return response,
    };
    // Each document checked on its own; those that pass go to the store.
    let mut results: Vec<BatchResult> = Vec::with_capacity(documents.len());
    let mut passed: Vec<(usize, Checked, Option<String>)> = Vec::new();
    for document in &documents {
        let id = document["id"].as_str().unwrap_or_default().to_string();
        let bytes = serde_json::to_vec(document).expect("a value serialises");
        let checked = check(&server.forms, &id, &bytes).and_then(|checked| {
            let unit = unit_of(&caller, checked.response.unit.as_deref())?;
            let checked = checked.stamped(unit.clone());
            super::check::from_the_list(&frame, &checked.response)?;
            Ok((checked, unit))
        });
        let mut result = BatchResult {
            id,
            accepted: None,
            refused: None,
        };
        match checked {
            Ok((checked, unit)) => passed.push((results.len(), checked, unit)),
            Err(refused) => result.refused = Some(refused),
        }
        results.push(result);
    }
    let (storage, bounds) = (server.storage.clone(), server.bounds);
    let stored = tokio::task::spawn_blocking(move || {
        let offers: Vec<Offer> = passed
            .iter()
            .map(|(_, checked, unit)| Offer {
                id: checked.response.id,
                revision: checked.response.revision,
                body: &checked.body,
                digest: &checked.digest,
                complete: checked.response.status == crate::store::Status::Complete,
                unit: unit.as_deref(),
            })
            .collect();
        let outcomes = storage.put_responses(&offers, Some(&caller))?;
        Ok::<_, super::storage::StorageError>(
            passed
                .iter()
                .zip(outcomes)
                .map(|((index, checked, _), outcome)| {
                    (
                        *index,
                        super::answer_to(outcome, checked.response.revision, &bounds),
                    )
                })
                .collect::<Vec<_>>(),
        )
    })
    .await;
    match stored {
        Ok(Ok(answers)) => {
            for (index, answer) in answers {
                match answer {
                    Ok(accepted) => results[index].accepted = Some(accepted),
                    Err(refused) => results[index].refused = Some(refused),
                }
            }
            axum::Json(BatchAnswer { results }).into_response()
        }
        Ok(Err(error)) => server_error(&error.0),
        Err(error) => server_error(&error.to_string()),
    }
}
