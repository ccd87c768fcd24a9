//! The engine behind `<gov-leaderboard>`: a `#[wasm_bindgen]` struct that the tiny JS class in
//! element.js forwards its lifecycle callbacks to (connected, disconnected, attribute
//! changed), as perspective-viewer does. The board's logic is the core's `Controller`; this
//! file turns DOM events into its inputs and carries out its commands on the DOM (polling.rs
//! carries out fetches and timers). State lives in one `Rc<RefCell<State>>`; callbacks hold
//! only a `Weak` to it and every one is owned (see callbacks.rs) and dropped on disconnect.
//! Events are dispatched only after the state is released, so a listener that reads `rows` or
//! sets an attribute never meets a borrowed state.

use super::api::feed_bytes;
use super::busy::Busy;
use super::callbacks::{Frame, Listener, Resize};
use super::canvas;
use super::dom::Dom;
use super::error::{warn_on_error, WebError};
use super::intl::Intl;
use super::motion::{self, Count, Tween};
use super::polling::on_visible;
use super::state::{page_hidden, update, with_state, Emit, State, StyleKey};
use super::viewport;
use crate::controller::{Clock, Command, Controller, Input, Render};
use js_sys::{Array, Object, Reflect};
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
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
        super::seed_maps();
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
            warn_on_error(dom.board.set_attribute("hidden", ""));
        }
        // The attributes the page set before the engine existed (the controller keeps the
        // ones it knows).
        let mut controller = Controller::new(Box::new(Intl), page_gate());
        for name in host
            .get_attribute_names()
            .iter()
            .filter_map(|n| n.as_string())
        {
            let value = host.get_attribute(&name);
            let input = Input::Attribute {
                name: &name,
                value: value.as_deref(),
            };
            controller.handle(input, clock());
        }
        let state = State {
            host,
            dom,
            slot,
            controller,
            rows: Array::new().into(),
            chart: None,
            locale: None,
            view: None,
            as_of: None,
            row_tops: None,
            timer: None,
            timeout: None,
            announce_timer: None,
            abort: None,
            fetching: None,
            connected: false,
            listeners: Vec::new(),
            resize: None,
            tween: None,
            glide: None,
            ticker: None,
            ticking: false,
            waking: 0,
            work: None,
            in_view: None,
            style_key: None,
            widths: Default::default(),
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
        self.with(|s| {
            s.connected = true;
            s.listen();
            s.show_loading();
            // The page may already be hidden (a background tab): the controller must know
            // before it decides to poll.
            let mut events = s.handle(Input::Visibility {
                hidden: page_hidden(&s.host),
            });
            events.extend(s.handle(Input::ReducedMotion(motion::reduced_motion())));
            events.extend(s.handle(Input::Connected));
            events
        });
    }

    /// `disconnectedCallback`: every listener, timer, observer and request is released.
    pub fn disconnected(&self) {
        self.with(|s| {
            s.connected = false;
            s.stop();
            s.handle(Input::Disconnected)
        });
    }

    /// `attributeChangedCallback`: `src` refetches, `refresh` reschedules, anything else
    /// re-renders from the feed already held.
    #[wasm_bindgen(js_name = attributeChanged)]
    pub fn attribute_changed(&self, name: &str) {
        self.with(|s| {
            let value = s.host.get_attribute(name);
            let input = Input::Attribute {
                name,
                value: value.as_deref(),
            };
            s.handle(input)
        });
    }

    /// The `data` property: a feed object (or JSON/CSV text, or bytes), no fetch.
    #[wasm_bindgen(js_name = setData)]
    pub fn set_data(&self, feed: JsValue) {
        self.with(|s| match feed_bytes(&feed) {
            Ok(bytes) => {
                let _busy = Busy::mark(&s.host);
                s.handle(Input::Data(&bytes))
            }
            Err(e) => s.handle(Input::Failed(&e.to_string())),
        });
    }

    /// The rows on screen, as `rank` returns them.
    pub fn rows(&self) -> JsValue {
        self.state
            .try_borrow()
            .map(|s| s.rows.clone())
            .unwrap_or_else(|_| Array::new().into())
    }

    /// A PNG of the board as shown (SPEC §4 "Share"), `width`×`height` (each 200–4096), given
    /// to `resolve` as a Blob (or the reason to `reject`); element.js's `snapshot()` makes the
    /// promise. A size out of range or no board yet throws at once.
    pub fn snapshot(
        &self,
        width: u32,
        height: u32,
        resolve: js_sys::Function,
        reject: js_sys::Function,
    ) -> Result<(), JsError> {
        let s = self
            .state
            .try_borrow()
            .map_err(|_| JsError::new("gov-leaderboard: busy"))?;
        let done = move |blob: Result<web_sys::Blob, JsValue>| {
            let settled = match blob {
                Ok(blob) => resolve.call1(&JsValue::NULL, &blob),
                Err(e) => reject.call1(&JsValue::NULL, &e),
            };
            warn_on_error(settled);
        };
        s.snapshot(width, height, Box::new(done)).map_err(js_error)
    }

    /// Puts the element in its error state from outside (element.js calls it when a call into
    /// the engine threw), so a failure never leaves a blank box.
    #[wasm_bindgen(js_name = showError)]
    pub fn show_error(&self, message: &str) {
        self.with(|s| s.handle(Input::Failed(message)));
    }
}

