//! Live polling of `src`: when to fetch (refresh interval, backoff with jitter after failures,
//! paused while the page is hidden), the request with its timeout, and what a result does.

use super::callbacks::Timer;
use super::error::FetchError;
use super::live;
use super::state::{dispatch, with_state, Emit, State};
use crate::schedule::{next_delay, parse_refresh, REQUEST_TIMEOUT_S};
use std::cell::RefCell;
use std::rc::Weak;
use web_sys::{AbortController, VisibilityState};

impl State {
    pub(super) fn refresh_s(&self) -> f64 {
        self.attr("refresh")
            .and_then(|r| parse_refresh(&r))
            .unwrap_or(0.0)
    }

    pub(super) fn restart_polling(&mut self, weak: &Weak<RefCell<State>>) {
        self.generation = self.generation.wrapping_add(1);
        self.failures = 0;
        self.timer = None;
        self.timeout = None;
        if let Some(abort) = self.abort.take() {
            abort.abort();
        }
        if self.attr("src").is_some_and(|s| !s.is_empty()) {
            self.schedule(weak, 0.0);
        }
    }

    /// A new `refresh`: the next poll is counted from now with the new interval.
    pub(super) fn reschedule(&mut self, weak: &Weak<RefCell<State>>) {
        if self.abort.is_none() && self.attr("src").is_some() {
            let refresh = self.refresh_s();
            self.timer = None;
            if refresh > 0.0 {
                self.schedule(
                    weak,
                    next_delay(refresh, self.failures, js_sys::Math::random()) * 1000.0,
                );
            }
        }
    }

    pub(super) fn schedule(&mut self, weak: &Weak<RefCell<State>>, ms: f64) {
        let w = weak.clone();
        // The poll runs as a task of its own, so the timer is never dropped inside its callback.
        self.timer = Timer::once(ms, move || wasm_bindgen_futures::spawn_local(poll(w)));
    }

    /// Seconds a request may take, body included: the `timeout` attribute (an extension of
    /// SPEC §4), else `REQUEST_TIMEOUT_S`.
    pub(super) fn timeout_s(&self) -> f64 {
        self.attr("timeout")
            .and_then(|t| parse_refresh(&t))
            .filter(|t| *t > 0.0)
            .unwrap_or(REQUEST_TIMEOUT_S)
    }

    /// Starts a request unless the page is hidden; returns what the poll needs.
    pub(super) fn begin_fetch(&mut self) -> Option<(String, u32, web_sys::AbortSignal, f64)> {
        let src = self.attr("src").filter(|s| !s.is_empty())?;
        let hidden = self
            .host
            .owner_document()
            .is_some_and(|d| d.visibility_state() == VisibilityState::Hidden);
        if hidden && self.feed.is_some() {
            self.due_while_hidden = true;
            return None;
        }
        let controller = AbortController::new().ok()?;
        let signal = controller.signal();
        let on_timeout = controller.clone();
        let timeout_s = self.timeout_s();
        self.timeout = Timer::once(timeout_s * 1000.0, move || on_timeout.abort());
        self.abort = Some(controller);
        Some((src, self.generation, signal, timeout_s))
    }

    pub(super) fn finish_fetch(
        &mut self,
        result: Result<Vec<u8>, FetchError>,
        weak: &Weak<RefCell<State>>,
    ) -> Vec<Emit> {
        self.timeout = None;
        self.abort = None;
        let (events, ok) = match result {
            Ok(bytes) => {
                let events = self.accept(&bytes, "src");
                let ok = !events.iter().any(|e| matches!(e, Emit::Error(_)));
                (events, ok)
            }
            Err(e) => (self.fail(&e.to_string()), false),
        };
        self.failures = if ok {
            0
        } else {
            self.failures.saturating_add(1)
        };
        let refresh = self.refresh_s();
        if refresh > 0.0 {
            self.schedule(
                weak,
                next_delay(refresh, self.failures, js_sys::Math::random()) * 1000.0,
            );
        }
        events
    }
}

pub(super) fn on_visible(weak: &Weak<RefCell<State>>) {
    let mut due = false;
    with_state(weak, |s| {
        let visible = s
            .host
            .owner_document()
            .is_some_and(|d| d.visibility_state() == VisibilityState::Visible);
        if visible && s.due_while_hidden {
            s.due_while_hidden = false;
            due = true;
        }
    });
    if due {
        wasm_bindgen_futures::spawn_local(poll(weak.clone()));
    }
}

/// One poll: fetch, then accept or fail, then schedule the next. Holds no strong reference to
/// the state across the await, so a removed element is freed even with a request in flight.
async fn poll(weak: Weak<RefCell<State>>) {
    let started = {
        let Some(st) = weak.upgrade() else { return };
        let Ok(mut s) = st.try_borrow_mut() else {
            return;
        };
        s.begin_fetch().map(|b| (b, s.host.clone()))
    };
    let Some(((url, generation, signal, timeout_s), host)) = started else {
        return;
    };
    let result = live::fetch(&url, &signal, timeout_s, &host).await;
    let Some(st) = weak.upgrade() else { return };
    let (host, events) = {
        let Ok(mut s) = st.try_borrow_mut() else {
            return;
        };
        if s.generation != generation || !s.connected {
            return; // disconnected or `src` changed meanwhile
        }
        (s.host.clone(), s.finish_fetch(result, &weak))
    };
    dispatch(&host, events);
}
