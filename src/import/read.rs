//! Reads one export, row by row, into per-page, per-day sums (SPEC §5). Memory grows with
//! pages × days, never with rows: a 1 GB CrowdTangle export streams through one reused record.
//! The `csv` crate reads the records (RFC 4180, quoted line breaks, byte offsets and lines for
//! every record); natively its size does not matter, and it is faster than the feed's own
//! reader on exports' long quoted messages.

use super::map::{ColumnMap, Posts, Source};
use super::values;
use crate::date::Date;
use crate::feed::check;
use crate::feed::Problems;
use jiff::tz::TimeZone;
use std::collections::{BTreeMap, HashMap};
use std::io::Read;

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
/// `None` when the header itself is unusable.
pub fn read_export(
    file: &str,
    reader: impl Read,
    format: Format,
    map: Option<&ColumnMap>,
    tz: &TimeZone,
    problems: &mut Problems,
) -> Option<Sums> {
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(1 << 20)
        .from_reader(reader);
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
    let mut sums = Sums::default();
    loop {
        match csv.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                problems.push(format!("{file}: line {line}"), csv_error(&e));
                // A broken record stops the reader where it cannot resynchronise.
                if !matches!(e.kind(), csv::ErrorKind::Utf8 { .. }) {
                    break;
                }
                continue;
            }
        }
        sums.rows += 1;
        let line = record.position().map_or(0, |p| p.line());
        if record.len() != header.len() && !(record.len() == 1 && record.get(0) == Some(b"")) {
            problems.push(
                format!("{file}: line {line}"),
                format!(
                    "expected {} fields as in the header, got {}",
                    header.len(),
                    record.len()
                ),
            );
            continue;
        }
        if record.len() == 1 && header.len() > 1 {
            continue; // a blank line
        }
        let row = Row {
            file,
            line,
            record: &record,
            header: &header,
        };
        if let Some(r) = row.read(&plan, tz, problems) {
            add(&mut sums, r);
        }
    }
    Some(sums)
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
            let mut cell = |s: &Source| match s {
                Source::Column(c) => Cell::Column(col(c)),
                Source::Literal(l) => Cell::Literal(l.clone()),
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

/// `*field = value`, without a new allocation when it already holds it.
fn set(field: &mut String, value: &str) {
    if field != value {
        field.clear();
        field.push_str(value);
    }
}
