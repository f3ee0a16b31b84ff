//! `POST /v1/register`: an office gives its unit's access code and gets a
//! token of its own for the unit, with the answers the list of units gives
//! it; `POST /v1/codes/check`: a kiosk asks whose a code is. Wrong codes wait for their answer and count against the address
//! they came from (in the database, so that they hold across restarts).

use std::net::IpAddr;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use super::Server;
use super::auth::Authed;
use super::http::{Peer, read_upload, refusal, server_error};
use super::storage::{GuessRule, Guesser, Registration};
use crate::protocol::{CheckCode, CodeChecked, Refusal, Register, Registered};

pub(super) async fn register(
    State(server): State<Arc<Server>>,
    Extension(peer): Extension<Peer>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let asked = match read_json::<Register>(&server, &headers, body).await {
        Ok(asked) => asked,
        Err(response) => return response,
    };
    let token = super::tokens::generate();
    let token_hash = super::tokens::hash(&token);
    let guessers = vec![(guesser(peer.0), None)];
    match try_code(&server, &asked.code, guessers, Some(token_hash)).await {
        Ok((name, unit)) => (
            StatusCode::OK,
            axum::Json(Registered {
                token,
                name: name.unwrap_or_default(),
                unit: unit.unit,
                prefill: unit.prefill,
            }),
        )
            .into_response(),
        Err(response) => response,
    }
}

/// `POST /v1/codes/check`: a kiosk asks whose code a director typed. It
/// is the kiosk's own token that is checked and rate-limited; wrong
/// guesses count against the director's address, as the kiosk gives it.
pub(super) async fn check_code(
    State(server): State<Arc<Server>>,
    Authed(caller): Authed,
    headers: HeaderMap,
    body: Body,
) -> Response {
    if !(caller.kiosk || caller.team) {
        return refusal(Refusal::Unauthorized);
    }
    let asked = match read_json::<CheckCode>(&server, &headers, body).await {
        Ok(asked) => asked,
        Err(response) => return response,
    };
    // Each wrong code counts against the director's address, as the
    // kiosk gives it, and against the kiosk as a whole, which may guess
    // only so much more than one address, whatever addresses it names.
    let kiosk = format!("kiosk {}", caller.name);
    let allowed = server.bounds.guesses_per_hour * GuessRule::KIOSK_FACTOR;
    let mut guessers = vec![(kiosk, Some(allowed))];
    if let Ok(address) = asked.guesser.parse::<IpAddr>() {
        guessers.push((guesser(address), None));
    }
    match try_code(&server, &asked.code, guessers, None).await {
        Ok((_, unit)) => axum::Json(CodeChecked {
            unit: unit.unit,
            prefill: unit.prefill,
        })
        .into_response(),
        Err(response) => response,
    }
}

/// The body as JSON of type `T`, once the survey is known to be open.
async fn read_json<T: serde::de::DeserializeOwned>(
    server: &Arc<Server>,
    headers: &HeaderMap,
    body: Body,
) -> Result<T, Response> {
    let (_reading, body) = read_upload(server, headers, body).await?;
    serde_json::from_slice::<T>(&body).map_err(|_| refusal(Refusal::NotJson))
}

/// Tries a code: the unit (and the name of the token made, if one was)
/// or the refusal, a wrong code after a pause.
async fn try_code(
    server: &Arc<Server>,
    code: &str,
    guessers: Vec<(String, Option<u32>)>,
    token_hash: Option<String>,
) -> Result<(Option<String>, crate::server::frame::Unit), Response> {
    // Certainly wrong, and no guess at all: not counted against anyone.
    if !super::codes::could_be_a_code(code) {
        return Err(refusal(Refusal::WrongCode));
    }
    let storage = server.storage.clone();
    let code_hash = super::codes::hash(code);
    let outcome = tokio::task::spawn_blocking(move || {
        let guessers: Vec<Guesser> = guessers
            .iter()
            .map(|(key, allowed)| Guesser {
                key,
                allowed: *allowed,
            })
            .collect();
        storage.register_as(&code_hash, &guessers, token_hash.as_deref())
    })
    .await;
    match outcome {
        Ok(Ok(Registration::Registered { name, unit })) => Ok((name, unit)),
        Ok(Ok(Registration::WrongCode)) => {
            tokio::time::sleep(server.limits.wrong_code_delay).await;
            Err(refusal(Refusal::WrongCode))
        }
        Ok(Ok(Registration::TooManyGuesses)) => Err(refusal(Refusal::TooManyGuesses)),
        Ok(Err(error)) => Err(server_error(&error.0)),
        Err(error) => Err(server_error(&error.to_string())),
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
