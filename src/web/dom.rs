//! The board's DOM inside the shadow root: built once, then updated in place from a
//! `BoardView` (rows keyed by page id, so they can move rather than be replaced). Feed text is
//! only ever set with `textContent` or as an attribute value, never parsed as markup.

use crate::board::{BoardView, RowView};
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlCanvasElement, HtmlElement};

/// One table row's cells.
pub struct RowDom {
    pub tr: Element,
    rank: Element,
    movement: Element,
    mark: Element,
    words: Element,
    name: Element,
    pub value: Element,
    /// What the row shows now: only what differs is written (each DOM write costs layout).
    shown: Option<RowView>,
}

/// Handles on every part of the board that changes.
pub struct Dom {
    doc: Document,
    pub board: HtmlElement,
    title: Element,
    subtitle: Element,
    pub chart: Element,
    pub canvas: HtmlCanvasElement,
    caption: Element,
    headers: Vec<Element>,
    pub tbody: Element,
    more: Element,
    empty: Element,
    foot: Element,
    pub stale: Element,
    pub status: Element,
    pub error: Element,
    pub announcer: Element,
    tools: Element,
    download: Element,
    pub rows: HashMap<String, RowDom>,
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

fn set_text(e: &Element, text: &str) {
    if e.text_content().as_deref() != Some(text) {
        e.set_text_content(Some(text));
    }
}

fn show(e: &Element, visible: bool) {
    let set = if visible {
        e.remove_attribute("hidden")
    } else {
        e.set_attribute("hidden", "")
    };
    super::error::warn_on_error("show or hide a part of the board", set);
}

impl Dom {
    /// Builds the empty board (hidden until the first render) and appends it to `parent`.
    pub fn build(doc: &Document, parent: &web_sys::Node) -> Result<Dom, JsValue> {
        let board: HtmlElement = el(doc, "div", "gl-board")?.dyn_into()?;
        board.set_attribute("part", "board")?;
        let head = child(doc, &board, "div", "gl-head")?;
        let title = child(doc, &head, "p", "gl-title")?;
        title.set_attribute("dir", "auto")?;
        let subtitle = child(doc, &head, "p", "gl-sub")?;
        let status = child(doc, &board, "p", "gl-status")?;
        status.set_attribute("role", "status")?;
        let error = child(doc, &board, "div", "gl-error")?;
        error.set_attribute("role", "alert")?;
        show(&error, false);
        let chart = child(doc, &board, "div", "gl-chart")?;
        chart.set_attribute("role", "img")?;
        let canvas: HtmlCanvasElement = child(doc, &chart, "canvas", "")?.dyn_into()?;
        canvas.set_attribute("aria-hidden", "true")?;
        let table = child(doc, &board, "table", "gl-table")?;
        let caption = child(doc, &table, "caption", "gl-sr")?;
        let tr = child(doc, &child(doc, &table, "thead", "")?, "tr", "")?;
        let mut headers = Vec::new();
        for class in ["gl-rank", "gl-move", "gl-name", "gl-value"] {
            let th = child(doc, &tr, "th", class)?;
            th.set_attribute("scope", "col")?;
            headers.push(th);
        }
        let tbody = child(doc, &table, "tbody", "")?;
        let more = child(doc, &board, "p", "gl-more")?;
        show(&more, false);
        let empty = child(doc, &board, "p", "gl-empty")?;
        show(&empty, false);
        let foot = child(doc, &board, "p", "gl-foot")?;
        let stale = child(doc, &board, "p", "gl-stale")?;
        stale.set_attribute("role", "status")?;
        show(&stale, false);
        let tools = child(doc, &board, "p", "gl-tools")?;
        let download = child(doc, &tools, "a", "gl-download")?;
        download.set_attribute("download", "leaderboard.csv")?;
        let announcer = child(doc, &board, "div", "gl-sr")?;
        announcer.set_attribute("aria-live", "polite")?;
        announcer.set_attribute("aria-atomic", "true")?;
        parent.append_child(&board)?;
        Ok(Dom {
            doc: doc.clone(),
            board,
            title,
            subtitle,
            chart,
            canvas,
            caption,
            headers,
            tbody,
            more,
            empty,
            foot,
            stale,
            status,
            error,
            announcer,
            tools,
            download,
            rows: HashMap::new(),
        })
    }

    /// Shows a view: texts, rows in rank order (existing rows are moved, not rebuilt).
    pub fn update(&mut self, v: &BoardView, dir: &str, chart_shown: bool) -> Result<(), JsValue> {
        self.board.set_attribute("lang", &v.lang)?;
        self.board.set_attribute("dir", dir)?;
        set_text(&self.title, &v.title);
        set_text(&self.subtitle, &v.subtitle);
        set_text(&self.caption, &v.caption);
        for (th, text) in self.headers.iter().zip(&v.headers) {
            set_text(th, text);
        }
        self.chart.set_attribute("aria-label", &v.chart_label)?;
        show(&self.chart, chart_shown);
        self.update_rows(&v.rows)?;
        if let Some(text) = &v.more {
            set_text(&self.more, text);
        }
        show(&self.more, v.more.is_some());
        if let Some(text) = &v.empty {
            set_text(&self.empty, text);
        }
        show(&self.empty, v.empty.is_some());
        self.update_footer(v)?;
        self.download.set_attribute("href", &v.download_href)?;
        set_text(&self.download, &v.download_label);
        show(&self.tools, v.empty.is_none());
        show(&self.status, false);
        show(&self.error, false);
        Ok(())
    }

