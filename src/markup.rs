//! The board's markup, defined once: elements, classes, attributes and text, as a small tree.
//! Two writers use it: `render` writes it as a static HTML string (escaped, no script needed),
//! the browser layer (`web/dom.rs`) builds and patches the live DOM from the same trees. A
//! static board and the live one that takes it over therefore cannot differ in structure
//! (tests/e2e/markup.test.mjs compares them node by node).

use crate::board::{BoardView, RowView};

/// An element: tag, attributes (the class first), children.
#[derive(Debug, Clone, PartialEq)]
pub struct El {
    pub tag: &'static str,
    pub attrs: Vec<(&'static str, String)>,
    pub children: Vec<Node>,
}

/// A child: an element, text (always set as text), or markup the core wrote itself (the
/// static chart's SVG; the live board draws a canvas there instead).
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    El(El),
    Text(String),
    Svg(String),
}

impl El {
    pub fn new(tag: &'static str, class: &str) -> El {
        let attrs = if class.is_empty() {
            Vec::new()
        } else {
            vec![("class", class.to_string())]
        };
        El {
            tag,
            attrs,
            children: Vec::new(),
        }
    }

    // `&str`, not `impl Into<String>`: one instantiation each in the element's `.wasm`.
    pub fn attr(mut self, name: &'static str, value: &str) -> El {
        self.attrs.push((name, value.to_string()));
        self
    }

    pub fn text(mut self, text: &str) -> El {
        self.children.push(Node::Text(text.to_string()));
        self
    }

    pub fn child(mut self, el: El) -> El {
        self.children.push(Node::El(el));
        self
    }

    /// The value of an attribute.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A link that opens in a new tab and passes nothing on; `new_tab` (hidden text after
/// `content`) says it opens a new tab.
fn link(url: &str, content: El, new_tab: &str) -> El {
    El::new("a", "")
        .attr("href", url)
        .attr("rel", "noopener noreferrer nofollow")
        .attr("target", "_blank")
        .child(content)
        .child(El::new("span", "gl-sr").text(new_tab))
}

/// A name, isolated so its own direction cannot reorder what surrounds it; marked with its
/// language when that is not the board's (WCAG 3.1.2); linked if it has a URL.
fn name(text: &str, url: Option<&str>, lang: Option<&str>, new_tab: &str) -> El {
    let mut bdi = El::new("bdi", "");
    if let Some(lang) = lang {
        bdi = bdi.attr("lang", lang);
    }
    let bdi = bdi.text(text);
    match url {
        Some(url) => link(url, bdi, new_tab),
        None => bdi,
    }
}

/// The title and subtitle; `id` ([`title_id`]) names them, and they name the table
/// ([`labelled_by`]).
pub fn head(v: &BoardView, id: &str) -> El {
    let mut title = El::new(heading_tag(v.heading_level), "gl-title")
        .attr("id", id)
        .attr("dir", "auto");
    if let Some(lang) = &v.title_lang {
        title = title.attr("lang", lang);
    }
    let mut sub_id = id.to_string();
    sub_id.push_str("-sub");
    El::new("div", "gl-head")
        .child(title.text(&v.title))
        .child(El::new("p", "gl-sub").attr("id", &sub_id).text(&v.subtitle))
}

/// The id of the board's title. A page may hold several static boards, so it comes from what
/// the board shows (a live board's shadow root has ids of its own).
pub fn title_id(v: &BoardView) -> String {
    let texts = [&v.title, &v.subtitle, &v.lang].into_iter();
    let h = texts
        .chain(v.rows.iter().map(|r| &r.id))
        .fold(crate::hash::START, |h, t| {
            crate::hash::fnv1a(crate::hash::fnv1a(h, t.as_bytes()), &[0])
        });
    let mut id = String::from("gl-");
    for shift in (0..64).step_by(4).rev() {
        id.push(char::from(b"0123456789abcdef"[(h >> shift) as usize & 15]));
    }
    id
}

/// The table's `aria-labelledby`: the heading and subtitle (not a hidden caption repeating them).
pub fn labelled_by(id: &str) -> String {
    let mut out = String::from(id);
    out.push(' ');
    out.push_str(id);
    out.push_str("-sub");
    out
}

/// The title's element: `h1`…`h6` (the article decides where the board sits in its outline).
fn heading_tag(level: u8) -> &'static str {
    ["h1", "h2", "h3", "h4", "h5", "h6"][usize::from(level.clamp(1, 6)) - 1]
}

/// The table's column headers (its body is the rows).
pub fn table_head(v: &BoardView) -> El {
    let mut tr = El::new("tr", "");
    for (class, text) in ["gl-rank", "gl-move", "gl-name", "gl-value"]
        .iter()
        .zip(&v.headers)
    {
        if *class == "gl-move" && !v.movement {
            continue;
        }
        tr = tr.child(El::new("th", class).attr("scope", "col").text(text));
    }
    El::new("thead", "").child(tr)
}

