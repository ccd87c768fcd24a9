//! What a live update says to screen readers (SPEC §4 "Accessibility"): the moves since the
//! last announcement, of the pinned page or first place (`announce="auto"`) or of every page
//! (`all`: the pinned page first, then by place; three, then "and N more"), each saying what it
//! compares with. Changes are coalesced, never dropped: a board keeps the ranks it last
//! announced, so moves made while it had to wait are said together, as net moves. The page
//! has one [`Gate`] shared by all its boards: at most one announcement per
//! [`SPACING_MS`], and a change another board has just said is not said again.

use crate::feed::{foreign_lang, Feed};
use crate::i18n::BoardLocale;
use crate::markup::El;
use crate::rank::{Row, Value};
use crate::small_map::SmallMap;
use std::cell::{Cell, RefCell};

/// Shortest time between two announcements on one page, whatever board makes them.
pub const SPACING_MS: f64 = 10_000.0;

/// How long a change another board said counts as said (a board waiting its turn behind
/// several others still recognises it).
const SAID_MS: f64 = 300_000.0;

/// Most moves read in one announcement; the rest are counted.
const MAX_MOVES: usize = 3;

/// The `announce` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Moves of the pinned page; with nothing pinned, moves into or out of first place.
    Auto,
    All,
    Off,
}

impl Mode {
    pub fn parse(value: Option<&str>) -> Mode {
        match value {
            Some("all") => Mode::All,
            Some("off") => Mode::Off,
            _ => Mode::Auto,
        }
    }
}

/// The page's announcement schedule, shared by every board on it.
#[derive(Debug, Default)]
pub struct Gate {
    last_ms: Cell<Option<f64>>,
    /// Changes said lately: their key and when.
    said: RefCell<Vec<(u64, f64)>>,
}

impl Gate {
    /// Milliseconds until the page may speak again (0: now).
    pub fn wait_ms(&self, now_ms: f64) -> f64 {
        self.last_ms
            .get()
            .map_or(0.0, |last| (last + SPACING_MS - now_ms).max(0.0))
    }

    /// Whether another board said this change lately.
    pub fn said(&self, key: u64, now_ms: f64) -> bool {
        self.said
            .borrow()
            .iter()
            .any(|&(k, at)| k == key && now_ms - at < SAID_MS)
    }

    /// Notes that a board says the change `key` now.
    pub fn record(&self, key: u64, now_ms: f64) {
        self.last_ms.set(Some(now_ms));
        let mut said = self.said.borrow_mut();
        said.retain(|&(_, at)| now_ms - at < SAID_MS);
        said.push((key, now_ms));
    }
}

/// A page whose place changed since the last announcement (`from` `None`: it was not shown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Move {
    pub id: String,
    pub page: usize,
    pub from: Option<u32>,
    pub to: u32,
    pub pinned: bool,
}

/// The moves worth saying in `mode` from the `said` ranks to `ranking`, most important first.
pub fn moves(
    rows: &[Row],
    said: &SmallMap<(u32, Value)>,
    mode: Mode,
    pin: Option<&str>,
) -> Vec<Move> {
    let pinned_shown = pin.is_some_and(|p| rows.iter().any(|r| r.id == p));
    let mut out: Vec<Move> = rows
        .iter()
        .filter_map(|r| {
            let from = said.get(&r.id).map(|s| s.0);
            let pinned = pin == Some(r.id.as_str());
            let wanted = match mode {
                Mode::Off => false,
                Mode::All => true,
                Mode::Auto if pinned_shown => pinned,
                Mode::Auto => r.rank == 1 || from == Some(1),
            };
            (wanted && from != Some(r.rank)).then(|| Move {
                id: r.id.clone(),
                page: r.page,
                from,
                to: r.rank,
                pinned,
            })
        })
        .collect();
    // The pinned page first, then by place: the rows are in place order already, so only the
    // pinned page moves to the front (no sort: each sort instance costs the element ~2 KB).
    if let Some(p) = out.iter().position(|m| m.pinned) {
        let pinned = out.remove(p);
        out.insert(0, pinned);
    }
    out
}

/// Identity of a change, the same on every board that shows it: the moves and the ranking
/// options they were counted in (`options`), not the words (boards differ in language).
pub fn key(moves: &[Move], options: &str) -> u64 {
    use crate::hash::fnv1a;
    let mut h = fnv1a(crate::hash::START, options.as_bytes());
    for m in moves {
        h = fnv1a(h, m.id.as_bytes());
        h = fnv1a(h, &m.from.unwrap_or(0).to_le_bytes());
        h = fnv1a(h, &m.to.to_le_bytes());
    }
    h
}

/// The sentence for `moves` (not empty), in the board's language; names in another language
/// carry `lang` (WCAG 3.1.2).
pub fn sentence(feed: &Feed, moves: &[Move], loc: &BoardLocale) -> El {
    let w = loc.words();
    let mut out = El::new("span", "");
    for (i, m) in moves.iter().take(MAX_MOVES).enumerate() {
        if i > 0 {
            out = out.text(". ");
        }
        let page = &feed.pages[m.page];
        let delta = m.from.map(|f| i64::from(f) - i64::from(m.to));
        let (_, words) = loc.movement(delta);
        let rank = loc.numbers.integer(u64::from(m.to));
        // The template around the name, split at a marker put in its place (a `char` split:
        // a `&str` pattern brings std's substring searcher into the element's `.wasm`).
        let rest = crate::i18n::fill(
            w.announce,
            &[("name", "\u{1}"), ("move", &words), ("rank", &rank)],
        );
        let (before, after) = rest.split_once('\u{1}').unwrap_or(("", &rest));
        let mut name = El::new("span", "");
        if let Some(lang) = foreign_lang(page.display_name_lang(&loc.tag), &loc.tag) {
            name = name.attr("lang", &lang);
        }
        out = out
            .text(before)
            .child(name.text(page.display_name(&loc.tag)))
            .text(after);
    }
    if moves.len() > MAX_MOVES {
        let n = loc.numbers.integer((moves.len() - MAX_MOVES) as u64);
        out = out
            .text(". ")
            .text(&crate::i18n::fill(w.more_moves, &[("", &n)]));
    }
    out
}
