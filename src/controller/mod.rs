//! The live board's logic, pure: no I/O, no browser. It takes inputs (attributes changed,
//! connected, disconnected, feed bytes from `data` or a fetch, a timer, the page hidden or
//! shown), each with the current time and a random number for jitter, and returns commands
//! for the browser layer to carry out (fetch, set a timer, render this board, show the stale
//! note, announce, emit an event). Backoff, staleness, the hidden-page pause, announcement
//! throttling and the count-up diff live here and are tested natively (tests.rs, with a fake
//! clock); `src/web/` only translates DOM events into inputs and commands into DOM calls.

pub mod announce;
mod playback;
mod replay;
#[cfg(test)]
mod tests;

use crate::board::{self, BoardOptions, BoardView};
use crate::feed::{self, Feed};
use crate::format::Locales;
use crate::i18n::BoardLocale;
use crate::rank::{Ranking, Value};
use crate::schedule::{next_delay, parse_refresh, REQUEST_TIMEOUT_S};
use crate::small_map::SmallMap;
use announce::Gate;
use replay::Replay;
use std::rc::Rc;

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Input<'a> {
    /// An attribute was set (`Some`) or removed (`None`).
    Attribute {
        name: &'a str,
        value: Option<&'a str>,
    },
    Connected,
    Disconnected,
    /// A feed given directly (the `data` property): JSON or CSV bytes.
    Data(&'a [u8]),
    /// The timer set by the last [`Command::SetTimer`] fired.
    TimerFired,
    /// The fetch started by [`Command::Fetch`] with this generation finished.
    Fetched {
        generation: u32,
        result: Result<&'a [u8], &'a str>,
    },
    /// The page was hidden or shown.
    Visibility {
        hidden: bool,
    },
    /// Something failed outside the controller (a call into the engine threw).
    Failed(&'a str),
    /// The replay's play button was pressed (play, or pause while playing).
    PlayPause,
    /// The replay's scrubber was set to this day index (0 = F).
    Seek(u32),
    /// An animation frame while playing (after [`Command::Frames`]`(true)`).
    Tick,
    /// Whether at least half the board is in view (after [`Command::Observe`]`(true)`).
    InView(bool),
    /// Whether the reader asks for reduced motion.
    ReducedMotion(bool),
    /// Time for the next share of background work (after [`Command::Work`]).
    Work,
    /// The page may speak again (after [`Command::AnnounceTimer`]).
    AnnounceDue,
    /// The pause button was pressed (pause updates, or resume them).
    PauseResume,
}

/// When it happened, and a uniform random number in [0, 1) for jitter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Clock {
    pub now_ms: f64,
    pub random: f64,
}

