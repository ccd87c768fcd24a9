//! `gov-leaderboard import` (SPEC §5): analytics exports (CrowdTangle, Meta Content Library,
//! any CSV through `--map`) turned into one point per page per day, merged into a feed.
//! Native only (the CLI's): it uses `csv`, `jiff` and `serde_json`, none of which reach the
//! browser build.

mod map;
mod merge;
mod pages;
mod read;
mod split;
pub mod values;

pub use map::ColumnMap;
pub use merge::{overlay, Summary};
pub use pages::PageFields;
pub use read::{Format, Sums};
pub use split::Source;

use crate::feed::{self, FeedError, Problems};
use jiff::tz::TimeZone;
use std::io::Read;

/// What `--from`, `--map` and `--tz` say.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub format: Format,
    pub map: Option<ColumnMap>,
    pub tz: TimeZone,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            format: Format::Auto,
            map: None,
            tz: TimeZone::UTC,
        }
    }
}

/// One named input (an export or the PAGES file).
pub struct Input<'a> {
    pub name: String,
    pub reader: Box<dyn Read + 'a>,
    /// The same bytes again from any offset (a file, bytes in memory): a large export is then
    /// read in two halves at once (split.rs). `None` for a stream such as standard input.
    pub again: Option<Box<dyn Source + 'a>>,
}

impl<'a> Input<'a> {
    /// A stream, read once from start to end.
    pub fn new(name: impl Into<String>, reader: impl Read + 'a) -> Self {
        Input {
            name: name.into(),
            reader: Box::new(reader),
            again: None,
        }
    }

    /// An open file: read from its start, and again from any offset through a second handle
    /// (positional reads, which leave the first handle's offset alone).
    #[cfg(unix)]
    pub fn file(name: impl Into<String>, file: std::fs::File) -> Self {
        let again = file
            .try_clone()
            .ok()
            .map(|f| Box::new(f) as Box<dyn Source>);
        Input {
            again,
            ..Input::new(name, file)
        }
    }
}

/// Reads every export in order (a later export's page-day replaces an earlier one's, as if
/// each were imported `--into` the feed in turn) and the PAGES file; every bad row of every
/// file is reported, at most 1,000 listed.
pub fn read(
    exports: Vec<Input<'_>>,
    pages: Option<Input<'_>>,
    opts: &ImportOptions,
) -> Result<(Sums, PageFields), FeedError> {
    let mut problems = Problems::default();
    let mut all = Sums::default();
    for input in exports {
        let sums = read::read_export(
            &input.name,
            input.reader,
            input.again.as_deref(),
            opts.format,
            opts.map.as_ref(),
            &opts.tz,
            &mut problems,
        );
        if let Some(sums) = sums {
            overlay(&mut all, sums);
        }
    }
    let fields = match pages {
        Some(p) => pages::read_pages(&p.name, p.reader, &mut problems),
        None => PageFields::new(),
    };
    problems.into_result((all, fields))
}

/// Merges into `existing` (a JSON feed's bytes, or `None` to start a new feed) and returns the
/// new feed's JSON text, checked against every rule of SPEC §1 before it is returned.
pub fn merge_into(
    existing: Option<&[u8]>,
    sums: &Sums,
    pages: &PageFields,
) -> Result<(String, Summary), FeedError> {
    let value = match existing {
        None => None,
        Some(bytes) => {
            feed::parse(bytes)?;
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            if bytes.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
                return Err(FeedError::one(
                    "feed",
                    "--into needs a JSON feed (this one is CSV): convert it, or import into a new file",
                ));
            }
            Some(
                serde_json::from_slice(bytes)
                    .map_err(|e| FeedError::one("feed", format!("invalid JSON: {e}")))?,
            )
        }
    };
    let (value, summary) = merge::merge(value, sums, pages);
    let text = value.to_string() + "\n";
    if let Err(e) = feed::parse(text.as_bytes()) {
        let mut problems = e.problems;
        for p in &mut problems {
            p.message = format!("{} (in the merged feed)", p.message);
        }
        return Err(FeedError { problems });
    }
    Ok((text, summary))
}
