//! Typed errors of the browser layer, turned into JS `Error`s once, at the boundary.

use crate::feed::FeedError;
use crate::format::LocaleError;
use crate::options::OptionError;

#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// The feed's own problems, one per line, exactly as the CLI prints them.
    #[error("{0}")]
    Feed(#[from] FeedError),
    #[error("{0}")]
    Option(#[from] OptionError),
    /// The npm options object: an unknown name or a value of the wrong type.
    #[cfg(feature = "api")]
    #[error("{0}")]
    Options(String),
    #[error("{0}")]
    Locale(#[from] LocaleError),
    /// The feed value is neither text, bytes nor an object.
    #[error("feed: expected JSON or CSV text, a Uint8Array or an object, got {0}")]
    FeedType(String),
    /// Fetching the feed failed (network, HTTP status, timeout).
    #[error("{0}")]
    Fetch(String),
}