/// What the browser layer is to do, in order.
#[derive(Debug, Clone)]
pub enum Command {
    /// Fetch `url` (revalidating with the feed's ETag), aborting after `timeout_ms`; report
    /// with [`Input::Fetched`] and this generation.
    Fetch {
        url: String,
        generation: u32,
        timeout_ms: f64,
    },
    /// Abort the fetch in flight.
    Abort,
    /// Replace the timer: fire [`Input::TimerFired`] after `ms`.
    SetTimer {
        ms: f64,
    },
    ClearTimer,
    /// Show this board.
    Render(Box<Render>),
    /// Show the stale note with the time of the last good update, or hide it (`None`).
    Stale(Option<f64>),
    /// Say this to screen readers (politely): a span of text, names in another language
    /// marked with `lang`.
    Announce(crate::markup::El),
    /// Send [`Input::AnnounceDue`] after `ms` (the page spoke lately; this board waits).
    AnnounceTimer(f64),
    /// Show the pause button (`refresh` > 0) with its state (pressed: paused) and name, or
    /// hide it (`None`).
    Pause(Option<(bool, &'static str)>),
    /// No board could be shown: show this error in its place.
    ShowError(String),
    /// Dispatch `leaderboard-update` (with the rows of the last render).
    EmitUpdate,
    /// Dispatch `leaderboard-error` with this message.
    EmitError(String),
    /// Show the replay controls so, or hide them (`None`).
    Controls(Option<Controls>),
    /// Start (`true`) or stop sending [`Input::Tick`] on every animation frame.
    Frames(bool),
    /// Start (`true`) or stop reporting [`Input::InView`] (for autoplay).
    Observe(bool),
    /// Send [`Input::Work`] in a later task.
    Work,
}

/// The replay controls (SPEC §4 "Replay"): a play button, a scrubber over the days, the day.
#[derive(Debug, Clone, PartialEq)]
pub struct Controls {
    /// Days from F to D.
    pub days: u32,
    /// The day shown, 0 = F.
    pub index: u32,
    /// The day shown, in the board's language (also the scrubber's value text).
    pub day: String,
    pub playing: bool,
    /// The button's accessible name (its state is `aria-pressed`).
    pub play_label: &'static str,
    pub scrubber_label: &'static str,
}

/// A board to show, and what changed since the last one (for the glide and the count-up).
#[derive(Debug, Clone)]
pub struct Render {
    pub view: BoardView,
    pub ranking: Ranking,
    pub locale: Rc<BoardLocale>,
    /// `ltr` or `rtl`: the `dir` attribute, else the locale's.
    pub dir: &'static str,
    /// Animate from the board on screen (rows glide, values count); never under reduced motion.
    pub animate: bool,
    /// Values that count up (or down) to their new figures.
    pub counts: Vec<CountUp>,
    /// A frame of a replay under way: the same labels are drawn again and again, so their
    /// measured widths may be reused (any other render measures afresh).
    pub replay_frame: bool,
}

/// A shown page whose count changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountUp {
    /// Index of the row in `Render::ranking.rows`.
    pub row: usize,
    pub from: u64,
    pub to: u64,
}

/// The live board's state; see the module documentation.
pub struct Controller {
    locales: Box<dyn Locales>,
    /// The element's attributes (a handful), in the small map the feed's locale maps use too.
    attrs: SmallMap<String>,
    connected: bool,
    hidden: bool,
    generation: u32,
    failures: u32,
    in_flight: bool,
    due_while_hidden: bool,
    feed: Option<Feed>,
    feed_hash: Option<u64>,
    last_good_ms: Option<f64>,
    stale: bool,
    locale: Option<Rc<BoardLocale>>,
    /// The rows on screen: page id → (rank, value).
    shown: Option<SmallMap<(u32, Value)>>,
    /// The page's announcement schedule, shared with its other boards.
    gate: Rc<Gate>,
    /// The ranks of the board at D as last announced (or first shown): what the next
    /// announcement compares with.
    /// (The map has the type of `shown`: one instance of the map's code in the `.wasm`.)
    said: Option<SmallMap<(u32, Value)>>,
    /// The rows of the board at D last shown (a replay elsewhere leaves them).
    latest: Option<Vec<crate::rank::Row>>,
    /// An [`Command::AnnounceTimer`] is set.
    announce_waiting: bool,
    /// The reader paused updates (the pause button).
    paused: bool,
    /// A feed given by `data` while paused, taken when updates resume.
    held: Option<Vec<u8>>,
    replay: Replay,
}

/// When a (re)started poll makes its request.
#[derive(Clone, Copy)]
enum Fetch {
    /// In this task. On connecting, every attribute is already there, and the response
    /// element.js requested while the .wasm loaded is taken in this same task: a feed that has
    /// arrived is shown before the first frame, with no frame of "loading" before it (a first
    /// load spent that frame, ~10 ms, and the 0 ms timer after it).
    Now,
    /// On a 0 ms timer: attributes set one after another in one task (`src`, then others) make
    /// one request, with all of them.
    NextTask,
}

impl Controller {
    /// A controller whose numbers and dates come from `locales` (Intl in the browser), and
    /// that speaks through the page's `gate`.
    pub fn new(locales: Box<dyn Locales>, gate: Rc<Gate>) -> Controller {
        Controller {
            locales,
            attrs: SmallMap::default(),
            connected: false,
            hidden: false,
            generation: 0,
            failures: 0,
            in_flight: false,
            due_while_hidden: false,
            feed: None,
            feed_hash: None,
            last_good_ms: None,
            stale: false,
            locale: None,
            shown: None,
            gate,
            said: None,
            latest: None,
            announce_waiting: false,
            paused: false,
            held: None,
            replay: Replay::default(),
        }
    }

