//! Reads one export, row by row, into per-page, per-day sums (SPEC §5). Memory grows with
//! pages × days, never with rows: a 1 GB CrowdTangle export streams through one reused record.
//! The `csv` crate reads the records (RFC 4180, quoted line breaks, byte offsets and lines for
//! every record); natively its size does not matter, and it is faster than the feed's own
//! reader on exports' long quoted messages.

use super::map::{ColumnMap, Posts, Source as MapSource};
use super::split::Source;
use super::values;
use crate::date::Date;
use crate::feed::check;
use crate::feed::Problems;
use jiff::tz::TimeZone;
use std::collections::{btree_map::Entry, BTreeMap, HashMap};
use std::io::Read;
use std::sync::atomic::{AtomicBool, Ordering};

/// The export formats of SPEC §5.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Auto,
    CrowdTangle,
    MetaContentLibrary,
    Columns,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        Ok(match s {
            "auto" => Format::Auto,
            "crowdtangle" => Format::CrowdTangle,
            "meta-content-library" => Format::MetaContentLibrary,
            "columns" => Format::Columns,
            _ => {
                return Err(format!(
                "unknown export format {s:?} (auto, crowdtangle, meta-content-library or columns)"
            ))
            }
        })
    }
}

/// One page's sums from one or more exports.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PageSums {
    pub name: String,
    pub country: Option<String>,
    pub platform: Option<String>,
    pub category: Option<String>,
    pub days: BTreeMap<Date, DaySums>,
}

/// One page-day.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DaySums {
    pub interactions: u64,
    pub posts: Option<u64>,
    pub followers: Option<u64>,
    /// Which row's followers count: the day's latest post (its time texts, then its line).
    latest: (String, String, u64),
}

/// What one export holds, by page id.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sums {
    pub pages: HashMap<String, PageSums>,
    pub rows: u64,
}

/// How a row becomes a page-day: column indices resolved from the header.
struct Plan {
    id: Cell,
    name: Cell,
    country: Option<Cell>,
    platform: Option<Cell>,
    category: Option<Cell>,
    date: DateRule,
    /// Orders the day's posts for "the latest post's followers".
    order: Vec<usize>,
    interactions: Vec<usize>,
    posts: PostCount,
    /// The first non-empty of these gives the row's followers.
    followers: Vec<usize>,
}

enum Cell {
    Column(usize),
    Literal(String),
}

enum DateRule {
    /// A CrowdTangle day: the `YYYY-MM-DD` at the start of the cell, as the dashboard wrote it.
    DatePart(usize),
    /// Any date form, its day taken in ZONE.
    InZone(Cell),
}

enum PostCount {
    None,
    Rows,
    Column(usize),
}

/// Reads `reader` (the export `file`) into sums; every bad row is reported in `problems`.
/// `None` when the header itself is unusable. A large export that can be read `again` from an
/// offset is read in two halves at once (split.rs).
pub fn read_export(
    file: &str,
    reader: impl Read,
    again: Option<&dyn Source>,
    format: Format,
    map: Option<&ColumnMap>,
    tz: &TimeZone,
    problems: &mut Problems,
) -> Option<Sums> {
    let mut csv = csv_reader(reader);
    let mut record = csv::ByteRecord::new();
    let header = match csv.read_byte_record(&mut record) {
        Ok(true) => header_names(&record),
        Ok(false) => {
            problems.push(
                format!("{file}: line 1"),
                "the export is empty (no header row)",
            );
            return None;
        }
        Err(e) => {
            problems.push(format!("{file}: line 1"), csv_error(&e));
            return None;
        }
    };
    let plan = plan(file, &header, format, map, problems)?;
    let ctx = Rows {
        file,
        header: &header,
        plan: &plan,
        tz,
    };
    let ahead = again.and_then(|a| a.cut(header.len()).map(|at| (a, at)));
    Some(read_records(&mut csv, &ctx, ahead, problems))
}

