//! What the server keeps, behind one interface so that another database
//! (PostgreSQL, say) can be added without touching the handlers.

use uuid::Uuid;

/// The result of offering one revision of a response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PutOutcome {
    Stored,
    AlreadyThere,
    /// A newer revision is current: the offered one is refused.
    Stale {
        current: u64,
    },
    /// This revision is stored with different content.
    Conflict,
    /// The response belongs to another token: as far as this one can tell,
    /// it does not exist.
    NotYours,
    /// Storing it would take the token past its share of the disk.
    OverQuota,
    /// The unit has another response already (its id): one per unit.
    UnitAnswered {
        first: Uuid,
    },
    /// The research team set this response aside (`serve withdraw`): no
    /// revision of it is taken any more.
    Withdrawn,
    /// The revision names another unit than the response's (or none): a
    /// response's unit never changes.
    UnitIsFixed,
}

/// One revision of a response, as offered.
#[derive(Debug, Clone, Copy)]
pub struct Offer<'a> {
    pub id: Uuid,
    /// At most `i64::MAX`.
    pub revision: u64,
    pub body: &'a [u8],
    /// What names this revision's content ([`digest`]): the same revision
    /// sent again with another digest is a conflict.
    pub digest: &'a str,
    pub complete: bool,
    /// The unit of the frame it is for, if any.
    pub unit: Option<&'a str>,
}

/// Who sends or asks: a live token, with what it may touch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    pub name: String,
    /// A unit's token (made by registering with its code) touches that
    /// unit's response only.
    pub unit: Option<String>,
    /// A team token reads and writes everything.
    pub team: bool,
    /// A kiosk's token (`campo kiosk`): checks access codes for the
    /// directors it serves and sends their units' responses.
    pub kiosk: bool,
}

/// What a token is for, as it is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Office,
    Team,
    Kiosk,
}

impl Caller {
    /// Whether this caller may read or change a stored response that
    /// belongs to `owner` (the token that sent it first) and `unit`.
    pub fn may_touch(&self, owner: Option<&str>, unit: Option<&str>) -> bool {
        if self.team {
            return true;
        }
        if self.kiosk {
            return unit.is_some();
        }
        match (&self.unit, unit) {
            (Some(mine), its) => its == Some(mine.as_str()),
            // An office token without a unit: what it sent first, or an
            // imported response of no unit, which it claims.
            (None, Some(_)) => false,
            (None, None) => owner.is_none_or(|owner| owner == self.name),
        }
    }
}

/// What a unit's access code opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Registration {
    /// The code is the unit's: with the name of the token made for it
    /// (the token itself is the caller's, stored as its hash), none when
    /// only checked.
    Registered {
        name: Option<String>,
        unit: super::frame::Unit,
    },
    WrongCode,
    /// Too many wrong codes from this address lately: not even checked.
    TooManyGuesses,
}

/// A unit's response as the server has it (not withdrawn).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitResponse {
    pub unit: String,
    pub id: Uuid,
    pub complete: bool,
    /// When it was last sent (RFC 3339).
    pub received: String,
}

/// An invitation or a reminder sent to a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailKind {
    Invitation,
    Reminder,
}

impl MailKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MailKind::Invitation => "invitation",
            MailKind::Reminder => "reminder",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mailing {
    pub unit: String,
    pub kind: MailKind,
    /// RFC 3339.
    pub at: String,
}

/// How much the server keeps, so that no client can fill its disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    /// Revisions kept per response: the newest ones.
    pub kept_revisions: u32,
    /// Bytes of stored documents (every kept revision) per token.
    pub bytes_per_token: u64,
    /// Wrong access codes one address may try in an hour.
    pub guesses_per_hour: u32,
}