    /// Whether a feed has been accepted (a board can be shown).
    pub fn has_feed(&self) -> bool {
        self.feed.is_some()
    }

    /// The current value of an attribute.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.get(name).map(String::as_str)
    }

    /// Handles one input; returns what to do.
    pub fn handle(&mut self, input: Input<'_>, clock: Clock) -> Vec<Command> {
        let mut out = Vec::new();
        match input {
            Input::Attribute { name, value } => self.attribute(name, value, clock, &mut out),
            Input::Connected => {
                self.connected = true;
                self.push_pause(&mut out);
                if self.feed.is_some() {
                    self.render(false, clock, &mut out);
                }
                self.restart_polling(Fetch::Now, &mut out);
            }
            Input::Disconnected => {
                self.connected = false;
                self.generation = self.generation.wrapping_add(1);
                self.stop_polling(&mut out);
                self.replay.play = None;
                self.replay.observing = false;
                self.announce_waiting = false; // its timer is gone; a change waits for the next
            }
            Input::Data(bytes) if self.paused && self.feed.is_some() => {
                self.held = Some(bytes.to_vec()); // taken on resume: nothing is lost
            }
            Input::Data(bytes) => self.accept(bytes, "data", clock, &mut out),
            Input::TimerFired => self.begin_fetch(&mut out),
            Input::Fetched { generation, result } => {
                self.fetched(generation, result, clock, &mut out)
            }
            Input::Visibility { hidden } => {
                self.hidden = hidden;
                if hidden && self.replay.play.is_some() {
                    self.stop_playing(clock, &mut out);
                }
                if !hidden && self.due_while_hidden {
                    self.due_while_hidden = false;
                    self.begin_fetch(&mut out);
                }
            }
            Input::Failed(message) => self.fail(message, &mut out),
            Input::PlayPause => self.play_pause(clock, &mut out),
            Input::Seek(index) => self.seek(index, clock, &mut out),
            Input::Tick => self.tick(clock, &mut out),
            Input::InView(visible) => self.in_view(visible, clock, &mut out),
            Input::ReducedMotion(reduced) => {
                self.replay.reduced_motion = reduced;
                if reduced && self.replay.observing {
                    self.replay.observing = false;
                    out.push(Command::Observe(false));
                }
            }
            Input::AnnounceDue => {
                self.announce_waiting = false;
                self.consider_announcing(clock, &mut out);
            }
            Input::PauseResume => self.pause_resume(clock, &mut out),
            Input::Work => {
                if let Some(feed) = &self.feed {
                    if self.replay.work(feed, replay::WORK_PER_TASK) {
                        out.push(Command::Work);
                    }
                }
            }
        }
        out
    }

    fn attribute(&mut self, name: &str, value: Option<&str>, clock: Clock, out: &mut Vec<Command>) {
        match value {
            Some(v) => self.attrs.insert(name.to_string(), v.to_string()),
            None => {
                self.attrs.remove(name);
            }
        }
        if !self.connected {
            return;
        }
        match name {
            "src" => {
                self.feed_hash = None;
                self.restart_polling(Fetch::NextTask, out);
            }
            "refresh" => {
                self.push_pause(out);
                self.reschedule(clock, out)
            }
            "timeout" | "announce" => {}
            _ if self.feed.is_some() => {
                // Other options give another board: announcements compare with it from now.
                self.render(true, clock, out);
                self.said = None;
                self.remember_said();
            }
            _ => {}
        }
    }

    // ---- pausing (WCAG 2.2.2) ----

    /// Shows the pause button when the board polls (`refresh` > 0), with its state.
    fn push_pause(&mut self, out: &mut Vec<Command>) {
        let button = (self.refresh_s() > 0.0).then(|| (self.paused, self.words().pause));
        out.push(Command::Pause(button));
    }

