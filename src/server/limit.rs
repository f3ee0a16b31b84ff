//! Per-token request rate limit: a token bucket for each token name, so a
//! client stuck in a loop cannot flood the server. Honest clients stay far
//! below it; `campo sync` waits and retries when it is told to slow down.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

pub struct RateLimit {
    per_second: f64,
    burst: f64,
    buckets: Mutex<HashMap<String, (f64, Instant)>>,
}

impl RateLimit {
    /// `per_second` requests on average, up to `2 × per_second` at once.
    pub fn new(per_second: u32) -> RateLimit {
        let per_second = f64::from(per_second.max(1));
        RateLimit {
            per_second,
            burst: per_second * 2.0,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Requests a second, on average.
    pub fn per_second(&self) -> f64 {
        self.per_second
    }

    /// Requests at once, at most.
    pub fn burst(&self) -> f64 {
        self.burst
    }

    /// Whether a request with this token may go ahead now.
    pub fn allow(&self, token: &str, now: Instant) -> bool {
        let mut buckets = self
            .buckets
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let (tokens, last) = buckets
            .entry(token.to_string())
            .or_insert((self.burst, now));
        let refill = now.saturating_duration_since(*last).as_secs_f64() * self.per_second;
        *tokens = (*tokens + refill).min(self.burst);
        *last = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn a_burst_is_allowed_then_the_rate_holds() {
        let limit = RateLimit::new(10);
        let start = Instant::now();
        let allowed = (0..50).filter(|_| limit.allow("office", start)).count();
        assert_eq!(allowed, 20, "the burst is twice the rate");
        assert!(
            limit.allow("another office", start),
            "each token has its own bucket"
        );
        assert!(!limit.allow("office", start + Duration::from_millis(50)));
        assert!(
            limit.allow("office", start + Duration::from_millis(150)),
            "refilled at 10 a second"
        );
    }
}