fn csv_reader<R: Read>(reader: R) -> csv::Reader<R> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(1 << 20)
        .from_reader(reader)
}

/// What every row of one export is read with.
struct Rows<'a> {
    file: &'a str,
    header: &'a [String],
    plan: &'a Plan,
    tz: &'a TimeZone,
}

/// The records after the header. With `ahead` (an export to read again, and a cut), the rows
/// from the cut on are read on another thread meanwhile, and taken if this reader arrives at
/// a record starting exactly there (split.rs says why that is the same as reading on).
fn read_records<R: Read>(
    csv: &mut csv::Reader<R>,
    rows: &Rows<'_>,
    ahead: Option<(&dyn Source, u64)>,
    problems: &mut Problems,
) -> Sums {
    // Set when this reader passes the cut without arriving at it: the other stops early.
    let unwanted = AtomicBool::new(false);
    std::thread::scope(|scope| {
        // A thread that cannot be started (a process at its limit) is no reason to fail.
        let mut ahead = ahead.and_then(|(source, cut)| {
            let unwanted = &unwanted;
            let later = std::thread::Builder::new()
                .spawn_scoped(scope, move || read_from_cut(source, cut, rows, unwanted))
                .ok()?;
            Some((cut, later))
        });
        let mut sums = Sums::default();
        let mut record = csv::ByteRecord::new();
        loop {
            match csv.read_byte_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line());
                    problems.push(format!("{}: line {line}", rows.file), csv_error(&e));
                    // A broken record stops the reader where it cannot resynchronise.
                    if !matches!(e.kind(), csv::ErrorKind::Utf8 { .. }) {
                        break;
                    }
                    continue;
                }
            }
            let at = record.position().map_or((0, 0), |p| (p.byte(), p.line()));
            if let Some((cut, later)) = ahead.take_if(|(cut, _)| at.0 >= *cut) {
                if at.0 > cut {
                    unwanted.store(true, Ordering::Relaxed);
                } else if let Some(later) = later.join().ok().flatten() {
                    #[cfg(test)]
                    tests::TAKEN.with(|t| t.set(t.get() + 1));
                    append(&mut sums, later, at.1.saturating_sub(1));
                    return sums;
                }
            }
            take(&mut sums, &record, rows, problems);
        }
        // Read to the end, or stopped by a broken record: the other thread's rows are not needed.
        unwanted.store(true, Ordering::Relaxed);
        sums
    })
}

/// The rows from `cut` to the end, read on their own: `None` at the first problem (its line
/// would be counted from the cut), if the bytes cannot be read, or once they are `unwanted`.
fn read_from_cut(
    source: &dyn Source,
    cut: u64,
    rows: &Rows<'_>,
    unwanted: &AtomicBool,
) -> Option<Sums> {
    let mut csv = csv_reader(source.from(cut).ok()?);
    let mut record = csv::ByteRecord::new();
    let mut problems = Problems::default();
    let mut sums = Sums::default();
    while csv.read_byte_record(&mut record).ok()? {
        take(&mut sums, &record, rows, &mut problems);
        if problems.len() > 0 || unwanted.load(Ordering::Relaxed) {
            return None;
        }
    }
    Some(sums)
}

/// One record after the header: counted, checked against the header, added to `sums`.
fn take(sums: &mut Sums, record: &csv::ByteRecord, rows: &Rows<'_>, problems: &mut Problems) {
    sums.rows += 1;
    let line = record.position().map_or(0, |p| p.line());
    let fields = rows.header.len();
    if record.len() != fields && !(record.len() == 1 && record.get(0) == Some(b"")) {
        problems.push(
            format!("{}: line {line}", rows.file),
            format!(
                "expected {fields} fields as in the header, got {}",
                record.len()
            ),
        );
        return;
    }
    if record.len() == 1 && fields > 1 {
        return; // a blank line
    }
    let row = Row {
        file: rows.file,
        line,
        record,
        header: rows.header,
    };
    if let Some(r) = row.read(rows.plan, rows.tz, problems) {
        add(sums, r);
    }
}

