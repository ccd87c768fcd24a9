//! CSV feeds: long format, one row per page per date, columns found by header name.

use super::check::{self, quote};
use super::csv_reader::{Record, Records};
use super::{sort_series, Feed, FeedError, Page, Point, Problems, MAX_PAGES, MAX_POINTS};
use crate::date::Date;
use crate::keyed_map::Map;

/// The columns read, the required ones first.
const KNOWN: [&str; 9] = [
    "id",
    "name",
    "date",
    "interactions",
    "country",
    "platform",
    "category",
    "posts",
    "followers",
];
const REQUIRED: usize = 4;

/// Column positions of the known columns: `index[k]` is where `KNOWN[k]` is in the header.
/// Nine names: an array searched in order, not a hash map hashing each name again for every
/// cell (a 26 MB CSV ranked natively in 279–314 ms instead of 307–409; the element 750 B
/// gzip lighter).
struct Columns {
    index: [Option<usize>; KNOWN.len()],
    width: usize,
}

impl Columns {
    fn position(&self, name: &str) -> Option<usize> {
        self.index[KNOWN.iter().position(|k| *k == name)?]
    }

    fn cell<'r>(&self, row: &'r Record<'_>, name: &str) -> Option<(usize, &'r str)> {
        let i = self.position(name)?;
        row.fields.get(i).map(|v| (i, v.as_ref()))
    }
}

/// The page fields that every row of one page repeats.
struct PageFields {
    line: u64,
    values: [Option<String>; 4],
}

const REPEATED: [&str; 4] = ["name", "country", "platform", "category"];

pub(super) fn read(text: &str) -> Result<Feed, FeedError> {
    let mut records = Records::new(text);
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => return Err(FeedError::one(format!("line {}", e.line), e.message)),
        None => {
            return Err(FeedError::one(
                "line 1",
                "the feed is empty: a CSV header row is required",
            ))
        }
    };
    let columns = read_header(&header)?;
    let mut state = State::default();
    for record in records {
        match record {
            Ok(row) => {
                if !state.read_row(&row, &columns) {
                    break;
                }
            }
            Err(e) => state.problems.push(format!("line {}", e.line), e.message),
        }
    }
    let State {
        mut pages,
        problems,
        ..
    } = state;
    pages.iter_mut().for_each(sort_series);
    problems.into_result(Feed {
        pages,
        ..Feed::default()
    })
}

fn read_header(header: &Record<'_>) -> Result<Columns, FeedError> {
    let mut problems = Problems::default();
    let mut index = [None; KNOWN.len()];
    for (i, name) in header.fields.iter().enumerate() {
        let name = name.trim();
        let Some(known) = KNOWN.iter().position(|k| *k == name) else {
            continue; // unknown columns are ignored
        };
        if index[known].replace(i).is_some() {
            problems.push(
                format!("line 1, column {}", i + 1),
                format!("duplicate column `{name}`"),
            );
        }
    }
    // Listed with a loop, not `join` (0.9 KB of the element's `.wasm`).
    let mut missing = String::new();
    let mut count = 0;
    let absent = KNOWN[..REQUIRED]
        .iter()
        .zip(index)
        .filter(|(_, at)| at.is_none());
    for (name, _) in absent {
        if count > 0 {
            missing.push_str(", ");
        }
        missing.push('`');
        missing.push_str(name);
        missing.push('`');
        count += 1;
    }
    if count > 0 {
        let s = if count == 1 { "" } else { "s" };
        problems.push(
            "line 1",
            format!(
                "missing required column{s} {missing} in the CSV header (a CSV feed needs id, name, date, interactions; a JSON feed starts with {{)"
            ),
        );
    }
    problems.into_result(Columns {
        index,
        width: header.fields.len(),
    })
}

#[derive(Default)]
struct State {
    pages: Vec<Page>,
    fields: Vec<PageFields>,
    by_id: Map<String, usize>,
    /// (page, date) → line of the first point with that date.
    dates: Map<(usize, Date), u64>,
    totals: Vec<u64>,
    points: usize,
    problems: Problems,
}

