//! A small, strict JSON scanner (RFC 8259) for the feed reader: one pass over the bytes,
//! strings borrowed unless they hold escapes, numbers kept as their literal text, anything
//! not needed skipped without recursion (so nesting depth cannot exhaust the stack). Syntax
//! errors carry the byte offset; their wording follows serde_json's.

use std::borrow::Cow;

/// A JSON syntax error: where (byte offset) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Syntax {
    pub pos: usize,
    pub message: &'static str,
    /// The input ended: the error is placed on the last character, not after it.
    pub eof: bool,
}

/// What a scalar position held.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind<'a> {
    Str(Cow<'a, str>),
    Num,
    Bool,
    Null,
    Object,
    Array,
}

/// A value read where a scalar was expected: its kind and its literal text.
#[derive(Debug, Clone, PartialEq)]
pub struct Val<'a> {
    pub kind: Kind<'a>,
    pub raw: &'a str,
}

impl Val<'_> {
    pub fn is_null(&self) -> bool {
        self.kind == Kind::Null
    }
}

pub struct Lexer<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pub pos: usize,
}

#[derive(Clone, Copy)]
enum Container {
    Object,
    Array,
}

impl<'a> Lexer<'a> {
    pub fn new(text: &'a str) -> Self {
        Lexer {
            text,
            bytes: text.as_bytes(),
            pos: 0,
        }
    }

