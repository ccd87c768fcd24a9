import type {} from "gov-leaderboard/preact";
import "gov-leaderboard/element";
import type { Feed, Row } from "gov-leaderboard";

export function Board({ feed, onRows }: { feed: Feed; onRows: (rows: Row[]) => void }) {
  return (
    <gov-leaderboard locale="ar-EG" pin="eg-moi" top={5} chart="bars" data={feed}
      onleaderboard-update={(e) => onRows(e.detail)} />
  );
}

// @ts-expect-error: not a chart kind
export const wrong = <gov-leaderboard chart="pie" />;
