//! One HTTP client for the collection server: sends a response, retries
//! what is worth retrying with exponential backoff, and tells a refusal
//! (this response) from a fatal error (every response).

use std::io::Read;
use std::thread;
use std::time::Duration;

use ureq::Agent;

use crate::protocol::{Accepted, Refusal, response_path};

/// Stops the whole batch: sending more would only repeat it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fatal {
    /// 401: the token is wrong or revoked.
    Unauthorized,
    /// 403: the server will not take responses from this client.
    Forbidden,
    /// The TLS handshake failed (certificate, protocol).
    Tls(String),
    /// The server address is not a usable URL.
    BadUrl(String),
    /// The server answered with something that is not campo's API (e.g. 404).
    NotCampo { status: u16 },
}

/// A try that did not get through, worth trying again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Transient {
    /// The connection failed, dropped or timed out.
    Network(String),
    /// 5xx or 429.
    Server(u16),
}

/// How one response fared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    Accepted(Accepted),
    Refused(Refusal),
    Fatal(Fatal),
    /// Still failing after every retry.
    GaveUp(Transient),
}

/// Waits between tries: `first`, doubling up to `cap`, `tries` in all.
#[derive(Debug, Clone, Copy)]
pub struct Backoff {
    pub first: Duration,
    pub cap: Duration,
    pub tries: u32,
}

impl Default for Backoff {
    fn default() -> Self {
        Backoff {
            first: Duration::from_millis(250),
            cap: Duration::from_secs(8),
            tries: 8,
        }
    }
}

impl Backoff {
    /// The wait before try `n` (counting from 1 for the first retry).
    pub fn wait(&self, n: u32) -> Duration {
        self.first
            .saturating_mul(1 << n.saturating_sub(1).min(16))
            .min(self.cap)
    }
}

pub struct Client {
    agent: Agent,
    base: String,
    token: String,
    backoff: Backoff,
}

impl Client {
    pub fn new(server: &str, token: &str, backoff: Backoff) -> Client {
        let agent: Agent = Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(Duration::from_secs(15)))
            .timeout_global(Some(Duration::from_secs(120)))
            .build()
            .into();
        Client {
            agent,
            base: server.trim_end_matches('/').to_string(),
            token: token.to_string(),
            backoff,
        }
    }

    /// Sends one gzip-compressed document, retrying as needed. `on_retry`
    /// hears of each retry; returns the outcome and the number of requests.
    pub fn deliver(
        &self,
        id: &str,
        gzipped: &[u8],
        on_retry: &mut dyn FnMut(u32, &Transient),
    ) -> (Delivery, usize) {
        let mut requests = 0;
        loop {
            requests += 1;
            match self.put_once(id, gzipped) {
                Err(transient) if (requests as u32) < self.backoff.tries => {
                    on_retry(requests as u32, &transient);
                    thread::sleep(self.backoff.wait(requests as u32));
                }
                Err(transient) => return (Delivery::GaveUp(transient), requests),
                Ok(delivery) => return (delivery, requests),
            }
        }
    }

    fn put_once(&self, id: &str, gzipped: &[u8]) -> Result<Delivery, Transient> {
        let url = format!("{}{}", self.base, response_path(id));
        let result = self
            .agent
            .put(&url)
            .header("Authorization", &format!("Bearer {}", self.token))
            .header("Content-Type", "application/json")
            .header("Content-Encoding", "gzip")
            .send(gzipped);
        let mut response = match result {
            Ok(response) => response,
            Err(error) => return classify_error(error),
        };
        let status = response.status().as_u16();
        let mut body = String::new();
        let read = response
            .body_mut()
            .as_reader()
            .take(64 * 1024)
            .read_to_string(&mut body);
        if read.is_err() && status < 300 {
            return Err(Transient::Network("the answer was cut short".into()));
        }
        Ok(match status {
            200 | 201 => match serde_json::from_str::<Accepted>(&body) {
                Ok(accepted) => Delivery::Accepted(accepted),
                Err(_) => Delivery::Fatal(Fatal::NotCampo { status }),
            },
            401 => Delivery::Fatal(Fatal::Unauthorized),
            403 => Delivery::Fatal(Fatal::Forbidden),
            429 => return Err(Transient::Server(status)),
            500..=599 => return Err(Transient::Server(status)),
            _ => match serde_json::from_str::<Refusal>(&body) {
                Ok(refusal) => Delivery::Refused(refusal),
                Err(_) => Delivery::Fatal(Fatal::NotCampo { status }),
            },
        })
    }
}

fn classify_error(error: ureq::Error) -> Result<Delivery, Transient> {
    match error {
        ureq::Error::BadUri(uri) => Ok(Delivery::Fatal(Fatal::BadUrl(uri))),
        ureq::Error::Tls(what) => Ok(Delivery::Fatal(Fatal::Tls(what.to_string()))),
        ureq::Error::Rustls(error) => Ok(Delivery::Fatal(Fatal::Tls(error.to_string()))),
        ureq::Error::Io(io) if is_tls(&io) => Ok(Delivery::Fatal(Fatal::Tls(io.to_string()))),
        other => Err(Transient::Network(other.to_string())),
    }
}

/// rustls reports a failed handshake as an I/O error carrying its own.
fn is_tls(error: &std::io::Error) -> bool {
    error
        .get_ref()
        .is_some_and(|inner| inner.is::<rustls::Error>())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_its_cap() {
        let backoff = Backoff {
            first: Duration::from_millis(100),
            cap: Duration::from_millis(500),
            tries: 5,
        };
        let waits: Vec<u128> = (1..=5).map(|n| backoff.wait(n).as_millis()).collect();
        assert_eq!(waits, [100, 200, 400, 500, 500]);
    }
}
