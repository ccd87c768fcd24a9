//! A large export read in two halves at once: the rows after a cut near the middle are read
//! on another core while this one reads up to it (read.rs `read_records`). A 1 GB
//! CrowdTangle-shaped export, whole process: 2.3–2.9 s → 1.6–1.8 s on 2 cores, the same feed.
//!
//! The cut is a guess, a line start past the middle where whole records seem to begin, and a
//! line start may still be inside a quoted message. So the second half is used only if this
//! thread's reader arrives at a record that starts exactly at the cut (then the cut is a
//! record boundary, and reading on from it is what the other thread did), and only if that
//! half had no problem, since its problems would name lines counted from the cut. In any
//! other case this thread reads on as if there had been no other, and what an export yields
//! (its sums, its problems, their lines) is the same either way.

use std::io::Read;

/// Below this many bytes one thread reads it all. 16 MiB is ~40 ms of work at one thread's
/// pace; the threshold itself is not measured (the 22 MB feed's reader splits from 5 MiB,
/// json_split.rs), only kept well above a second thread's start (0.2–4 ms on this VM).
pub(super) const MIN_SPLIT: u64 = 16 << 20;

/// How far past the middle to look for a line start before giving up.
const SEARCH: usize = 1 << 20;

/// An export that can be read again from any byte offset: a file, or bytes in memory.
pub trait Source: Sync {
    /// How many bytes it has.
    fn size(&self) -> u64;
    /// The bytes from `offset` to the end.
    fn from(&self, offset: u64) -> std::io::Result<Box<dyn Read + Send + '_>>;

    /// Where a second thread should start reading it, if anywhere: with another core, in an
    /// export of `MIN_SPLIT` bytes or more, where [`guess_cut`] says (records of `fields`
    /// fields).
    fn cut(&self, fields: usize) -> Option<u64> {
        std::thread::available_parallelism()
            .is_ok_and(|n| n.get() > 1)
            .then(|| guess_cut(self, fields, MIN_SPLIT))
            .flatten()
    }
}

impl Source for &[u8] {
    fn size(&self) -> u64 {
        self.len() as u64
    }

    fn from(&self, offset: u64) -> std::io::Result<Box<dyn Read + Send + '_>> {
        let at = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(<[u8]>::len(self));
        Ok(Box::new(&self[at..]))
    }
}

/// A file read at its own offset (`pread`), so the thread reading the file's first half,
/// through the descriptor's shared offset, is not disturbed.
#[cfg(unix)]
impl Source for std::fs::File {
    fn size(&self) -> u64 {
        self.metadata().map_or(0, |m| m.len())
    }

    fn from(&self, offset: u64) -> std::io::Result<Box<dyn Read + Send + '_>> {
        struct At<'f> {
            file: &'f std::fs::File,
            pos: u64,
        }
        impl Read for At<'_> {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                let n = std::os::unix::fs::FileExt::read_at(self.file, buf, self.pos)?;
                self.pos += n as u64;
                Ok(n)
            }
        }
        Ok(Box::new(At {
            file: self,
            pos: offset,
        }))
    }
}

/// The first line start past the middle of `source` where three whole records of `fields`
/// fields begin (a line start inside a quoted message rarely reads so), if `source` has `min`
/// bytes or more. Never one that begins with a byte-order mark, which the CSV reader would
/// take for the start of a file.
pub(super) fn guess_cut<S: Source + ?Sized>(source: &S, fields: usize, min: u64) -> Option<u64> {
    let len = source.size();
    if len < min || len < 2 {
        return None;
    }
    let mid = len / 2;
    let mut window = Vec::with_capacity(SEARCH);
    source
        .from(mid)
        .ok()?
        .take(SEARCH as u64)
        .read_to_end(&mut window)
        .ok()?;
    let mut at = 0;
    while let Some(newline) = window[at..].iter().position(|&b| b == b'\n') {
        at += newline + 1;
        let rest = &window[at..];
        if !rest.starts_with(b"\xEF\xBB\xBF") && records_start(rest, fields) {
            return Some(mid + at as u64);
        }
    }
    None
}

/// Whether `bytes` start with three whole records of `fields` fields each.
fn records_start(bytes: &[u8], fields: usize) -> bool {
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut record = csv::ByteRecord::new();
    for _ in 0..3 {
        match csv.read_byte_record(&mut record) {
            Ok(true) if record.len() == fields => {}
            _ => return false,
        }
    }
    // The third record ended before the window did (it was not cut short).
    csv.position().byte() < bytes.len() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The guess skips line starts inside a quoted message and finds where records begin.
    #[test]
    fn the_cut_is_guessed_where_whole_records_begin() {
        let mut text = String::from("page,name,day,value,fol,note\n");
        for i in 0..40 {
            text.push_str(&format!(
                "p{i},N,2026-01-01,{i},,\"one\ntwo,three\nfour\"\n"
            ));
        }
        let bytes = text.as_bytes();
        let cut = guess_cut(&bytes, 6, 0).expect("a cut") as usize;
        assert!(cut >= text.len() / 2);
        assert!(text[cut..].starts_with('p'), "{:?}", &text[cut..cut + 20]);
        assert_eq!(text.as_bytes()[cut - 2], b'"');
        assert_eq!(guess_cut(&bytes, 6, text.len() as u64 + 1), None);
        assert_eq!(guess_cut(&bytes, 7, 0), None, "no records of 7 fields");
    }

    /// A file read again from an offset gives the bytes from there, and the first handle reads
    /// on from its own offset as if nothing else had read the file.
    #[cfg(unix)]
    #[test]
    fn a_file_is_read_again_without_moving_the_first_reader() {
        let path = std::env::temp_dir().join(format!("gl-split-{}.csv", std::process::id()));
        std::fs::write(&path, b"0123456789abcdef").expect("write");
        let mut first = std::fs::File::open(&path).expect("open");
        let again = first.try_clone().expect("clone");
        let mut head = [0u8; 4];
        first.read_exact(&mut head).expect("head");
        let mut rest = String::new();
        Source::from(&again, 10)
            .expect("from")
            .read_to_string(&mut rest)
            .expect("rest");
        assert_eq!(
            (&head, rest.as_str(), again.size()),
            (b"0123", "abcdef", 16)
        );
        let mut next = String::new();
        first.read_to_string(&mut next).expect("next");
        assert_eq!(next, "456789abcdef");
        let _ = std::fs::remove_file(path);
    }
}