fn csv_error(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => {
            "the export is not valid UTF-8 (save it as UTF-8 CSV)".into()
        }
        csv::ErrorKind::Io(io) => format!("cannot read: {io}"),
        _ => format!("invalid CSV: {e}"),
    }
}

/// Header names, trimmed, without the byte-order mark real exports start with.
pub(super) fn header_names(record: &csv::ByteRecord) -> Vec<String> {
    record
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let f = if i == 0 {
                f.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(f)
            } else {
                f
            };
            String::from_utf8_lossy(f).trim().to_string()
        })
        .collect()
}

const CT_ID: &str = "Facebook Id";
const CT_TOTAL: &str = "Total Interactions";
const MCL_ID: &str = "post_owner.id";
const MCL_TIME: &str = "creation_time";

fn plan(
    file: &str,
    header: &[String],
    format: Format,
    map: Option<&ColumnMap>,
    problems: &mut Problems,
) -> Option<Plan> {
    let has = |name: &str| header.iter().any(|h| h == name);
    let format = match format {
        Format::Auto if has(CT_ID) && has(CT_TOTAL) => Format::CrowdTangle,
        Format::Auto if has(MCL_ID) && has(MCL_TIME) => Format::MetaContentLibrary,
        Format::Auto if map.is_some() => Format::Columns,
        Format::Auto => {
            problems.push(
                format!("{file}: line 1"),
                "not a CrowdTangle or Meta Content Library export: use --from columns --map id=COL,name=COL,date=COL,interactions=COL",
            );
            return None;
        }
        f => f,
    };
    let mut missing = Vec::new();
    let mut col = |name: &str| -> usize {
        header.iter().position(|h| h == name).unwrap_or_else(|| {
            missing.push(name.to_string());
            0
        })
    };
    let optional = |name: &str| header.iter().position(|h| h == name);
    let plan = match format {
        Format::CrowdTangle => {
            let (date, order) = match (optional("Post Created Date"), optional("Post Created")) {
                (Some(d), Some(c)) => (DateRule::DatePart(d), vec![c]),
                (Some(d), None) => (
                    DateRule::DatePart(d),
                    optional("Post Created Time").into_iter().collect(),
                ),
                (None, Some(c)) => (DateRule::DatePart(c), vec![c]),
                (None, None) => (DateRule::DatePart(col("Post Created Date")), Vec::new()),
            };
            Plan {
                id: Cell::Column(col(CT_ID)),
                name: Cell::Column(col("Page Name")),
                country: optional("Page Admin Top Country").map(Cell::Column),
                platform: Some(Cell::Literal("facebook".into())),
                category: optional("Page Category").map(Cell::Column),
                date,
                order,
                interactions: vec![col(CT_TOTAL)],
                posts: PostCount::Rows,
                followers: ["Followers at Posting", "Likes at Posting"]
                    .iter()
                    .filter_map(|n| optional(n))
                    .collect(),
            }
        }
        Format::MetaContentLibrary => Plan {
            id: Cell::Column(col(MCL_ID)),
            name: Cell::Column(col("post_owner.name")),
            country: None,
            platform: None,
            category: None,
            date: DateRule::InZone(Cell::Column(col(MCL_TIME))),
            order: Vec::new(),
            interactions: [
                "statistics.reaction_count",
                "statistics.comment_count",
                "statistics.share_count",
            ]
            .iter()
            .map(|n| col(n))
            .collect(),
            posts: PostCount::Rows,
            followers: Vec::new(),
        },
        _ => {
            let Some(m) = map else {
                problems.push(
                    format!("{file}: line 1"),
                    "--from columns needs --map id=COL,name=COL,date=COL,interactions=COL",
                );
                return None;
            };
            let mut cell = |s: &MapSource| match s {
                MapSource::Column(c) => Cell::Column(col(c)),
                MapSource::Literal(l) => Cell::Literal(l.clone()),
            };
            let id = cell(&m.id);
            let name = cell(&m.name);
            let date = DateRule::InZone(cell(&m.date));
            let country = m.country.as_ref().map(&mut cell);
            let platform = m.platform.as_ref().map(&mut cell);
            let category = m.category.as_ref().map(&mut cell);
            Plan {
                id,
                name,
                country,
                platform,
                category,
                date,
                order: Vec::new(),
                interactions: m.interactions.iter().map(|c| col(c)).collect(),
                posts: match &m.posts {
                    Posts::None => PostCount::None,
                    Posts::Rows => PostCount::Rows,
                    Posts::Column(c) => PostCount::Column(col(c)),
                },
                followers: m.followers.iter().map(|c| col(c)).collect(),
            }
        }
    };
    if !missing.is_empty() {
        let names: Vec<String> = missing.iter().map(|m| format!("{m:?}")).collect();
        problems.push(
            format!("{file}: line 1"),
            format!(
                "missing column{} {} in the header",
                if names.len() == 1 { "" } else { "s" },
                names.join(", ")
            ),
        );
        return None;
    }
    Some(plan)
}

