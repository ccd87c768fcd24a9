/** gov-leaderboard: ranking and static rendering of government social-media pages. */

/** One daily point of a page's series (SPEC §1). */
export interface FeedPoint {
  /** `YYYY-MM-DD` */
  date: string;
  interactions: number;
  posts?: number;
  followers?: number;
}

/** A page in the feed. */
export interface FeedPage {
  /** 1–64 characters of `A-Z a-z 0-9 . _ -`, unique in the feed. */
  id: string;
  name: string;
  /** Locale tag → display name, e.g. `{ en: "Ministry of Interior (Egypt)" }`. */
  names?: Record<string, string>;
  country?: string;
  platform?: string;
  category?: string;
  /** http or https only. */
  url?: string;
  followers?: number;
  /** BCP 47 tag: the language of `name` (boards mark it when it is not theirs). */
  lang?: string;
  series?: FeedPoint[];
}

/** The feed (JSON form; CSV text is accepted too). Unknown fields are ignored. */
export interface Feed {
  version: 1;
  title?: string;
  /** Locale tag → the board's title in that language (at most 64). */
  titles?: Record<string, string>;
  source?: { name?: string; url?: string; names?: Record<string, string> };
  /** `YYYY-MM-DD`; default: the latest date in any series. */
  as_of?: string;
  /** BCP 47 tag: the language of `title` and `source.name`. */
  lang?: string;
  pages: FeedPage[];
}

export type Metric = "interactions" | "per_post" | "engagement_rate" | "growth";
/** `"30d"` (any whole number of days ≥ 1) or `"all"`. */
export type Window = `${number}d` | "all";
export type Ties = "competition" | "dense";
export type ChartKind = "bars" | "trend" | "none";

/** Options, as the CLI's flags. Absent (or null) means the default; an unknown name or a value
 * of the wrong type throws an `Error` naming the option. */
export interface Options {
  metric?: Metric;
  window?: Window;
  ties?: Ties;
  /** Integer ≥ 1 (default 10); rows tied at the cut are all kept. */
  top?: number;
  country?: string;
  platform?: string;
  category?: string;
  pin?: string;
  /** `YYYY-MM-DD` (1900–2099): rank as on this day instead of the feed's `as_of` or latest date. */
  asOf?: string;
  /** `YYYY-MM-DD`: the first day of `rankTimeline` (default: the earliest point date among the
   * selected pages; at most 3,660 days before the as-of date). Ignored by `rank` and
   * `renderStatic`. */
  from?: string;
  /** BCP 47 tag (default `en`); renderStatic only. */
  locale?: string;
  /** renderStatic only. */
  chart?: ChartKind;
  /** The title's heading level, 1–6 (default 2); renderStatic only. */
  headingLevel?: 1 | 2 | 3 | 4 | 5 | 6;
  /** renderStatic only: return the share card as a standalone SVG of "WxH" (each 200–4096;
   * "" for 1200x675) instead of the board's HTML. */
  card?: string;
}

/** One ranked row. */
export interface Row {
  rank: number;
  id: string;
  /** The feed's `name` (never localized). */
  name: string;
  value: number;
  previous_rank: number | null;
  delta: number | null;
}

/** What `rank` returns (and `gov-leaderboard rank` prints). */
export interface Ranking {
  as_of: string | null;
  metric: Metric;
  window: string;
  ties: Ties;
  rows: Row[];
  /** Selected pages with no value in the window, ascending id. */
  unranked: string[];
}

export type FeedInput = string | Uint8Array | ArrayBuffer | Feed;

/** Where `init` may load the WebAssembly from: a URL (string or `URL`), a `Response`, its bytes
 * or a compiled `WebAssembly.Module`. Typed structurally so the types compile with `lib: es2022`
 * alone (a Node project without DOM types). */
export type InitInput = string | { readonly href: string } | ArrayBuffer | ArrayBufferView | object;

/** Loads the WebAssembly (once; again after a failure). Needed before `rank` and
 * `renderStatic`, which throw a plain `Error` until it has finished. With no argument it loads
 * the `.wasm` that ships with the package (in Node through the `node` export condition). */
export default function init(input?: InitInput): Promise<unknown>;

/** Ranks a feed. Throws an `Error` whose message lists every feed problem, located. */
export function rank(feed: FeedInput, options?: Options): Ranking;

/** The static board HTML fragment (link gov-leaderboard.css where it is shown). */
export function renderStatic(feed: FeedInput, options?: Options): string;

/** What `rankTimeline` returns: the days F…D in order and each day's ranking. */
export interface Timeline {
  /** `YYYY-MM-DD`, one per calendar day, at most 3,660. */
  dates: string[];
  /** `frames[i]` equals `rank(feed, { ...options, asOf: dates[i] })`. */
  frames: Ranking[];
}

/** The ranking of every day of a replay (SPEC §2b), computed in one pass over the feed. */
export function rankTimeline(feed: FeedInput, options?: Options): Timeline;
