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
}

/// How much the server keeps, so that no client can fill its disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    /// Revisions kept per response: the newest ones.
    pub kept_revisions: u32,
    /// Bytes of stored documents (every kept revision) per token.
    pub bytes_per_token: u64,
}

impl Default for Bounds {
    fn default() -> Self {
        Bounds {
            kept_revisions: 20,
            bytes_per_token: 512 * 1024 * 1024,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenInfo {
    pub name: String,
    pub created: String,
    pub revoked: Option<String>,
}

/// What importing a frame did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FrameChange {
    pub added: usize,
    pub updated: usize,
}

/// A failure of the database itself, with its own words (for the log).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StorageError(pub String);

pub trait Storage: Send + Sync {
    /// Offers revision `revision` (at most `i64::MAX`) of response `id`,
    /// sent with `token`, or imported by the team (`None`). A response
    /// belongs to the first token that stores it; an imported one belongs
    /// to the first token that sends it afterwards. The newest
    /// [`Bounds::kept_revisions`] revisions are kept; the highest is the
    /// current one.
    fn put_response(
        &self,
        id: Uuid,
        revision: u64,
        body: &[u8],
        token: Option<&str>,
    ) -> Result<PutOutcome, StorageError>;
    /// The current revision's document, if `token` owns the response.
    fn current_response(&self, id: Uuid, token: &str) -> Result<Option<Vec<u8>>, StorageError>;
    /// The current revision of every response, in id order.
    fn latest_responses(&self) -> Result<Vec<Vec<u8>>, StorageError>;
    /// Every stored revision of a response, oldest first.
    fn revisions(&self, id: Uuid) -> Result<Vec<u64>, StorageError>;
    /// The name of the live token with this hash.
    fn token_name(&self, hash: &str) -> Result<Option<String>, StorageError>;
    /// Adds a token; false if a live token has that name already.
    fn add_token(&self, name: &str, hash: &str) -> Result<bool, StorageError>;
    fn tokens(&self) -> Result<Vec<TokenInfo>, StorageError>;
    /// Revokes a token; false if there is no live token of that name.
    fn revoke_token(&self, name: &str) -> Result<bool, StorageError>;
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
}