/// One row's contribution, borrowed from the record (and the plan's literals): a row costs no
/// allocation unless it brings a new page, a new name or a newer post.
struct RowSums<'a> {
    id: &'a str,
    name: &'a str,
    country: Option<&'a str>,
    platform: Option<&'a str>,
    category: Option<&'a str>,
    day: Date,
    /// The post's time text(s), to find the day's latest post.
    order: [&'a str; 2],
    line: u64,
    interactions: u64,
    posts: u64,
    followers: Option<u64>,
}

struct Row<'r> {
    file: &'r str,
    line: u64,
    record: &'r csv::ByteRecord,
    header: &'r [String],
}

impl<'r> Row<'r> {
    fn text(&self, i: usize, problems: &mut Problems) -> Option<&'r str> {
        let raw = self.record.get(i).unwrap_or_default();
        match std::str::from_utf8(raw) {
            Ok(s) => Some(s.trim()),
            Err(_) => {
                problems.push(self.at(i), "not valid UTF-8 (save the export as UTF-8 CSV)");
                None
            }
        }
    }

    fn at(&self, i: usize) -> String {
        let name = self.header.get(i).map_or("", String::as_str);
        format!("{}: line {}, column {:?}", self.file, self.line, name)
    }

    fn cell<'a>(&self, c: &'a Cell, problems: &mut Problems) -> Option<&'a str>
    where
        'r: 'a,
    {
        match c {
            Cell::Column(i) => self.text(*i, problems),
            Cell::Literal(l) => Some(l.as_str()),
        }
    }

    /// A text field that must pass `rule`.
    fn checked<'a>(
        &self,
        c: &'a Cell,
        rule: fn(&str) -> Result<(), String>,
        problems: &mut Problems,
    ) -> Option<&'a str>
    where
        'r: 'a,
    {
        let value = self.cell(c, problems)?;
        match rule(value) {
            Ok(()) => Some(value),
            Err(message) => {
                let at = match c {
                    Cell::Column(i) => self.at(*i),
                    Cell::Literal(_) => {
                        format!("{}: line {} (--map literal)", self.file, self.line)
                    }
                };
                problems.push(at, format!("{message}, got {}", check::quote(value, 64)));
                None
            }
        }
    }

    fn optional_text<'a>(&self, c: &'a Option<Cell>, problems: &mut Problems) -> Option<&'a str>
    where
        'r: 'a,
    {
        let value = self.cell(c.as_ref()?, problems)?;
        (!value.is_empty()).then_some(value)
    }

    fn count(&self, i: usize, problems: &mut Problems) -> Option<Option<u64>> {
        let t = self.text(i, problems)?;
        if t.is_empty() {
            return Some(None);
        }
        match values::count(t) {
            Ok(n) => Some(Some(n)),
            Err(message) => {
                problems.push(self.at(i), message);
                None
            }
        }
    }

    fn read<'a>(
        &self,
        plan: &'a Plan,
        tz: &TimeZone,
        problems: &mut Problems,
    ) -> Option<RowSums<'a>>
    where
        'r: 'a,
    {
        let before = problems.len();
        let id = self.checked(&plan.id, check::id, problems);
        let name = self.checked(&plan.name, check::name, problems);
        let day = match &plan.date {
            DateRule::DatePart(i) => self.text(*i, problems).and_then(|t| {
                t.get(..10).and_then(Date::parse).or_else(|| {
                    problems.push(
                        self.at(*i),
                        format!(
                            "expected a date starting YYYY-MM-DD in the years 1900-2099, got {}",
                            check::quote(t, 64)
                        ),
                    );
                    None
                })
            }),
            DateRule::InZone(c) => self
                .cell(c, problems)
                .and_then(|t| match values::day(t, tz) {
                    Ok(d) => Some(d),
                    Err(message) => {
                        let at = match c {
                            Cell::Column(i) => self.at(*i),
                            Cell::Literal(_) => {
                                format!("{}: line {} (--map literal)", self.file, self.line)
                            }
                        };
                        problems.push(at, message);
                        None
                    }
                }),
        };
        // An empty interaction cell counts 0 (exports leave e.g. shares empty for some posts).
        let mut interactions: u64 = 0;
        for &i in &plan.interactions {
            if let Some(n) = self.count(i, problems) {
                interactions = interactions.saturating_add(n.unwrap_or(0));
            }
        }
        let posts = match plan.posts {
            PostCount::None => 0,
            PostCount::Rows => 1,
            PostCount::Column(i) => self.count(i, problems).flatten().unwrap_or(0),
        };
        let mut followers = None;
        for &i in &plan.followers {
            if let Some(Some(n)) = self.count(i, problems) {
                followers = Some(n);
                break;
            }
        }
        let mut order = [""; 2];
        for (slot, &i) in order.iter_mut().zip(&plan.order) {
            *slot = self.text(i, problems).unwrap_or_default();
        }
        let country = self.optional_text(&plan.country, problems);
        let platform = self.optional_text(&plan.platform, problems);
        let category = self.optional_text(&plan.category, problems);
        if problems.len() != before {
            return None;
        }
        Some(RowSums {
            id: id?,
            name: name?,
            country,
            platform,
            category,
            day: day?,
            order,
            line: self.line,
            interactions,
            posts: if matches!(plan.posts, PostCount::None) {
                u64::MAX
            } else {
                posts
            },
            followers,
        })
    }
}

