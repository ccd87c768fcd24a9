//! gov-leaderboard: a live, locale-aware leaderboard of government social-media pages.
//!
//! The core (feed, ranking, formatting, chart, static render) is pure Rust with no browser
//! dependency; the CLI and the WebAssembly widget are thin layers over it.

pub mod board;
pub mod card;
pub mod chart;
pub mod controller;
pub mod date;
pub mod decimal;
pub mod feed;
pub mod format;
#[cfg(not(target_arch = "wasm32"))]
#[doc(hidden)]
pub mod fuzzing;
pub mod hash;
pub mod html;
pub mod i18n;
#[cfg(not(target_arch = "wasm32"))]
pub mod import;
pub mod keyed_map;
pub mod markup;
pub mod option_defs;
pub mod options;
pub mod order;
pub mod output;
pub mod rank;
pub mod render;
pub mod schedule;
pub mod small_map;
pub mod svg;
pub mod timeline;

#[cfg(target_arch = "wasm32")]
pub mod web;

/// The library's property tests keep the failures they find under `tests/regressions/` (a
/// file per module, committed so every run replays them), not in a folder at the top level.
#[cfg(all(test, not(target_arch = "wasm32")))]
fn proptest_config(file: &'static str) -> proptest::prelude::ProptestConfig {
    use proptest::test_runner::FileFailurePersistence;
    proptest::prelude::ProptestConfig {
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(file))),
        ..Default::default()
    }
}