    /// Stops updates and announcements, or resumes them: a feed held meanwhile is shown and
    /// the feed is fetched at once.
    fn pause_resume(&mut self, clock: Clock, out: &mut Vec<Command>) {
        self.paused = !self.paused;
        if self.paused {
            self.generation = self.generation.wrapping_add(1);
            self.stop_polling(out);
        } else {
            if let Some(bytes) = self.held.take() {
                self.accept(&bytes, "data", clock, out);
            }
            self.restart_polling(Fetch::NextTask, out);
            self.consider_announcing(clock, out);
        }
        self.push_pause(out);
    }

    // ---- polling ----

    fn src(&self) -> Option<String> {
        self.attr("src")
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    }

    fn refresh_s(&self) -> f64 {
        self.attr("refresh").and_then(parse_refresh).unwrap_or(0.0)
    }

    /// Seconds a request may take, body included: the `timeout` attribute, else the default.
    fn timeout_s(&self) -> f64 {
        self.attr("timeout")
            .and_then(parse_refresh)
            .filter(|t| *t > 0.0)
            .unwrap_or(REQUEST_TIMEOUT_S)
    }

    fn stop_polling(&mut self, out: &mut Vec<Command>) {
        out.push(Command::ClearTimer);
        if self.in_flight {
            self.in_flight = false;
            out.push(Command::Abort);
        }
    }

    /// A new `src`, a new connection or a resume: forget failures and fetch.
    fn restart_polling(&mut self, when: Fetch, out: &mut Vec<Command>) {
        self.generation = self.generation.wrapping_add(1);
        self.failures = 0;
        self.stop_polling(out);
        if self.src().is_some() && !self.paused {
            match when {
                Fetch::Now => self.begin_fetch(out),
                Fetch::NextTask => out.push(Command::SetTimer { ms: 0.0 }),
            }
        }
    }

    /// A new `refresh`: the next poll is counted from now with the new interval.
    fn reschedule(&mut self, clock: Clock, out: &mut Vec<Command>) {
        if self.in_flight || self.src().is_none() || self.paused {
            return;
        }
        out.push(Command::ClearTimer);
        self.schedule_next(clock, out);
    }

    fn schedule_next(&mut self, clock: Clock, out: &mut Vec<Command>) {
        let refresh = self.refresh_s();
        if refresh > 0.0 && !self.paused {
            let ms = next_delay(refresh, self.failures, clock.random) * 1000.0;
            out.push(Command::SetTimer { ms });
        }
    }

    /// Time to poll: fetch, unless the page is hidden and a board is up (then when it shows).
    fn begin_fetch(&mut self, out: &mut Vec<Command>) {
        let Some(url) = self.src() else {
            return;
        };
        if self.paused {
            return; // a timer that fired as the reader paused: resuming fetches
        }
        if self.hidden && self.feed.is_some() {
            self.due_while_hidden = true;
            return;
        }
        self.in_flight = true;
        out.push(Command::Fetch {
            url,
            generation: self.generation,
            timeout_ms: self.timeout_s() * 1000.0,
        });
    }

    fn fetched(
        &mut self,
        generation: u32,
        result: Result<&[u8], &str>,
        clock: Clock,
        out: &mut Vec<Command>,
    ) {
        if generation != self.generation || !self.connected {
            return; // disconnected, or `src` changed meanwhile
        }
        self.in_flight = false;
        let before = out.len();
        match result {
            Ok(bytes) => self.accept(bytes, "src", clock, out),
            Err(message) => self.fail(message, out),
        }
        let failed = out[before..]
            .iter()
            .any(|c| matches!(c, Command::EmitError(_)));
        self.failures = if failed {
            self.failures.saturating_add(1)
        } else {
            0
        };
        self.schedule_next(clock, out);
    }

    // ---- data ----

