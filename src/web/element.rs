//! The engine behind `<gov-leaderboard>`: a `#[wasm_bindgen]` struct that the tiny JS class in
//! element.js forwards its lifecycle callbacks to (connected, disconnected, attribute
//! changed), as perspective-viewer does. State lives in one `Rc<RefCell<State>>`; callbacks
//! hold only a `Weak` to it and every one is owned (see callbacks.rs) and dropped on
//! disconnect. Events are dispatched only after the state is released, so a listener that
//! reads `rows` or sets an attribute never meets a borrowed state.

use super::api::feed_bytes;
use super::busy::Busy;
use super::callbacks::{Frame, Listener, Resize};
use super::canvas;
use super::dom::Dom;
use super::error::{warn_on_error, WebError};
use super::motion::{self, Count, Tween};
use super::polling::on_visible;
use super::state::{dispatch, with_state, Emit, State};
use crate::board::{self, BoardOptions};
use crate::feed;
use crate::i18n::BoardLocale;
use crate::rank::{Ranking, Value};
use js_sys::{Array, Object, Reflect, JSON};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// The element's engine; one per `<gov-leaderboard>`.
#[wasm_bindgen]
pub struct BoardElement {
    state: Rc<RefCell<State>>,
}

#[wasm_bindgen]
impl BoardElement {
    /// Attaches the open shadow root and builds the (hidden) board.
    #[wasm_bindgen(constructor)]
    pub fn new(host: HtmlElement) -> Result<BoardElement, JsError> {
        let root = shadow_root(&host).map_err(js_error)?;
        let doc = host
            .owner_document()
            .ok_or_else(|| JsError::new("element has no document"))?;
        // Static markup inside the element stays visible through a slot until the first
        // live render replaces it in place.
        let slot = if host.first_element_child().is_some() {
            let slot = doc.create_element("slot").map_err(js_error)?;
            root.append_child(&slot).map_err(js_error)?;
            Some(slot)
        } else {
            None
        };
        let dom = Dom::build(&doc, &root).map_err(js_error)?;
        if slot.is_some() {
            warn_on_error("hide the board", dom.board.set_attribute("hidden", ""));
        }
        let state = State {
            host,
            dom,
            slot,
            feed: None,
            feed_hash: None,
            ranking: None,
            rows: Array::new().into(),
            chart: None,
            locale: None,
            last_good_ms: None,
            stale: false,
            last_announce_ms: f64::NEG_INFINITY,
            generation: 0,
            failures: 0,
            timer: None,
            timeout: None,
            abort: None,
            due_while_hidden: false,
            connected: false,
            listeners: Vec::new(),
            resize: None,
            tween: None,
            glide: None,
            me: Weak::new(),
            chart_width: 0,
        };
        let state = Rc::new(RefCell::new(state));
        if let Ok(mut s) = state.try_borrow_mut() {
            s.me = Rc::downgrade(&state);
        }
        Ok(BoardElement { state })
    }

    /// `connectedCallback`: listen, then load (from `data` already set, or from `src`).
    pub fn connected(&self) {
        let weak = Rc::downgrade(&self.state);
        let events = {
            let Ok(mut s) = self.state.try_borrow_mut() else {
                return;
            };
            s.connected = true;
            s.listen(&weak);
            s.show_loading();
            let mut events = Vec::new();
            if s.feed.is_some() {
                events.extend(s.render(false));
            }
            s.restart_polling(&weak);
            events
        };
        self.dispatch(events);
    }

    /// `disconnectedCallback`: every listener, timer, observer and request is released.
    pub fn disconnected(&self) {
        if let Ok(mut s) = self.state.try_borrow_mut() {
            s.connected = false;
            s.stop();
        }
    }

    /// `attributeChangedCallback`: `src` refetches, `refresh` reschedules, anything else
    /// re-renders from the feed already held.
    #[wasm_bindgen(js_name = attributeChanged)]
    pub fn attribute_changed(&self, name: &str) {
        let weak = Rc::downgrade(&self.state);
        let events = {
            let Ok(mut s) = self.state.try_borrow_mut() else {
                return;
            };
            if !s.connected {
                return;
            }
            match name {
                "src" => {
                    s.feed_hash = None;
                    s.restart_polling(&weak);
                    Vec::new()
                }
                "refresh" => {
                    s.reschedule(&weak);
                    Vec::new()
                }
                _ if s.feed.is_some() => s.render(true),
                _ => Vec::new(),
            }
        };
        self.dispatch(events);
    }

    /// The `data` property: a feed object (or JSON/CSV text, or bytes), no fetch.
    #[wasm_bindgen(js_name = setData)]
    pub fn set_data(&self, feed: JsValue) {
        let events = {
            let Ok(mut s) = self.state.try_borrow_mut() else {
                return;
            };
            match feed_bytes(&feed) {
                Ok(bytes) => s.accept(&bytes, "data"),
                Err(e) => s.fail(&e.to_string()),
            }
        };
        self.dispatch(events);
    }

