//! `POST /v1/register`: an office gives its unit's access code and gets a
//! token of its own for the unit, with the answers the list of units gives
//! it. Wrong codes wait for their answer and count against the address
//! they came from (in the database, so that they hold across restarts).

use std::net::IpAddr;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use super::Server;
use super::http::{Peer, closed_since, read_body, refusal, server_error};
use super::storage::Registration;
use crate::protocol::{Refusal, Register, Registered};

pub(super) async fn register(
    State(server): State<Arc<Server>>,
    Extension(peer): Extension<Peer>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    match closed_since(&server).await {
        Ok(Some(at)) => return refusal(Refusal::Closed { at }),
        Ok(None) => {}
        Err(response) => return response,
    }
    let body =
        match tokio::time::timeout(server.limits.body_timeout, read_body(&headers, body)).await {
            Ok(Ok(body)) => body,
            Ok(Err(r)) => return refusal(r),
            Err(_) => return refusal(Refusal::TooSlow),
        };
    let Ok(asked) = serde_json::from_slice::<Register>(&body) else {
        return refusal(Refusal::NotJson);
    };
    let token = super::tokens::generate();
    let (storage, token_hash) = (server.storage.clone(), super::tokens::hash(&token));
    let code_hash = super::codes::hash(&asked.code);
    let address = guesser(peer.0);
    let outcome =
        tokio::task::spawn_blocking(move || storage.register(&code_hash, &address, &token_hash))
            .await;
    match outcome {
        Ok(Ok(Registration::Registered { name, unit })) => (
            StatusCode::OK,
            axum::Json(Registered {
                token,
                name,
                unit: unit.unit,
                prefill: unit.prefill,
            }),
        )
            .into_response(),
        Ok(Ok(Registration::WrongCode)) => {
            tokio::time::sleep(server.limits.wrong_code_delay).await;
            refusal(Refusal::WrongCode)
        }
        Ok(Ok(Registration::TooManyGuesses)) => refusal(Refusal::TooManyGuesses),
        Ok(Err(error)) => server_error(&error.0),
        Err(error) => server_error(&error.to_string()),
    }
}

/// Whom wrong guesses are counted against: an IPv4 address, or an IPv6
/// /64 network (one machine usually has a whole /64 to pick from).
fn guesser(address: IpAddr) -> String {
    match address {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses_count_against_an_ipv4_address_or_an_ipv6_network() {
        assert_eq!(guesser("192.0.2.7".parse().unwrap()), "192.0.2.7");
        assert_eq!(guesser("::ffff:192.0.2.7".parse().unwrap()), "192.0.2.7");
        assert_eq!(
            guesser("2001:db8:1:2:aaaa::1".parse().unwrap()),
            guesser("2001:db8:1:2:bbbb::9".parse().unwrap())
        );
        assert_ne!(
            guesser("2001:db8:1:2::1".parse().unwrap()),
            guesser("2001:db8:1:3::1".parse().unwrap())
        );
    }
}
