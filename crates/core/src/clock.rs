//! The clock that core logic reads "now" from; always passed in, never global.

use chrono::{DateTime, Utc};

/// Where core code gets the current time. Front ends pass [`SystemClock`]; tests pass
/// a [`FixedClock`] so that stored timestamps and computed dates are reproducible.
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

/// The real wall clock, for the binaries.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that always reads the same instant.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub DateTime<Utc>);

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
}
