//! The live writer of the one board markup (`crate::markup`): the board's DOM inside the
//! shadow root, built from the same trees the static HTML is written from, then patched in
//! place on every update (rows keyed by page id, so they move rather than being replaced;
//! each part is compared with the tree it was last built from, so only what changed is
//! written). Feed text is only ever set as text or as an attribute value, never as markup.

use super::error::warn_on_error;
use crate::board::BoardView;
use crate::markup::{self, El, Node};
use crate::small_map::SmallMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlCanvasElement, HtmlElement, HtmlInputElement};

/// One table row: its element and the tree it shows.
pub struct RowDom {
    pub tr: Element,
    /// The value cell (the count-up writes its figures).
    pub value: Element,
    /// Its glide (or fade) last started, ended when the next one starts (motion.rs).
    pub glide: Option<JsValue>,
    shown: El,
}

/// A part of the board and the tree it was last built from.
struct Part {
    el: Element,
    shown: Option<El>,
}

/// The replay controls (SPEC §4 "Replay"), each a CSS part: the play button, the scrubber
/// (a range input: arrows step a day, Home/End go to F/D; it runs right to left on
/// right-to-left boards, as range inputs do there), and the day shown.
pub struct ReplayDom {
    row: Element,
    pub button: Element,
    icon: Element,
    label: Element,
    pub scrubber: HtmlInputElement,
    day: Element,
}

/// Handles on every part of the board that changes.
pub struct Dom {
    doc: Document,
    pub board: HtmlElement,
    head: Part,
    pub chart: Element,
    pub canvas: HtmlCanvasElement,
    pub table: Element,
    thead: Part,
    pub tbody: Element,
    more: Part,
    empty: Part,
    foot: Part,
    pub stale: Element,
    pub status: Element,
    pub error: Element,
    pub announcer: Element,
    /// Stops and resumes updates (`part="pause"`, shown when `refresh` > 0; WCAG 2.2.2).
    pub pause: Element,
    /// Saves the share image (`part="share"`, shown with the `share` attribute).
    pub share: Element,
    tools: Part,
    pub replay: ReplayDom,
    pub rows: SmallMap<RowDom>,
}

fn el(doc: &Document, tag: &str, class: &str) -> Result<Element, JsValue> {
    let e = doc.create_element(tag)?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    Ok(e)
}

fn child(doc: &Document, parent: &Element, tag: &str, class: &str) -> Result<Element, JsValue> {
    let e = el(doc, tag, class)?;
    parent.append_child(&e)?;
    Ok(e)
}

fn part(doc: &Document, parent: &Element, tag: &str, class: &str) -> Result<Part, JsValue> {
    Ok(Part {
        el: child(doc, parent, tag, class)?,
        shown: None,
    })
}

/// Places `node` before `next` in `parent`. A row already on the board moves with
/// `moveBefore`, which keeps keyboard focus and a screen reader's place inside it (a focused
/// link stays focused when its page climbs); where a browser lacks it, `insertBefore` and the
/// focus is given back.
fn move_before(parent: &Element, node: &Element, next: Option<&Element>) -> Result<(), JsValue> {
    let next_node: JsValue = next.map_or(JsValue::NULL, |n| n.clone().into());
    let method = js_sys::Reflect::get(parent, &"moveBefore".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let (Some(move_before), true) = (method, node.is_connected()) {
        move_before.call2(parent, node, &next_node)?;
        return Ok(());
    }
    let focused = node
        .get_root_node()
        .dyn_into::<web_sys::ShadowRoot>()
        .ok()
        .and_then(|root| root.active_element())
        .filter(|f| node.contains(Some(f)));
    parent.insert_before(node, next.map(|n| n.as_ref()))?;
    if let Some(f) = focused.and_then(|f| f.dyn_into::<HtmlElement>().ok()) {
        f.focus()?;
    }
    Ok(())
}

/// The last children of `old` and `new` (rows: the value cells), when nothing else differs.
fn only_last_differs<'a>(old: &'a El, new: &'a El) -> Option<(&'a El, &'a El)> {
    let (Some((Node::El(was), a)), Some((Node::El(now), b))) =
        (old.children.split_last(), new.children.split_last())
    else {
        return None;
    };
    (old.tag == new.tag && old.attrs == new.attrs && a == b && was.tag == now.tag)
        .then_some((was, now))
}