    /// The rows on screen, as `rank` returns them.
    pub fn rows(&self) -> JsValue {
        self.state
            .try_borrow()
            .map(|s| s.rows.clone())
            .unwrap_or_else(|_| Array::new().into())
    }

    /// Puts the element in its error state from outside (element.js calls it when a call into
    /// the engine threw), so a failure never leaves a blank box.
    #[wasm_bindgen(js_name = showError)]
    pub fn show_error(&self, message: &str) {
        let events = match self.state.try_borrow_mut() {
            Ok(mut s) => s.fail(message),
            Err(_) => vec![Emit::Error(message.to_string())],
        };
        self.dispatch(events);
    }
}

impl BoardElement {
    fn dispatch(&self, events: Vec<Emit>) {
        let host = match self.state.try_borrow() {
            Ok(s) => s.host.clone(),
            Err(_) => return,
        };
        dispatch(&host, events);
    }
}

fn js_error(e: JsValue) -> JsError {
    JsError::new(&js_error_message(&e))
}

fn js_error_message(e: &JsValue) -> String {
    Reflect::get(e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unexpected error".into())
}

fn shadow_root(host: &HtmlElement) -> Result<ShadowRoot, JsValue> {
    if let Some(root) = host.shadow_root() {
        // A board that was removed and comes back gets a new engine: start from empty.
        root.set_text_content(None);
        return Ok(root);
    }
    host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// FNV-1a: cheap identity of a feed body, to skip re-parsing an unchanged one.
fn hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

impl State {
    pub(super) fn attr(&self, name: &str) -> Option<String> {
        self.host.get_attribute(name)
    }

    fn options(&self) -> Result<BoardOptions, WebError> {
        Ok(BoardOptions::from_lookup(|k| self.attr(k))?)
    }

    fn board_locale(&mut self, tag: &str) -> Result<Rc<BoardLocale>, WebError> {
        if let Some(loc) = self.locale.as_ref().filter(|l| l.tag == tag) {
            return Ok(loc.clone());
        }
        let loc = Rc::new(BoardLocale::with(tag, &super::intl::Intl)?);
        self.locale = Some(loc.clone());
        Ok(loc)
    }

    /// The words of the board's current locale (English if the attribute is not usable).
    pub(super) fn words(&mut self) -> &'static crate::i18n::Words {
        let tag = self
            .attr("locale")
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| "en".into());
        self.board_locale(&tag)
            .or_else(|_| self.board_locale("en"))
            .map_or(crate::i18n::words_for(crate::i18n::Lang::En), |l| l.words())
    }

    fn show_loading(&mut self) {
        if self.feed.is_none() && self.slot.is_none() {
            let text = self.words().loading;
            self.dom.loading(text);
            self.reserve_space();
        }
    }

    /// Before the first board, hold roughly its height so the article does not jump.
    fn reserve_space(&self) {
        let top = self
            .attr("top")
            .and_then(|t| t.parse::<u32>().ok())
            .unwrap_or(10)
            .clamp(1, 50) as f64;
        let chart = if self.attr("chart").as_deref() == Some("none") {
            0.0
        } else {
            top * 40.0 + 24.0
        };
        let height = 90.0 + chart + 40.0 + top * 37.0 + 40.0;
        let min = format!("{}px", height as u32);
        warn_on_error(
            "reserve the board's height",
            self.host.style().set_property("min-height", &min),
        );
    }

    /// New feed bytes from a fetch or the `data` property.
    pub(super) fn accept(&mut self, bytes: &[u8], origin: &str) -> Vec<Emit> {
        let _busy = Busy::mark(&self.host);
        let h = hash(bytes);
        if self.feed_hash == Some(h) && self.feed.is_some() {
            self.mark_fresh();
            return Vec::new();
        }
        match feed::parse(bytes) {
            Ok(feed) => {
                self.feed = Some(Rc::new(feed));
                self.feed_hash = Some(h);
                self.mark_fresh();
                self.render(true)
            }
            Err(e) => self.fail(&format!("{origin}: invalid feed\n{e}")),
        }
    }

    fn mark_fresh(&mut self) {
        self.last_good_ms = Some(now_ms());
        self.stale = false;
        self.dom.set_stale(None);
    }

    /// Ranks, localizes and shows the current feed with the current attributes.
    fn render(&mut self, animate: bool) -> Vec<Emit> {
        match self.try_render(animate) {
            Ok(rows) => vec![Emit::Update(rows)],
            Err(e) => self.fail(&e.to_string()),
        }
    }

    fn try_render(&mut self, animate: bool) -> Result<JsValue, WebError> {
        let opts = self.options()?;
        let loc = self.board_locale(opts.locale_tag())?;
        let Some(feed) = self.feed.clone() else {
            return Ok(self.rows.clone());
        };
        let (ranking, view) = board::build(&feed, &opts, &loc);
        let dir = match self.attr("dir").as_deref() {
            Some(d @ ("ltr" | "rtl")) => d.to_string(),
            _ => if loc.rtl { "rtl" } else { "ltr" }.to_string(),
        };
        self.apply_theme();
        // Computed style is read before the DOM changes, while it is still up to date.
        let style = view
            .chart
            .as_ref()
            .map(|_| canvas::theme(&self.dom.canvas, &self.dom.board, dir == "rtl"));
        let motion = animate && !self.dom.rows.is_empty() && !motion::reduced_motion();
        let before = if motion {
            motion::positions(&self.dom)
        } else {
            HashMap::new()
        };
        // A count-up still running ends now, with its final figures, before cells change again.
        self.tween = None;
        let previous = self.previous_rows();
        // The chart needs no layout (its width is known): drawn before the DOM changes, setting
        // canvas fonts costs no style recalculation. The very first time, the width is learnt
        // after the board is shown.
        self.chart = view.chart.clone().zip(style);
        let width_known = self.chart_width > 0;
        if width_known {
            self.draw_chart();
        }
        self.dom
            .update(&view, &dir, view.chart.is_some())
            .map_err(|e| WebError::Dom(js_error_message(&e)))?;
        self.reveal();
        if !width_known {
            self.draw_chart();
        }
        if motion {
            // Measured in the next frame, where the browser lays the page out anyway: no
            // forced synchronous layout on the update path.
            let me = self.me.clone();
            self.glide =
                Frame::request(move |_| with_state(&me, |s| motion::glide(&s.dom, &before)));
            self.count_up(&ranking, &previous, &loc);
        }
        self.announce(&ranking, &previous, &loc);
        self.show_stale_note(&loc);
        let rows_json = crate::output::rows_json(&ranking.rows);
        self.rows = JSON::parse(&rows_json).unwrap_or_else(|_| Array::new().into());
        self.ranking = Some(ranking);
        Ok(self.rows.clone())
    }

    /// First live render: the static board (if any) gives way, the reserved space is released.
    fn reveal(&mut self) {
        if let Some(slot) = self.slot.take() {
            slot.remove();
        }
        warn_on_error("show the board", self.dom.board.remove_attribute("hidden"));
        warn_on_error(
            "release the reserved height",
            self.host.style().remove_property("min-height"),
        );
    }

    fn apply_theme(&self) {
        let wanted = match self.attr("theme").as_deref() {
            Some(t @ ("light" | "dark")) => Some(t.to_string()),
            _ => None,
        };
        // Only a real change touches the attribute (and so invalidates style).
        if self.dom.board.get_attribute("data-theme") != wanted {
            let set = match &wanted {
                Some(t) => self.dom.board.set_attribute("data-theme", t),
                None => self.dom.board.remove_attribute("data-theme"),
            };
            warn_on_error("set the theme", set);
        }
    }

    fn draw_chart(&mut self) {
        if self.chart_width <= 0 {
            self.chart_width = self.dom.chart.client_width(); // once, before the observer reports
        }
        if let Some((chart, style)) = &self.chart {
            warn_on_error(
                "draw the chart",
                canvas::draw(&self.dom.canvas, chart, style, self.chart_width),
            );
        }
    }

    /// Theme or colour scheme changed: read the colours again, then draw.
    fn restyle_chart(&mut self) {
        if let Some((_, style)) = &mut self.chart {
            *style = canvas::theme(&self.dom.canvas, &self.dom.board, style.rtl);
        }
        self.draw_chart();
    }

    /// Rank and value of each row on screen, from the last ranking (not read back from the DOM).
    fn previous_rows(&self) -> HashMap<String, (u32, Value)> {
        self.ranking
            .iter()
            .flat_map(|r| &r.rows)
            .map(|r| (r.id.clone(), (r.rank, r.value)))
            .collect()
    }

    fn count_up(
        &mut self,
        ranking: &Ranking,
        previous: &HashMap<String, (u32, Value)>,
        loc: &Rc<BoardLocale>,
    ) {
        let counts: Vec<Count> = ranking
            .rows
            .iter()
            .filter_map(|r| {
                let Value::Count(to) = r.value else {
                    return None;
                };
                let Some(&(_, Value::Count(from))) = previous.get(&r.id) else {
                    return None;
                };
                let from = from as f64;
                let cell = self.dom.rows.get(&r.id)?.value.clone();
                (from != to as f64).then(|| Count {
                    last: cell.text_content().unwrap_or_default(),
                    cell,
                    from,
                    to: to as f64,
                })
            })
            .collect();
        if counts.is_empty() {
            return;
        }
        let loc = loc.clone();
        self.tween = Some(Tween::start(
            counts,
            Rc::new(move |v| loc.numbers.integer(v.max(0.0) as u64)),
        ));
    }

    /// Tells screen readers, politely and at most every few seconds, how ranks moved.
    fn announce(
        &mut self,
        ranking: &Ranking,
        previous: &HashMap<String, (u32, Value)>,
        loc: &BoardLocale,
    ) {
        if previous.is_empty() || now_ms() - self.last_announce_ms < 5000.0 {
            return;
        }
        let pin = self.attr("pin");
        let moved: Vec<(bool, String)> = ranking
            .rows
            .iter()
            .filter_map(|r| {
                let before = previous.get(&r.id)?.0;
                (before != r.rank).then(|| {
                    let delta = i64::from(before) - i64::from(r.rank);
                    let (_, words) = loc.movement(Some(delta));
                    let name = self.feed.as_ref().map_or(r.name.clone(), |f| {
                        f.pages[r.page].display_name(&loc.tag).to_string()
                    });
                    let rank = loc.numbers.integer(u64::from(r.rank));
                    let text = crate::i18n::fill(
                        loc.words().announce,
                        &[("name", &name), ("move", &words), ("rank", &rank)],
                    );
                    (pin.as_deref() == Some(r.id.as_str()), text)
                })
            })
            .collect();
        if moved.is_empty() {
            return;
        }
        // The pinned page first, then the others in board order.
        let (pinned, others): (Vec<_>, Vec<_>) = moved.into_iter().partition(|(pinned, _)| *pinned);
        let text: Vec<String> = pinned
            .into_iter()
            .chain(others)
            .take(3)
            .map(|(_, t)| t)
            .collect();
        self.dom.announcer.set_text_content(Some(&text.join(". ")));
        self.last_announce_ms = now_ms();
    }

    fn show_stale_note(&self, loc: &BoardLocale) {
        if !self.stale {
            self.dom.set_stale(None);
            return;
        }
        let when = self
            .last_good_ms
            .map(|ms| short_time(&loc.canonical, ms))
            .unwrap_or_default();
        self.dom
            .set_stale(Some(&crate::i18n::fill(loc.words().stale, &[("", &when)])));
    }

    /// A failed fetch, an invalid feed or bad options: keep the last good board and mark it
    /// stale, or show the error where no board has loaded yet.
    pub(super) fn fail(&mut self, message: &str) -> Vec<Emit> {
        let words = self.words();
        if self.ranking.is_some() {
            self.stale = true;
            if let Some(loc) = self.locale.clone() {
                self.show_stale_note(&loc);
            }
        } else if self.slot.is_none() {
            warn_on_error("show the error", self.dom.fail(words.error, message));
            warn_on_error("show the board", self.dom.board.remove_attribute("hidden"));
            warn_on_error(
                "release the reserved height",
                self.host.style().remove_property("min-height"),
            );
        }
        vec![Emit::Error(message.to_string())]
    }

    // ---- callbacks ----

    fn listen(&mut self, weak: &Weak<RefCell<State>>) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let doc = self.host.owner_document();
        if let Some(doc) = &doc {
            let w = weak.clone();
            self.listeners
                .extend(Listener::new(doc, "visibilitychange", move |_| {
                    on_visible(&w)
                }));
        }
        if let Ok(Some(dark)) = window.match_media("(prefers-color-scheme: dark)") {
            let w = weak.clone();
            self.listeners
                .extend(Listener::new(&dark, "change", move |_| {
                    with_state(&w, |s| s.restyle_chart())
                }));
        }
        let w = weak.clone();
        self.resize = Resize::observe(&self.dom.chart, move |_| {
            with_state(&w, |s| {
                // Layout is fresh when the observer runs: reading the width here is free.
                let width = s.dom.chart.client_width();
                if width != s.chart_width {
                    s.chart_width = width;
                    s.draw_chart();
                }
            })
        });
    }

    /// Releases every callback and cancels the request in flight.
    fn stop(&mut self) {
        self.generation = self.generation.wrapping_add(1);
        self.listeners.clear();
        self.resize = None;
        self.timer = None;
        self.timeout = None;
        self.tween = None;
        self.glide = None;
        if let Some(abort) = self.abort.take() {
            abort.abort();
        }
    }
}

/// "14:05" in the board's locale.
fn short_time(locale: &str, ms: f64) -> String {
    let options = Object::new();
    let _ = Reflect::set(&options, &"timeStyle".into(), &"short".into());
    let format = js_sys::Intl::DateTimeFormat::new(&Array::of1(&locale.into()), &options).format();
    format
        .call1(&JsValue::NULL, &js_sys::Date::new(&JsValue::from_f64(ms)))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}
