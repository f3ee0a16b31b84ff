//! One HTTP client for the collection server: sends a response, retries
//! what is worth retrying with exponential backoff, and tells a refusal
//! (this response) from a fatal error (every response).

mod batch;
pub use batch::BatchDelivery;

use std::io::Read;
use std::thread;
use std::time::Duration;

use ureq::Agent;

use crate::protocol::{
    Accepted, CHECK_CODE_PATH, CheckCode, CodeChecked, REGISTER_PATH, Refusal, Register,
    Registered, WHOAMI_PATH, WhoAmI, response_path,
};

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
    /// No such host: the address is mistyped (or the name service is down).
    UnknownHost,
    /// The server sends elsewhere (`Location`); campo follows no redirect,
    /// since a document must reach the address that was set up.
    Redirected { status: u16, to: String },
    /// A confirmation of another revision than the one sent.
    WrongConfirmation { sent: u64, confirmed: u64 },
    /// The survey closed (RFC 3339 time): nothing more can be sent.
    Closed { at: String },
}

/// A try that did not get through, worth trying again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Transient {
    /// The connection failed, dropped or timed out.
    Network(Network),
    /// 5xx, or a refusal that says to try later (429, 408).
    Server(u16),
}

/// What went wrong on the way, in kinds a person can act on; anything
/// else keeps the system's own words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Network {
    /// Nothing listens at that address: the server is down or the port wrong.
    Refused,
    TimedOut,
    /// The connection broke off midway.
    Dropped,
    Other(String),
}

impl Network {
    fn of(error: &ureq::Error) -> Network {
        use std::io::ErrorKind;
        match error {
            ureq::Error::ConnectionFailed => Network::Refused,
            ureq::Error::Timeout(_) => Network::TimedOut,
            ureq::Error::Io(io) => match io.kind() {
                ErrorKind::ConnectionRefused => Network::Refused,
                ErrorKind::TimedOut => Network::TimedOut,
                ErrorKind::ConnectionReset
                | ErrorKind::ConnectionAborted
                | ErrorKind::BrokenPipe
                | ErrorKind::UnexpectedEof => Network::Dropped,
                _ => Network::Other(io.to_string()),
            },
            other => Network::Other(other.to_string()),
        }
    }
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

#[derive(Clone)]
pub struct Client {
    agent: Agent,
    base: String,
    token: String,
    backoff: Backoff,
}

impl Client {
    /// The server's address, as requests go to it.
    pub fn base(&self) -> &str {
        &self.base
    }

    pub fn new(server: &str, token: &str, backoff: Backoff) -> Client {
        let agent: Agent = Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(Duration::from_secs(15)))
            .timeout_global(Some(Duration::from_secs(120)))
            .max_redirects(0)
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
        revision: u64,
        gzipped: &[u8],
        on_retry: &mut dyn FnMut(u32, &Transient),
    ) -> (Delivery, usize) {
        let (result, requests) = self.retried(|| self.put_once(id, revision, gzipped), on_retry);
        (result.unwrap_or_else(Delivery::GaveUp), requests)
    }

    /// Tries `once` until it answers, retrying a transient failure with
    /// backoff up to `backoff.tries` times; with the requests made.
    fn retried<T>(
        &self,
        mut once: impl FnMut() -> Result<T, Transient>,
        on_retry: &mut dyn FnMut(u32, &Transient),
    ) -> (Result<T, Transient>, usize) {
        let mut requests = 0;
        loop {
            requests += 1;
            match once() {
                Err(transient) if (requests as u32) < self.backoff.tries => {
                    on_retry(requests as u32, &transient);
                    thread::sleep(self.backoff.wait(requests as u32));
                }
                answered => return (answered, requests),
            }
        }
    }

