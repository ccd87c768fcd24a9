//! The fast path for the feed's most numerous values, the series points: a point written the
//! plain way (known keys once each, no escapes, counts as plain digits, no nulls) is read
//! straight from the bytes, with no per-field calls, paths or messages. Anything else returns
//! `None` and the general reader (json.rs) reads the same bytes again and reports what is
//! wrong, so both paths accept and reject exactly the same points.

use super::check::MAX_SAFE_INTEGER;
use super::Point;
use crate::date::DateReader;

/// Reads the point object starting at `at` (its `{`); the point and the offset after its `}`.
pub fn read(b: &[u8], at: usize, dates: &mut DateReader) -> Option<(Point, usize)> {
    let mut i = at + 1;
    let (mut date, mut interactions, mut posts, mut followers) = (None, None, None, None);
    loop {
        i = blank(b, i);
        if *b.get(i)? != b'"' {
            return None;
        }
        let (key, after) = key(b.get(i + 1..)?)?;
        i = blank(b, i + 1 + after);
        if *b.get(i)? != b':' {
            return None;
        }
        i = blank(b, i + 1);
        let end = if key == Key::Date {
            // Exactly "YYYY-MM-DD": a repeated key or an invalid date goes the slow way.
            let text = b.get(i..i + 12)?;
            if date.is_some() || text[0] != b'"' || text[11] != b'"' {
                return None;
            }
            date = Some(dates.parse(&text[1..11])?);
            i + 12
        } else {
            let slot = match key {
                Key::Interactions => &mut interactions,
                Key::Posts => &mut posts,
                _ => &mut followers,
            };
            let (value, end) = count(b, i)?;
            if slot.replace(value).is_some() {
                return None;
            }
            end
        };
        i = next(b, end)?;
        if b[i] == b'}' {
            break;
        }
        i += 1;
    }
    Some((Point::new(date?, interactions?, posts, followers), i + 1))
}

#[derive(PartialEq)]
enum Key {
    Date,
    Interactions,
    Posts,
    Followers,
}

/// The point key `rest` starts with (after its opening quote), and the length of the key with
/// its closing quote; `None` for any other key. Each known key is compared whole, quote
/// included, rather than scanning for the quote first: that byte-at-a-time scan was the
/// hottest loop of a large feed's read (~17 % of it, `perf annotate`).
#[inline(always)]
fn key(rest: &[u8]) -> Option<(Key, usize)> {
    let known: [(&[u8], Key); 4] = [
        (b"date\"", Key::Date),
        (b"interactions\"", Key::Interactions),
        (b"posts\"", Key::Posts),
        (b"followers\"", Key::Followers),
    ];
    known
        .into_iter()
        .find(|(k, _)| rest.starts_with(k))
        .map(|(k, key)| (key, k.len()))
}

/// After a value: the offset of the `,` or `}` that follows (blanks skipped).
#[inline(always)]
fn next(b: &[u8], i: usize) -> Option<usize> {
    let i = blank(b, i);
    matches!(b.get(i), Some(b',' | b'}')).then_some(i)
}

#[inline(always)]
fn blank(b: &[u8], mut i: usize) -> usize {
    // Compact feeds have no blanks: one comparison says so (every blank is below b'!').
    if b.get(i).is_some_and(|&c| c > b' ') {
        return i;
    }
    while let Some(b' ' | b'\t' | b'\n' | b'\r') = b.get(i) {
        i += 1;
    }
    i
}