impl Default for Bounds {
    fn default() -> Self {
        Bounds {
            kept_revisions: 20,
            bytes_per_token: 512 * 1024 * 1024,
            guesses_per_hour: 10,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenInfo {
    pub name: String,
    pub unit: Option<String>,
    pub team: bool,
    pub kiosk: bool,
    pub created: String,
    pub revoked: Option<String>,
}

/// What importing a frame did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FrameChange {
    pub added: usize,
    pub updated: usize,
}

/// A response's current revision as the database has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Current {
    pub revision: u64,
    pub digest: String,
    /// The token that stored it first (none for an imported one).
    pub owner: Option<String>,
    pub unit: Option<String>,
    /// The team set it aside.
    pub withdrawn: bool,
}

/// What to do with one offered revision, once the database has said what
/// it holds: the rules of [`Storage::put_responses`], the same for every
/// backend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Nothing is stored: this is the answer.
    Answer(PutOutcome),
    /// The same revision again: when it was last sent moves on, and an
    /// imported response is claimed by the first office that sends it.
    SentAgain,
    Store,
}

/// The step for a revision with `digest`, given the current one, the
/// response its unit has already (for a new response), and whether
/// storing it would take the caller past its share of the disk.
pub fn step(
    offer: &Offer,
    digest: &str,
    current: Option<&Current>,
    caller: Option<&Caller>,
    unit_answered_by: Option<Uuid>,
    over_quota: impl FnOnce() -> bool,
) -> Step {
    match current {
        Some(current)
            if caller.is_some_and(|c| {
                !c.may_touch(current.owner.as_deref(), current.unit.as_deref())
            }) =>
        {
            Step::Answer(PutOutcome::NotYours)
        }
        // Set aside by the team: a send, even of what is there already,
        // must not read as delivered.
        Some(current) if current.withdrawn => Step::Answer(PutOutcome::Withdrawn),
        Some(current) if current.unit.is_some() && current.unit.as_deref() != offer.unit => {
            Step::Answer(PutOutcome::UnitIsFixed)
        }
        Some(current) if current.revision == offer.revision && current.digest != digest => {
            Step::Answer(PutOutcome::Conflict)
        }
        Some(current) if current.revision == offer.revision => Step::SentAgain,
        Some(current) if current.revision > offer.revision => Step::Answer(PutOutcome::Stale {
            current: current.revision,
        }),
        None if let Some(first) = unit_answered_by => {
            Step::Answer(PutOutcome::UnitAnswered { first })
        }
        _ if caller.is_some() && over_quota() => Step::Answer(PutOutcome::OverQuota),
        _ => Step::Store,
    }
}

/// The start of a response's id as the database writes it (hyphenated,
/// lower case), from what a user typed: the short id the interface shows
/// ("3f3bced7"), more of it, or the whole id, with or without hyphens.
/// None if it is not hexadecimal.
pub fn id_prefix(typed: &str) -> Option<String> {
    let hex: String = typed.chars().filter(|&c| c != '-').collect();
    if hex.is_empty() || hex.len() > 32 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let mut prefix = String::new();
    for (at, c) in hex.to_ascii_lowercase().chars().enumerate() {
        if [8, 12, 16, 20].contains(&at) {
            prefix.push('-');
        }
        prefix.push(c);
    }
    Some(prefix)
}

/// The rule of guessing access codes, the same for every backend (each
/// only counts): wrong codes from one address count for an hour, and past
/// [`Bounds::guesses_per_hour`] of them no code from it is checked at all.
pub struct GuessRule;

impl GuessRule {
    /// Wrong guesses older than this many seconds no longer count.
    pub const WINDOW_SECONDS: i64 = 3600;

    /// Guesses made at or before this moment (Unix seconds) no longer
    /// count, and may be deleted.
    pub fn expired_until(now: i64) -> i64 {
        now - Self::WINDOW_SECONDS
    }

    /// Whether a code from `guesser`, with `recent` wrong guesses in the
    /// window, is checked.
    pub fn may_try(recent: i64, guesser: &Guesser, bounds: &Bounds) -> bool {
        recent < i64::from(guesser.allowed.unwrap_or(bounds.guesses_per_hour))
    }

    /// A kiosk serves many directors: as a whole it may guess this many
    /// times more than one address, and no more, whatever addresses it
    /// names (N26: a new invented address per guess).
    pub const KIOSK_FACTOR: u32 = 20;
}

