//! The HTTP side of the server: routes, authentication, body decoding and
//! one log line per request.

use std::io::Read;
use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, put};
use flate2::read::GzDecoder;

use super::Server;
use super::check::check;
use super::storage::PutOutcome;
use crate::protocol::{Accepted, Health, MAX_BODY_BYTES, Refusal};
use crate::store::FormRef;

/// How much of an oversized body is read before refusing it.
const DRAIN_LIMIT: usize = 16 * MAX_BODY_BYTES;

/// The name of the token a request came with, for the log line.
#[derive(Clone)]
struct TokenName(String);

pub fn router(server: Arc<Server>) -> Router {
    Router::new()
        .route(crate::protocol::HEALTH_PATH, get(health))
        .route("/v1/responses/{id}", put(put_response).get(get_response))
        .layer(middleware::from_fn(log_request))
        .with_state(server)
}

async fn log_request(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let (method, path) = (request.method().clone(), request.uri().path().to_string());
    let response = next.run(request).await;
    let token = response
        .extensions()
        .get::<TokenName>()
        .map_or("-".to_string(), |t| t.0.clone());
    eprintln!(
        "{} {method} {path} {} {}ms token={token}",
        chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        response.status().as_u16(),
        started.elapsed().as_millis()
    );
    response
}

async fn health(State(server): State<Arc<Server>>) -> Response {
    let forms = server
        .forms
        .iter()
        .map(|f| FormRef {
            id: f.id.clone(),
            version: f.version,
        })
        .collect();
    axum::Json(Health {
        status: "ok".into(),
        forms,
    })
    .into_response()
}

fn refusal(refusal: Refusal) -> Response {
    let status = StatusCode::from_u16(refusal.status()).unwrap_or(StatusCode::UNPROCESSABLE_ENTITY);
    (status, axum::Json(refusal)).into_response()
}

fn server_error(detail: &str) -> Response {
    eprintln!("storage error: {detail}");
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

/// The token's name, if the request carries a live one.
async fn authenticate(server: &Arc<Server>, headers: &HeaderMap) -> Result<String, Response> {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| refusal(Refusal::Unauthorized))?;
    let hash = super::tokens::hash(token);
    let storage = server.storage.clone();
    let found = tokio::task::spawn_blocking(move || storage.token_name(&hash))
        .await
        .map_err(|e| server_error(&e.to_string()))?;
    match found {
        Ok(Some(name)) => Ok(name),
        Ok(None) => Err(refusal(Refusal::Unauthorized)),
        Err(error) => Err(server_error(&error.0)),
    }
}

/// Reads the body, unzipping it if it says it is gzip, never past the limit.
async fn read_body(headers: &HeaderMap, body: Body) -> Result<Vec<u8>, Refusal> {
    let too_large = Refusal::TooLarge {
        limit: MAX_BODY_BYTES,
    };
    // Read (and drop) somewhat past the limit before refusing, so that a
    // client still sending gets the 413 rather than a reset connection;
    // far beyond it, the connection is simply cut.
    let bytes: Bytes = axum::body::to_bytes(body, DRAIN_LIMIT)
        .await
        .map_err(|_| too_large.clone())?;
    if bytes.len() > MAX_BODY_BYTES {
        return Err(too_large);
    }
    let gzip = headers
        .get(header::CONTENT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("gzip"));
    if !gzip {
        return Ok(bytes.to_vec());
    }
    let mut plain = Vec::new();
    // Read one byte past the limit to tell "exactly at" from "over".
    GzDecoder::new(&bytes[..])
        .take(MAX_BODY_BYTES as u64 + 1)
        .read_to_end(&mut plain)
        .map_err(|_| Refusal::NotJson)?;
    if plain.len() > MAX_BODY_BYTES {
        return Err(too_large);
    }
    Ok(plain)
}

async fn put_response(
    State(server): State<Arc<Server>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let token = match authenticate(&server, &headers).await {
        Ok(token) => token,
        Err(response) => return response,
    };
    let mut response = if server.limits.rate.allow(&token, std::time::Instant::now()) {
        store(&server, &id, &headers, body, &token).await
    } else {
        refusal(Refusal::RateLimited)
    };
    response.extensions_mut().insert(TokenName(token));
    response
}

async fn store(
    server: &Arc<Server>,
    id: &str,
    headers: &HeaderMap,
    body: Body,
    token: &str,
) -> Response {
    let body =
        match tokio::time::timeout(server.limits.body_timeout, read_body(headers, body)).await {
            Ok(Ok(body)) => body,
            Ok(Err(r)) => return refusal(r),
            // A client that sends its body too slowly holds a connection for
            // nothing: it is told so and let go.
            Err(_) => return refusal(Refusal::TooSlow),
        };
    let checked = match check(&server.forms, id, &body) {
        Ok(checked) => checked,
        Err(r) => return refusal(r),
    };
    let (storage, token) = (server.storage.clone(), token.to_string());
    let (uuid, revision) = (checked.response.id, checked.response.revision);
    let outcome = tokio::task::spawn_blocking(move || {
        storage.put_response(uuid, revision, &checked.body, &token)
    })
    .await;
    match outcome {
        Ok(Ok(PutOutcome::Stored)) => {
            (StatusCode::OK, axum::Json(Accepted::Stored { revision })).into_response()
        }
        Ok(Ok(PutOutcome::AlreadyThere)) => (
            StatusCode::OK,
            axum::Json(Accepted::AlreadyThere { revision }),
        )
            .into_response(),
        Ok(Ok(PutOutcome::Stale { current })) => refusal(Refusal::Stale { current }),
        Ok(Ok(PutOutcome::Conflict)) => refusal(Refusal::Conflict { revision }),
        Ok(Err(error)) => server_error(&error.0),
        Err(error) => server_error(&error.to_string()),
    }
}

async fn get_response(
    State(server): State<Arc<Server>>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let token = match authenticate(&server, &headers).await {
        Ok(token) => token,
        Err(response) => return response,
    };
    let Ok(uuid) = id.parse::<uuid::Uuid>() else {
        return refusal(Refusal::BadId);
    };
    let storage = server.storage.clone();
    let mut response = match tokio::task::spawn_blocking(move || storage.current_response(uuid))
        .await
    {
        Ok(Ok(Some(body))) => ([(header::CONTENT_TYPE, "application/json")], body).into_response(),
        Ok(Ok(None)) => StatusCode::NOT_FOUND.into_response(),
        Ok(Err(error)) => server_error(&error.0),
        Err(error) => server_error(&error.to_string()),
    };
    response.extensions_mut().insert(TokenName(token));
    response
}
