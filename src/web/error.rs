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
    /// Fetching the feed failed (network, HTTP status, timeout, too large).
    #[error("{0}")]
    Fetch(#[from] FetchError),
    /// A DOM call failed while the board was being shown.
    #[error("cannot update the board: {0}")]
    Dom(String),
}

/// Why a fetch of the feed failed; each says where (the URL) and what.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FetchError {
    #[error("{url}: {message}")]
    Network { url: String, message: String },
    #[error("{url}: HTTP {status}{text}")]
    Status {
        url: String,
        status: u16,
        text: String,
    },
    #[error("{url}: no complete answer within {seconds} seconds (request timed out)")]
    Timeout { url: String, seconds: String },
    #[error("{url}: the feed is larger than the limit of {limit} bytes (32 MiB)")]
    TooLarge { url: String, limit: usize },
    #[error("{url}: unreadable body")]
    Unreadable { url: String },
}

/// Logs a failed JS or DOM call on the console instead of dropping it silently (ruffle's
/// `warn_on_error`): the board carries on, and the failure can still be seen and reported.
/// The browser's error names the call that failed; no description of our own is kept per call
/// site (each would be text in every reader's download).
pub fn warn_on_error<T>(result: Result<T, wasm_bindgen::JsValue>) -> Option<T> {
    match result {
        Ok(v) => Some(v),
        Err(e) => {
            web_sys::console::warn_2(&"gov-leaderboard: a DOM call failed:".into(), &e);
            None
        }
    }
}