fn add(sums: &mut Sums, r: RowSums<'_>) {
    let page = match sums.pages.get_mut(r.id) {
        Some(p) => p,
        None => sums.pages.entry(r.id.to_string()).or_default(),
    };
    // Page fields: the last row's (a renamed page shows its newest name); stored only when
    // they change.
    set(&mut page.name, r.name);
    for (field, value) in [
        (&mut page.country, r.country),
        (&mut page.platform, r.platform),
        (&mut page.category, r.category),
    ] {
        if let Some(v) = value {
            let v = if v.chars().count() > 200 {
                check::shorten(v, 200)
            } else {
                v.to_string()
            };
            if field.as_deref() != Some(v.as_str()) {
                *field = Some(v);
            }
        }
    }
    let day = page.days.entry(r.day).or_default();
    day.interactions = day.interactions.saturating_add(r.interactions);
    if r.posts != u64::MAX {
        day.posts = Some(day.posts.unwrap_or(0) + r.posts);
    }
    if let Some(f) = r.followers {
        let key = (r.order[0], r.order[1], r.line);
        let latest = (day.latest.0.as_str(), day.latest.1.as_str(), day.latest.2);
        if day.followers.is_none() || key >= latest {
            day.followers = Some(f);
            set(&mut day.latest.0, r.order[0]);
            set(&mut day.latest.1, r.order[1]);
            day.latest.2 = r.line;
        }
    }
}