impl State {
    /// Reads one data row; `false` once a limit is hit and reading must stop.
    fn read_row(&mut self, row: &Record<'_>, cols: &Columns) -> bool {
        let line = row.line;
        if row.fields.len() != cols.width {
            self.problems.push(
                format!("line {line}"),
                format!(
                    "expected {} fields as in the header, got {}",
                    cols.width,
                    row.fields.len()
                ),
            );
            return true;
        }
        self.points += 1;
        if self.points > MAX_POINTS {
            self.problems.push(
                format!("line {line}"),
                format!("the feed has more than {MAX_POINTS} points, the limit"),
            );
            return false;
        }
        let before = self.problems.len();
        let mut cell =
            |name: &str, read: &dyn Fn(&str) -> Result<Option<Value>, String>| -> Option<Value> {
                let (i, raw) = cols.cell(row, name)?;
                match read(raw) {
                    Ok(v) => v,
                    Err(message) => {
                        self.problems
                            .push(format!("line {line}, column {} ({name})", i + 1), message);
                        None
                    }
                }
            };
        let id = cell("id", &|v| {
            check::id(v).map(|()| Some(Value::Text(v.into())))
        });
        let name = cell("name", &|v| {
            check::name(v).map(|()| Some(Value::Text(v.into())))
        });
        let date = cell("date", &|v| check::date(v).map(|d| Some(Value::Date(d))));
        let interactions = cell("interactions", &|v| {
            check::count(v).map(|n| Some(Value::Count(n)))
        });
        let posts = cell("posts", &optional_count);
        let followers = cell("followers", &optional_count);
        let country = cell("country", &optional_text);
        let platform = cell("platform", &optional_text);
        let category = cell("category", &optional_text);
        if self.problems.len() != before {
            return true;
        }
        let (
            Some(Value::Text(id)),
            Some(Value::Text(name)),
            Some(Value::Date(date)),
            Some(Value::Count(interactions)),
        ) = (id, name, date, interactions)
        else {
            return true;
        };
        let fields = [
            Some(name),
            text_of(country),
            text_of(platform),
            text_of(category),
        ];
        let Some(page) = self.page_for(id, fields, line, cols) else {
            return self.pages.len() <= MAX_PAGES;
        };
        let point = Point::new(date, interactions, count_of(posts), count_of(followers));
        self.add_point(page, point, line, cols);
        true
    }

    /// The index of the row's page, creating it on first sight; `None` if the row disagrees.
    fn page_for(
        &mut self,
        id: String,
        values: [Option<String>; 4],
        line: u64,
        cols: &Columns,
    ) -> Option<usize> {
        if let Some(&p) = self.by_id.get(&id) {
            let first = &self.fields[p];
            let mut agree = true;
            for (k, name) in REPEATED.iter().enumerate() {
                if values[k] != first.values[k] {
                    agree = false;
                    let col = cols.position(name).map_or(0, |i| i + 1);
                    self.problems.push(
                        format!("line {line}, column {col} ({name})"),
                        format!(
                            "page {} has {name} {} here but {} on line {}; page fields must agree on every row",
                            quote(&id, 64),
                            shown(&values[k]),
                            shown(&first.values[k]),
                            first.line
                        ),
                    );
                }
            }
            return agree.then_some(p);
        }
        if self.pages.len() == MAX_PAGES {
            self.problems.push(
                format!("line {line}"),
                format!("the feed has more than {MAX_PAGES} pages, the limit"),
            );
            self.pages.push(Page::default()); // makes the caller stop
            return None;
        }
        let [name, country, platform, category] = values.clone();
        self.pages.push(Page {
            id: id.clone(),
            name: name.unwrap_or_default(),
            country,
            platform,
            category,
            ..Page::default()
        });
        self.fields.push(PageFields { line, values });
        self.totals.push(0);
        self.by_id.insert(id, self.pages.len() - 1);
        Some(self.pages.len() - 1)
    }

    fn add_point(&mut self, page: usize, point: Point, line: u64, cols: &Columns) {
        let col = |name: &str| cols.position(name).map_or(0, |i| i + 1);
        if let Some(first) = self.dates.get(&(page, point.date)) {
            self.problems.push(
                format!("line {line}, column {} (date)", col("date")),
                format!(
                    "duplicate date {} for page {}, first on line {first}",
                    point.date,
                    quote(&self.pages[page].id, 64)
                ),
            );
            return;
        }
        self.dates.insert((page, point.date), line);
        let total = self.totals[page].saturating_add(point.interactions);
        if total > check::MAX_SAFE_INTEGER && self.totals[page] <= check::MAX_SAFE_INTEGER {
            self.problems.push(
                format!("line {line}, column {} (interactions)", col("interactions")),
                format!(
                    "page {}: total interactions over all points must be at most {} (2^53-1)",
                    quote(&self.pages[page].id, 64),
                    check::MAX_SAFE_INTEGER
                ),
            );
        }
        self.totals[page] = total;
        self.pages[page].series.push(point);
    }
}

enum Value {
    Text(String),
    Date(Date),
    Count(u64),
}

fn optional_count(v: &str) -> Result<Option<Value>, String> {
    if v.is_empty() {
        Ok(None)
    } else {
        check::count(v).map(|n| Some(Value::Count(n)))
    }
}

fn optional_text(v: &str) -> Result<Option<Value>, String> {
    if v.is_empty() {
        Ok(None)
    } else {
        check::text(v).map(|()| Some(Value::Text(v.into())))
    }
}

fn text_of(v: Option<Value>) -> Option<String> {
    match v {
        Some(Value::Text(s)) => Some(s),
        _ => None,
    }
}

fn count_of(v: Option<Value>) -> Option<u64> {
    match v {
        Some(Value::Count(n)) => Some(n),
        _ => None,
    }
}

fn shown(v: &Option<String>) -> String {
    match v {
        Some(s) => quote(s, 40),
        None => "nothing".into(),
    }
}