    /// New feed bytes: unchanged ones only refresh the board's freshness.
    fn accept(&mut self, bytes: &[u8], origin: &str, clock: Clock, out: &mut Vec<Command>) {
        let h = hash(bytes);
        if self.feed_hash == Some(h) && self.feed.is_some() {
            self.mark_fresh(clock, out);
            return;
        }
        match feed::parse(bytes) {
            Ok(f) => {
                self.feed = Some(f);
                self.feed_hash = Some(h);
                self.mark_fresh(clock, out);
                self.render(true, clock, out);
                self.consider_announcing(clock, out);
            }
            Err(e) => self.fail(&format!("{origin}: invalid feed\n{e}"), out),
        }
    }

    fn mark_fresh(&mut self, clock: Clock, out: &mut Vec<Command>) {
        self.last_good_ms = Some(clock.now_ms);
        self.stale = false;
        out.push(Command::Stale(None));
    }

    /// A failed fetch, an invalid feed or bad options: the last good board stays, marked
    /// stale; with no board yet, the error takes its place.
    fn fail(&mut self, message: &str, out: &mut Vec<Command>) {
        if self.shown.is_some() {
            self.stale = true;
            out.push(Command::Stale(self.last_good_ms.or(Some(0.0))));
        } else {
            out.push(Command::ShowError(message.to_string()));
        }
        out.push(Command::EmitError(message.to_string()));
    }

    // ---- rendering ----

    fn options(&self) -> Result<BoardOptions, String> {
        BoardOptions::from_lookup(|k| self.attr(k).map(str::to_string)).map_err(|e| e.to_string())
    }

    fn board_locale(&mut self, tag: &str) -> Result<Rc<BoardLocale>, String> {
        if let Some(loc) = self.locale.as_ref().filter(|l| l.tag == tag) {
            return Ok(loc.clone());
        }
        let loc =
            Rc::new(BoardLocale::with(tag, self.locales.as_ref()).map_err(|e| e.to_string())?);
        self.locale = Some(loc.clone());
        Ok(loc)
    }

    /// The board's language (canonical tag) and direction (the `dir` attribute, else the
    /// locale's), English while the locale is unusable.
    pub fn language(&mut self) -> (String, &'static str) {
        self.words();
        match self.locale.clone() {
            Some(loc) => (loc.canonical.clone(), self.dir(&loc)),
            None => ("en".into(), "ltr"),
        }
    }