/// One ranked row of `v` (with a movement cell if `v` has the column).
pub fn row(r: &RowView, v: &BoardView) -> El {
    let mut class = String::from("gl-row");
    if r.pinned {
        class.push_str(" gl-pinned");
    }
    if r.pinned_extra {
        class.push_str(" gl-extra");
    }
    let mut tr = El::new("tr", &class)
        .attr("data-id", &r.id)
        .child(El::new("td", "gl-rank").text(&r.rank));
    if v.movement {
        tr = tr.child(
            El::new("td", &(String::from("gl-move gl-") + r.movement))
                .child(
                    El::new("span", "")
                        .attr("aria-hidden", "true")
                        .text(&r.movement_mark),
                )
                .child(El::new("span", "gl-sr").text(&r.movement_words)),
        );
    }
    let mut th = El::new("th", "gl-name").attr("scope", "row").child(name(
        &r.name,
        r.url.as_deref(),
        r.name_lang.as_deref(),
        v.new_tab,
    ));
    if r.pinned {
        // The pinned row's mark is visual: say it too.
        th = th.child(El::new("span", "gl-sr").text(v.pinned_note));
    }
    tr.child(th).child(
        El::new("td", "gl-value")
            .attr("data-value", &r.raw_value)
            .text(&r.value),
    )
}

/// "N more tied at rank R", when the board is cut.
pub fn more(v: &BoardView) -> Option<El> {
    Some(El::new("p", "gl-more").text(v.more.as_ref()?))
}

/// The empty-board sentence.
pub fn empty(v: &BoardView) -> Option<El> {
    Some(El::new("p", "gl-empty").text(v.empty.as_ref()?))
}

/// The provenance footer: source (linked) and as-of date.
pub fn footer(v: &BoardView) -> Option<El> {
    let mut foot = El::new("p", "gl-foot");
    if let Some(source) = &v.source_name {
        // The localized template ("Source: {}") is split so the name can be a link inside it.
        let (before, after) = crate::i18n::split_placeholder(&v.source_template);
        let mut span = El::new("span", "gl-source");
        if !before.is_empty() {
            span = span.text(before);
        }
        span = span.child(name(
            source,
            v.source_url.as_deref(),
            v.source_lang.as_deref(),
            v.new_tab,
        ));
        if !after.is_empty() {
            span = span.text(after);
        }
        foot = foot.child(span);
    }
    if let Some(a) = &v.footer_as_of {
        foot = foot.child(El::new("span", "gl-asof").text(a));
    }
    (!foot.children.is_empty()).then_some(foot)
}

/// The data download link. Its name says whose data it is (hidden text: every board on a page
/// has one, and a list of links all named "Get the data" tells a screen reader nothing).
pub fn tools(v: &BoardView) -> Option<El> {
    v.empty.is_none().then(|| {
        let mut whose = El::new("span", "gl-sr");
        if let Some(lang) = &v.title_lang {
            whose = whose.attr("lang", lang);
        }
        El::new("p", "gl-tools").child(
            El::new("a", "gl-download")
                .attr("download", "leaderboard.csv")
                .attr("href", &v.download_href)
                .text(&v.download_label)
                .child(whose.text(&format!(": {}", v.title))),
        )
    })
}

/// The chart box; `svg` is the static chart (the live board puts its canvas in instead).
pub fn chart(v: &BoardView, kind: &str, svg: Option<String>) -> Option<El> {
    v.chart.as_ref()?;
    let mut el = El::new("div", &(String::from("gl-chart gl-chart-") + kind))
        .attr("role", "img")
        .attr("aria-label", &v.chart_label);
    if let Some(svg) = svg {
        el.children.push(Node::Svg(svg));
    }
    Some(el)
}

/// The whole static board.
pub fn board(
    v: &BoardView,
    metric: &str,
    window: &str,
    chart_kind: &str,
    svg: Option<String>,
) -> El {
    let mut tbody = El::new("tbody", "");
    for r in &v.rows {
        tbody = tbody.child(row(r, v));
    }
    let id = title_id(v);
    let table = El::new("table", "gl-table")
        .attr("aria-labelledby", &labelled_by(&id))
        .child(table_head(v))
        .child(tbody);
    let mut board = El::new("div", "gl-board")
        .attr("lang", &v.lang)
        .attr("dir", if v.rtl { "rtl" } else { "ltr" })
        .attr("data-metric", metric)
        .attr("data-window", window)
        .child(head(v, &id));
    for part in [
        chart(v, chart_kind, svg),
        Some(table),
        more(v),
        empty(v),
        footer(v),
        tools(v),
    ]
    .into_iter()
    .flatten()
    {
        board = board.child(part);
    }
    board
}

/// The static writer: HTML text, every text and attribute value escaped.
pub fn write_html(el: &El, out: &mut String) {
    out.push('<');
    out.push_str(el.tag);
    for (name, value) in &el.attrs {
        out.push(' ');
        out.push_str(name);
        out.push_str("=\"");
        out.push_str(&crate::html::attr(value));
        out.push('"');
    }
    out.push('>');
    // Block containers open their own line too, so the HTML stays readable and diffs small.
    let block_children = matches!(el.children.first(), Some(Node::El(_) | Node::Svg(_)));
    if block_children && matches!(el.tag, "div" | "table" | "tbody") {
        out.push('\n');
    }
    for child in &el.children {
        match child {
            Node::El(e) => write_html(e, out),
            Node::Text(t) => out.push_str(&crate::html::text(t)),
            Node::Svg(svg) => out.push_str(svg),
        }
    }
    out.push_str("</");
    out.push_str(el.tag);
    out.push('>');
    // Blocks end a line, so the HTML stays readable and diffs stay small.
    if matches!(
        el.tag,
        "div" | "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "table" | "thead" | "tbody" | "tr"
    ) {
        out.push('\n');
    }
}
