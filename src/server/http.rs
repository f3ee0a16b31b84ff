//! The HTTP side of the server: routes, authentication, body decoding and
//! one log line per request.

use std::io::Read;
use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::body::Body;
use axum::extract::{Extension, Path, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use flate2::read::GzDecoder;

use super::Server;
use super::auth::{Authed, TokenSlot, Upload};
use super::check::check;
use super::storage::{Caller, Offer};
use crate::form::FormRef;
use crate::protocol::{Health, MAX_BODY_BYTES, Refusal, WhoAmI};

/// How much of an oversized body is read before refusing it.
const DRAIN_LIMIT: usize = 16 * MAX_BODY_BYTES;

/// The address a connection came from: requests without a valid token are
/// rate-limited by it.
#[derive(Clone, Copy)]
pub struct Peer(pub std::net::IpAddr);

pub fn router(server: Arc<Server>) -> Router {
    Router::new()
        .route(crate::protocol::HEALTH_PATH, get(health))
        .route(crate::protocol::WHOAMI_PATH, get(whoami))
        .route(
            crate::protocol::REGISTER_PATH,
            post(super::register::register),
        )
        .route(
            crate::protocol::CHECK_CODE_PATH,
            post(super::register::check_code),
        )
        .route("/v1/responses/{id}", put(put_response).get(get_response))
        .route(crate::protocol::BATCH_PATH, post(super::batch::post_batch))
        .layer(middleware::from_fn_with_state(
            server.clone(),
            limit_anonymous,
        ))
        .layer(middleware::from_fn(log_request))
        .with_state(server)
}

/// A request that carries no live token counts against its address's
/// bucket; one that does, against its token's (in the handlers). Nobody
/// gets unlimited requests.
/// A request without a token at all is counted before it runs: over its
/// budget, it does not run (eight registrations at one a second made
/// eight tokens when the count came after). One whose token turns out not
/// to be live is counted once the handler has refused it.
async fn limit_anonymous(
    State(server): State<Arc<Server>>,
    Extension(peer): Extension<Peer>,
    mut request: Request,
    next: Next,
) -> Response {
    let client = client_address(&server.limits.trusted_proxies, peer.0, request.headers());
    // What the handlers see as the caller's address (guesses count
    // against it).
    request.extensions_mut().insert(Peer(client));
    let key = format!("address {client}");
    let carries_token = request
        .headers()
        .contains_key(axum::http::header::AUTHORIZATION);
    if !carries_token && !within_rate(&server, key.clone()).await {
        return refusal(Refusal::RateLimited);
    }
    let slot = request.extensions().get::<TokenSlot>().cloned();
    let response = next.run(request).await;
    let anonymous = slot.and_then(|slot| slot.name()).is_none();
    if carries_token && anonymous && !within_rate(&server, key).await {
        return refusal(Refusal::RateLimited);
    }
    response
}

/// Whom a request comes from: the connection's address, or, from a proxy
/// named with `--trusted-proxy`, the last address its `X-Forwarded-For`
/// names that is not itself a trusted proxy. From anyone else the header is
/// ignored: it is only words a client wrote.
pub fn client_address(
    trusted: &[std::net::IpAddr],
    peer: std::net::IpAddr,
    headers: &HeaderMap,
) -> std::net::IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    let forwarded: Vec<std::net::IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(|hop| hop.trim().parse().ok())
        .collect::<Option<Vec<_>>>()
        .unwrap_or_default();
    forwarded
        .into_iter()
        .rev()
        .find(|hop| !trusted.contains(hop))
        .unwrap_or(peer)
}

/// Whether one more request of `key` is within the rate limit, counted
/// where every instance of the server sees it.
pub(super) async fn within_rate(server: &Arc<Server>, key: String) -> bool {
    let limiter = server.clone();
    let allowed = tokio::task::spawn_blocking(move || {
        limiter.storage.allow_request(&key, &limiter.limits.rate)
    })
    .await;
    match allowed {
        Ok(Ok(allowed)) => allowed,
        // A database that cannot count lets the request through: the
        // request itself then meets the same database and is answered.
        Ok(Err(error)) => {
            tracing::error!("storage error: {}", error.0);
            true
        }
        Err(_) => true,
    }
}

