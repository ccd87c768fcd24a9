//! The controller's replay inputs (SPEC §4 "Replay"): play and pause, the scrubber, animation
//! frames while playing, autoplay when the board comes into view, and the controls each
//! board shows. The board between two days is `replay::between`.

use super::replay::{self, Key, Mode, Play};
use super::{Clock, Command, Controller, Controls, Render};
use crate::board::{self, BoardOptions};
use crate::date::Date;
use crate::i18n::BoardLocale;
use crate::timeline;

impl Controller {
    /// The replay's days F..D when `replay` is set (and its frames start building in the
    /// background); `None` otherwise (the controls go, the frames are let go).
    pub(super) fn replay_span(
        &mut self,
        opts: &BoardOptions,
        out: &mut Vec<Command>,
    ) -> Option<(Date, Date)> {
        let mode = Mode::of(self.attr("replay"));
        let feed = self.feed.as_ref()?;
        let span = match mode {
            Mode::Off => None,
            _ => timeline::days(feed, &opts.rank, opts.from),
        };
        if span.is_none() {
            self.replay.frames = None;
            if self.replay.play.take().is_some() {
                out.push(Command::Frames(false));
            }
            return None;
        }
        let key = Key {
            feed: self.feed_hash.unwrap_or(0),
            rank: opts.rank.clone(),
            from: opts.from,
        };
        if self.replay.prepare(feed, key) {
            out.push(Command::Work);
        }
        let autoplay = mode == Mode::Autoplay && !self.replay.reduced_motion;
        if autoplay && !self.replay.autoplayed && !self.replay.observing && self.connected {
            self.replay.observing = true;
            out.push(Command::Observe(true));
        }
        span
    }

    /// The controls for the day at rest, or at `position` while playing.
    pub(super) fn push_controls(
        &mut self,
        span: Option<(Date, Date)>,
        loc: &BoardLocale,
        position: Option<f64>,
        out: &mut Vec<Command>,
    ) {
        let Some((f, d)) = span else {
            if std::mem::take(&mut self.replay.controls) {
                out.push(Command::Controls(None));
            }
            return;
        };
        self.replay.controls = true;
        let days = day_index(f, d) + 1;
        let index = match position {
            Some(p) => (p.round().max(0.0) as u32).min(days - 1),
            None => self
                .replay
                .day
                .map_or(days - 1, |day| day_index(f, day.clamp(f, d))),
        };
        let words = loc.words();
        out.push(Command::Controls(Some(Controls {
            days,
            index,
            day: loc.numbers.date(f.add_days(i64::from(index))),
            playing: self.replay.play.is_some(),
            play_label: words.play,
            scrubber_label: words.replay_day,
        })));
    }

    /// The play button: play from the day shown (from F when at D), or pause.
    pub(super) fn play_pause(&mut self, clock: Clock, out: &mut Vec<Command>) {
        if self.replay.play.is_some() {
            return self.stop_playing(clock, out);
        }
        let Some((opts, loc)) = self.settings(out) else {
            return;
        };
        let Some((f, d)) = self.replay_span(&opts, out) else {
            return;
        };
        if f == d {
            return; // one day: nothing to play
        }
        if let Some(feed) = &self.feed {
            self.replay.work(feed, usize::MAX); // playing needs every frame
        }
        let from = match self.replay.day {
            Some(day) if day < d => f64::from(day_index(f, day.max(f))),
            _ => 0.0,
        };
        self.replay.play = Some(Play {
            start_ms: clock.now_ms,
            from,
        });
        self.replay.drawn = None;
        self.replay.slots.clear();
        out.push(Command::Frames(true));
        // The button says "pause" at once; the frames draw the board (the browser layer may
        // spend the first ones preparing its canvas: web/replay.rs). Drawing it here too made
        // the click 5–15 ms long, for a board the next frame draws again.
        self.push_controls(Some((f, d)), &loc, Some(from), out);
    }

    /// The scrubber: that day's exact board (playback stops).
    pub(super) fn seek(&mut self, index: u32, clock: Clock, out: &mut Vec<Command>) {
        let Some((opts, _)) = self.settings(out) else {
            return;
        };
        let Some((f, d)) = self.replay_span(&opts, out) else {
            return;
        };
        if self.replay.play.take().is_some() {
            out.push(Command::Frames(false));
        }
        let day = f.add_days(i64::from(index)).min(d);
        self.replay.day = (day < d).then_some(day);
        self.render(true, clock, out);
    }

