//! The state of one board's engine, shared by the element (element.rs: lifecycle, render)
//! and polling (polling.rs: fetches); both import it, neither imports the other. Callbacks
//! hold only a `Weak` to it (see `with_state`).

use super::callbacks::{Frame, HalfInView, Listener, Resize, Timer};
use super::dom::Dom;
use super::motion::Tween;
use crate::chart::{Chart, Style};
use crate::controller::Controller;
use crate::i18n::BoardLocale;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use web_sys::{AbortController, CustomEvent, CustomEventInit, Element, HtmlElement};

/// What the chart's computed style depends on: read again only when one of these changes (or
/// the colour scheme does, see `restyle_chart`).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct StyleKey {
    pub(super) theme: Option<String>,
    pub(super) rtl: bool,
    pub(super) dpr: f64,
}

/// An event to dispatch once the state is released.
pub(super) enum Emit {
    Update(JsValue),
    Error(String),
}

pub(super) struct State {
    pub(super) host: HtmlElement,
    pub(super) dom: Dom,
    /// Shows the static board the page put inside the element, until the first live render.
    pub(super) slot: Option<Element>,
    /// The board's logic (polling, staleness, what to render and announce): pure, in the core.
    pub(super) controller: Controller,
    /// The rows on screen, as `rank` returns them (the `rows` property).
    pub(super) rows: JsValue,
    pub(super) chart: Option<(Chart, Style)>,
    /// The locale of the board on screen (stale note, count-up figures).
    pub(super) locale: Option<Rc<BoardLocale>>,
    /// The board on screen (the share image draws it) and its as-of date, `YYYY-MM-DD`.
    pub(super) view: Option<crate::board::BoardView>,
    pub(super) as_of: Option<String>,
    // carrying out the controller's fetch and timer commands
    pub(super) timer: Option<Timer>,
    pub(super) timeout: Option<Timer>,
    /// The controller's turn to announce (see `set_announce_timer`).
    pub(super) announce_timer: Option<Timer>,
    pub(super) abort: Option<AbortController>,
    /// The generation of the fetch in flight (its timeout and abort belong to it).
    pub(super) fetching: Option<u32>,
    // callbacks held while connected
    pub(super) connected: bool,
    pub(super) listeners: Vec<Listener>,
    pub(super) resize: Option<Resize>,
    pub(super) tween: Option<Tween>,
    /// The rows' glide, started in the next animation frame.
    pub(super) glide: Option<Frame>,
    /// Where the rows were when the last glide measured them (the next update's FLIP "first").
    pub(super) row_tops: Option<crate::small_map::SmallMap<f64>>,
    // the replay (replay.rs): animation frames while playing, background work, autoplay
    pub(super) ticker: Option<Frame>,
    pub(super) ticking: bool,
    /// Animation frames still to spend waking the canvas before the first replay frame (see
    /// `replay.rs`).
    pub(super) waking: u8,
    pub(super) work: Option<Timer>,
    pub(super) in_view: Option<HalfInView>,
    /// What the chart style in `chart` was read for (element.rs `show`).
    pub(super) style_key: Option<StyleKey>,
    /// Label widths measured for replay frames (canvas_backend.rs).
    pub(super) widths: super::canvas_backend::Widths,
    /// This state's own handle, for callbacks it schedules itself.
    pub(super) me: Weak<RefCell<State>>,
    /// The chart box's width in CSS pixels, kept from the ResizeObserver so a live update
    /// never forces a synchronous layout to learn it (0: not known yet).
    pub(super) chart_width: i32,
}

pub(super) fn dispatch(host: &HtmlElement, events: Vec<Emit>) {
    for e in events {
        let (name, detail) = match e {
            Emit::Update(rows) => ("leaderboard-update", rows),
            Emit::Error(message) => ("leaderboard-error", JsValue::from_str(&message)),
        };
        let init = CustomEventInit::new();
        init.set_detail(&detail);
        init.set_bubbles(true);
        init.set_composed(true);
        if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
            super::error::warn_on_error(host.dispatch_event(&event));
        }
    }
}

/// Whether the page showing `host` is hidden.
pub(super) fn page_hidden(host: &HtmlElement) -> bool {
    host.owner_document()
        .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden)
}

/// Runs `f` on the state, then dispatches the events it returned, once the state is released
/// (so a listener that reads `rows` or sets an attribute never meets a borrowed state).
pub(super) fn update(state: &RefCell<State>, f: impl FnOnce(&mut State) -> Vec<Emit>) {
    let (host, events) = {
        let Ok(mut s) = state.try_borrow_mut() else {
            return;
        };
        let events = f(&mut s);
        (s.host.clone(), events)
    };
    dispatch(&host, events);
}

pub(super) fn with_state(weak: &Weak<RefCell<State>>, f: impl FnOnce(&mut State)) {
    if let Some(st) = weak.upgrade() {
        if let Ok(mut s) = st.try_borrow_mut() {
            f(&mut s);
        }
    }
}
