//! Escaping for the static HTML: feed text only ever becomes text, never markup.

/// Escapes text content.
pub fn text(s: &str) -> String {
    escape(s, false)
}

/// Escapes a double-quoted attribute value.
pub fn attr(s: &str) -> String {
    escape(s, true)
}

fn escape(s: &str, quotes: bool) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if quotes => out.push_str("&quot;"),
            '\'' if quotes => out.push_str("&#39;"),
            // NUL and other C0 controls are not allowed in HTML text; show a replacement.
            c if c.is_control() && !matches!(c, '\n' | '\t') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// A `data:` URL holding UTF-8 text (with a byte-order mark, so spreadsheet programs read
/// Arabic correctly) as a CSV file: works as a download link with no script and no server.
pub fn csv_data_url(csv: &str) -> String {
    let mut out = String::from("data:text/csv;charset=utf-8,%EF%BB%BF");
    for b in csv.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b',') {
            out.push(b as char);
        } else {
            out.push('%');
            crate::decimal::push_hex(&mut out, u32::from(b), 2, true);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped() {
        assert_eq!(
            text("<script>alert('x')</script> & co"),
            "&lt;script&gt;alert('x')&lt;/script&gt; &amp; co"
        );
        assert_eq!(attr("\" onmouseover='x'"), "&quot; onmouseover=&#39;x&#39;");
        assert_eq!(text("a\u{0}b"), "a\u{FFFD}b");
    }

    #[test]
    fn csv_as_data_url() {
        assert_eq!(
            csv_data_url("a,b\r\n\"x\",م"),
            "data:text/csv;charset=utf-8,%EF%BB%BFa,b%0D%0A%22x%22,%D9%85"
        );
    }
}
