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

// Talc instead of the default dlmalloc: ~5 KB less WebAssembly, and faster (its benchmarks).
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
pub use element::BoardElement;
