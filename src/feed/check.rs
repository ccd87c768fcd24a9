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

/// A BCP 47 language tag, by its shape (`ar`, `en-US`, `zh-Hant-TW`, `de-CH-1996`): subtags of
/// 1–8 ASCII letters or digits joined by `-`, the first 2–8 letters; at most 35 characters.
pub fn lang(value: &str) -> Result<(), String> {
    let mut subtags = value.split('-');
    let first = subtags.next().unwrap_or("");
    let ok = value.len() <= 35
        && (2..=8).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_alphabetic())
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()));
    if ok {
        Ok(())
    } else {
        Err(format!(
            "expected a BCP 47 language tag such as ar or en-US, got {}",
            quote(value, 64)
        ))
    }
}

/// A display name: free text with at least one visible character, so no row or label of a
/// board is ever blank (a name of only spaces, joiners or direction marks renders as nothing).
pub fn name(value: &str) -> Result<(), String> {
    text(value)?;
    if value.chars().any(is_visible) {
        Ok(())
    } else {
        Err("must contain at least one visible character".into())
    }
}

/// False for white space, controls and the default-ignorable characters that render as
/// nothing (zero-width spaces and joiners, direction marks, variation selectors, fillers).
fn is_visible(c: char) -> bool {
    if c.is_whitespace() || c.is_control() {
        return false;
    }
    !matches!(c as u32,
        0x00AD | 0x034F | 0x061C | 0x115F | 0x1160 | 0x17B4 | 0x17B5 | 0x180B..=0x180F
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x2800 | 0x3164
        | 0xFE00..=0xFE0F | 0xFEFF | 0xFFA0 | 0xFFF0..=0xFFF8 | 0x1BCA0..=0x1BCA3
        | 0x1D173..=0x1D17A | 0xE0000..=0xE0FFF)
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

/// A link (SPEC §1): `http://` or `https://`, a host of letters, digits, `.` and `-` with no
/// empty label, an optional `:port`, then visible ASCII only (no space, control or `\\`).
/// Anything a browser could read differently from a person (`http://@`, `https://evil\\@good`,
/// a right-to-left override in the host) is refused.
pub fn url(value: &str) -> Result<(), String> {
    if value.len() > MAX_URL_CHARS {
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
    let b = rest.as_bytes();
    let host_len = b
        .iter()
        .position(|c| !(c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-')))
        .unwrap_or(b.len());
    let host = &b[..host_len];
    if host.is_empty() || host.split(|&c| c == b'.').any(|label| label.is_empty()) {
        return Err(format!(
            "needs a host of letters, digits, . and - (no empty label), got {}",
            quote(value, 40)
        ));
    }
    let mut tail = &b[host_len..];
    if let Some(after) = tail.strip_prefix(b":") {
        let digits = after.iter().take_while(|c| c.is_ascii_digit()).count();
        let port = std::str::from_utf8(&after[..digits])
            .ok()
            .and_then(|p| p.parse::<u32>().ok());
        if digits == 0 || digits > 5 || port.is_none_or(|p| p > 65_535) {
            return Err(format!("has an invalid port: {}", quote(value, 40)));
        }
        tail = &after[digits..];
    }
    if !(tail.is_empty() || matches!(tail[0], b'/' | b'?' | b'#')) {
        return Err(format!(
            "must continue after the host with /, ? or #, got {}",
            quote(value, 40)
        ));
    }
    if let Some(c) = tail
        .iter()
        .find(|&&c| !(0x21..=0x7E).contains(&c) || c == b'\\')
    {
        let what = if *c == b'\\' {
            "a backslash".to_string()
        } else if c.is_ascii() {
            code_point(u32::from(*c))
        } else {
            "a non-ASCII character (percent-encode it)".to_string()
        };
        return Err(format!(
            "may contain only visible ASCII characters, found {what}"
        ));
    }
    Ok(())
}

/// `YYYY-MM-DD`, a real calendar date in the years 1900–2099.
pub fn date(value: &str) -> Result<Date, String> {
    Date::parse(value).ok_or_else(|| {
        format!(
            "expected a real calendar date as YYYY-MM-DD in the years {}-{}, got {}",
            crate::date::FIRST_YEAR,
            crate::date::LAST_YEAR,
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
        code_point(c as u32)
    } else {
        format!("\"{c}\"")
    }
}

/// `U+000A`.
fn code_point(c: u32) -> String {
    let mut out = String::from("U+");
    crate::decimal::push_hex(&mut out, c, 4, true);
    out
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
        assert!(url("https://www.facebook.com/MoiEgy?ref=x#top").is_ok());
        assert!(url("http://localhost:8080").is_ok());
        assert!(url("https://a-b.example:443/%D9%88?q=1&r=[2]").is_ok());
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "//example.org",
            "https://",
            "http:///x",
            "ftp://x",
            "https://a b",
            "http://@",
            "https://%0a",
            "https://a\u{202e}b",
            "https://evil\\@good",
            "https://user@example.org",
            "https://a..b",
            "https://.a",
            "https://a.",
            "https://a:",
            "https://a:99999",
            "https://a:80x",
            "https://a/b c",
            "https://a/\u{e9}",
            "https://a/b\\c",
            "https://a\tb",
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
        assert!(name("وزارة الداخلية").is_ok());
        assert!(name(" x\u{200b}").is_ok());
        for blank in [
            " ",
            "\u{200b}\u{200d}",
            "\u{202e}\u{2066}\u{3164}",
            "\u{a0}\u{2800}",
            "\u{fe0f}",
        ] {
            assert_eq!(
                name(blank),
                Err("must contain at least one visible character".into())
            );
        }
    }
}