/// Adds `later`, the sums of the rows from the cut on (their lines counted from the cut), to
/// `sums`, as if one reader had read them after the rows before: `lines_before` is the line
/// just before the cut. Every rule of [`add`] holds across the halves: interactions and
/// posts add up; a page's name and details are its last row's; a day's followers are its
/// latest post's (the later half's line numbers, moved on, win ties as later rows do).
fn append(sums: &mut Sums, later: Sums, lines_before: u64) {
    sums.rows += later.rows;
    for (id, b) in later.pages {
        let a = sums.pages.entry(id).or_default();
        append_page(a, b, lines_before);
    }
}

fn append_page(a: &mut PageSums, b: PageSums, lines_before: u64) {
    a.name = b.name;
    for (field, value) in [
        (&mut a.country, b.country),
        (&mut a.platform, b.platform),
        (&mut a.category, b.category),
    ] {
        if value.is_some() {
            *field = value;
        }
    }
    for (date, mut day) in b.days {
        if day.followers.is_some() {
            day.latest.2 += lines_before;
        }
        match a.days.entry(date) {
            Entry::Vacant(v) => {
                v.insert(day);
            }
            Entry::Occupied(mut o) => append_day(o.get_mut(), day),
        }
    }
}

fn append_day(a: &mut DaySums, b: DaySums) {
    a.interactions = a.interactions.saturating_add(b.interactions);
    if let Some(posts) = b.posts {
        a.posts = Some(a.posts.unwrap_or(0) + posts);
    }
    if let Some(followers) = b.followers {
        if a.followers.is_none() || b.latest >= a.latest {
            a.followers = Some(followers);
            a.latest = b.latest;
        }
    }
}