    fn put_once(&self, id: &str, revision: u64, gzipped: &[u8]) -> Result<Delivery, Transient> {
        let url = format!("{}{}", self.base, response_path(id));
        let result = self
            .agent
            .put(&url)
            .header("Authorization", &format!("Bearer {}", self.token))
            .header("Content-Type", "application/json")
            .header("Content-Encoding", "gzip")
            .send(gzipped);
        let answer = match read_answer(result, &self.base) {
            Ok(answer) => answer,
            Err(Failed::Fatal(fatal)) => return Ok(Delivery::Fatal(fatal)),
            Err(Failed::Transient(transient)) => return Err(transient),
        };
        match answer.status {
            200 | 201 => Ok(match serde_json::from_str::<Accepted>(&answer.body) {
                Ok(accepted) if confirmed(&accepted) == revision => Delivery::Accepted(accepted),
                Ok(accepted) => Delivery::Fatal(Fatal::WrongConfirmation {
                    sent: revision,
                    confirmed: confirmed(&accepted),
                }),
                Err(_) => Delivery::Fatal(Fatal::NotCampo {
                    status: answer.status,
                }),
            }),
            _ => answer.to_delivery(),
        }
    }

    /// Asks the server whose token this is: the check `sync --setup` makes
    /// before it saves anything. Tried once: setup is a person waiting.
    pub fn who_am_i(&self) -> Result<String, Delivery> {
        let url = format!("{}{}", self.base, WHOAMI_PATH);
        let result = self
            .agent
            .get(&url)
            .header("Authorization", &format!("Bearer {}", self.token))
            .call();
        let answer = match read_answer(result, &self.base) {
            Ok(answer) => answer,
            Err(Failed::Fatal(fatal)) => return Err(Delivery::Fatal(fatal)),
            Err(Failed::Transient(transient)) => return Err(Delivery::GaveUp(transient)),
        };
        match (answer.status, serde_json::from_str::<WhoAmI>(&answer.body)) {
            (200, Ok(who)) => Ok(who.name),
            (200, Err(_)) => Err(Delivery::Fatal(Fatal::NotCampo { status: 200 })),
            _ => Err(answer.to_delivery().unwrap_or_else(Delivery::GaveUp)),
        }
    }
}

/// Registers this office for a unit with the unit's access code: the
/// server answers with a token of its own. Tried once, like `who_am_i`.
pub fn register(server: &str, code: &str) -> Result<Registered, Delivery> {
    let asked = Register {
        code: code.to_string(),
    };
    Client::new(server, "", Backoff::default()).post(REGISTER_PATH, &asked)
}

impl Client {
    /// Asks, as a kiosk, whose unit's code `code` is; wrong guesses count
    /// against `guesser`, the address the director connected from.
    pub fn check_code(&self, code: &str, guesser: &str) -> Result<CodeChecked, Delivery> {
        let asked = CheckCode {
            code: code.to_string(),
            guesser: guesser.to_string(),
        };
        self.post(CHECK_CODE_PATH, &asked)
    }

    /// POSTs `body` as JSON (with the token, if the client has one) and
    /// reads a `T` from a 200. Tried once: a person is waiting.
    fn post<T: serde::de::DeserializeOwned>(
        &self,
        path: &str,
        body: &impl serde::Serialize,
    ) -> Result<T, Delivery> {
        let url = format!("{}{path}", self.base);
        let body = serde_json::to_vec(body).expect("serialises");
        let mut request = self
            .agent
            .post(&url)
            .header("Content-Type", "application/json");
        if !self.token.is_empty() {
            request = request.header("Authorization", &format!("Bearer {}", self.token));
        }
        let answer = match read_answer(request.send(&body[..]), &self.base) {
            Ok(answer) => answer,
            Err(Failed::Fatal(fatal)) => return Err(Delivery::Fatal(fatal)),
            Err(Failed::Transient(transient)) => return Err(Delivery::GaveUp(transient)),
        };
        match (answer.status, serde_json::from_str::<T>(&answer.body)) {
            (200, Ok(value)) => Ok(value),
            (200, Err(_)) => Err(Delivery::Fatal(Fatal::NotCampo { status: 200 })),
            _ => Err(answer.to_delivery().unwrap_or_else(Delivery::GaveUp)),
        }
    }
}

