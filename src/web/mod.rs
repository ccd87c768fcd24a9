//! The browser layer: the `<gov-leaderboard>` element's engine and the npm functions, over the
//! pure core. Everything here is thin: it moves data between the DOM and the core.
#![deny(clippy::unwrap_used, clippy::expect_used)]

mod api;
mod busy;
mod callbacks;
mod canvas;
mod canvas_backend;
mod dom;
mod element;
mod error;
pub mod intl;
mod live;
mod motion;
mod polling;
mod replay;
mod share;
mod state;
mod viewport;

#[cfg(feature = "api")]
pub use api::{rank_js, rank_timeline, render_static};

/// Keys the hash maps of feeds read from now on with random bits (see keyed_map.rs): before
/// a board or an npm call reads a feed.
fn seed_maps() {
    let draw = || (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64; // 53 bits
    crate::keyed_map::seed(draw() ^ draw().rotate_left(32));
}

// Talc instead of the default dlmalloc: ~5 KB less WebAssembly, and faster (its benchmarks).
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
pub use element::BoardElement;
