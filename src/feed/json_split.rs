//! Where a large feed's `pages` array may be cut in two, so the native CLI reads the second
//! half on another core while the first is read as always (json.rs `read_with`, `Reader::pages`).
//!
//! The cut is a guess from the bytes around the middle — the end of one object followed by
//! the start of an object whose first key is a page's, not a point's — so nothing has to scan
//! the whole text for nesting first. A wrong guess costs the other thread's work, and the wait
//! for it when the first reader passes the cut: the first reader accepts the second half only
//! if it arrives at that very offset between two pages, and only a half read without any
//! problem, limit or repeated id is used. Any other case is read on from the cut as if there
//! had been no thread, so what a feed yields (its pages, its problems, their order and
//! positions) is the same either way.

/// Below this many bytes one thread reads it all. Measured on 2 cores, whole process, feeds of
/// 90 days: 1.2 MB 5.2 → 6.4 ms (slower), 2.3–4.6 MB within ±10 % either way, 5.8 MB
/// 19.8 → 14.6 ms (and 1.06–1.27× in later runs), 22 MB ~1.3× faster. On this virtual machine
/// the second thread began 0.2–4 ms after it was spawned, which a small feed cannot make up for.
pub(super) const MIN_SPLIT: usize = 5 << 20;

/// How far past the middle to look for a cut before giving up.
const SEARCH: usize = 1 << 20;

/// The offset of a `{` that probably starts a page, at or after the middle of `bytes`:
/// `page_key` says whether a key is one only a page has (the reader knows its fields).
pub(super) fn guess_cut(bytes: &[u8], page_key: impl Fn(&[u8]) -> bool) -> Option<usize> {
    if bytes.len() < MIN_SPLIT {
        return None;
    }
    let mid = bytes.len() / 2;
    let end = (mid + SEARCH).min(bytes.len());
    let mut at = mid;
    while at < end {
        let close = at + bytes[at..end].iter().position(|&b| b == b'}')?;
        if let Some(open) = next_page(bytes, close + 1, &page_key) {
            return Some(open);
        }
        at = close + 1;
    }
    None
}

/// After a `}`: blanks, `,`, blanks, `{`, blanks, `"key"`, blanks, `:`, where the key is a
/// page's and never a point's. Returns the `{`'s offset.
fn next_page(bytes: &[u8], mut at: usize, page_key: impl Fn(&[u8]) -> bool) -> Option<usize> {
    let blanks = |at: &mut usize| {
        while matches!(bytes.get(*at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            *at += 1;
        }
    };
    blanks(&mut at);
    (bytes.get(at) == Some(&b',')).then_some(())?;
    at += 1;
    blanks(&mut at);
    (bytes.get(at) == Some(&b'{')).then_some(())?;
    let open = at;
    at += 1;
    blanks(&mut at);
    (bytes.get(at) == Some(&b'"')).then_some(())?;
    let key_start = at + 1;
    let key_len = bytes
        .get(key_start..)?
        .iter()
        .take(16)
        .position(|&b| b == b'"')?;
    let key = &bytes[key_start..key_start + key_len];
    at = key_start + key_len + 1;
    blanks(&mut at);
    (bytes.get(at) == Some(&b':') && page_key(key)).then_some(open)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether a key is a page's and never a point's (json.rs passes its own field lists).
    fn page_key(key: &[u8]) -> bool {
        [&b"id"[..], b"name", b"series"].contains(&key)
    }

    fn feed(pages: usize, pretty: bool) -> String {
        let sep = if pretty { ",\n    " } else { "," };
        let page = |i: usize| {
            let points: Vec<String> = (1..=28)
                .map(|d| {
                    format!(
                        r#"{{"date":"2026-02-{d:02}","interactions":{},"followers":5}}"#,
                        i * d
                    )
                })
                .collect();
            format!(
                r#"{{"id":"p{i}","name":"Page {i}","series":[{}]}}"#,
                points.join(sep)
            )
        };
        let pages: Vec<String> = (0..pages).map(page).collect();
        format!(r#"{{"version":1,"pages":[{}]}}"#, pages.join(sep))
    }

    #[test]
    fn a_cut_falls_on_a_page_not_a_point() {
        for pretty in [false, true] {
            let text = feed(4_000, pretty);
            let cut = guess_cut(text.as_bytes(), page_key).expect("a cut");
            assert!(
                text[cut..].starts_with(r#"{"id":"p"#),
                "{}",
                &text[cut..cut + 40]
            );
            assert!(cut >= text.len() / 2);
        }
    }

    #[test]
    fn small_feeds_and_no_page_start_give_no_cut() {
        let text = feed(10, false);
        assert_eq!(guess_cut(text.as_bytes(), page_key), None);
        // Over the size, but `},{` is only ever followed by a point's keys.
        let points = format!(
            "[{}]",
            vec![r#"{"date":"2026-01-01","followers":1}"#; 160_000].join(",")
        );
        assert!(points.len() > MIN_SPLIT);
        assert_eq!(guess_cut(points.as_bytes(), page_key), None);
    }
}
