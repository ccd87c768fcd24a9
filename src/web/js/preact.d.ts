// JSX typings for <gov-leaderboard> in Preact. Opt in once, e.g. in a .d.ts file of the app:
//   import type {} from "gov-leaderboard/preact";
import type { JSX } from "preact";
import type { GovLeaderboard, GovLeaderboardAttributes } from "./element.js";
import type { Feed, Row } from "./index.js";

export type GovLeaderboardProps = Omit<JSX.HTMLAttributes<GovLeaderboard>, keyof GovLeaderboardAttributes | "data"> &
  GovLeaderboardAttributes & {
    /** A feed object (or JSON/CSV text, or bytes) shown without fetching. */
    data?: Feed | string | Uint8Array;
    "onleaderboard-update"?: (event: CustomEvent<Row[]>) => void;
    "onleaderboard-error"?: (event: CustomEvent<string>) => void;
  };

declare module "preact" {
  namespace JSX {
    interface IntrinsicElements {
      "gov-leaderboard": GovLeaderboardProps;
    }
  }
}