impl BoardElement {
    /// Runs `f` on the state, then dispatches the events it returned.
    fn with(&self, f: impl FnOnce(&mut State) -> Vec<Emit>) {
        update(&self.state, f);
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

thread_local! {
    /// The page's announcement schedule: one for all its boards (SPEC §4 "Accessibility").
    static GATE: Rc<crate::controller::announce::Gate> = Rc::default();
}

fn page_gate() -> Rc<crate::controller::announce::Gate> {
    GATE.with(Rc::clone)
}

/// Now, and a random number for the controller's jitter.
pub(super) fn clock() -> Clock {
    Clock {
        now_ms: js_sys::Date::now(),
        random: js_sys::Math::random(),
    }
}

impl State {
    /// Gives the controller an input and carries out what it returns.
    pub(super) fn handle(&mut self, input: Input<'_>) -> Vec<Emit> {
        if matches!(input, Input::Tick) && self.wake_canvas() {
            return Vec::new(); // a replay's first frames (replay.rs)
        }
        let commands = self.controller.handle(input, clock());
        self.run(commands)
    }

    fn run(&mut self, commands: Vec<Command>) -> Vec<Emit> {
        let mut events = Vec::new();
        for command in commands {
            match command {
                Command::Fetch {
                    url,
                    generation,
                    timeout_ms,
                } => self.start_fetch(url, generation, timeout_ms),
                Command::Abort => self.abort_fetch(),
                Command::SetTimer { ms } => self.set_timer(ms),
                Command::ClearTimer => self.timer = None,
                Command::Render(r) => {
                    if let Err(e) = self.show(*r) {
                        events.extend(self.handle(Input::Failed(&e.to_string())));
                    }
                }
                Command::Stale(since) => self.show_stale_note(since),
                Command::Announce(sentence) => self.dom.announce(&sentence),
                Command::AnnounceTimer(ms) => self.set_announce_timer(ms),
                Command::Pause(button) => self.dom.set_pause(button),
                Command::ShowError(message) => self.show_error(&message),
                Command::EmitUpdate => events.push(Emit::Update(self.rows.clone())),
                Command::EmitError(message) => events.push(Emit::Error(message)),
                Command::Controls(controls) => self.dom.set_controls(controls.as_ref()),
                Command::Frames(on) => self.run_frames(on),
                Command::Observe(on) => self.observe_view(on),
                Command::Work => self.schedule_work(),
            }
        }
        events
    }

    pub(super) fn attr(&self, name: &str) -> Option<&str> {
        self.controller.attr(name)
    }

    fn show_loading(&mut self) {
        if !self.controller.has_feed() && self.slot.is_none() {
            let text = self.controller.words().loading;
            let (lang, dir) = self.controller.language();
            self.dom.loading(text, &lang, dir);
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
        let chart = if self.attr("chart") == Some("none") {
            0.0
        } else {
            top * 40.0 + 24.0
        };
        let height = 90.0 + chart + 40.0 + top * 37.0 + 40.0;
        let min = format!("{}px", height as u32);
        warn_on_error(self.host.style().set_property("min-height", &min));
    }

    /// Shows a board the controller rendered: chart, table, motion, `rows`.
    fn show(&mut self, r: Render) -> Result<(), WebError> {
        self.apply_theme();
        // The chart's colours and font come from computed style, read before the DOM changes
        // (while it is still up to date) and only when what they depend on changed: reading
        // it forces a style recalculation, which a replay frame cannot afford.
        let key = StyleKey {
            theme: self.attr("theme").map(str::to_string),
            rtl: r.dir == "rtl",
            dpr: web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()),
        };
        let style = r.view.chart.as_ref().map(|_| match &self.chart {
            Some((_, style)) if self.style_key.as_ref() == Some(&key) => style.clone(),
            _ => canvas::theme(&self.dom.canvas, &self.dom.board, key.rtl),
        });
        let restyled = self.style_key.as_ref() != Some(&key);
        self.style_key = Some(key);
        // Rows glide and figures count up where someone can see them: a table out of view
        // (below a tall chart, say) takes its new order and figures at once, and its
        // animations cost nothing (each glide is style work on every frame it runs).
        let motion = r.animate && !self.dom.rows.is_empty() && viewport::meets(&self.dom.table);
        // FLIP's "first": the positions the last glide measured (reading them now would force a
        // layout: the count-up has written cells since); read only when there are none.
        let cached = self.row_tops.take();
        let before = match (motion, cached) {
            (true, Some(tops)) => tops,
            (true, None) => motion::positions(&self.dom),
            (false, _) => Default::default(),
        };
        // A count-up still running ends now, with its final figures, before cells change again.
        self.tween = None;
        if restyled {
            self.widths.borrow_mut().clear(); // another font or scale: measure afresh
        }
        // The chart needs no layout (its width is known): drawn before the DOM changes, setting
        // canvas fonts costs no style recalculation. The very first time, the width is learnt
        // after the board is shown.
        self.chart = r.view.chart.clone().zip(style);
        let width_known = self.chart_width > 0;
        if width_known {
            // A replay frame draws the bars in view; a board at rest draws them all.
            let band = if r.replay_frame {
                viewport::band(&self.dom.canvas)
            } else {
                None
            };
            self.draw_chart_band(band);
        }
        let kind = match &r.view.chart {
            Some(crate::chart::Chart::Trend { .. }) => "trend",
            _ => "bars",
        };
        let window = r.ranking.window.to_string();
        // A replay frame leaves the rows alone while the table is out of view (the frame at
        // rest, or the first frame with the table in view, brings them up to date).
        let rows = !r.replay_frame || viewport::meets(&self.dom.table);
        self.dom
            .update(
                &r.view,
                r.dir,
                r.ranking.metric.as_str(),
                &window,
                kind,
                rows,
                r.replay_frame,
            )
            .map_err(|e| WebError::Dom(js_error_message(&e)))?;
        self.reveal();
        if !width_known {
            self.draw_chart();
        }
        if motion {
            // Measured in the next frame, where the browser lays the page out anyway: no
            // forced synchronous layout on the update path.
            let me = self.me.clone();
            self.glide = Frame::request(move |_| {
                with_state(&me, |s| {
                    s.row_tops = Some(motion::glide(&mut s.dom, &before))
                })
            });
            self.count_up(&r);
        }
        // `rows` is a board at rest (SPEC §4 "Replay": once motion settles); a replay frame
        // does not rebuild its 50 objects.
        if !r.replay_frame {
            self.rows = rows_object(&r.ranking.rows);
        }
        let share = self.attr("share").map(|_| r.locale.words().share);
        self.dom.set_share(share);
        self.as_of = r.ranking.as_of.map(|d| d.to_string());
        self.view = Some(r.view); // what the share image draws
        self.locale = Some(r.locale);
        Ok(())
    }

    /// First live render: the static board (if any) gives way, the reserved space is released.
    fn reveal(&mut self) {
        if let Some(slot) = self.slot.take() {
            slot.remove();
        }
        warn_on_error(self.dom.board.remove_attribute("hidden"));
        warn_on_error(self.host.style().remove_property("min-height"));
    }

    fn apply_theme(&self) {
        let wanted = match self.attr("theme") {
            Some(t @ ("light" | "dark")) => Some(t.to_string()),
            _ => None,
        };
        // Only a real change touches the attribute (and so invalidates style).
        if self.dom.board.get_attribute("data-theme") != wanted {
            let set = match &wanted {
                Some(t) => self.dom.board.set_attribute("data-theme", t),
                None => self.dom.board.remove_attribute("data-theme"),
            };
            warn_on_error(set);
        }
    }

    pub(super) fn draw_chart(&mut self) {
        self.draw_chart_band(None);
    }

    fn draw_chart_band(&mut self, band: Option<(f64, f64)>) {
        if self.chart_width <= 0 {
            self.chart_width = self.dom.chart.client_width(); // once, before the observer reports
        }
        if let Some((chart, style)) = &self.chart {
            warn_on_error(canvas::draw(
                &self.dom.canvas,
                chart,
                style,
                self.chart_width,
                Some(self.widths.clone()),
                band,
            ));
        }
    }

    /// Theme or colour scheme changed: read the colours again, then draw.
    fn restyle_chart(&mut self) {
        if let Some((_, style)) = &mut self.chart {
            *style = canvas::theme(&self.dom.canvas, &self.dom.board, style.rtl);
        }
        self.draw_chart();
    }

    /// Values count from their old figures to the new ones (the controller's diff).
    fn count_up(&mut self, r: &Render) {
        let counts: Vec<Count> = r
            .counts
            .iter()
            .filter_map(|c| {
                let row = r.ranking.rows.get(c.row)?;
                let cell = self.dom.rows.get(&row.id)?.value.clone();
                Some(Count {
                    last: cell.text_content().unwrap_or_default(),
                    cell,
                    from: c.from as f64,
                    to: c.to as f64,
                })
            })
            .collect();
        if counts.is_empty() {
            return;
        }
        let loc = r.locale.clone();
        self.tween = Some(Tween::start(
            counts,
            Rc::new(move |v| loc.numbers.integer(v.max(0.0) as u64)),
        ));
    }

    /// The stale note: shown with the time of the last good update, or hidden.
    fn show_stale_note(&mut self, since: Option<f64>) {
        let (Some(ms), Some(loc)) = (since, self.locale.clone()) else {
            self.dom.set_stale(None);
            return;
        };
        let when = short_time(&loc.canonical, ms);
        self.dom
            .set_stale(Some(&crate::i18n::fill(loc.words().stale, &[("", &when)])));
    }

    /// No board yet: the error takes its place (a static board, if any, stays instead).
    fn show_error(&mut self, message: &str) {
        if self.slot.is_some() {
            return;
        }
        let words = self.controller.words();
        let (lang, dir) = self.controller.language();
        self.dom.set_language(&lang, dir);
        self.dom.fail(words.error, message);
        warn_on_error(self.dom.board.remove_attribute("hidden"));
        warn_on_error(self.host.style().remove_property("min-height"));
    }

    // ---- callbacks ----

    fn listen(&mut self) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let doc = self.host.owner_document();
        if let Some(doc) = &doc {
            let w = self.me.clone();
            self.listeners
                .extend(Listener::new(doc, "visibilitychange", move |_| {
                    on_visible(&w)
                }));
            // Label widths are kept across updates; a web font that finishes loading changes
            // them: measure again and redraw.
            let fonts = Reflect::get(doc, &"fonts".into())
                .ok()
                .and_then(|f| f.dyn_into::<web_sys::EventTarget>().ok());
            if let Some(fonts) = fonts {
                let w = self.me.clone();
                self.listeners
                    .extend(Listener::new(&fonts, "loadingdone", move |_| {
                        with_state(&w, |s| {
                            s.widths.borrow_mut().clear();
                            s.draw_chart();
                        })
                    }));
            }
        }
        // The chart's colours follow the reader's scheme and forced colours as they change.
        for query in ["(prefers-color-scheme: dark)", "(forced-colors: active)"] {
            if let Ok(Some(list)) = window.match_media(query) {
                let w = self.me.clone();
                self.listeners
                    .extend(Listener::new(&list, "change", move |_| {
                        with_state(&w, |s| s.restyle_chart())
                    }));
            }
        }
        // Motion follows the reader's setting as it changes (rows, figures, the replay).
        if let Ok(Some(list)) = window.match_media(motion::REDUCED_MOTION) {
            let w = self.me.clone();
            let query = list.clone();
            self.listeners
                .extend(Listener::new(&list, "change", move |_| {
                    super::polling::send(&w, |_| Input::ReducedMotion(query.matches()));
                }));
        }
        let w = self.me.clone();
        self.listeners
            .extend(Listener::new(&self.dom.replay.button, "click", move |_| {
                super::polling::send(&w, |_| Input::PlayPause)
            }));
        let w = self.me.clone();
        self.listeners.extend(Listener::new(
            &self.dom.replay.scrubber,
            "input",
            move |_| {
                super::polling::send(&w, |s| {
                    let index = s.dom.replay.scrubber.value().parse::<u32>().unwrap_or(0);
                    Input::Seek(index)
                })
            },
        ));
        let w = self.me.clone();
        self.listeners
            .extend(Listener::new(&self.dom.pause, "click", move |_| {
                super::polling::send(&w, |_| Input::PauseResume)
            }));
        let w = self.me.clone();
        self.listeners
            .extend(Listener::new(&self.dom.share, "click", move |_| {
                with_state(&w, |s| s.share())
            }));
        let w = self.me.clone();
        self.resize = Resize::observe(&self.dom.chart, move |_| {
            with_state(&w, |s| {
                // Layout is fresh when the observer runs: reading the width here is free.
                let width = s.dom.chart.client_width();
                if width != s.chart_width {
                    s.row_tops = None; // rows may wrap differently now
                    s.chart_width = width;
                    s.draw_chart();
                }
            })
        });
    }

    /// Releases every callback and cancels the request in flight.
    fn stop(&mut self) {
        self.listeners.clear();
        self.resize = None;
        self.timer = None;
        self.announce_timer = None;
        self.tween = None;
        self.glide = None;
        self.ticker = None;
        self.ticking = false;
        self.work = None;
        self.in_view = None;
        self.abort_fetch();
    }
}

/// The `rows` property: `[{ rank, id, name, value, previous_rank, delta }]` as `rank` returns
/// them, built as objects (no JSON text, so no float formatter in the element's `.wasm`).
fn rows_object(rows: &[crate::rank::Row]) -> JsValue {
    // The property names made once, not per row: a name made per row is a string decoded in
    // JavaScript and released again, 300 an update of 50 rows.
    let keys = ["rank", "id", "name", "value", "previous_rank", "delta"].map(JsValue::from_str);
    let list = Array::new();
    let opt = |v: Option<f64>| v.map_or(JsValue::NULL, JsValue::from_f64);
    for r in rows {
        let o = Object::new();
        let values = [
            JsValue::from_f64(f64::from(r.rank)),
            JsValue::from_str(&r.id),
            JsValue::from_str(&r.name),
            JsValue::from_f64(r.value.as_f64()),
            opt(r.previous_rank.map(f64::from)),
            opt(r.delta.map(|d| d as f64)),
        ];
        for (key, value) in keys.iter().zip(&values) {
            // Setting properties on a fresh plain object cannot fail.
            let _ = Reflect::set(&o, key, value);
        }
        list.push(&o);
    }
    list.into()
}

/// "14:05" in the board's locale.
fn short_time(locale: &str, ms: f64) -> String {
    let options = Object::new();
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(&options, &"timeStyle".into(), &"short".into());
    let format = js_sys::Intl::DateTimeFormat::new(&Array::of1(&locale.into()), &options).format();
    format
        .call1(&JsValue::NULL, &js_sys::Date::new(&JsValue::from_f64(ms)))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}