/// `write_text`, only when `e` does not already show `text` (a line shown again and again: the
/// loading line, an error).
fn set_text(e: &Element, text: &str) {
    if e.text_content().as_deref() != Some(text) {
        write_text(e, text);
    }
}

/// Writes `text` into an element that shows one text (a cell: a figure, a rank). Its text node
/// stays and only its data changes; `textContent` would put a new node in its place, and a new
/// node is a new layout object for the browser to build and lay out (a live update of 50 rows
/// was ~0.25 ms shorter this way, the updates alternated with the `textContent` build). An
/// empty text node left behind does not count against `:empty` (the stale note's rule).
pub fn write_text(e: &Element, text: &str) {
    match e.first_child() {
        Some(node) if node.node_type() == web_sys::Node::TEXT_NODE => {
            node.set_node_value(Some(text))
        }
        _ => e.set_text_content(Some(text)),
    }
}

/// Shows or hides `e`, touching the attribute only when that changes it: a write of the same
/// value still invalidates style, and a replay frame shows the same parts 60 times a second.
fn show(e: &Element, visible: bool) {
    if e.has_attribute("hidden") != visible {
        return;
    }
    let set = if visible {
        e.remove_attribute("hidden")
    } else {
        e.set_attribute("hidden", "")
    };
    warn_on_error(set);
}

/// A new element from a markup tree.
fn build(doc: &Document, tree: &El) -> Result<Element, JsValue> {
    let e = doc.create_element(tree.tag)?;
    for (name, value) in &tree.attrs {
        e.set_attribute(name, value)?;
    }
    append_children(doc, &e, &tree.children)?;
    Ok(e)
}

fn append_children(doc: &Document, e: &Element, children: &[Node]) -> Result<(), JsValue> {
    for c in children {
        match c {
            Node::El(t) => {
                let child = build(doc, t)?;
                e.append_child(&child)?;
            }
            Node::Text(t) => e.append_with_str_1(t)?,
            Node::Svg(_) => {} // the static chart: the live board draws a canvas
        }
    }
    Ok(())
}

/// Brings `e` (built from `old`) to `new`: changed attributes and texts are written, children
/// of another shape are rebuilt. Nothing is read back from the DOM.
fn patch(doc: &Document, e: &Element, old: Option<&El>, new: &El) -> Result<(), JsValue> {
    for (name, value) in &new.attrs {
        if old.and_then(|o| o.get(name)) != Some(value.as_str()) {
            e.set_attribute(name, value)?;
        }
    }
    for (name, _) in old.map_or(&[][..], |o| &o.attrs[..]) {
        if new.get(name).is_none() {
            e.remove_attribute(name)?;
        }
    }
    let same_shape = old.is_some_and(|o| {
        o.children.len() == new.children.len()
            && o.children.iter().zip(&new.children).all(|pair| match pair {
                (Node::El(a), Node::El(b)) => a.tag == b.tag,
                (Node::Text(_), Node::Text(_)) => true,
                _ => false,
            })
    });
    let (Some(old), true) = (old, same_shape) else {
        e.set_text_content(None);
        return append_children(doc, e, &new.children);
    };
    // A cell whose one text changed (a figure, a rank).
    if let ([Node::Text(a)], [Node::Text(b)]) = (&old.children[..], &new.children[..]) {
        if a != b {
            write_text(e, b);
        }
        return Ok(());
    }
    let nodes = e.child_nodes();
    for (i, (was, now)) in old.children.iter().zip(&new.children).enumerate() {
        let Some(node) = nodes.item(i as u32) else {
            continue;
        };
        match (was, now) {
            (Node::Text(a), Node::Text(b)) if a != b => node.set_text_content(Some(b)),
            (Node::El(a), Node::El(b)) if a != b => {
                if let Ok(child) = node.dyn_into::<Element>() {
                    patch(doc, &child, Some(a), b)?;
                }
            }
            _ => {}
        }
    }
    Ok(())
}

