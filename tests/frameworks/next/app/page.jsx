// A server component: ranks and renders with the npm API on every request (the `node` export
// condition inside Next's server bundle), and a client component with the live element.
import init, { rank, renderStatic } from "gov-leaderboard";
import "gov-leaderboard/gov-leaderboard.css";
import seed from "../../../../www/data/seed.json";
import LiveBoard from "./live-board";

export const dynamic = "force-dynamic";

export default async function Page() {
  await init();
  const ranking = rank(seed, { top: 3 });
  return (
    <main>
      <h1>Rendered by Next.js</h1>
      <p id="api">{ranking.rows.map((r) => `${r.rank}:${r.id}`).join(" ")}</p>
      {/* Static HTML from the package is trusted markup (feed text inside it is escaped). */}
      <div id="static" dangerouslySetInnerHTML={{ __html: renderStatic(seed, { locale: "en", top: 2, chart: "none" }) }} />
      <LiveBoard />
    </main>
  );
}
