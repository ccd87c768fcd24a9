//! Every option of a board, defined once (ripgrep's `crates/core/flags/defs.rs` is the model):
//! its name on each surface, its default and its help. The CLI builds its `rank`/`render` flags
//! from this table (src/cli.rs), and tests/option_defs.rs checks the element's observed
//! attributes (element.js), the iframe's query parameters (www/embed.js), the npm `Options`
//! type (index.d.ts) and the README's table against it, so none of them can drift.

/// Where an option applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    /// `gov-leaderboard rank` (and npm `rank`).
    Rank,
    /// `gov-leaderboard render` (and npm `renderStatic`).
    Render,
    /// `<gov-leaderboard>` attributes, and so embed.html's query parameters.
    Element,
    /// npm `rankTimeline` (beyond the `rank` options).
    Timeline,
}

use Surface::{Element, Rank, Render, Timeline};

/// One option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OptionDef {
    /// The CLI flag (without `--`), the attribute and the iframe query parameter.
    pub name: &'static str,
    /// The npm option name.
    pub npm: &'static str,
    /// The default, as text; `None`: no default (absent means "not set").
    pub default: Option<&'static str>,
    /// One line of help, as `--help`, the README and the types show it.
    pub help: &'static str,
    pub surfaces: &'static [Surface],
}

impl OptionDef {
    pub fn on(&self, surface: Surface) -> bool {
        self.surfaces.contains(&surface)
    }

    /// An npm option: every CLI option is one (`rank` and `renderStatic` take the CLI's names),
    /// and `rankTimeline`'s `from`.
    pub fn npm(&self) -> bool {
        self.on(Rank) || self.on(Render) || self.on(Timeline)
    }
}

const RANKING: &[Surface] = &[Rank, Render, Element];
const BOARD: &[Surface] = &[Render, Element];
const ELEMENT: &[Surface] = &[Element];
const REPLAY: &[Surface] = &[Timeline, Element];

/// The options, in the order `--help` and the README list them.
pub const OPTIONS: &[OptionDef] = &[
    OptionDef {
        name: "metric",
        npm: "metric",
        default: Some("interactions"),
        surfaces: RANKING,
        help: "What to rank by: interactions, per_post, engagement_rate or growth",
    },
    OptionDef {
        name: "window",
        npm: "window",
        default: Some("30d"),
        surfaces: RANKING,
        help: "Days summed, ending at the as-of date (e.g. 30d), or all",
    },
    OptionDef {
        name: "ties",
        npm: "ties",
        default: Some("competition"),
        surfaces: RANKING,
        help: "How tied values share ranks: competition (1,2,2,4) or dense (1,2,2,3)",
    },
    OptionDef {
        name: "top",
        npm: "top",
        default: Some("10"),
        surfaces: RANKING,
        help:
            "How many ranks to keep (rows tied at the cut are all kept; a board shows at most 100)",
    },
    OptionDef {
        name: "country",
        npm: "country",
        default: None,
        surfaces: RANKING,
        help: "Only pages of this country (exact match)",
    },
    OptionDef {
        name: "platform",
        npm: "platform",
        default: None,
        surfaces: RANKING,
        help: "Only pages on this platform (exact match)",
    },
    OptionDef {
        name: "category",
        npm: "category",
        default: None,
        surfaces: RANKING,
        help: "Only pages in this category (exact match)",
    },
    OptionDef {
        name: "pin",
        npm: "pin",
        default: None,
        surfaces: RANKING,
        help: "Always show this page id, with its true rank, even below the cut",
    },
    OptionDef {
        name: "as-of",
        npm: "asOf",
        default: None,
        surfaces: RANKING,
        help: "Rank as on this date, YYYY-MM-DD (default: the feed's as_of, else its latest date)",
    },
    OptionDef {
        name: "replay-from",
        npm: "from",
        default: None,
        surfaces: REPLAY,
        help: "First day of the replay, YYYY-MM-DD (default: the earliest date; at most 3,660 days)",
    },
    OptionDef {
        name: "locale",
        npm: "locale",
        default: Some("en"),
        surfaces: BOARD,
        help: "Language of the board: a BCP 47 tag (ar, ar-EG, en, fr, de, ...)",
    },
    OptionDef {
        name: "chart",
        npm: "chart",
        default: Some("bars"),
        surfaces: BOARD,
        help: "Chart above the table: bars, trend or none",
    },
    OptionDef {
        name: "heading-level",
        npm: "headingLevel",
        default: Some("2"),
        surfaces: BOARD,
        help: "Heading level of the board's title, 1 to 6 (h2 by default)",
    },
    OptionDef {
        name: "card",
        npm: "card",
        default: None,
        surfaces: &[Render],
        help: "Write the share card instead of the board: a standalone SVG of WxH (--card alone: 1200x675)",
    },
    OptionDef {
        name: "src",
        npm: "src",
        default: None,
        surfaces: ELEMENT,
        help: "URL of the feed (JSON or CSV)",
    },
    OptionDef {
        name: "refresh",
        npm: "refresh",
        default: Some("0"),
        surfaces: ELEMENT,
        help: "Seconds between polls of src (0: fetch once)",
    },
    OptionDef {
        name: "announce",
        npm: "announce",
        default: Some("auto"),
        surfaces: ELEMENT,
        help: "What screen readers hear of live moves: auto (the pinned page, else first place), all or off",
    },
    OptionDef {
        name: "share",
        npm: "share",
        default: None,
        surfaces: ELEMENT,
        help: "A \"Save image\" button: the board as a PNG for social posts, WxH (present alone: 1200x675)",
    },
    OptionDef {
        name: "theme",
        npm: "theme",
        default: Some("auto"),
        surfaces: ELEMENT,
        help: "Colours: auto (the reader's setting), light or dark",
    },
    OptionDef {
        name: "dir",
        npm: "dir",
        default: None,
        surfaces: ELEMENT,
        help: "Text direction, ltr or rtl (default: the locale's)",
    },
    OptionDef {
        name: "timeout",
        npm: "timeout",
        default: Some("10"),
        surfaces: ELEMENT,
        help: "Seconds a request may take, body included",
    },
    OptionDef {
        name: "replay",
        npm: "replay",
        default: None,
        surfaces: ELEMENT,
        help: "Replay controls (play, scrubber, day); autoplay: also play once when first half in view",
    },
    OptionDef {
        name: "replay-duration",
        npm: "replayDuration",
        default: Some("15"),
        surfaces: ELEMENT,
        help: "Seconds from the first day of the replay to the last at normal speed",
    },
];

/// Options whose flag may be given without a value, and the value it then has.
pub const VALUE_IF_BARE: &[(&str, &str)] = &[("card", "1200x675")];

/// The options of one surface, in table order.
pub fn on(surface: Surface) -> impl Iterator<Item = &'static OptionDef> {
    OPTIONS.iter().filter(move |o| o.on(surface))
}