impl Part {
    /// Shows `tree` here (patched from what was shown), or hides the part for `None`.
    fn update(&mut self, doc: &Document, tree: Option<El>) -> Result<(), JsValue> {
        match tree {
            Some(t) => {
                if self.shown.as_ref() != Some(&t) {
                    patch(doc, &self.el, self.shown.as_ref(), &t)?;
                    self.shown = Some(t);
                }
                show(&self.el, true);
            }
            None => show(&self.el, false),
        }
        Ok(())
    }
}

impl Dom {
    /// Builds the empty board (hidden until the first render) and appends it to `parent`.
    /// Its order is the markup's (`markup::board`), with the live-only parts (status, error,
    /// stale note, announcer) where they belong.
    pub fn build(doc: &Document, parent: &web_sys::Node) -> Result<Dom, JsValue> {
        let board: HtmlElement = el(doc, "div", "gl-board")?.dyn_into()?;
        board.set_attribute("part", "board")?;
        let head = part(doc, &board, "div", "gl-head")?;
        let replay = ReplayDom::build(doc, &board)?;
        let status = child(doc, &board, "p", "gl-status")?;
        status.set_attribute("role", "status")?;
        // A failed load is a plain sentence, read politely (SPEC §4 "Accessibility").
        let error = child(doc, &board, "div", "gl-error")?;
        error.set_attribute("role", "status")?;
        show(&error, false);
        let chart = child(doc, &board, "div", "gl-chart")?;
        // createElement's element of that tag: no instanceof check (see canvas::context).
        let canvas: HtmlCanvasElement = child(doc, &chart, "canvas", "")?.unchecked_into();
        canvas.set_attribute("aria-hidden", "true")?;
        let table = child(doc, &board, "table", "gl-table")?;
        // Until the first board exists there is no heading, image or table to expose: only
        // the status line (SPEC §4 "Accessibility").
        for e in [&head.el, &chart, &table] {
            show(e, false);
        }
        let thead = part(doc, &table, "thead", "")?;
        let tbody = child(doc, &table, "tbody", "")?;
        let more = part(doc, &board, "p", "gl-more")?;
        let empty = part(doc, &board, "p", "gl-empty")?;
        let foot = part(doc, &board, "p", "gl-foot")?;
        let stale = child(doc, &board, "p", "gl-stale")?;
        stale.set_attribute("role", "status")?;
        // Always rendered (empty while fresh), so a screen reader hears the note when its
        // text arrives: a live region that appears with its text is often not read.
        // The live-only buttons, at the end of the last line (see element.css).
        let actions = child(doc, &board, "div", "gl-actions")?;
        let pause = child(doc, &actions, "button", "gl-pause")?;
        for (name, value) in [
            ("type", "button"),
            ("part", "pause"),
            ("aria-pressed", "false"),
        ] {
            pause.set_attribute(name, value)?;
        }
        show(&pause, false);
        let share = child(doc, &actions, "button", "gl-share")?;
        for (name, value) in [("type", "button"), ("part", "share")] {
            share.set_attribute(name, value)?;
        }
        show(&share, false);
        let tools = part(doc, &board, "p", "gl-tools")?;
        for p in [&more, &empty, &foot, &tools] {
            show(&p.el, false);
        }
        let announcer = child(doc, &board, "div", "gl-sr")?;
        announcer.set_attribute("aria-live", "polite")?;
        announcer.set_attribute("aria-atomic", "true")?;
        parent.append_child(&board)?;
        Ok(Dom {
            doc: doc.clone(),
            board,
            head,
            chart,
            canvas,
            table,
            thead,
            tbody,
            more,
            empty,
            foot,
            stale,
            status,
            error,
            announcer,
            pause,
            share,
            tools,
            replay,
            rows: SmallMap::default(),
        })
    }

