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
}