/// `*field = value`, without a new allocation when it already holds it.
fn set(field: &mut String, value: &str) {
    if field != value {
        field.clear();
        field.push_str(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    thread_local! {
        /// How many times this thread's reader took the rows read from a cut by another.
        pub(super) static TAKEN: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    const MAP: &str = "id=page,name=name,date=day,interactions=value,posts=#rows,followers=fol";

    /// Bytes whose second half is read from a given cut (or that are read in one pass).
    struct Cut<'a>(&'a [u8], Option<u64>);

    impl Source for Cut<'_> {
        fn size(&self) -> u64 {
            self.0.size()
        }

        fn from(&self, offset: u64) -> std::io::Result<Box<dyn Read + Send + '_>> {
            Source::from(&self.0, offset)
        }

        fn cut(&self, _fields: usize) -> Option<u64> {
            self.1
        }
    }

    /// The export read with its second half from `cut` on (or in one pass): the sums and the
    /// problems as reported.
    fn read_cut(text: &str, cut: Option<u64>) -> (Option<Sums>, Vec<String>) {
        let map: ColumnMap = MAP.parse().expect("map");
        read_as(text, cut, Format::Columns, Some(&map))
    }

    fn read_as(
        text: &str,
        cut: Option<u64>,
        format: Format,
        map: Option<&ColumnMap>,
    ) -> (Option<Sums>, Vec<String>) {
        let mut problems = Problems::default();
        let bytes = text.as_bytes();
        let sums = read_export(
            "e.csv",
            bytes,
            Some(&Cut(bytes, cut)),
            format,
            map,
            &TimeZone::UTC,
            &mut problems,
        );
        let listed = match problems.into_result(()) {
            Ok(()) => Vec::new(),
            Err(e) => e.problems.iter().map(|p| p.to_string()).collect(),
        };
        (sums, listed)
    }

    /// A row: page, day, interactions, followers, note, whether it ends in CR LF.
    type Line = (u8, u8, u32, Option<u32>, String, bool);

    /// The rows as an export: notes are quoted, with commas, doubled quotes and line breaks;
    /// a value of 0 is written as "x", a bad row.
    fn export(rows: &[Line]) -> String {
        let mut s = String::from("page,name,day,value,fol,note\n");
        for (page, day, value, fol, note, crlf) in rows {
            let value = if *value == 0 {
                "x".to_string()
            } else {
                value.to_string()
            };
            let fol = fol.map(|f| f.to_string()).unwrap_or_default();
            let note = note.replace('"', "\"\"");
            let end = if *crlf { "\r\n" } else { "\n" };
            s.push_str(&format!(
                "p{page},Page {page} {},2026-01-0{} 10:00,{value},{fol},\"{note}\"{end}",
                value.len(),
                1 + day % 9
            ));
        }
        s
    }

    fn rows() -> impl Strategy<Value = Vec<Line>> {
        proptest::collection::vec(
            (
                0u8..4,
                0u8..5,
                0u32..30,
                proptest::option::of(0u32..100),
                "[a-z,\"\n]{0,12}",
                proptest::bool::ANY,
            ),
            1..14,
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 48,
            ..crate::proptest_config("tests/regressions/import_split.txt")
        })]

        /// Whatever the cut (a record start, a line start inside a quoted note, anywhere), the
        /// export reads as in one pass: the same sums (names, days, followers of the latest
        /// row) and the same problems, on the same lines.
        #[test]
        fn any_cut_reads_as_one_pass(rows in rows()) {
            let text = export(&rows);
            let whole = read_cut(&text, None);
            for cut in 0..=text.len() as u64 {
                prop_assert_eq!(&read_cut(&text, Some(cut)), &whole, "cut at {}", cut);
            }
        }
    }

    /// A CrowdTangle export: posts at times out of line order, so a day's followers are its
    /// latest post's by time, which may be in either half.
    fn crowdtangle(rows: &[(u8, u8, u8, u32, Option<u32>)]) -> String {
        let mut s = String::from(
            "Page Name,Facebook Id,Post Created,Total Interactions,Followers at Posting,Message\n",
        );
        for (page, day, hour, total, fol) in rows {
            let fol = fol.map(|f| f.to_string()).unwrap_or_default();
            s.push_str(&format!(
                "Page {page},10000{page},2026-01-0{} {:02}:00:00 EST,{total},{fol},\"a\nb\"\n",
                1 + day % 9,
                hour % 24
            ));
        }
        s
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 24,
            ..crate::proptest_config("tests/regressions/import_split.txt")
        })]

        #[test]
        fn any_cut_of_a_crowdtangle_export_reads_as_one_pass(rows in proptest::collection::vec(
            (0u8..3, 0u8..3, 0u8..24, 0u32..1000, proptest::option::of(1u32..100)),
            1..12,
        )) {
            let text = crowdtangle(&rows);
            let whole = read_as(&text, None, Format::Auto, None);
            prop_assert!(whole.1.is_empty(), "{:?}", whole.1);
            for cut in 0..=text.len() as u64 {
                prop_assert_eq!(&read_as(&text, Some(cut), Format::Auto, None), &whole, "cut at {}", cut);
            }
        }
    }

    /// The cuts at record starts are taken (so the test above compares two ways of reading);
    /// with a bad row after the cut the rows from it are read again here, and its problem is
    /// reported on its own line.
    #[test]
    fn a_cut_at_a_record_start_is_taken_unless_that_half_has_a_problem() {
        let good = "page,name,day,value,fol,note\np1,A,2026-01-01,5,10,\"a\nb\"\np1,A,2026-01-02,7,11,c\np2,B,2026-01-02,1,,d\n";
        let cut = good.find("p1,A,2026-01-02").expect("row") as u64;
        let before = TAKEN.with(|t| t.get());
        let (sums, problems) = read_cut(good, Some(cut));
        assert_eq!(TAKEN.with(|t| t.get()), before + 1);
        assert_eq!((sums, problems), read_cut(good, None));

        let bad = good.replace("2026-01-02,1,", "2026-01-02,x,");
        let before = TAKEN.with(|t| t.get());
        let (_, problems) = read_cut(&bad, Some(cut));
        assert_eq!(
            TAKEN.with(|t| t.get()),
            before,
            "the half with a problem is not taken"
        );
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("line 5"), "{problems:?}");
    }
}