    /// Shows a view: every part from the markup, rows in rank order (existing rows are moved
    /// and patched, not rebuilt; with `rows` false the rows are left as they are). A `playing`
    /// table is marked `aria-busy`: its figures change every frame (and rows out of view wait
    /// for the frame at rest), so assistive technology should wait for the board at rest.
    pub fn update(
        &mut self,
        v: &BoardView,
        dir: &str,
        metric: &str,
        window: &str,
        chart_kind: &str,
        rows: bool,
        playing: bool,
    ) -> Result<(), JsValue> {
        for (name, value) in [
            ("lang", v.lang.as_str()),
            ("dir", dir),
            ("data-metric", metric),
            ("data-window", window),
        ] {
            if self.board.get_attribute(name).as_deref() != Some(value) {
                self.board.set_attribute(name, value)?;
            }
        }
        let doc = self.doc.clone();
        let id = markup::title_id(v);
        self.head.update(&doc, Some(markup::head(v, &id)))?;
        match markup::chart(v, chart_kind, None) {
            Some(tree) => {
                for (name, value) in &tree.attrs {
                    if self.chart.get_attribute(name).as_deref() != Some(value) {
                        self.chart.set_attribute(name, value)?;
                    }
                }
                show(&self.chart, true);
            }
            None => show(&self.chart, false),
        }
        show(&self.table, true);
        let labelled_by = markup::labelled_by(&id);
        if self.table.get_attribute("aria-labelledby").as_deref() != Some(&labelled_by) {
            self.table.set_attribute("aria-labelledby", &labelled_by)?;
        }
        if self.table.has_attribute("aria-busy") != playing {
            if playing {
                self.table.set_attribute("aria-busy", "true")?;
            } else {
                self.table.remove_attribute("aria-busy")?;
            }
        }
        self.thead.update(&doc, Some(markup::table_head(v)))?;
        if rows {
            self.update_rows(v)?;
        }
        self.more.update(&doc, markup::more(v))?;
        self.empty.update(&doc, markup::empty(v))?;
        self.foot.update(&doc, markup::footer(v))?;
        self.tools.update(&doc, markup::tools(v))?;
        show(&self.status, false);
        show(&self.error, false);
        Ok(())
    }

    fn update_rows(&mut self, v: &BoardView) -> Result<(), JsValue> {
        let rows = &v.rows;
        let mut keep = SmallMap::with_capacity(rows.len());
        // Walk the table once: a row already in its place is left where it is, so an update
        // that changes figures but not order moves no node.
        let mut next = self.tbody.first_element_child();
        for r in rows {
            let tree = markup::row(r, v);
            let row = match self.rows.remove(&r.id) {
                Some(mut row) => {
                    if row.shown != tree {
                        match only_last_differs(&row.shown, &tree) {
                            // The common change (a replay frame, a live update): the figure
                            // alone, written through the cell kept for it, not found anew.
                            Some((was, now)) => patch(&self.doc, &row.value, Some(was), now)?,
                            None => {
                                patch(&self.doc, &row.tr, Some(&row.shown), &tree)?;
                                // Cells of another shape are rebuilt: the value cell may be new.
                                if let Some(value) = row.tr.last_element_child() {
                                    row.value = value;
                                }
                            }
                        }
                        row.shown = tree;
                    }
                    row
                }
                None => {
                    let tr = build(&self.doc, &tree)?;
                    let value = tr.last_element_child().unwrap_or_else(|| tr.clone());
                    RowDom {
                        tr,
                        value,
                        glide: None,
                        shown: tree,
                    }
                }
            };
            if next.as_ref() == Some(&row.tr) {
                next = row.tr.next_element_sibling();
            } else {
                move_before(&self.tbody, &row.tr, next.as_ref())?;
            }
            keep.insert(r.id.clone(), row);
        }
        for gone in std::mem::replace(&mut self.rows, keep).into_values() {
            gone.tr.remove();
        }
        Ok(())
    }

    /// Shows the loading line (before the first board), in the board's language.
    pub fn loading(&self, text: &str, lang: &str, dir: &str) {
        self.set_language(lang, dir);
        set_text(&self.status, text);
        show(&self.status, true);
    }

    /// The board's language and direction, before it has a view (a view sets them too).
    pub fn set_language(&self, lang: &str, dir: &str) {
        for (name, value) in [("lang", lang), ("dir", dir)] {
            if self.board.get_attribute(name).as_deref() != Some(value) {
                warn_on_error(self.board.set_attribute(name, value));
            }
        }
    }