    /// The board's words, in its locale (English while the locale is unusable).
    pub fn words(&mut self) -> &'static crate::i18n::Words {
        let tag = self
            .attr("locale")
            .filter(|t| !t.is_empty())
            .unwrap_or("en")
            .to_string();
        self.board_locale(&tag)
            .or_else(|_| self.board_locale("en"))
            .map_or(crate::i18n::words_for(crate::i18n::Lang::En), |l| l.words())
    }

    /// The options and locale of the board, or the failure shown instead.
    fn settings(&mut self, out: &mut Vec<Command>) -> Option<(BoardOptions, Rc<BoardLocale>)> {
        let opts = match self.options() {
            Ok(o) => o,
            Err(message) => {
                self.fail(&message, out);
                return None;
            }
        };
        match self.board_locale(opts.locale_tag()) {
            Ok(l) => Some((opts, l)),
            Err(message) => {
                self.fail(&message, out);
                None
            }
        }
    }

    fn dir(&self, loc: &BoardLocale) -> &'static str {
        match self.attr("dir") {
            Some("ltr") => "ltr",
            Some("rtl") => "rtl",
            _ if loc.rtl => "rtl",
            _ => "ltr",
        }
    }

    /// Shows the board: of D, or of the replay's day at rest (the frames of a replay under way
    /// come from `tick`).
    fn render(&mut self, animate: bool, clock: Clock, out: &mut Vec<Command>) {
        let Some((mut opts, loc)) = self.settings(out) else {
            return;
        };
        if self.feed.is_none() {
            return;
        }
        let span = self.replay_span(&opts, out);
        if self.replay.play.is_some() {
            return self.tick(clock, out); // new data or options while playing: play on
        }
        let mut at_latest = true;
        if let (Some((f, d)), Some(day)) = (span, self.replay.day) {
            opts.rank.as_of = Some(day.clamp(f, d));
            at_latest = day >= d;
        }
        let Some(feed) = self.feed.as_ref() else {
            return;
        };
        let (ranking, view) = board::build(feed, &opts, &loc);
        if at_latest {
            self.latest = Some(ranking.rows.clone());
        }
        let dir = self.dir(&loc);
        let previous = self.shown.take().unwrap_or_default();
        // No glides or count-ups for a reader who asks for reduced motion.
        let animate = animate && !self.replay.reduced_motion;
        let counts = if animate {
            count_ups(&ranking, &previous)
        } else {
            Vec::new()
        };
        self.remember_shown(&ranking);
        out.push(Command::Render(Box::new(Render {
            view,
            ranking,
            locale: loc.clone(),
            dir,
            animate: animate && !previous.is_empty(),
            counts,
            replay_frame: false,
        })));
        out.push(Command::Stale(
            self.stale.then_some(self.last_good_ms.unwrap_or(0.0)),
        ));
        out.push(Command::EmitUpdate);
        self.push_controls(span, &loc, None, out);
    }

    /// The rows now on screen (the next board's count-up and announcement compare with them).
    fn remember_shown(&mut self, ranking: &Ranking) {
        self.shown = Some(
            ranking
                .rows
                .iter()
                .map(|r| (r.id.clone(), (r.rank, r.value)))
                .collect(),
        );
    }

    /// Says the moves since the last announcement, when there are any worth saying and the
    /// page may speak; otherwise waits its turn (they stay to be said, with any later moves).
    fn consider_announcing(&mut self, clock: Clock, out: &mut Vec<Command>) {
        let (Some(latest), Some(said)) = (&self.latest, &self.said) else {
            return self.remember_said(); // the first board: what the next one compares with
        };
        if self.paused {
            return;
        }
        let mode = announce::Mode::parse(self.attr("announce"));
        if mode == announce::Mode::Off {
            return self.remember_said();
        }
        let moves = announce::moves(latest, said, mode, self.attr("pin"));
        if moves.is_empty() {
            return;
        }
        let mut options = String::new();
        for name in [
            "metric", "window", "ties", "country", "platform", "category", "as-of",
        ] {
            options.push_str(self.attr(name).unwrap_or_default());
            options.push('\u{1}');
        }
        let key = announce::key(&moves, &options);
        if self.gate.said(key, clock.now_ms) {
            return self.remember_said(); // another board of this page said it
        }
        let wait = self.gate.wait_ms(clock.now_ms);
        if wait > 0.0 {
            if !self.announce_waiting {
                self.announce_waiting = true;
                out.push(Command::AnnounceTimer(wait));
            }
            return;
        }
        let (Some(feed), Some(loc)) = (self.feed.as_ref(), self.locale.clone()) else {
            return;
        };
        let sentence = announce::sentence(feed, &moves, &loc);
        self.gate.record(key, clock.now_ms);
        self.remember_said();
        out.push(Command::Announce(sentence));
    }

    /// The board at D is what the next announcement compares with.
    fn remember_said(&mut self) {
        self.said = self.latest.as_ref().map(|rows| {
            rows.iter()
                .map(|r| (r.id.clone(), (r.rank, r.value)))
                .collect()
        });
    }
}

/// The shown rows whose count changed since the last board.
fn count_ups(ranking: &Ranking, previous: &SmallMap<(u32, Value)>) -> Vec<CountUp> {
    ranking
        .rows
        .iter()
        .enumerate()
        .filter_map(|(row, r)| match (r.value, previous.get(&r.id)) {
            (Value::Count(to), Some(&(_, Value::Count(from)))) if from != to => {
                Some(CountUp { row, from, to })
            }
            _ => None,
        })
        .collect()
}

/// Cheap identity of a feed body, to skip re-parsing an unchanged one.
fn hash(bytes: &[u8]) -> u64 {
    crate::hash::words(crate::hash::START, bytes)
}