/// A count as JSON writes it and SPEC §1 allows: digits only, no leading zero, at most 2^53-1.
#[inline(always)]
fn count(b: &[u8], start: usize) -> Option<(u64, usize)> {
    let mut i = start;
    let mut v: u64 = 0;
    while let Some(&c) = b.get(i) {
        if !c.is_ascii_digit() {
            break;
        }
        // 16 digits cannot overflow u64; longer numbers go the slow way.
        if i - start == 16 {
            return None;
        }
        v = v * 10 + u64::from(c - b'0');
        i += 1;
    }
    let digits = i - start;
    let plain = digits > 0 && (digits == 1 || b[start] != b'0');
    // A fraction or exponent after the digits makes it a non-integer: the slow path says so.
    let continues = matches!(b.get(i), Some(b'.' | b'e' | b'E'));
    (plain && !continues && v <= MAX_SAFE_INTEGER).then_some((v, i))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;

    fn point(text: &str) -> Option<Point> {
        read(text.as_bytes(), 0, &mut DateReader::default()).map(|(p, end)| {
            assert_eq!(end, text.len());
            p
        })
    }

    #[test]
    fn reads_plain_points() {
        let p = point(r#"{"date":"2026-11-28","interactions":24374000,"posts":3,"followers":0}"#);
        assert_eq!(
            p,
            Some(Point::new(
                Date::parse("2026-11-28").unwrap(),
                24_374_000,
                Some(3),
                Some(0)
            ))
        );
        let p = point("{ \"interactions\" : 9007199254740991 ,\n \"date\": \"2024-02-29\" }");
        assert_eq!(p.map(|p| p.interactions), Some(9_007_199_254_740_991));
    }

    #[test]
    fn leaves_everything_else_to_the_general_reader() {
        for text in [
            r#"{"date":"2026-11-28"}"#,
            r#"{"date":"2026-02-30","interactions":1}"#,
            r#"{"date":"2026-11-28","interactions":9007199254740992}"#,
            r#"{"date":"2026-11-28","interactions":12345678901234567}"#,
            r#"{"date":"2026-11-28","interactions":01}"#,
            r#"{"date":"2026-11-28","interactions":1.0}"#,
            r#"{"date":"2026-11-28","interactions":1e3}"#,
            r#"{"date":"2026-11-28","interactions":-1}"#,
            r#"{"date":"2026-11-28","interactions":1,"posts":null}"#,
            r#"{"date":"2026-11-28","interactions":1,"interactions":2}"#,
            r#"{"date":"2026-11-28","date":"2026-11-27","interactions":1}"#,
            r#"{"date":"2026-11-28","interactions":1,"note":"x"}"#,
            r#"{"d\u0061te":"2026-11-28","interactions":1}"#,
            r#"{"dates":"2026-11-28","date":"2026-11-28","interactions":1}"#,
            r#"{"date":"2026-11-28","interactions":1,"post":1}"#,
            r#"{"date":"2026-11-28","interactions":1,"followerss":1}"#,
            r#"{"date":"2026-11-28","interactions":1,"":1}"#,
            r#"{"date":"2026-11-28","interactions":1,}"#,
            r#"{"date":"2026-11-28","interactions":1"#,
            r#"{}"#,
            r#"{"date":"2026-11-28" "interactions":1}"#,
        ] {
            assert_eq!(point(text), None, "{text}");
        }
    }

    /// Whatever the fast path accepts, a general JSON parser reads as the same point.
    #[cfg(not(target_arch = "wasm32"))]
    mod agrees_with_serde {
        use super::*;
        use proptest::prelude::*;

        const KEYS: [&str; 8] = [
            "date",
            "interactions",
            "posts",
            "followers",
            "other",
            "dat\\u0065",
            "post",
            "dates",
        ];
        const VALUES: [&str; 17] = [
            "\"2026-11-28\"",
            "\"2024-02-29\"",
            "\"2026-02-30\"",
            "\"2026-1-28\"",
            "0",
            "7",
            "01",
            "24374000",
            "9007199254740991",
            "9007199254740992",
            "12345678901234567",
            "1.5",
            "1e3",
            "-1",
            "null",
            "true",
            "\"5\"",
        ];

        fn piece(key: &str, value: &str, ws: &str) -> String {
            format!("{ws}\"{key}\"{ws}:{ws}{value}{ws}")
        }

        /// A valid date and count (so many cases are accepted), then anything, shuffled.
        fn pieces() -> impl Strategy<Value = Vec<String>> {
            let ws = || prop::sample::select(vec!["", " ", "\n\t"]);
            let any = (
                prop::sample::select(KEYS.to_vec()),
                prop::sample::select(VALUES.to_vec()),
                ws(),
            )
                .prop_map(|(k, v, w)| piece(k, v, w));
            (ws(), prop::collection::vec(any, 0..4))
                .prop_map(move |(w, mut rest)| {
                    rest.push(piece("date", "\"2026-11-28\"", w));
                    rest.push(piece("interactions", "24374000", w));
                    rest
                })
                .prop_shuffle()
        }

        proptest! {
            #![proptest_config(crate::proptest_config("tests/regressions/json_point.txt"))]
            #[test]
            fn accepted_points_read_the_same(pieces in pieces()) {
                let text = format!("{{{}}}", pieces.join(","));
                if let Some((p, end)) = read(text.as_bytes(), 0, &mut DateReader::default()) {
                    prop_assert_eq!(end, text.len());
                    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
                    let o = v.as_object().unwrap();
                    prop_assert_eq!(o.len(), pieces.len(), "no repeated keys");
                    let date = o["date"].as_str().and_then(Date::parse);
                    prop_assert_eq!(Some(p.date), date);
                    let n = |k: &str| o.get(k).map(|v| v.as_u64().filter(|&n| n <= MAX_SAFE_INTEGER));
                    prop_assert_eq!(Some(Some(p.interactions)), n("interactions"));
                    prop_assert_eq!(p.posts().map(Some), n("posts"));
                    prop_assert_eq!(p.followers().map(Some), n("followers"));
                    prop_assert!(o.keys().all(|k| ["date", "interactions", "posts", "followers"].contains(&k.as_str())));
                }
            }
        }
    }
}
