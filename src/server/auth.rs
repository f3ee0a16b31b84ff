//! Who is calling. A handler that needs a live token names an extractor
//! among its arguments, so that none can forget the token or its request
//! budget (atuin-server's `UserAuth` is the model): [`Authed`] for a
//! request, [`Upload`] for one that brings a body.

use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use axum::response::Response;

use super::Server;
use super::http::{read_body, refusal, server_error, within_rate};
use super::storage::Caller;
use crate::protocol::Refusal;

/// The name of the live token a request came with, once it is known: the
/// log line says it, and the limit per address counts a request whose
/// token was not live against its address. `log_request` gives each
/// request one.
#[derive(Clone, Default)]
pub(super) struct TokenSlot(Arc<Mutex<Option<String>>>);

impl TokenSlot {
    fn set(&self, name: &str) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = Some(name.to_string());
    }

    pub(super) fn name(&self) -> Option<String> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

/// A caller with a live token, within its token's rate.
pub(super) struct Authed(pub Caller);

impl FromRequestParts<Arc<Server>> for Authed {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, server: &Arc<Server>) -> Result<Self, Response> {
        let caller = authenticate(server, &parts.headers).await?;
        within_token_rate(server, parts, caller).await.map(Authed)
    }
}

/// An upload from a caller with a live token, within its token's rate,
/// its body still unread. Refused for its token, its body is read
/// (bounded, as any) before the refusal goes: a connection closed on
/// unread data is reset, and the client would see the reset, not the 401.
pub(super) struct Upload {
    pub caller: Caller,
    pub headers: HeaderMap,
    pub body: Body,
}

impl FromRequest<Arc<Server>> for Upload {
    type Rejection = Response;

    async fn from_request(request: Request, server: &Arc<Server>) -> Result<Self, Response> {
        let (parts, body) = request.into_parts();
        let caller = match authenticate(server, &parts.headers).await {
            Ok(caller) => caller,
            Err(refused) => {
                let reading = read_body(&parts.headers, body);
                let _ = tokio::time::timeout(server.limits.body_timeout, reading).await;
                return Err(refused);
            }
        };
        let caller = within_token_rate(server, &parts, caller).await?;
        Ok(Upload {
            caller,
            headers: parts.headers,
            body,
        })
    }
}

/// The caller, if the request carries a live token.
async fn authenticate(server: &Arc<Server>, headers: &HeaderMap) -> Result<Caller, Response> {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| refusal(Refusal::Unauthorized))?;
    let hash = super::tokens::hash(token);
    let storage = server.storage.clone();
    let found = tokio::task::spawn_blocking(move || storage.caller(&hash))
        .await
        .map_err(|e| server_error(&e.to_string()))?;
    match found {
        Ok(Some(caller)) => Ok(caller),
        Ok(None) => Err(refusal(Refusal::Unauthorized)),
        Err(error) => Err(server_error(&error.0)),
    }
}

/// The caller, if its token has a request left in its budget; its name
/// goes in the request's slot either way, for the log line.
async fn within_token_rate(
    server: &Arc<Server>,
    parts: &Parts,
    caller: Caller,
) -> Result<Caller, Response> {
    if let Some(slot) = parts.extensions.get::<TokenSlot>() {
        slot.set(&caller.name);
    }
    if within_rate(server, caller.name.clone()).await {
        Ok(caller)
    } else {
        Err(refusal(Refusal::RateLimited))
    }
}