fn confirmed(accepted: &Accepted) -> u64 {
    match accepted {
        Accepted::Stored { revision } | Accepted::AlreadyThere { revision } => *revision,
    }
}

/// What the server answered: its status, where it redirects (if it does),
/// and up to 64 KiB of the body.
struct Answer {
    status: u16,
    location: Option<String>,
    body: String,
}

enum Failed {
    Fatal(Fatal),
    Transient(Transient),
}

fn read_answer(
    result: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
    base: &str,
) -> Result<Answer, Failed> {
    let mut response = result.map_err(|e| classify_error(e, base))?;
    let status = response.status().as_u16();
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let mut body = String::new();
    let read = response
        .body_mut()
        .as_reader()
        .take(64 * 1024)
        .read_to_string(&mut body);
    if read.is_err() && status < 300 {
        return Err(Failed::Transient(Transient::Network(Network::Dropped)));
    }
    Ok(Answer {
        status,
        location,
        body,
    })
}

impl Answer {
    /// Any answer but a confirmation: a redirect or a bad token stops the
    /// run; a refusal concerns this response; what the protocol calls
    /// transient (and any 5xx) is worth another try.
    fn to_delivery(&self) -> Result<Delivery, Transient> {
        let status = self.status;
        match status {
            300..=399 => Ok(Delivery::Fatal(Fatal::Redirected {
                status,
                to: self.location.clone().unwrap_or_default(),
            })),
            401 => Ok(Delivery::Fatal(Fatal::Unauthorized)),
            // campo's own 403s say why (another unit's response, a wrong
            // access code); anything else's, such as a proxy's, stops.
            403 => Ok(serde_json::from_str::<Refusal>(&self.body)
                .map_or(Delivery::Fatal(Fatal::Forbidden), Delivery::Refused)),
            500..=599 => Err(Transient::Server(status)),
            _ => match serde_json::from_str::<Refusal>(&self.body) {
                Ok(refusal) if refusal.is_transient() => Err(Transient::Server(status)),
                // Every other response would be refused the same way.
                Ok(Refusal::Closed { at }) => Ok(Delivery::Fatal(Fatal::Closed { at })),
                Ok(refusal) => Ok(Delivery::Refused(refusal)),
                // A proxy's own "slow down" or "too slow", without campo's body.
                Err(_) if status == 429 || status == 408 => Err(Transient::Server(status)),
                Err(_) => Ok(Delivery::Fatal(Fatal::NotCampo { status })),
            },
        }
    }
}

fn classify_error(error: ureq::Error, base: &str) -> Failed {
    match error {
        ureq::Error::BadUri(uri) => Failed::Fatal(Fatal::BadUrl(uri)),
        // A request that cannot even be built: the address is not one.
        ureq::Error::Http(_) => Failed::Fatal(Fatal::BadUrl(base.to_string())),
        ureq::Error::HostNotFound => Failed::Fatal(Fatal::UnknownHost),
        ureq::Error::Tls(what) => Failed::Fatal(Fatal::Tls(what.to_string())),
        ureq::Error::Rustls(error) => Failed::Fatal(Fatal::Tls(error.to_string())),
        ureq::Error::Io(io) if is_tls(&io) => Failed::Fatal(Fatal::Tls(io.to_string())),
        ureq::Error::Io(io) if is_unknown_host(&io) => Failed::Fatal(Fatal::UnknownHost),
        other => Failed::Transient(Transient::Network(Network::of(&other))),
    }
}

/// The system's resolver says no such name exists (not "try again": a
/// name service that is down stays a network problem worth retrying).
/// std words it "failed to lookup address information: <gai_strerror>",
/// always in English, since campo never sets the C library's locale.
fn is_unknown_host(error: &std::io::Error) -> bool {
    let text = error.to_string();
    text.contains("failed to lookup address information")
        && (text.contains("Name or service not known")
            || text.contains("No address associated with hostname")
            || text.contains("nodename nor servname"))
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
