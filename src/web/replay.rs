//! Carrying out the controller's replay commands: an animation-frame loop while playing, the
//! background building of frames a task at a time, and the observer that tells autoplay the
//! board is half in view. Each callback hands its input to the controller in a task of its
//! own (`spawn_local`), so a callback is never dropped while it runs (the controller may stop
//! the loop or the observer in answer).

use super::callbacks::{Frame, HalfInView, Timer};
use super::polling::send;
use super::state::{with_state, State};
use crate::controller::Input;

/// Frames spent waking the canvas before a replay draws (see `wake_canvas`).
const WAKING_FRAMES: u8 = 2;

impl State {
    /// Starts or stops sending `Input::Tick` on every animation frame.
    pub(super) fn run_frames(&mut self, on: bool) {
        self.ticking = on;
        if on {
            self.waking = WAKING_FRAMES;
            self.request_tick();
        } else {
            self.ticker = None;
        }
    }

    fn request_tick(&mut self) {
        let weak = self.me.clone();
        self.ticker = Frame::request(move |_| {
            let weak = weak.clone();
            wasm_bindgen_futures::spawn_local(async move {
                send(&weak, |_| Input::Tick);
                with_state(&weak, |s| {
                    if s.ticking {
                        s.request_tick();
                    }
                });
            });
        });
    }

    /// One of the first two frames of a replay: the chart on screen is drawn again as it is;
    /// the race (whose clock started at the click) is shown from the third frame. Measured in
    /// Chromium (this machine, software compositing): the first two frames in which a resting
    /// 1000×2000 px canvas changes each spend ~9 ms committing it to the compositor (its
    /// buffers are set up then), later ones ~2 ms; a plain canvas shows the same. With a replay
    /// frame's own work on top, those two frames came late: in a quiet hour, 14 late frames
    /// over 15 replays before, 3 with this (in a busy hour both were swamped by stalls of
    /// 180–350 ms that neither causes). `true` while waking.
    pub(super) fn wake_canvas(&mut self) -> bool {
        if self.waking == 0 {
            return false;
        }
        self.waking -= 1;
        self.draw_chart();
        true
    }

    /// The next share of the replay's frames, in a task of its own.
    pub(super) fn schedule_work(&mut self) {
        let weak = self.me.clone();
        self.work = Timer::once(0.0, move || {
            wasm_bindgen_futures::spawn_local(async move { send(&weak, |_| Input::Work) })
        });
    }

    /// Starts or stops watching whether half the board is in view (autoplay).
    pub(super) fn observe_view(&mut self, on: bool) {
        if !on {
            self.in_view = None;
            return;
        }
        let weak = self.me.clone();
        self.in_view = HalfInView::observe(&self.host, move |half| {
            let weak = weak.clone();
            wasm_bindgen_futures::spawn_local(async move { send(&weak, |_| Input::InView(half)) });
        });
    }
}