/// The path as it may go in a log: anything but printable ASCII is
/// percent-encoded, so no byte of a URL can play tricks on a terminal.
fn loggable(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_graphic() {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

async fn log_request(mut request: Request, next: Next) -> Response {
    let started = Instant::now();
    let (method, path) = (request.method().clone(), loggable(request.uri().path()));
    let slot = TokenSlot::default();
    request.extensions_mut().insert(slot.clone());
    let response = next.run(request).await;
    let token = slot.name().unwrap_or_else(|| "-".to_string());
    // The time comes from the subscriber; the path is `loggable`.
    tracing::info!(
        "{method} {path} {} {}ms token={token}",
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
    let (backend, schema) = server.storage.backend();
    axum::Json(Health {
        status: "ok".into(),
        forms,
        backend: backend.into(),
        schema,
    })
    .into_response()
}

pub(super) fn refusal(refusal: Refusal) -> Response {
    let status = StatusCode::from_u16(refusal.status()).unwrap_or(StatusCode::UNPROCESSABLE_ENTITY);
    (status, axum::Json(refusal)).into_response()
}

pub(super) fn server_error(detail: &str) -> Response {
    tracing::error!("storage error: {detail}");
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

/// Reads the body, unzipping it if it says it is gzip, never keeping more
/// than the limit in memory.
pub(super) async fn read_body(headers: &HeaderMap, body: Body) -> Result<Vec<u8>, Refusal> {
    use http_body_util::BodyExt;
    let too_large = Refusal::TooLarge {
        limit: MAX_BODY_BYTES,
    };
    // Past the limit the rest is read and dropped, up to DRAIN_LIMIT, so
    // that a client still sending hears the 413 rather than a reset; far
    // beyond it, the connection is simply cut. Nothing past the limit is
    // kept: a stalled upload costs at most the limit in memory.
    let mut kept = Vec::new();
    let mut seen = 0usize;
    let mut body = body;
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|_| too_large.clone())?;
        let Ok(data) = frame.into_data() else {
            continue;
        };
        seen += data.len();
        if seen > DRAIN_LIMIT {
            return Err(too_large);
        }
        if seen <= MAX_BODY_BYTES {
            kept.extend_from_slice(&data);
        }
    }
    if seen > MAX_BODY_BYTES {
        return Err(too_large);
    }
    let gzip = headers
        .get(header::CONTENT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("gzip"));
    if !gzip {
        return Ok(kept);
    }
    let mut plain = Vec::new();
    // Read one byte past the limit to tell "exactly at" from "over".
    GzDecoder::new(&kept[..])
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
    upload: Upload,
) -> Response {
    store(&server, &id, &upload.headers, upload.body, upload.caller).await
}

/// An upload's body, once the survey is known to be open, within the
/// bodies read at once (the permit, held while the body is in memory) and
/// the body timeout.
pub(super) async fn read_upload<'a>(
    server: &'a Arc<Server>,
    headers: &HeaderMap,
    body: Body,
) -> Result<(tokio::sync::SemaphorePermit<'a>, Vec<u8>), Response> {
    // A closed survey takes nothing more, whatever is sent.
    if let Some(at) = closed_since(server).await? {
        return Err(refusal(Refusal::Closed { at }));
    }
    // Bodies read at once are bounded too: memory stays within
    // `bodies_at_once` × the limit, however many uploads stall.
    let Ok(reading) = server.limits.bodies_at_once.try_acquire() else {
        return Err(refusal(Refusal::RateLimited));
    };
    match tokio::time::timeout(server.limits.body_timeout, read_body(headers, body)).await {
        Ok(Ok(body)) => Ok((reading, body)),
        Ok(Err(r)) => Err(refusal(r)),
        // A client that sends its body too slowly holds a connection for
        // nothing: it is told so and let go.
        Err(_) => Err(refusal(Refusal::TooSlow)),
    }
}

async fn store(
    server: &Arc<Server>,
    id: &str,
    headers: &HeaderMap,
    body: Body,
    caller: Caller,
) -> Response {
    let (_reading, body) = match read_upload(server, headers, body).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let checked = match check(&server.forms, id, &body) {
        Ok(checked) => checked,
        Err(r) => return refusal(r),
    };
    let unit = match unit_of(&caller, checked.response.unit.as_deref()) {
        Ok(unit) => unit,
        Err(r) => return refusal(r),
    };
    let checked = checked.stamped(unit.clone());
    let frame = match frame_for(server, &caller).await {
        Ok(frame) => frame,
        Err(response) => return response,
    };
    if let Err(r) = super::check::from_the_list(&frame, &checked.response) {
        return refusal(r);
    }
    let (storage, bounds) = (server.storage.clone(), server.bounds);
    let outcome = tokio::task::spawn_blocking(move || {
        let offer = Offer {
            id: checked.response.id,
            revision: checked.response.revision,
            body: &checked.body,
            digest: &checked.digest,
            complete: checked.response.status == crate::store::Status::Complete,
            unit: unit.as_deref(),
        };
        storage
            .put_response(&offer, Some(&caller))
            .map(|outcome| super::answer_to(outcome, offer.revision, &bounds))
    })
    .await;
    match outcome {
        Ok(Ok(Ok(accepted))) => (StatusCode::OK, axum::Json(accepted)).into_response(),
        Ok(Ok(Err(r))) => refusal(r),
        Ok(Err(error)) => server_error(&error.0),
        Err(error) => server_error(&error.to_string()),
    }
}

/// The unit a response is stored for: a unit's token sends its own unit's
/// only (a document naming no unit is taken as its); the team sends any;
/// an office token without a unit, none.
pub(super) fn unit_of(caller: &Caller, named: Option<&str>) -> Result<Option<String>, Refusal> {
    match (&caller.unit, named) {
        (Some(mine), None) => Ok(Some(mine.clone())),
        (Some(mine), Some(named)) if named == mine => Ok(Some(mine.clone())),
        (None, named) if caller.team => Ok(named.map(str::to_string)),
        // A kiosk sends units' responses only, each naming its unit.
        (None, Some(named)) if caller.kiosk => Ok(Some(named.to_string())),
        (None, None) if caller.kiosk => Err(Refusal::NoUnit),
        (None, None) => Ok(None),
        (_, Some(named)) => Err(Refusal::WrongUnit {
            unit: named.to_string(),
        }),
    }
}

async fn whoami(Authed(caller): Authed) -> Response {
    axum::Json(WhoAmI {
        name: caller.name,
        unit: caller.unit,
    })
    .into_response()
}

async fn get_response(
    State(server): State<Arc<Server>>,
    Path(id): Path<String>,
    Authed(caller): Authed,
) -> Response {
    read_response(&server, &id, caller).await
}

/// When the survey closed, if it has.
/// The sampling frame, to check the answers a non-team caller says come
/// from it; none is read for the team.
pub(super) async fn frame_for(
    server: &Arc<Server>,
    caller: &Caller,
) -> Result<Vec<super::frame::Unit>, Response> {
    if caller.team {
        return Ok(Vec::new());
    }
    let storage = server.storage.clone();
    tokio::task::spawn_blocking(move || storage.frame())
        .await
        .map_err(|e| server_error(&e.to_string()))?
        .map_err(|e| server_error(&e.0))
}

async fn closed_since(server: &Arc<Server>) -> Result<Option<String>, Response> {
    let storage = server.storage.clone();
    let closing = tokio::task::spawn_blocking(move || storage.closing())
        .await
        .map_err(|e| server_error(&e.to_string()))?
        .map_err(|e| server_error(&e.0))?;
    Ok(closing.filter(|at| {
        chrono::DateTime::parse_from_rfc3339(at).is_ok_and(|at| at <= chrono::Utc::now())
    }))
}

/// The current revision, to its owner only: to anyone else it does not
/// exist.
async fn read_response(server: &Arc<Server>, id: &str, caller: Caller) -> Response {
    let Ok(uuid) = id.parse::<uuid::Uuid>() else {
        return refusal(Refusal::BadId);
    };
    let storage = server.storage.clone();
    match tokio::task::spawn_blocking(move || storage.current_response(uuid, &caller)).await {
        Ok(Ok(Some(body))) => ([(header::CONTENT_TYPE, "application/json")], body).into_response(),
        Ok(Ok(None)) => refusal(Refusal::NotFound),
        Ok(Err(error)) => server_error(&error.0),
        Err(error) => server_error(&error.to_string()),
    }
}
