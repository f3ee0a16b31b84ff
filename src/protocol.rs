//! The collection server's HTTP API, as types shared by the server and the
//! client, so the two cannot disagree about what a message means. Refusals
//! are data, not prose: the client words them in the user's language.

use serde::{Deserialize, Serialize};

use crate::form::DocumentProblem;

/// The largest request body the server accepts, before and after gzip.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

pub const HEALTH_PATH: &str = "/v1/health";

/// `GET /v1/whoami`: the name of the token the request carries, so that a
/// client can check a token before it saves it.
pub const WHOAMI_PATH: &str = "/v1/whoami";

/// `POST /v1/register` with a unit's access code: a token for the unit.
pub const REGISTER_PATH: &str = "/v1/register";

/// `POST /v1/codes/check`, with a kiosk's token: is this the code of a
/// unit? Wrong guesses count against the address the kiosk names.
pub const CHECK_CODE_PATH: &str = "/v1/codes/check";

/// `POST /v1/responses`: many responses in one request (a JSON array of
/// documents), each checked and answered on its own, stored in one go.
pub const BATCH_PATH: &str = "/v1/responses";

/// The most documents one `POST /v1/responses` may carry.
pub const MAX_BATCH: usize = 500;

/// One document's answer in a batch, in the order sent: its id as sent,
/// and either what was stored or why not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchResult {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted: Option<Accepted>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refused: Option<Refusal>,
}

/// The answer to `POST /v1/responses`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchAnswer {
    pub results: Vec<BatchResult>,
}

pub fn response_path(id: &str) -> String {
    format!("/v1/responses/{id}")
}

/// A successful `PUT /v1/responses/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum Accepted {
    /// This revision is now the server's current one.
    Stored { revision: u64 },
    /// The server already had exactly this revision: nothing was changed.
    AlreadyThere { revision: u64 },
}

/// Why the server stored nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum Refusal {
    /// No token, or one the server does not know or has revoked (401).
    Unauthorized,
    /// The id in the path is not a UUID (422).
    BadId,
    /// The body is not UTF-8 JSON, or not valid gzip (400).
    NotJson,
    /// JSON, but not a campo response (422).
    NotAResponse { detail: String },
    /// The path's id and the document's differ (422).
    IdMismatch,
    /// The server does not have this form and version (422).
    UnknownForm { form: String, version: u32 },
    /// The answers do not fit the form (422).
    Invalid { problems: Vec<DocumentProblem> },
    /// The server has a newer revision (409).
    Stale { current: u64 },
    /// The server has this revision with other content (409).
    Conflict { revision: u64 },
    /// The body is over the limit (413).
    TooLarge { limit: usize },
    /// Too many requests from one token; try again later (429).
    RateLimited,
    /// The body did not arrive in time (408).
    TooSlow,
    /// No such response for this token: it does not exist, or it belongs
    /// to another office (404; the two are not told apart).
    NotFound,
    /// The token has used its share of the server's disk (422).
    OverQuota { limit: u64 },
    /// The survey closed at `at` (RFC 3339, UTC): nothing more is taken (409).
    Closed { at: String },
    /// The unit has another response on the server already, `first`: one
    /// per unit (409).
    UnitAnswered { first: uuid::Uuid },
    /// The research team withdrew this response (`campo serve withdraw`):
    /// no revision of it is taken (409).
    Withdrawn,
    /// The response is stored as another unit's (or one of no unit is
    /// sent by a kiosk): a response's unit never changes (409).
    UnitIsFixed,
    /// A kiosk sent a response that names no unit (403).
    NoUnit,
    /// An answer that comes from the list of units differs from the
    /// list's (403).
    NotFromTheList { item: String },
    /// This token cannot send responses of the unit the document names
    /// (403).
    WrongUnit { unit: String },
    /// No unit has this access code (403; answered after a pause).
    WrongCode,
    /// Too many wrong codes from this address in the last hour: none is
    /// checked until then (429).
    TooManyGuesses,
}

impl Refusal {
    pub fn status(&self) -> u16 {
        match self {
            Refusal::Unauthorized => 401,
            Refusal::NotJson => 400,
            Refusal::BadId
            | Refusal::NotAResponse { .. }
            | Refusal::IdMismatch
            | Refusal::UnknownForm { .. }
            | Refusal::Invalid { .. }
            | Refusal::OverQuota { .. } => 422,
            Refusal::NotFound => 404,
            Refusal::Stale { .. }
            | Refusal::Conflict { .. }
            | Refusal::Closed { .. }
            | Refusal::UnitAnswered { .. }
            | Refusal::Withdrawn
            | Refusal::UnitIsFixed => 409,
            Refusal::WrongUnit { .. }
            | Refusal::WrongCode
            | Refusal::NoUnit
            | Refusal::NotFromTheList { .. } => 403,
            Refusal::TooLarge { .. } => 413,
            Refusal::RateLimited | Refusal::TooManyGuesses => 429,
            Refusal::TooSlow => 408,
        }
    }

    /// Whether the same request may succeed later, unchanged: the server
    /// was busy or the link slow. Client and server decide it here alike.
    pub fn is_transient(&self) -> bool {
        matches!(self, Refusal::RateLimited | Refusal::TooSlow)
    }
}

/// `GET /v1/whoami`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WhoAmI {
    pub name: String,
    /// The unit a unit's token is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

/// The body of `POST /v1/register`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Register {
    pub code: String,
}

/// The body of `POST /v1/codes/check`: the code as typed, and the
/// address of whoever typed it (the SSH client's).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckCode {
    pub code: String,
    pub guesser: String,
}

/// The unit whose code it is, and its answers from the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeChecked {
    pub unit: String,
    pub prefill: std::collections::BTreeMap<String, String>,
}

/// What registering gives an office: its token (shown this once), the
/// token's name, the unit, and the answers the list of units gives it
/// (item id → code or text), to be filled in and locked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registered {
    pub token: String,
    pub name: String,
    pub unit: String,
    pub prefill: std::collections::BTreeMap<String, String>,
}

/// `GET /v1/health`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Health {
    pub status: String,
    pub forms: Vec<crate::form::FormRef>,
    /// The kind of database behind the server, e.g. `sqlite`.
    #[serde(default)]
    pub backend: String,
    /// The version of the database's schema, as campo's migrations left it.
    #[serde(default)]
    pub schema: u32,
}