    /// Shows, in place of a board that never loaded, one sentence in the board's language;
    /// the technical detail is for developers (the console here, and `leaderboard-error`).
    pub fn fail(&self, sentence: &str, detail: &str) {
        web_sys::console::warn_1(&format!("gov-leaderboard: {detail}").into());
        set_text(&self.error, sentence);
        show(&self.error, true);
        show(&self.status, false);
    }

    /// Shows the replay controls so, or hides them.
    pub fn set_controls(&self, controls: Option<&crate::controller::Controls>) {
        let Some(c) = controls else {
            show(&self.replay.row, false);
            return;
        };
        let r = &self.replay;
        let max = c.days.saturating_sub(1).to_string();
        let value = c.index.to_string();
        for (el, name, v) in [
            (
                &r.button,
                "aria-pressed",
                if c.playing { "true" } else { "false" },
            ),
            (r.scrubber.as_ref(), "max", max.as_str()),
            (r.scrubber.as_ref(), "aria-label", c.scrubber_label),
            (r.scrubber.as_ref(), "aria-valuetext", c.day.as_str()),
        ] {
            if el.get_attribute(name).as_deref() != Some(v) {
                warn_on_error(el.set_attribute(name, v));
            }
        }
        if r.scrubber.value() != value {
            r.scrubber.set_value(&value);
        }
        // U+FE0E: the symbols as text, never as colour emoji.
        set_text(
            &r.icon,
            if c.playing {
                "\u{275A}\u{275A}"
            } else {
                "\u{25B6}\u{FE0E}"
            },
        );
        set_text(&r.label, c.play_label);
        set_text(&r.day, &c.day);
        show(&r.row, true);
    }

    /// Says `sentence` in the live region (its names keep their `lang`).
    pub fn announce(&self, sentence: &El) {
        self.announcer.set_text_content(None);
        warn_on_error(append_children(
            &self.doc,
            &self.announcer,
            &sentence.children,
        ));
    }

    /// Shows the share button with its name, or hides it.
    pub fn set_share(&self, label: Option<&str>) {
        if let Some(label) = label {
            set_text(&self.share, label);
        }
        show(&self.share, label.is_some());
    }

    /// Shows the pause button with its state and name, or hides it.
    pub fn set_pause(&self, button: Option<(bool, &str)>) {
        let Some((paused, label)) = button else {
            show(&self.pause, false);
            return;
        };
        let pressed = if paused { "true" } else { "false" };
        if self.pause.get_attribute("aria-pressed").as_deref() != Some(pressed) {
            warn_on_error(self.pause.set_attribute("aria-pressed", pressed));
        }
        set_text(&self.pause, label);
        show(&self.pause, true);
    }

    /// Shows or hides the "stale" note.
    pub fn set_stale(&self, text: Option<&str>) {
        set_text(&self.stale, text.unwrap_or(""));
    }
}

impl ReplayDom {
    fn build(doc: &Document, board: &Element) -> Result<ReplayDom, JsValue> {
        let row = child(doc, board, "div", "gl-replay")?;
        show(&row, false);
        let button = child(doc, &row, "button", "gl-play")?;
        button.set_attribute("type", "button")?;
        button.set_attribute("part", "play")?;
        button.set_attribute("aria-pressed", "false")?;
        let icon = child(doc, &button, "span", "")?;
        icon.set_attribute("aria-hidden", "true")?;
        let label = child(doc, &button, "span", "gl-sr")?;
        let scrubber: HtmlInputElement = child(doc, &row, "input", "gl-scrubber")?.unchecked_into();
        for (name, value) in [
            ("type", "range"),
            ("part", "scrubber"),
            ("min", "0"),
            ("step", "1"),
        ] {
            scrubber.set_attribute(name, value)?;
        }
        let day = child(doc, &row, "span", "gl-day")?;
        day.set_attribute("part", "day")?;
        Ok(ReplayDom {
            row,
            button,
            icon,
            label,
            scrubber,
            day,
        })
    }
}
