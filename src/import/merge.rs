//! Merging imported page-days into a feed (SPEC §5 `--into`): a page-day present in the
//! import replaces that point; every other point, page and field of the feed is kept (unknown
//! fields too: the feed is edited as a JSON value, not re-written from the model). Pages are
//! written in id order and points in date order, so the result does not depend on the order
//! or the number of steps the exports came in.

use super::pages::{Field, PageFields};
use super::read::{PageSums, Sums};
use crate::date::Date;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// What a merge did, for the one-line summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    pub pages_added: usize,
    pub points_added: usize,
    pub points_replaced: usize,
    pub first: Option<Date>,
    pub last: Option<Date>,
}

/// Overlays `later` on `earlier`: a page-day in `later` replaces the same page-day.
pub fn overlay(earlier: &mut Sums, later: Sums) {
    earlier.rows += later.rows;
    for (id, page) in later.pages {
        match earlier.pages.get_mut(&id) {
            Some(p) => {
                p.name = page.name;
                p.country = page.country.or(p.country.take());
                p.platform = page.platform.or(p.platform.take());
                p.category = page.category.or(p.category.take());
                p.days.extend(page.days);
            }
            None => {
                earlier.pages.insert(id, page);
            }
        }
    }
}

/// Merges `sums` (and the PAGES overrides) into `feed` (a JSON object already valid per §1,
/// or `None` for a new feed). Returns the new feed value.
pub fn merge(feed: Option<Value>, sums: &Sums, pages: &PageFields) -> (Value, Summary) {
    let mut root = match feed {
        Some(Value::Object(m)) => m,
        _ => {
            let mut m = Map::new();
            m.insert("version".into(), Value::from(1));
            m
        }
    };
    let mut list: Vec<Value> = match root.remove("pages") {
        Some(Value::Array(a)) => a,
        _ => Vec::new(),
    };
    let mut summary = Summary::default();
    let mut index: HashMap<String, usize> = list
        .iter()
        .enumerate()
        .filter_map(|(i, p)| Some((p.get("id")?.as_str()?.to_string(), i)))
        .collect();
    let mut ids: Vec<&String> = sums.pages.keys().collect();
    ids.sort();
    for id in ids {
        let sums = &sums.pages[id];
        let at = match index.get(id.as_str()) {
            Some(&i) => i,
            None => {
                summary.pages_added += 1;
                list.push(Value::Object(new_page(id)));
                index.insert(id.clone(), list.len() - 1);
                list.len() - 1
            }
        };
        if let Some(Value::Object(page)) = list.get_mut(at) {
            merge_page(page, sums, &mut summary);
        }
    }
    for page in list.iter_mut() {
        let Some(Value::Object(page)) = Some(page) else {
            continue;
        };
        let id = page.get("id").and_then(Value::as_str).map(str::to_string);
        if let Some(fields) = id.and_then(|id| pages.get(&id)) {
            apply_fields(page, fields);
        }
    }
    sort_by_text(&mut list, "id");
    root.insert("pages".into(), Value::Array(list));
    (Value::Object(root), summary)
}

/// Sorts objects by the text of one field (`id` of pages, `date` of points: ISO dates sort as
/// text); a stable sort, so the order does not depend on the steps the data came in.
fn sort_by_text(list: &mut [Value], field: &str) {
    let key = |v: &Value| {
        v.get(field)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    list.sort_by_cached_key(key);
}

fn new_page(id: &str) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("id".into(), Value::from(id));
    m
}

fn merge_page(page: &mut Map<String, Value>, sums: &PageSums, summary: &mut Summary) {
    page.insert("name".into(), Value::from(sums.name.as_str()));
    for (key, value) in [
        ("country", &sums.country),
        ("platform", &sums.platform),
        ("category", &sums.category),
    ] {
        if let Some(v) = value {
            page.insert(key.into(), Value::from(v.as_str()));
        }
    }
    let mut series: Vec<Value> = match page.remove("series") {
        Some(Value::Array(a)) => a,
        _ => Vec::new(),
    };
    let mut by_date: HashMap<String, usize> = series
        .iter()
        .enumerate()
        .filter_map(|(i, p)| Some((p.get("date")?.as_str()?.to_string(), i)))
        .collect();
    for (day, d) in &sums.days {
        let date = day.to_string();
        let mut point = Map::new();
        point.insert("date".into(), Value::from(date.as_str()));
        point.insert("interactions".into(), Value::from(d.interactions));
        if let Some(p) = d.posts {
            point.insert("posts".into(), Value::from(p));
        }
        if let Some(f) = d.followers {
            point.insert("followers".into(), Value::from(f));
        }
        match by_date.get(&date) {
            Some(&i) => {
                series[i] = Value::Object(point);
                summary.points_replaced += 1;
            }
            None => {
                by_date.insert(date, series.len());
                series.push(Value::Object(point));
                summary.points_added += 1;
            }
        }
        summary.first = Some(summary.first.map_or(*day, |f| f.min(*day)));
        summary.last = Some(summary.last.map_or(*day, |l| l.max(*day)));
    }
    sort_by_text(&mut series, "date");
    page.insert("series".into(), Value::Array(series));
}

fn apply_fields(page: &mut Map<String, Value>, fields: &[(Field, Value)]) {
    for (field, value) in fields {
        match field {
            Field::Top(key) => {
                page.insert((*key).into(), value.clone());
            }
            Field::Name(tag) => {
                let names = page
                    .entry("names")
                    .or_insert_with(|| Value::Object(Map::new()));
                if !names.is_object() {
                    *names = Value::Object(Map::new());
                }
                if let Some(n) = names.as_object_mut() {
                    n.insert(tag.clone(), value.clone());
                }
            }
        }
    }
}