    /// The whole input, for fast paths that read ahead and then move `pos`.
    pub fn bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// `text[a..b]`. Offsets here always sit on ASCII delimiters, so this never comes back
    /// empty for a real range; it is `get`, not indexing, so the .wasm carries no
    /// "not a char boundary" panic (and the Unicode tables its message needs).
    #[inline(always)]
    fn slice(&self, a: usize, b: usize) -> &'a str {
        self.text.get(a..b).unwrap_or_default()
    }

    fn err(&self, message: &'static str) -> Syntax {
        Syntax {
            pos: self.pos,
            message,
            eof: false,
        }
    }

    fn eof(&self, what: &'static str) -> Syntax {
        Syntax {
            pos: self.bytes.len(),
            message: what,
            eof: true,
        }
    }

    pub fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    /// The next non-blank byte, not consumed.
    pub fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.bytes.get(self.pos).copied()
    }

    /// Consumes `{` or `[` (the caller has peeked it).
    pub fn open(&mut self) {
        self.pos += 1;
    }

    /// The end of input, after trailing blanks, or a "trailing characters" error.
    pub fn end(&mut self) -> Result<(), Syntax> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.err("trailing characters")),
        }
    }

    /// Inside an object: the next key (and its `:` consumed), or `None` at `}`.
    pub fn next_key(&mut self, first: &mut bool) -> Result<Option<Cow<'a, str>>, Syntax> {
        const EOF: &str = "EOF while parsing an object";
        match self.peek() {
            None => return Err(self.eof(EOF)),
            Some(b'}') if *first => {
                self.pos += 1;
                return Ok(None);
            }
            Some(b'"') if *first => {}
            Some(_) if *first => return Err(self.err("key must be a string")),
            Some(b'}') => {
                self.pos += 1;
                return Ok(None);
            }
            Some(b',') => {
                self.pos += 1;
                match self.peek() {
                    None => return Err(self.eof(EOF)),
                    Some(b'"') => {}
                    Some(b'}') => return Err(self.err("trailing comma")),
                    Some(_) => return Err(self.err("key must be a string")),
                }
            }
            Some(_) => return Err(self.err("expected `,` or `}`")),
        }
        *first = false;
        let key = self.string()?.0;
        match self.peek() {
            None => Err(self.eof(EOF)),
            Some(b':') => {
                self.pos += 1;
                Ok(Some(key))
            }
            Some(_) => Err(self.err("expected `:`")),
        }
    }

    /// Inside an array: `true` if another item follows, `false` at `]`.
    pub fn next_item(&mut self, first: &mut bool) -> Result<bool, Syntax> {
        const EOF: &str = "EOF while parsing a list";
        match self.peek() {
            None => Err(self.eof(EOF)),
            Some(b']') => {
                self.pos += 1;
                Ok(false)
            }
            Some(_) if *first => {
                *first = false;
                Ok(true)
            }
            Some(b',') => {
                self.pos += 1;
                match self.peek() {
                    None => Err(self.eof(EOF)),
                    Some(b']') => Err(self.err("trailing comma")),
                    Some(_) => Ok(true),
                }
            }
            Some(_) => Err(self.err("expected `,` or `]`")),
        }
    }

    /// A value where a scalar is expected; objects and arrays are skipped and reported as such.
    pub fn value(&mut self) -> Result<Val<'a>, Syntax> {
        let Some(b) = self.peek() else {
            return Err(self.eof("EOF while parsing a value"));
        };
        let start = self.pos;
        let kind = match b {
            b'"' => Kind::Str(self.string()?.0),
            b'{' | b'[' => {
                self.skip_value()?;
                if b == b'{' {
                    Kind::Object
                } else {
                    Kind::Array
                }
            }
            b'-' | b'0'..=b'9' => {
                self.number()?;
                Kind::Num
            }
            b't' | b'f' | b'n' => {
                if self.literal()? == "null" {
                    Kind::Null
                } else {
                    Kind::Bool
                }
            }
            _ => return Err(self.err("expected value")),
        };
        Ok(Val {
            kind,
            raw: self.slice(start, self.pos),
        })
    }

    /// Skips one value of any depth, iteratively.
    pub fn skip_value(&mut self) -> Result<(), Syntax> {
        let mut stack: Vec<(Container, bool)> = Vec::new();
        loop {
            match self.peek() {
                None => return Err(self.eof("EOF while parsing a value")),
                Some(b'{') => {
                    self.pos += 1;
                    stack.push((Container::Object, true));
                }
                Some(b'[') => {
                    self.pos += 1;
                    stack.push((Container::Array, true));
                }
                Some(b'"') => {
                    self.string()?;
                }
                Some(b'-' | b'0'..=b'9') => {
                    self.number()?;
                }
                Some(b't' | b'f' | b'n') => {
                    self.literal()?;
                }
                Some(_) => return Err(self.err("expected value")),
            }
            // Move to where the next value starts, closing finished containers.
            loop {
                let Some((kind, first)) = stack.last_mut() else {
                    return Ok(());
                };
                let more = match kind {
                    Container::Object => self.next_key(first)?.is_some(),
                    Container::Array => self.next_item(first)?,
                };
                if more {
                    break;
                }
                stack.pop();
            }
        }
    }

    /// A string at `pos` (on its opening quote): its value and its literal text.
    pub fn string(&mut self) -> Result<(Cow<'a, str>, &'a str), Syntax> {
        let start = self.pos;
        self.pos += 1;
        let content = self.pos;
        loop {
            match self.bytes.get(self.pos) {
                None => return Err(self.eof("EOF while parsing a string")),
                Some(b'"') => {
                    self.pos += 1;
                    let value = Cow::Borrowed(self.slice(content, self.pos - 1));
                    return Ok((value, self.slice(start, self.pos)));
                }
                Some(b'\\') => break,
                Some(0x00..=0x1f) => {
                    return Err(self
                        .err("control character (\\u0000-\\u001F) found while parsing a string"))
                }
                Some(_) => self.pos += 1,
            }
        }
        // Escapes: build the value.
        let mut out = String::from(self.slice(content, self.pos));
        loop {
            match self.bytes.get(self.pos) {
                None => return Err(self.eof("EOF while parsing a string")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok((Cow::Owned(out), self.slice(start, self.pos)));
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape(&mut out)?;
                }
                Some(0x00..=0x1f) => {
                    return Err(self
                        .err("control character (\\u0000-\\u001F) found while parsing a string"))
                }
                Some(_) => {
                    // Copy a run of plain characters (UTF-8 already checked, cut at ASCII only).
                    let run = self.pos;
                    while let Some(&b) = self.bytes.get(self.pos) {
                        if b == b'"' || b == b'\\' || b < 0x20 {
                            break;
                        }
                        self.pos += 1;
                    }
                    out.push_str(self.slice(run, self.pos));
                }
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), Syntax> {
        let Some(&c) = self.bytes.get(self.pos) else {
            return Err(self.eof("EOF while parsing a string"));
        };
        self.pos += 1;
        let ch = match c {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(out),
            _ => {
                self.pos -= 1;
                return Err(self.err("invalid escape"));
            }
        };
        out.push(ch);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, Syntax> {
        let mut v = 0;
        for _ in 0..4 {
            let Some(&b) = self.bytes.get(self.pos) else {
                return Err(self.eof("EOF while parsing a string"));
            };
            let d = (b as char)
                .to_digit(16)
                .ok_or_else(|| self.err("invalid escape"))?;
            v = v * 16 + d;
            self.pos += 1;
        }
        Ok(v)
    }

    fn unicode_escape(&mut self, out: &mut String) -> Result<(), Syntax> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if self.bytes.get(self.pos..self.pos + 2) != Some(b"\\u") {
                    return Err(self.err("lone leading surrogate in hex escape"));
                }
                self.pos += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.err("lone leading surrogate in hex escape"));
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.err("invalid unicode code point")),
            c => c,
        };
        out.push(char::from_u32(code).ok_or_else(|| self.err("invalid unicode code point"))?);
        Ok(())
    }

    /// A number at `pos`, checked against the JSON grammar.
    fn number(&mut self) -> Result<(), Syntax> {
        let digits = |l: &mut Self| {
            let s = l.pos;
            while l.bytes.get(l.pos).is_some_and(u8::is_ascii_digit) {
                l.pos += 1;
            }
            l.pos > s
        };
        if self.bytes.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        match self.bytes.get(self.pos) {
            Some(b'0') => {
                self.pos += 1;
                if self.bytes.get(self.pos).is_some_and(u8::is_ascii_digit) {
                    return Err(self.err("invalid number"));
                }
            }
            Some(b'1'..=b'9') => {
                digits(self);
            }
            None => return Err(self.eof("EOF while parsing a value")),
            Some(_) => return Err(self.err("invalid number")),
        }
        if self.bytes.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            if !digits(self) {
                return Err(self.err("invalid number"));
            }
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.pos) {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.pos) {
                self.pos += 1;
            }
            if !digits(self) {
                return Err(self.err("invalid number"));
            }
        }
        Ok(())
    }

    fn literal(&mut self) -> Result<&'static str, Syntax> {
        for word in ["true", "false", "null"] {
            if self.bytes[self.pos..].starts_with(word.as_bytes()) {
                self.pos += word.len();
                return Ok(word);
            }
        }
        if self.bytes[self.pos..].len() < 5
            && ["true", "false", "null"]
                .iter()
                .any(|w| w.as_bytes().starts_with(&self.bytes[self.pos..]))
        {
            return Err(self.eof("EOF while parsing a value"));
        }
        Err(self.err("expected ident"))
    }

    /// (line, column) of an error, both from 1, columns in characters.
    pub fn position(&self, e: &Syntax) -> (usize, usize) {
        let upto = self.slice(0, e.pos.min(self.text.len()));
        let line = 1 + upto.bytes().filter(|&b| b == b'\n').count();
        let line_start = upto.rfind('\n').map_or(0, |i| i + 1);
        let chars = upto.get(line_start..).unwrap_or_default().chars().count();
        (line, if e.eof { chars.max(1) } else { chars + 1 })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skip(text: &str) -> Result<usize, (usize, usize, &'static str)> {
        let mut l = Lexer::new(text);
        l.skip_value()
            .and_then(|()| l.end())
            .map(|()| l.pos)
            .map_err(|e| {
                let (line, col) = l.position(&e);
                (line, col, e.message)
            })
    }

    #[test]
    fn skips_valid_values_of_any_depth() {
        assert!(skip(r#"{"a":[1,-2.5e3,true,false,null,"x\"\u00e9\ud83d\ude00"],"b":{}}"#).is_ok());
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(skip(&deep).is_ok());
        assert!(skip(" [ ] ").is_ok());
    }

    #[test]
    fn syntax_errors_are_located() {
        assert_eq!(skip("[1,]"), Err((1, 4, "trailing comma")));
        assert_eq!(skip("{\"a\":1,}"), Err((1, 8, "trailing comma")));
        assert_eq!(skip("{\"a\" 1}"), Err((1, 6, "expected `:`")));
        assert_eq!(skip("{1:2}"), Err((1, 2, "key must be a string")));
        assert_eq!(skip("[1 2]"), Err((1, 4, "expected `,` or `]`")));
        assert_eq!(skip("[01]"), Err((1, 3, "invalid number")));
        assert_eq!(skip("[-]"), Err((1, 3, "invalid number")));
        assert_eq!(skip("[1.]"), Err((1, 4, "invalid number")));
        assert_eq!(skip("[tru]"), Err((1, 2, "expected ident")));
        assert_eq!(skip("\"a\\x\""), Err((1, 4, "invalid escape")));
        assert_eq!(
            skip("\"\\ud800\""),
            Err((1, 8, "lone leading surrogate in hex escape"))
        );
        assert_eq!(
            skip("\"a\u{1}\""),
            Err((
                1,
                3,
                "control character (\\u0000-\\u001F) found while parsing a string"
            ))
        );
        assert_eq!(skip("[1,\n  2"), Err((2, 3, "EOF while parsing a list")));
        assert_eq!(skip("  { "), Err((1, 4, "EOF while parsing an object")));
        assert_eq!(skip("[] x"), Err((1, 4, "trailing characters")));
    }

    #[test]
    fn strings_borrow_unless_escaped() {
        let mut l = Lexer::new("\"plain\"");
        assert!(matches!(
            l.string(),
            Ok((Cow::Borrowed("plain"), "\"plain\""))
        ));
        let mut l = Lexer::new(r#""a\nb\u0041\ud83d\ude00""#);
        assert_eq!(
            l.string().map(|s| s.0.into_owned()),
            Ok("a\nbA😀".to_string())
        );
    }
}
