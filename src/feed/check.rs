//! Field rules shared by the JSON and CSV readers; each returns the message of SPEC §1.

use crate::date::Date;

/// 2^53 − 1: the largest integer every JSON reader (JavaScript included) holds exactly.
pub const MAX_SAFE_INTEGER: u64 = 9_007_199_254_740_991;

const MAX_TEXT_CHARS: usize = 200;
const MAX_ID_CHARS: usize = 64;
const MAX_URL_CHARS: usize = 2048;

/// Free text: 1–200 Unicode scalar values, any script.
pub fn text(value: &str) -> Result<(), String> {
    let n = value.chars().count();
    if n == 0 {
        Err("must not be empty".into())
    } else if n > MAX_TEXT_CHARS {
        Err(format!(
            "must be at most {MAX_TEXT_CHARS} characters, got {n}"
        ))
    } else {
        Ok(())
    }
}

/// Page id: 1–64 characters of `A-Z a-z 0-9 . _ -`.
pub fn id(value: &str) -> Result<(), String> {
    if value.is_empty() {
        return Err("must not be empty".into());
    }
    if let Some(c) = value
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')))
    {
        return Err(format!(
            "may contain only A-Z a-z 0-9 . _ -, found {}",
            quote_char(c)
        ));
    }
    if value.len() > MAX_ID_CHARS {
        return Err(format!(
            "must be at most {MAX_ID_CHARS} characters, got {}",
            value.len()
        ));
    }
    Ok(())
}

/// A link: `http` or `https` with a host, nothing that a browser could run.
pub fn url(value: &str) -> Result<(), String> {
    if value.chars().count() > MAX_URL_CHARS {
        return Err(format!("must be at most {MAX_URL_CHARS} characters"));
    }
    let lower = value.get(..8).unwrap_or(value).to_ascii_lowercase();
    // `get`, not indexing: no char-boundary panic path (the prefix is ASCII anyway).
    let rest = if lower.starts_with("https://") {
        value.get(8..).unwrap_or_default()
    } else if lower.starts_with("http://") {
        value.get(7..).unwrap_or_default()
    } else {
        return Err(format!(
            "must be an http or https URL, got {}",
            quote(value, 40)
        ));
    };
    if rest.is_empty() || rest.starts_with(['/', '?', '#']) {
        return Err(format!("has no host: {}", quote(value, 40)));
    }
    if value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("must not contain spaces or control characters".into());
    }
    Ok(())
}

/// `YYYY-MM-DD`, a real calendar date.
pub fn date(value: &str) -> Result<Date, String> {
    Date::parse(value).ok_or_else(|| {
        format!(
            "expected a real calendar date as YYYY-MM-DD, got {}",
            quote(value, 40)
        )
    })
}

/// A count written as digits only (no sign, fraction or exponent), at most 2^53 − 1.
/// `raw` is the value's literal text; strings are quoted, so they fail the digit test.
pub fn count(raw: &str) -> Result<u64, String> {
    // The hot path of every feed: no allocation unless there is something to report.
    if raw.is_empty() || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "expected a non-negative integer, got {}",
            shorten(raw, 40)
        ));
    }
    match raw.parse::<u64>() {
        Ok(v) if v <= MAX_SAFE_INTEGER => Ok(v),
        _ => Err(format!(
            "expected an integer at most {MAX_SAFE_INTEGER} (2^53-1), got {}",
            shorten(raw, 40)
        )),
    }
}

/// `"value"` cut to `max` characters, for messages.
pub fn quote(value: &str, max: usize) -> String {
    format!("\"{}\"", shorten(value, max))
}

fn quote_char(c: char) -> String {
    if c.is_control() || c.is_whitespace() {
        format!("U+{:04X}", c as u32)
    } else {
        format!("\"{c}\"")
    }
}

/// Cuts long input so an error message stays one readable line.
pub fn shorten(value: &str, max: usize) -> String {
    let cut: String = value.chars().take(max).collect();
    let cut: String = cut
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if value.chars().count() > max {
        format!("{cut}…")
    } else {
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_plain_digits_within_two_to_the_53() {
        assert_eq!(count("0"), Ok(0));
        assert_eq!(count("9007199254740991"), Ok(MAX_SAFE_INTEGER));
        assert_eq!(
            count("-5"),
            Err("expected a non-negative integer, got -5".into())
        );
        assert_eq!(
            count("1.5"),
            Err("expected a non-negative integer, got 1.5".into())
        );
        assert_eq!(
            count("1e3"),
            Err("expected a non-negative integer, got 1e3".into())
        );
        assert!(count("9007199254740992").is_err());
        assert!(count("99999999999999999999999").is_err());
        assert!(count("\"5\"").is_err());
    }

    #[test]
    fn urls_must_be_http_or_https_with_a_host() {
        assert!(url("https://example.org/x").is_ok());
        assert!(url("HTTP://EXAMPLE.ORG").is_ok());
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "//example.org",
            "https://",
            "http:///x",
            "ftp://x",
            "https://a b",
        ] {
            assert!(url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn ids_and_texts() {
        assert!(id("eg-moi.v2_X").is_ok());
        assert!(id("").is_err());
        assert!(id("a b").is_err());
        assert!(id(&"x".repeat(65)).is_err());
        assert!(text("وزارة الداخلية").is_ok());
        assert!(text("").is_err());
        assert!(text(&"ب".repeat(200)).is_ok());
        assert!(text(&"ب".repeat(201)).is_err());
    }
}