    fn update_rows(&mut self, rows: &[RowView]) -> Result<(), JsValue> {
        let mut keep: HashMap<String, RowDom> = HashMap::with_capacity(rows.len());
        // Walk the table once: a row already in its place is left where it is, so an update
        // that changes figures but not order moves no node.
        let mut next = self.tbody.first_element_child();
        for r in rows {
            let mut row = match self.rows.remove(&r.id) {
                Some(row) => row,
                None => self.new_row()?,
            };
            fill_row(&self.doc, &mut row, r)?;
            if next.as_ref() == Some(&row.tr) {
                next = row.tr.next_element_sibling();
            } else {
                self.tbody
                    .insert_before(&row.tr, next.as_ref().map(|n| n.as_ref()))?;
            }
            keep.insert(r.id.clone(), row);
        }
        for (_, gone) in self.rows.drain() {
            gone.tr.remove();
        }
        self.rows = keep;
        Ok(())
    }

    fn new_row(&self) -> Result<RowDom, JsValue> {
        let d = &self.doc;
        let tr = el(d, "tr", "gl-row")?;
        let rank = child(d, &tr, "td", "gl-rank")?;
        let movement = child(d, &tr, "td", "gl-move")?;
        let mark = child(d, &movement, "span", "")?;
        mark.set_attribute("aria-hidden", "true")?;
        let words = child(d, &movement, "span", "gl-sr")?;
        let name = child(d, &tr, "th", "gl-name")?;
        name.set_attribute("scope", "row")?;
        let value = child(d, &tr, "td", "gl-value")?;
        Ok(RowDom {
            tr,
            rank,
            movement,
            mark,
            words,
            name,
            value,
            shown: None,
        })
    }

    fn update_footer(&self, v: &BoardView) -> Result<(), JsValue> {
        self.foot.set_text_content(None);
        let d = &self.doc;
        if let Some(name) = &v.source_name {
            let span = child(d, &self.foot, "span", "gl-source")?;
            let (before, after) = crate::i18n::split_placeholder(&v.source_template);
            span.append_with_str_1(before)?;
            let holder = match &v.source_url {
                Some(url) => link(d, &span, url)?,
                None => span.clone(),
            };
            child(d, &holder, "bdi", "")?.set_text_content(Some(name));
            span.append_with_str_1(after)?;
        }
        if let Some(a) = &v.footer_as_of {
            child(d, &self.foot, "span", "gl-asof")?.set_text_content(Some(a));
        }
        show(
            &self.foot,
            v.source_name.is_some() || v.footer_as_of.is_some(),
        );
        Ok(())
    }

    /// Shows the loading line (before the first board).
    pub fn loading(&self, text: &str) {
        set_text(&self.status, text);
        show(&self.status, true);
    }

    /// Shows an error in place of a board that never loaded.
    pub fn fail(&self, headline: &str, detail: &str) -> Result<(), JsValue> {
        self.error.set_text_content(Some(headline));
        child(&self.doc, &self.error, "small", "")?.set_text_content(Some(detail));
        show(&self.error, true);
        show(&self.status, false);
        Ok(())
    }

    /// Shows or hides the "stale" note.
    pub fn set_stale(&self, text: Option<&str>) {
        if let Some(t) = text {
            set_text(&self.stale, t);
        }
        show(&self.stale, text.is_some());
    }
}

fn link(d: &Document, parent: &Element, url: &str) -> Result<Element, JsValue> {
    let a = child(d, parent, "a", "")?;
    a.set_attribute("href", url)?;
    a.set_attribute("rel", "noopener noreferrer nofollow")?;
    a.set_attribute("target", "_blank")?;
    Ok(a)
}

fn fill_row(d: &Document, row: &mut RowDom, r: &RowView) -> Result<(), JsValue> {
    let old = row.shown.take();
    let changed = |f: fn(&RowView) -> &str| old.as_ref().is_none_or(|o| f(o) != f(r));
    if old
        .as_ref()
        .is_none_or(|o| (o.pinned, o.pinned_extra) != (r.pinned, r.pinned_extra))
    {
        let mut class = String::from("gl-row");
        if r.pinned {
            class.push_str(" gl-pinned");
        }
        if r.pinned_extra {
            class.push_str(" gl-extra");
        }
        row.tr.set_class_name(&class);
        row.tr.set_attribute("data-id", &r.id)?;
    }
    if changed(|v| &v.rank) {
        row.rank.set_text_content(Some(&r.rank));
    }
    if changed(|v| v.movement) {
        row.movement
            .set_class_name(&format!("gl-move gl-{}", r.movement));
    }
    if changed(|v| &v.movement_mark) {
        row.mark.set_text_content(Some(&r.movement_mark));
        row.words.set_text_content(Some(&r.movement_words));
    }
    if changed(|v| &v.name) || old.as_ref().is_none_or(|o| o.url != r.url) {
        row.name.set_text_content(None);
        let holder = match &r.url {
            Some(url) => link(d, &row.name, url)?,
            None => row.name.clone(),
        };
        child(d, &holder, "bdi", "")?.set_text_content(Some(&r.name));
    }
    if changed(|v| &v.raw_value) {
        row.value.set_attribute("data-value", &r.raw_value)?;
    }
    if changed(|v| &v.value) {
        row.value.set_text_content(Some(&r.value));
    }
    row.shown = Some(r.clone());
    Ok(())
}
