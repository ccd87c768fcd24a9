import type { Feed, Row } from "./index.js";

/** `<gov-leaderboard>`: registered by importing "gov-leaderboard/element". */
export declare class GovLeaderboard extends HTMLElement {
  /** A feed object (or JSON/CSV text, or bytes) shown without fetching. */
  data: Feed | string | Uint8Array | undefined;
  /** The rows on screen. */
  readonly rows: Row[];
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