/// The statements of registering with a code, each in the backend's
/// transaction: [`register_with`] decides with them, the same on every
/// backend, so only their SQL differs.
pub trait RegisterSteps {
    type Error;
    /// Forgets the guesses of every address made at or before `until`.
    fn forget_guesses(&mut self, until: i64) -> Result<(), Self::Error>;
    /// How many guesses `key` made after `since`.
    fn guesses_since(&mut self, key: &str, since: i64) -> Result<i64, Self::Error>;
    /// The unit whose code hashes to `code_hash`.
    fn unit_of_code(&mut self, code_hash: &str) -> Result<Option<super::frame::Unit>, Self::Error>;
    fn record_guess(&mut self, key: &str, at: i64) -> Result<(), Self::Error>;
    /// Adds an office token of `unit`, named after the unit's others, and
    /// gives its name.
    fn add_office_token(&mut self, unit: &str, token_hash: &str) -> Result<String, Self::Error>;
}

/// Registering with a code (or only checking it, without `token_hash`):
/// expired guesses go, none of `guessers` may be past its budget, a wrong
/// code is a guess of each, a right one names the unit (and its new token).
pub fn register_with<S: RegisterSteps>(
    steps: &mut S,
    code_hash: &str,
    guessers: &[Guesser],
    token_hash: Option<&str>,
    bounds: &Bounds,
) -> Result<Registration, S::Error> {
    let now = chrono::Utc::now().timestamp();
    let expired = GuessRule::expired_until(now);
    steps.forget_guesses(expired)?;
    for guesser in guessers {
        let recent = steps.guesses_since(guesser.key, expired)?;
        if !GuessRule::may_try(recent, guesser, bounds) {
            return Ok(Registration::TooManyGuesses);
        }
    }
    let Some(unit) = steps.unit_of_code(code_hash)? else {
        for guesser in guessers {
            steps.record_guess(guesser.key, now)?;
        }
        return Ok(Registration::WrongCode);
    };
    let name = match token_hash {
        Some(hash) => Some(steps.add_office_token(&unit.unit, hash)?),
        None => None,
    };
    Ok(Registration::Registered { name, unit })
}

/// Whom wrong guesses count against, and how many an hour it may make.
#[derive(Debug, Clone, Copy)]
pub struct Guesser<'a> {
    pub key: &'a str,
    /// None: [`Bounds::guesses_per_hour`].
    pub allowed: Option<u32>,
}

/// The digest of bytes: SHA-256, in hexadecimal.
pub fn digest(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(bytes))
}

/// A failure of the database itself, with its own words (for the log).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StorageError(pub String);

