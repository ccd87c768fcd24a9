//! What a live update says to screen readers: the pages whose rank moved, the pinned page
//! first, three at most, in the board's language; at most one announcement per throttle span.

use crate::feed::Feed;
use crate::i18n::BoardLocale;
use crate::rank::{Ranking, Value};
use std::collections::HashMap;

/// Shortest time between two announcements of one board.
pub const THROTTLE_MS: f64 = 5000.0;

/// Most moves read in one announcement.
const MAX_MOVES: usize = 3;

/// The announcement of the moves from `previous` to `ranking`, if any row moved.
pub fn moves(
    feed: &Feed,
    ranking: &Ranking,
    previous: &HashMap<String, (u32, Value)>,
    loc: &BoardLocale,
    pin: Option<&str>,
) -> Option<String> {
    let moved: Vec<(bool, String)> = ranking
        .rows
        .iter()
        .filter_map(|r| {
            let before = previous.get(&r.id)?.0;
            (before != r.rank).then(|| {
                let delta = i64::from(before) - i64::from(r.rank);
                let (_, words) = loc.movement(Some(delta));
                let name = feed.pages[r.page].display_name(&loc.tag);
                let rank = loc.numbers.integer(u64::from(r.rank));
                let text = crate::i18n::fill(
                    loc.words().announce,
                    &[("name", name), ("move", &words), ("rank", &rank)],
                );
                (pin == Some(r.id.as_str()), text)
            })
        })
        .collect();
    if moved.is_empty() {
        return None;
    }
    // The pinned page first, then the others in board order.
    let (pinned, others): (Vec<_>, Vec<_>) = moved.into_iter().partition(|(p, _)| *p);
    // A loop, not `join`: std's generic join is 0.9 KB of the element's `.wasm`.
    let mut text = String::new();
    for (_, t) in pinned.into_iter().chain(others).take(MAX_MOVES) {
        if !text.is_empty() {
            text.push_str(". ");
        }
        text.push_str(&t);
    }
    Some(text)
}
