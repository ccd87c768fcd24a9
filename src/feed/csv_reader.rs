//! A small RFC 4180 reader: quoted fields (with `""` for a quote and line breaks inside),
//! LF or CRLF line ends, blank lines skipped. Each record carries the line it starts on, for
//! error messages. (Hand-written instead of the `csv` crate: it is all the feed needs, and
//! it keeps the browser build ~15 KB smaller.)

/// One record: the line it starts on and its fields.
#[derive(Debug, PartialEq, Eq)]
pub struct Record<'a> {
    pub line: u64,
    pub fields: Vec<std::borrow::Cow<'a, str>>,
}

/// A malformed record: the line and what is wrong.
#[derive(Debug, PartialEq, Eq)]
pub struct Malformed {
    pub line: u64,
    pub message: String,
}

/// Iterates over the records of `text`.
pub struct Records<'a> {
    text: &'a str,
    pos: usize,
    line: u64,
}

impl<'a> Records<'a> {
    pub fn new(text: &'a str) -> Self {
        Records {
            text,
            pos: 0,
            line: 1,
        }
    }

    /// `text[a..b]` without a panic path: offsets here sit on ASCII delimiters (see
    /// json_lexer.rs, which does the same).
    fn slice(&self, a: usize, b: usize) -> &'a str {
        self.text.get(a..b).unwrap_or_default()
    }

    /// Reads one field starting at `pos`; returns it and whether the record ended after it.
    fn field(&mut self) -> Result<(std::borrow::Cow<'a, str>, bool), Malformed> {
        let bytes = self.text.as_bytes();
        if bytes.get(self.pos) == Some(&b'"') {
            return self.quoted();
        }
        let start = self.pos;
        while let Some(&b) = bytes.get(self.pos) {
            match b {
                b',' => {
                    self.pos += 1;
                    return Ok((self.slice(start, self.pos - 1).into(), false));
                }
                b'\n' | b'\r' => {
                    let field = self.slice(start, self.pos);
                    self.end_of_line();
                    return Ok((field.into(), true));
                }
                _ => self.pos += 1,
            }
        }
        Ok((self.slice(start, self.text.len()).into(), true))
    }

    fn quoted(&mut self) -> Result<(std::borrow::Cow<'a, str>, bool), Malformed> {
        let bytes = self.text.as_bytes();
        let opened = self.line;
        self.pos += 1;
        let mut value = String::new();
        let mut start = self.pos;
        loop {
            match bytes.get(self.pos) {
                None => {
                    return Err(Malformed {
                        line: opened,
                        message: "a quoted field is never closed".into(),
                    })
                }
                Some(b'"') if bytes.get(self.pos + 1) == Some(&b'"') => {
                    value.push_str(self.slice(start, self.pos + 1));
                    self.pos += 2;
                    start = self.pos;
                }
                Some(b'"') => {
                    value.push_str(self.slice(start, self.pos));
                    self.pos += 1;
                    return match bytes.get(self.pos) {
                        None => Ok((value.into(), true)),
                        Some(b',') => {
                            self.pos += 1;
                            Ok((value.into(), false))
                        }
                        Some(b'\n' | b'\r') => {
                            self.end_of_line();
                            Ok((value.into(), true))
                        }
                        Some(_) => Err(Malformed {
                            line: self.line,
                            message: "unexpected text after a closing quote (write a quote inside a quoted field as \"\")".into(),
                        }),
                    };
                }
                Some(b'\n') => {
                    self.line += 1;
                    self.pos += 1;
                }
                Some(_) => self.pos += 1,
            }
        }
    }

    /// Steps over `\n`, `\r\n` or a lone `\r`.
    fn end_of_line(&mut self) {
        let bytes = self.text.as_bytes();
        if bytes.get(self.pos) == Some(&b'\r') {
            self.pos += 1;
        }
        if bytes.get(self.pos) == Some(&b'\n') {
            self.pos += 1;
        }
        self.line += 1;
    }

    /// Skips blank lines before a record.
    fn skip_blank_lines(&mut self) {
        while matches!(self.text.as_bytes().get(self.pos), Some(b'\n' | b'\r')) {
            self.end_of_line();
        }
    }

    /// Moves past the rest of a malformed record.
    fn skip_line(&mut self) {
        while let Some(&b) = self.text.as_bytes().get(self.pos) {
            if b == b'\n' || b == b'\r' {
                self.end_of_line();
                return;
            }
            self.pos += 1;
        }
    }
}

impl<'a> Iterator for Records<'a> {
    type Item = Result<Record<'a>, Malformed>;

    fn next(&mut self) -> Option<Self::Item> {
        self.skip_blank_lines();
        if self.pos >= self.text.len() {
            return None;
        }
        let line = self.line;
        let mut fields = Vec::new();
        loop {
            match self.field() {
                Ok((field, end)) => {
                    fields.push(field);
                    if end {
                        return Some(Ok(Record { line, fields }));
                    }
                }
                Err(e) => {
                    self.skip_line();
                    return Some(Err(e));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Row = Result<(u64, Vec<String>), (u64, String)>;

    fn read(text: &str) -> Vec<Row> {
        Records::new(text)
            .map(|r| match r {
                Ok(r) => Ok((
                    r.line,
                    r.fields.into_iter().map(|f| f.into_owned()).collect(),
                )),
                Err(e) => Err((e.line, e.message)),
            })
            .collect()
    }

    #[test]
    fn plain_quoted_and_line_ends() {
        let text = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\n\n\"multi\nline\",2,3\nlast,,";
        assert_eq!(
            read(text),
            vec![
                Ok((1, vec!["a".into(), "b".into(), "c".into()])),
                Ok((2, vec!["x, y".into(), "say \"hi\"".into(), "".into()])),
                Ok((4, vec!["multi\nline".into(), "2".into(), "3".into()])),
                Ok((6, vec!["last".into(), "".into(), "".into()])),
            ]
        );
    }

    #[test]
    fn malformed_quotes_are_located() {
        assert_eq!(
            read("a\n\"open\nstill"),
            vec![
                Ok((1, vec!["a".into()])),
                Err((2, "a quoted field is never closed".into()))
            ]
        );
        let r = read("\"a\"b,c\nd\n");
        assert!(matches!(&r[0], Err((1, _))));
        assert_eq!(r[1], Ok((2, vec!["d".into()])));
    }

    #[test]
    fn empty_input_has_no_records() {
        assert!(read("").is_empty());
        assert!(read("\r\n\n").is_empty());
    }
}
