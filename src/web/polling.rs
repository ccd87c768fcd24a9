//! Carrying out the controller's fetch and timer commands: a request with its own abort and
//! timeout, a timer, the page's visibility; each outcome goes back to the controller as an
//! input. When to poll (refresh, backoff, the hidden-page pause) is the controller's.

use super::busy::Busy;
use super::callbacks::Timer;
use super::live;
use super::state::{page_hidden, update, State};
use crate::controller::Input;
use std::cell::RefCell;
use std::rc::Weak;
use web_sys::AbortController;

impl State {
    /// Starts a request; its answer comes back as `Input::Fetched` with `generation`.
    pub(super) fn start_fetch(&mut self, url: String, generation: u32, timeout_ms: f64) {
        self.abort_fetch();
        let Ok(controller) = AbortController::new() else {
            return;
        };
        let signal = controller.signal();
        let on_timeout = controller.clone();
        self.timeout = Timer::once(timeout_ms, move || on_timeout.abort());
        self.abort = Some(controller);
        self.fetching = Some(generation);
        let (weak, host) = (self.me.clone(), self.host.clone());
        // Taken now, while element.js still waits to see whether the engine wanted it.
        let prefetched = live::take_prefetched(&host, &url, &signal);
        let request = Request {
            url,
            prefetched,
            generation,
            signal,
            timeout_ms,
        };
        wasm_bindgen_futures::spawn_local(fetch(weak, request, host));
    }

    pub(super) fn abort_fetch(&mut self) {
        self.timeout = None;
        self.fetching = None;
        if let Some(abort) = self.abort.take() {
            abort.abort();
        }
    }

    /// The controller's timer. It fires as a task of its own, so the timer is never dropped
    /// inside its own callback (the controller may set a new one in answer).
    pub(super) fn set_timer(&mut self, ms: f64) {
        let weak = self.me.clone();
        self.timer = Timer::once(ms, move || {
            wasm_bindgen_futures::spawn_local(async move { send(&weak, |_| Input::TimerFired) })
        });
    }
}

impl State {
    /// The controller waits its turn to speak: `Input::AnnounceDue` after `ms`.
    pub(super) fn set_announce_timer(&mut self, ms: f64) {
        let weak = self.me.clone();
        self.announce_timer = Timer::once(ms, move || {
            wasm_bindgen_futures::spawn_local(async move { send(&weak, |_| Input::AnnounceDue) })
        });
    }
}

/// Gives the controller of the board behind `weak` an input; dispatches what it emits.
pub(super) fn send(weak: &Weak<RefCell<State>>, input: impl FnOnce(&State) -> Input<'static>) {
    if let Some(st) = weak.upgrade() {
        update(&st, |s| {
            let input = input(s);
            s.handle(input)
        });
    }
}

/// The page was hidden or shown: the controller pauses polling or catches up.
pub(super) fn on_visible(weak: &Weak<RefCell<State>>) {
    send(weak, |s| Input::Visibility {
        hidden: page_hidden(&s.host),
    });
}

/// A request the controller asked for.
struct Request {
    url: String,
    /// element.js's request for the same URL, started while the engine loaded.
    prefetched: Option<js_sys::Promise>,
    generation: u32,
    signal: web_sys::AbortSignal,
    timeout_ms: f64,
}

/// One request. Holds no strong reference to the state across the await, so a removed
/// element is freed even with a request in flight.
async fn fetch(weak: Weak<RefCell<State>>, request: Request, host: web_sys::HtmlElement) {
    let Request {
        url,
        prefetched,
        generation,
        signal,
        timeout_ms,
    } = request;
    let result = live::fetch(&url, prefetched, &signal, timeout_ms / 1000.0, &host).await;
    let Some(st) = weak.upgrade() else { return };
    update(&st, |s| {
        if s.fetching == Some(generation) {
            s.fetching = None;
            s.timeout = None;
            s.abort = None;
        }
        let message = result.as_ref().err().map(|e| e.to_string());
        let result = match (&result, &message) {
            (Ok(bytes), _) => Ok(bytes.as_slice()),
            (Err(_), Some(m)) => Err(m.as_str()),
            (Err(_), None) => Err(""),
        };
        let _busy = Busy::mark(&host);
        s.handle(Input::Fetched { generation, result })
    });
}
