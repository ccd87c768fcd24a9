//! Every JS callback the element registers is owned by one of these, and released when it is
//! dropped (on `disconnectedCallback`): nothing is leaked with `Closure::forget`, so no listener
//! outlives its element.
//!
//! Each is a `Closure<dyn FnMut(JsValue)>` (`Callback`), its argument typed inside: every
//! distinct closure signature is a shim of its own in the .wasm and in its glue, which every
//! reader downloads.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Event, EventTarget, ResizeObserver};

/// The one closure type of the element's callbacks (see the module's comment).
type Callback = Closure<dyn FnMut(JsValue)>;

/// A `setTimeout` that is cleared when dropped.
#[must_use = "dropping it releases the callback at once"]
pub struct Timer {
    id: i32,
    _closure: Callback,
}

impl Timer {
    /// Calls `f` once after `ms`; `None` if there is no window (never in a page).
    pub fn once(ms: f64, f: impl FnOnce() + 'static) -> Option<Timer> {
        let closure: Callback = Closure::once(move |_: JsValue| f());
        let window = web_sys::window()?;
        let ms = ms.clamp(0.0, f64::from(i32::MAX)) as i32;
        let id = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                closure.as_ref().unchecked_ref(),
                ms,
            )
            .ok()?;
        Some(Timer {
            id,
            _closure: closure,
        })
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            w.clear_timeout_with_handle(self.id);
        }
    }
}

/// An event listener that is removed when dropped.
#[must_use = "dropping it releases the callback at once"]
pub struct Listener {
    target: EventTarget,
    event: &'static str,
    closure: Callback,
}

impl Listener {
    pub fn new(
        target: &EventTarget,
        event: &'static str,
        mut f: impl FnMut(Event) + 'static,
    ) -> Option<Listener> {
        let closure: Callback = Closure::new(move |e: JsValue| f(e.unchecked_into()));
        target
            .add_event_listener_with_callback(event, closure.as_ref().unchecked_ref())
            .ok()?;
        Some(Listener {
            target: target.clone(),
            event,
            closure,
        })
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let removed = self
            .target
            .remove_event_listener_with_callback(self.event, self.closure.as_ref().unchecked_ref());
        super::error::warn_on_error(removed);
    }
}

/// A `ResizeObserver` that disconnects when dropped.
#[must_use = "dropping it releases the callback at once"]
pub struct Resize {
    observer: ResizeObserver,
    _closure: Callback,
}

impl Resize {
    pub fn observe(
        target: &web_sys::Element,
        mut f: impl FnMut(js_sys::Array) + 'static,
    ) -> Option<Resize> {
        let closure: Callback = Closure::new(move |entries: JsValue| f(entries.unchecked_into()));
        let observer = ResizeObserver::new(closure.as_ref().unchecked_ref()).ok()?;
        observer.observe(target);
        Some(Resize {
            observer,
            _closure: closure,
        })
    }
}

impl Drop for Resize {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// A `requestAnimationFrame` callback, cancelled when dropped.
#[must_use = "dropping it releases the callback at once"]
pub struct Frame {
    id: i32,
    _closure: Callback,
}

impl Frame {
    pub fn request(mut f: impl FnMut(f64) + 'static) -> Option<Frame> {
        let closure: Callback =
            Closure::new(move |now: JsValue| f(now.as_f64().unwrap_or_default()));
        let id = web_sys::window()?
            .request_animation_frame(closure.as_ref().unchecked_ref())
            .ok()?;
        Some(Frame {
            id,
            _closure: closure,
        })
    }
}

impl Drop for Frame {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            super::error::warn_on_error(w.cancel_animation_frame(self.id));
        }
    }
}

/// An `IntersectionObserver` reporting whether at least half its target is in view; it
/// disconnects when dropped.
#[must_use = "dropping it releases the callback at once"]
pub struct HalfInView {
    observer: web_sys::IntersectionObserver,
    _closure: Callback,
}

impl HalfInView {
    pub fn observe(
        target: &web_sys::Element,
        mut f: impl FnMut(bool) + 'static,
    ) -> Option<HalfInView> {
        let closure: Callback = Closure::new(move |entries: JsValue| {
            // The observer's own entries: no instanceof check needed.
            let entries: js_sys::Array = entries.unchecked_into();
            let half = entries.iter().any(|e| {
                let e = e.unchecked_into::<web_sys::IntersectionObserverEntry>();
                e.is_intersecting() && e.intersection_ratio() >= 0.5
            });
            f(half);
        });
        let init = web_sys::IntersectionObserverInit::new();
        init.set_threshold(&JsValue::from_f64(0.5));
        let observer = web_sys::IntersectionObserver::new_with_options(
            closure.as_ref().unchecked_ref(),
            &init,
        )
        .ok()?;
        observer.observe(target);
        Some(HalfInView {
            observer,
            _closure: closure,
        })
    }
}

impl Drop for HalfInView {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Whether the page matches a media query now (`prefers-reduced-motion`, `forced-colors`).
pub fn media_matches(query: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.match_media(query).ok().flatten())
        .is_some_and(|m| m.matches())
}