pub trait Storage: Survey {
    /// The kind of database (`sqlite`), and its schema's version.
    fn backend(&self) -> (&'static str, u32);
    /// Offers a revision of a response, sent by `caller`, or imported by
    /// the team (`None`). A response belongs to the first token that
    /// stores it (an imported one to the first that sends it afterwards)
    /// and to its unit; a unit has at most one response. The newest
    /// [`Bounds::kept_revisions`] revisions are kept; the highest is the
    /// current one.
    fn put_response(
        &self,
        offer: &Offer,
        caller: Option<&Caller>,
    ) -> Result<PutOutcome, StorageError> {
        let mut outcomes = self.put_responses(std::slice::from_ref(offer), caller)?;
        Ok(outcomes.remove(0))
    }
    /// Offers many revisions at once, each as [`Storage::put_response`]
    /// would, in one transaction: their outcomes in the same order.
    fn put_responses(
        &self,
        offers: &[Offer],
        caller: Option<&Caller>,
    ) -> Result<Vec<PutOutcome>, StorageError>;
    /// The current revision's document, if `caller` may read it.
    fn current_response(&self, id: Uuid, caller: &Caller) -> Result<Option<Vec<u8>>, StorageError>;
    /// The current revision of every response not withdrawn, in id order.
    fn latest_responses(&self) -> Result<Vec<Vec<u8>>, StorageError>;
    /// Every stored revision of a response, oldest first.
    fn revisions(&self, id: Uuid) -> Result<Vec<u64>, StorageError>;
    /// The stored responses whose id starts with `prefix` (hyphenated, as
    /// [`id_prefix`] writes it), at most two: enough to tell one from many.
    fn ids_starting(&self, prefix: &str) -> Result<Vec<Uuid>, StorageError>;
    /// Sets a response aside (kept, with its revisions, but no longer its
    /// unit's nor in dumps), so that the unit may send another; its unit,
    /// or `None` if there is no such response.
    fn withdraw(&self, id: Uuid) -> Result<Option<Option<String>>, StorageError>;
    /// The live token with this hash.
    fn caller(&self, hash: &str) -> Result<Option<Caller>, StorageError>;
    /// Adds a token; false if a live token has that name already.
    fn add_token(&self, name: &str, hash: &str, kind: TokenKind) -> Result<bool, StorageError>;
    fn tokens(&self) -> Result<Vec<TokenInfo>, StorageError>;
    /// Revokes a token; false if there is no live token of that name.
    fn revoke_token(&self, name: &str) -> Result<bool, StorageError>;
    /// Whether one more request of `key` (a token's name, or an address)
    /// is within `rate` now. One process's own count is enough where only
    /// one server uses the database (an SQLite file); a database that
    /// several instances share keeps the count itself.
    fn allow_request(
        &self,
        key: &str,
        rate: &super::limit::RateLimit,
    ) -> Result<bool, StorageError> {
        Ok(rate.allow(key, std::time::Instant::now()))
    }
}

/// The survey around the responses: the frame of units, their access
/// codes, invitations, and when it closes.
pub trait Survey: Send + Sync {
    /// Adds or updates (by their code) the units of the sampling frame, all
    /// of them or none.
    fn put_frame(&self, units: &[super::frame::Unit]) -> Result<FrameChange, StorageError>;
    /// The sampling frame, by unit code.
    fn frame(&self) -> Result<Vec<super::frame::Unit>, StorageError>;
    /// When the survey closes (or closed), if a closing is set.
    fn closing(&self) -> Result<Option<String>, StorageError>;
    /// Sets the closing (RFC 3339, UTC), or with `None` reopens.
    fn set_closing(&self, at: Option<&str>) -> Result<(), StorageError>;
    /// Stores the hash of a unit's access code, replacing any earlier one;
    /// false if the frame has no such unit.
    fn set_code(&self, unit: &str, hash: &str) -> Result<bool, StorageError>;
    /// Whether `code_hash` is the live code of `unit`.
    fn code_is(&self, unit: &str, code_hash: &str) -> Result<bool, StorageError>;
    /// Tries an access code from `address`: a wrong one is counted against
    /// the address, and past [`Bounds::guesses_per_hour`] none is checked.
    /// A right one gives the unit a new token with hash `token_hash`, if
    /// one is given (a kiosk only checks).
    fn register(
        &self,
        code_hash: &str,
        address: &str,
        token_hash: Option<&str>,
    ) -> Result<Registration, StorageError> {
        let guesser = Guesser {
            key: address,
            allowed: None,
        };
        self.register_as(code_hash, &[guesser], token_hash)
    }
    /// [`Survey::register`], a wrong code counted against every one of
    /// `guessers` (the director's address and the kiosk as a whole), none
    /// checked if any of them is past its budget.
    fn register_as(
        &self,
        code_hash: &str,
        guessers: &[Guesser],
        token_hash: Option<&str>,
    ) -> Result<Registration, StorageError>;
    /// The response of each unit that has one.
    fn unit_responses(&self) -> Result<Vec<UnitResponse>, StorageError>;
    /// Records an invitation or reminder sent to a unit now.
    fn record_mailing(&self, unit: &str, kind: MailKind) -> Result<(), StorageError>;
    /// Every invitation and reminder sent, oldest first.
    fn mailings(&self) -> Result<Vec<Mailing>, StorageError>;
}
