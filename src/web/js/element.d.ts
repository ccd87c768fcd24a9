import type { Feed, Row } from "./index.js";

/** The attributes of `<gov-leaderboard>` (SPEC §4; tests/option_defs.rs keeps this list equal
 * to the option table). Attribute values are text; numbers are accepted where JSX passes them. */
export interface GovLeaderboardAttributes {
  /** URL of the feed (JSON or CSV) */
  src?: string;
  /** What to rank by: interactions, per_post, engagement_rate or growth */
  metric?: "interactions" | "per_post" | "engagement_rate" | "growth";
  /** Days summed, ending at the as-of date (e.g. 30d), or all */
  window?: string;
  /** How tied values share ranks: competition (1,2,2,4) or dense (1,2,2,3) */
  ties?: "competition" | "dense";
  /** How many ranks to keep (rows tied at the cut are all kept; a board shows at most 100) */
  top?: string | number;
  /** Only pages of this country (exact match) */
  country?: string;
  /** Only pages on this platform (exact match) */
  platform?: string;
  /** Only pages in this category (exact match) */
  category?: string;
  /** Always show this page id, with its true rank, even below the cut */
  pin?: string;
  /** Language of the board: a BCP 47 tag (ar, ar-EG, en, fr, de, ...) */
  locale?: string;
  /** Chart above the table: bars, trend or none */
  chart?: "bars" | "trend" | "none";
  /** Heading level of the board's title, 1 to 6 (h2 by default) */
  "heading-level"?: string | number;
  /** Seconds between polls of src (0: fetch once) */
  refresh?: string | number;
  /** What screen readers hear of live moves: auto (the pinned page, else first place), all or off */
  announce?: "auto" | "all" | "off";
  /** A "Save image" button: the board as a PNG for social posts, WxH (present alone: 1200x675) */
  share?: string | boolean;
  /** Colours: auto (the reader's setting), light or dark */
  theme?: "auto" | "light" | "dark";
  /** Text direction, ltr or rtl (default: the locale's) */
  dir?: "ltr" | "rtl";
  /** Seconds a request may take, body included */
  timeout?: string | number;
  /** Rank as on this date, YYYY-MM-DD (default: the feed's as_of, else its latest date) */
  "as-of"?: string;
  /** Replay controls (play, scrubber, day); autoplay: also play once when first half in view */
  replay?: "" | "autoplay" | boolean;
  /** First day of the replay, YYYY-MM-DD (default: the earliest date; at most 3,660 days) */
  "replay-from"?: string;
  /** Seconds from the first day of the replay to the last at normal speed */
  "replay-duration"?: string | number;
}

/** `<gov-leaderboard>`: registered by importing "gov-leaderboard/element". */
export declare class GovLeaderboard extends HTMLElement {
  /** A feed object (or JSON/CSV text, or bytes) shown without fetching. */
  data: Feed | string | Uint8Array | undefined;
  /** The rows on screen. */
  readonly rows: Row[];
  /** A PNG of the board as shown, for social posts (default 1200×675; each side 200–4096). */
  snapshot(options?: { width?: number; height?: number }): Promise<Blob>;
}

/** Resolves once the WebAssembly is loaded. */
export declare function ready(): Promise<unknown>;

declare global {
  interface HTMLElementTagNameMap {
    "gov-leaderboard": GovLeaderboard;
  }
  interface HTMLElementEventMap {
    /** After every render from new data or new options; detail: the rows. */
    "leaderboard-update": CustomEvent<Row[]>;
    /** On a failed fetch or an invalid feed; detail: the message. */
    "leaderboard-error": CustomEvent<string>;
  }
}
