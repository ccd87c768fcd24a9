//! Writing rankings as JSON: the exact text `gov-leaderboard rank` prints and the npm `rank`
//! returns (through JSON.parse). Hand-written for a handful of shapes, so the browser build
//! needs no serialization framework; numbers are shortest round-trip (zmij, as serde_json).

use crate::rank::{Ranking, Row, Value};
use std::fmt::Write;

impl Ranking {
    /// `{"as_of":…,"metric":…,"window":…,"ties":…,"rows":[…],"unranked":[…]}`
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(128 + self.rows.len() * 96);
        out.push_str("{\"as_of\":");
        match self.as_of {
            Some(d) => string(&mut out, &d.to_string()),
            None => out.push_str("null"),
        }
        out.push_str(",\"metric\":");
        string(&mut out, self.metric.as_str());
        out.push_str(",\"window\":");
        string(&mut out, &self.window.to_string());
        out.push_str(",\"ties\":");
        string(&mut out, self.ties.as_str());
        out.push_str(",\"rows\":");
        rows(&mut out, &self.rows);
        out.push_str(",\"unranked\":[");
        for (i, id) in self.unranked.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            string(&mut out, id);
        }
        out.push_str("]}");
        out
    }
}

fn rows(out: &mut String, list: &[Row]) {
    out.push('[');
    for (i, r) in list.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(out, "{{\"rank\":{},\"id\":", r.rank);
        string(out, &r.id);
        out.push_str(",\"name\":");
        string(out, &r.name);
        out.push_str(",\"value\":");
        out.push_str(&value_json(r.value));
        out.push_str(",\"previous_rank\":");
        optional(out, r.previous_rank.map(i64::from));
        out.push_str(",\"delta\":");
        optional(out, r.delta);
        out.push('}');
    }
    out.push(']');
}

/// A value as JSON writes it: an integer, or the shortest text that reads back as the same
/// double (`1.3213333333333332`, `2.0`).
pub fn value_json(v: Value) -> String {
    match v {
        Value::Count(n) => n.to_string(),
        Value::Ratio(r) if r.is_finite() => zmij::Buffer::new().format_finite(r).to_string(),
        Value::Ratio(_) => "null".into(),
    }
}

fn optional(out: &mut String, v: Option<i64>) {
    match v {
        Some(n) => {
            let _ = write!(out, "{n}");
        }
        None => out.push_str("null"),
    }
}

/// A JSON string: quotes, backslashes and control characters escaped, the rest as is.
fn string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_and_numbers() {
        let mut s = String::new();
        string(&mut s, "a\"b\\c\n\u{1}وزارة");
        assert_eq!(s, r#""a\"b\\c\n\u0001وزارة""#);
        assert_eq!(value_json(Value::Ratio(2.0)), "2.0");
        assert_eq!(value_json(Value::Ratio(1.0 / 3.0)), "0.3333333333333333");
        assert_eq!(value_json(Value::Count(26_000_000)), "26000000");
    }
}