    /// Stops playback on the nearest day (its exact board) and says so once.
    pub(super) fn stop_playing(&mut self, clock: Clock, out: &mut Vec<Command>) {
        let Some((opts, loc)) = self.settings(out) else {
            return;
        };
        let span = self.replay_span(&opts, out);
        let position = span.and_then(|(f, d)| {
            let days = day_index(f, d) as usize + 1;
            Some((
                f,
                d,
                self.replay
                    .position(clock.now_ms, days, self.duration_ms())?,
            ))
        });
        self.replay.play = None;
        out.push(Command::Frames(false));
        let Some((f, d, p)) = position else {
            return self.render(true, clock, out);
        };
        let day = f.add_days(p.round().max(0.0) as i64).min(d);
        self.replay.day = (day < d).then_some(day);
        self.render(true, clock, out);
        let words = loc.words();
        let text = crate::i18n::fill(words.replay_stopped, &[("", &loc.numbers.date(day))]);
        out.push(Command::Announce(
            crate::markup::El::new("span", "").text(&text),
        ));
    }

    fn duration_ms(&self) -> f64 {
        replay::duration_ms(self.attr("replay-duration"))
    }

    /// An animation frame while playing: the board at this moment, or the end at D.
    pub(super) fn tick(&mut self, clock: Clock, out: &mut Vec<Command>) {
        if self.replay.play.is_none() {
            return;
        }
        let Some((opts, loc)) = self.settings(out) else {
            return;
        };
        let Some((f, d)) = self.replay_span(&opts, out) else {
            return;
        };
        let days = day_index(f, d) as usize + 1;
        let Some(p) = self.replay.position(clock.now_ms, days, self.duration_ms()) else {
            return;
        };
        if p >= (days - 1) as f64 || days < 2 {
            // The end: D's exact board, once.
            self.replay.day = None;
            self.replay.play = Some(Play {
                start_ms: clock.now_ms,
                from: (days - 1) as f64,
            });
            return self.stop_playing(clock, out);
        }
        if let Some(feed) = &self.feed {
            self.replay.work(feed, usize::MAX); // new data while playing
        }
        let p = p.max(0.0);
        let k = p.floor() as usize;
        let reduced = self.replay.reduced_motion;
        let at = if reduced { k as f64 } else { p };
        if self.replay.drawn == Some(at) {
            return;
        }
        self.replay.drawn = Some(at);
        let (Some(feed), Some((_, builder))) = (&self.feed, &self.replay.frames) else {
            return;
        };
        let frames = &builder.frames;
        let (Some(a), Some(b)) = (frames.get(k), frames.get(k + 1)) else {
            return;
        };
        let mut ranking = if reduced {
            a.to_ranking(feed, builder.options())
        } else {
            replay::between(feed, builder.options(), a, b, replay::ease(p - k as f64))
        };
        // The board's name for a page, its link and figures come from the view, as always; the
        // CSV link is the nearer day's, made once a day.
        let mut view = board::view_without_download(feed, &ranking, &opts, &loc);
        let near = if reduced || p - (k as f64) < 0.5 {
            a
        } else {
            b
        };
        if self
            .replay
            .csv
            .as_ref()
            .is_none_or(|(day, _)| *day != near.date)
        {
            let exact = near.to_ranking(feed, builder.options());
            self.replay.csv = Some((near.date, board::download_href(&exact, &loc)));
        }
        view.download_href = self
            .replay
            .csv
            .as_ref()
            .map(|(_, h)| h.clone())
            .unwrap_or_default();
        if reduced {
            view.more = a.more.map(|m| board::more_line(&loc, m));
        }
        // Rows change places at once (a glide would read layout every frame); the bars slide.
        if !reduced {
            let pages: Vec<usize> = ranking.rows.iter().map(|r| r.page).collect();
            let slots = self.replay.slide(&pages, clock.now_ms);
            if let Some(crate::chart::Chart::Bars(bars)) = &mut view.chart {
                for (bar, slot) in bars.iter_mut().zip(slots) {
                    bar.slot = Some(slot);
                }
            }
        }
        self.remember_shown(&ranking);
        ranking.unranked.clear();
        let dir = self.dir(&loc);
        out.push(Command::Render(Box::new(Render {
            view,
            ranking,
            locale: loc.clone(),
            dir,
            animate: false,
            counts: Vec::new(),
            replay_frame: true,
        })));
        self.push_controls(Some((f, d)), &loc, Some(p), out);
    }

    /// Autoplay: once, from F, the first time at least half the board is in view.
    pub(super) fn in_view(&mut self, visible: bool, clock: Clock, out: &mut Vec<Command>) {
        let autoplay = Mode::of(self.attr("replay")) == Mode::Autoplay;
        if !visible || !autoplay || self.replay.autoplayed || self.replay.reduced_motion {
            return;
        }
        self.replay.autoplayed = true;
        self.replay.observing = false;
        out.push(Command::Observe(false));
        if self.replay.play.is_none() && !self.hidden {
            self.replay.day = None; // from F
            self.play_pause(clock, out);
        }
    }
}

/// Days from `f` to `day`.
fn day_index(f: Date, day: Date) -> u32 {
    (day.day_number() - f.day_number()).max(0) as u32
}
