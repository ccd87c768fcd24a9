//! The PAGES file of `import --pages` (SPEC §5): a CSV with `id` and any of `name`,
//! `names.<tag>`, `country`, `platform`, `category`, `url`, `followers`; its values override
//! the export's for that id. Kept as (field, JSON value) pairs, ready to write into the feed.

use super::values;
use crate::feed::{check, Problems};
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::Read;

/// Page id → the fields to set on that page, in file column order.
pub type PageFields = BTreeMap<String, Vec<(Field, Value)>>;

/// Where a PAGES column goes in the feed's page object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    Top(&'static str),
    /// `names.<tag>`
    Name(String),
}

const TOP: [&str; 6] = [
    "name",
    "country",
    "platform",
    "category",
    "url",
    "followers",
];

pub fn read_pages(file: &str, reader: impl Read, problems: &mut Problems) -> PageFields {
    let mut out = PageFields::new();
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(reader);
    let mut records = csv.byte_records();
    let header: Vec<String> = match records.next() {
        Some(Ok(h)) => super::read::header_names(&h),
        _ => {
            problems.push(
                format!("{file}: line 1"),
                "the pages file needs a header row with an id column",
            );
            return out;
        }
    };
    let Some(id_col) = header.iter().position(|h| h == "id") else {
        problems.push(format!("{file}: line 1"), "missing column \"id\"");
        return out;
    };
    let fields: Vec<Option<Field>> = header
        .iter()
        .map(|h| {
            if let Some(tag) = h.strip_prefix("names.") {
                (!tag.is_empty()).then(|| Field::Name(tag.to_string()))
            } else {
                TOP.iter().find(|t| *t == h).map(|t| Field::Top(t))
            }
        })
        .collect();
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                problems.push(format!("{file}: line {line}"), format!("invalid CSV: {e}"));
                break;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let at = |i: usize| format!("{file}: line {line}, column {:?}", header[i]);
        let text = |i: usize| std::str::from_utf8(record.get(i).unwrap_or_default()).map(str::trim);
        let Ok(id) = text(id_col) else {
            problems.push(at(id_col), "not valid UTF-8");
            continue;
        };
        if let Err(m) = check::id(id) {
            problems.push(at(id_col), format!("{m}, got {}", check::quote(id, 64)));
            continue;
        }
        let mut set = Vec::new();
        for (i, field) in fields.iter().enumerate() {
            let Some(field) = field else { continue };
            let Ok(value) = text(i) else {
                problems.push(at(i), "not valid UTF-8");
                continue;
            };
            if value.is_empty() {
                continue; // nothing to override
            }
            let checked = match field {
                Field::Top("followers") => values::count(value).map(Value::from),
                Field::Top("url") => check::url(value).map(|()| Value::from(value)),
                Field::Top("name") | Field::Name(_) => {
                    check::name(value).map(|()| Value::from(value))
                }
                Field::Top(_) => check::text(value).map(|()| Value::from(value)),
            };
            match checked {
                Ok(v) => set.push((field.clone(), v)),
                Err(m) => problems.push(at(i), format!("{m}, got {}", check::quote(value, 64))),
            }
        }
        if out.insert(id.to_string(), set).is_some() {
            problems.push(
                at(id_col),
                format!("id {} is listed twice", check::quote(id, 64)),
            );
        }
    }
    out
}
