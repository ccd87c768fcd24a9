//! Motion on live updates: rows glide to their new places (FLIP, through the Web Animations
//! API, so no style attributes are written) and values count to their new figures. Both are
//! skipped under `prefers-reduced-motion: reduce`.

use super::callbacks::Frame;
use super::dom::{write_text, Dom};
use crate::small_map::SmallMap;
use js_sys::{Array, Function, Object, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

const MOVE_MS: f64 = 450.0;
const COUNT_MS: f64 = 600.0;

/// The reader's wish for less motion, as a media query (the element reads it once when
/// connected and then follows its `change` events: a `matchMedia` on every update costs a
/// query parse each time).
pub const REDUCED_MOTION: &str = "(prefers-reduced-motion: reduce)";

pub fn reduced_motion() -> bool {
    super::callbacks::media_matches(REDUCED_MOTION)
}

/// Where each row is now (FLIP's "first"), from the top of the table body (so scrolling the
/// page between two updates moves nothing). Reading them forces a layout when the page has
/// changed since the last frame: an update uses the positions its last glide measured instead
/// (`glide` returns them), and reads only when it has none.
pub fn positions(dom: &Dom) -> SmallMap<f64> {
    if dom.rows.len() > MAX_GLIDING_ROWS {
        return SmallMap::default();
    }
    let origin = dom.tbody.get_bounding_client_rect().top();
    dom.rows
        .iter()
        .map(|(id, r)| {
            (
                id.to_owned(),
                r.tr.get_bounding_client_rect().top() - origin,
            )
        })
        .collect()
}

/// Most rows that glide; a larger board (only possible past the bound, see board.rs) moves
/// without animation.
const MAX_GLIDING_ROWS: usize = 101;

/// Animates every row from where it was to where it is (FLIP's "invert, play"); new rows fade
/// in. All positions are read first (in an animation frame, where the browser lays the page
/// out anyway), then every animation is started: reading a position after an `animate()`
/// would force one layout per row. Returns the positions read: the next update's "first".
pub fn glide(dom: &mut Dom, before: &SmallMap<f64>) -> SmallMap<f64> {
    let after = positions(dom);
    for (id, row) in dom.rows.iter_mut() {
        let Some(&now) = after.get(id) else {
            continue; // past the gliding bound
        };
        let old = before.get(id).copied();
        match old {
            Some(old) if (old - now).abs() > 0.5 => {
                row.glide = animate(
                    &row.tr,
                    row.glide.take(),
                    &[
                        (
                            "transform",
                            format!("translateY({}px)", crate::decimal::fixed(old - now, 2)),
                        ),
                        ("transform", "none".into()),
                    ],
                );
            }
            Some(_) => {}
            None => {
                let fade = [("opacity", "0".into()), ("opacity", "1".into())];
                row.glide = animate(&row.tr, row.glide.take(), &fade);
            }
        }
    }
    after
}

/// Starts a glide (or fade) on `el` and returns it, ending `running`, the one this code
/// started last: updates closer together than a glide would otherwise pile animations up on
/// every row (at one update a frame, ~28 per row), all resolved on every style recalculation.
/// (The handle is kept rather than asking `getAnimations()`, which brings style up to date.)
fn animate(
    el: &Element,
    running: Option<JsValue>,
    frames: &[(&str, String); 2],
) -> Option<JsValue> {
    let method = |target: &JsValue, name: &str| {
        Reflect::get(target, &name.into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
    };
    if let Some(cancel) = running
        .as_ref()
        .and_then(|a| method(a, "cancel").map(|f| (a, f)))
    {
        super::error::warn_on_error(cancel.1.call0(cancel.0));
    }
    let keyframes = Array::new();
    for (prop, value) in frames {
        let f = Object::new();
        let _ = Reflect::set(&f, &JsValue::from_str(prop), &JsValue::from_str(value));
        keyframes.push(&f);
    }
    let options = Object::new();
    let _ = Reflect::set(&options, &"duration".into(), &MOVE_MS.into());
    let _ = Reflect::set(
        &options,
        &"easing".into(),
        &"cubic-bezier(0.2, 0.7, 0.2, 1)".into(),
    );
    method(el, "animate")
        .and_then(|f| super::error::warn_on_error(f.call2(el, &keyframes, &options)))
}

/// A value counting from its old figure to its new one.
pub struct Count {
    pub cell: Element,
    pub from: f64,
    pub to: f64,
    /// The exact final text, set on the last frame.
    pub last: String,
}

/// A running count-up; dropping it stops it and leaves the final texts in place (a new update
/// may not rewrite a cell whose figure did not change again).
#[must_use = "dropping it stops the count-up at once"]
pub struct Tween {
    frame: Rc<RefCell<Option<Frame>>>,
    counts: Rc<Vec<Count>>,
}

impl Tween {
    pub fn start(counts: Vec<Count>, format: Rc<dyn Fn(f64) -> String>) -> Tween {
        let slot = Rc::new(RefCell::new(None));
        let start = web_sys::window()
            .and_then(|w| w.performance())
            .map_or(0.0, |p| p.now());
        let counts = Rc::new(counts);
        step(slot.clone(), counts.clone(), format, start);
        Tween {
            frame: slot,
            counts,
        }
    }
}

impl Drop for Tween {
    fn drop(&mut self) {
        self.frame.borrow_mut().take();
        for c in self.counts.iter() {
            write_text(&c.cell, &c.last);
        }
    }
}

fn step(
    slot: Rc<RefCell<Option<Frame>>>,
    counts: Rc<Vec<Count>>,
    format: Rc<dyn Fn(f64) -> String>,
    start: f64,
) {
    let again = slot.clone();
    let frame = Frame::request(move |now| {
        let t = ((now - start) / COUNT_MS).clamp(0.0, 1.0);
        let eased = 1.0 - (1.0 - t).powi(3);
        for c in counts.iter() {
            let text = if t >= 1.0 {
                c.last.clone()
            } else {
                format((c.from + (c.to - c.from) * eased).round())
            };
            write_text(&c.cell, &text);
        }
        if t < 1.0 {
            step(again.clone(), counts.clone(), format.clone(), start);
        }
    });
    *slot.borrow_mut() = frame;
}
