//! Plain decimal text for numbers the board writes into markup (SVG coordinates, CSS lengths)
//! or reads from attributes. Integer arithmetic only: it keeps the float formatting and parsing
//! machinery of `core` (~20 KB) out of the browser build.

/// `v` with at most `digits` fraction digits (≤ 6), trailing zeros trimmed: `12.5`, `-3`, `0.333`.
pub fn fixed(v: f64, digits: u32) -> String {
    if !v.is_finite() {
        return "0".into();
    }
    let scale = 10i64.pow(digits.min(6));
    let scaled = (v * scale as f64).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let abs = scaled.unsigned_abs();
    let (int, frac) = (abs / scale as u64, abs % scale as u64);
    if frac == 0 {
        return format!("{sign}{int}");
    }
    let mut frac = format!("{frac:0width$}", width = digits.min(6) as usize);
    while frac.ends_with('0') {
        frac.pop();
    }
    format!("{sign}{int}.{frac}")
}

/// Reads `digits[.digits]` (no sign, no exponent) as a number.
pub fn parse(text: &str) -> Option<f64> {
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text, None),
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 15 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || !frac.is_none_or(digits) {
        return None;
    }
    let frac = frac.unwrap_or("");
    let int: u64 = int.parse().ok()?;
    let frac_value = if frac.is_empty() {
        0.0
    } else {
        frac.parse::<u64>().ok()? as f64 / 10f64.powi(frac.len() as i32)
    };
    Some(int as f64 + frac_value)
}

/// Appends `v` as `width` hex digits (upper or lower case): a loop instead of `{:02X}`, whose
/// formatting machinery would be the element `.wasm`'s only use of it.
pub fn push_hex(out: &mut String, v: u32, width: usize, upper: bool) {
    let digits: &[u8; 16] = if upper {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    let mut n = 0;
    while n < 8 && (v >> (4 * n)) != 0 {
        n += 1;
    }
    for i in (0..n.max(width)).rev() {
        out.push(char::from(digits[((v >> (4 * i)) & 0xF) as usize]));
    }
}
#[cfg(test)]
mod tests {
    #[test]
    fn hex_digits_padded_to_width() {
        let hex = |v: u32, w: usize, upper: bool| {
            let mut s = String::new();
            super::push_hex(&mut s, v, w, upper);
            s
        };
        assert_eq!(hex(0x0a, 2, true), "0A");
        assert_eq!(hex(0xff, 2, false), "ff");
        assert_eq!(hex(0, 4, true), "0000");
        assert_eq!(hex(0x202e, 4, true), "202E");
        assert_eq!(hex(0x1f600, 4, true), "1F600");
    }

    use super::*;

    #[test]
    fn fixed_digits() {
        assert_eq!(fixed(12.5, 3), "12.5");
        assert_eq!(fixed(1.0 / 3.0 * 100.0, 3), "33.333");
        assert_eq!(fixed(-2.0, 3), "-2");
        assert_eq!(fixed(0.0004, 3), "0");
        assert_eq!(fixed(99.9996, 3), "100");
        assert_eq!(fixed(f64::NAN, 3), "0");
    }

    #[test]
    fn parsing() {
        assert_eq!(parse("60"), Some(60.0));
        assert_eq!(parse("0.25"), Some(0.25));
        for bad in ["", ".5", "5.", "-1", "1e3", "inf", " 1", "1.2.3"] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
