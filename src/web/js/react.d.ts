// JSX typings for <gov-leaderboard> in React 19 (which sets `data` as a property and listens
// to `onleaderboard-update` / `onleaderboard-error` on custom elements). Opt in once, e.g. in a
// .d.ts file of the app:  import type {} from "gov-leaderboard/react";
import type { DetailedHTMLProps, HTMLAttributes } from "react";
import type { GovLeaderboard, GovLeaderboardAttributes } from "./element.js";
import type { Feed, Row } from "./index.js";

export type GovLeaderboardProps = DetailedHTMLProps<HTMLAttributes<GovLeaderboard>, GovLeaderboard> &
  GovLeaderboardAttributes & {
    /** A feed object (or JSON/CSV text, or bytes) shown without fetching. */
    data?: Feed | string | Uint8Array;
    "onleaderboard-update"?: (event: CustomEvent<Row[]>) => void;
    "onleaderboard-error"?: (event: CustomEvent<string>) => void;
  };

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "gov-leaderboard": GovLeaderboardProps;
    }
  }
}
