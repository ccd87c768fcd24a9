import init, { rank, renderStatic, type Feed, type Options, type Ranking } from "gov-leaderboard";

const feed: Feed = { version: 1, pages: [{ id: "eg-moi", name: "Ministry of Interior", series: [{ date: "2026-11-28", interactions: 24374000 }] }] };
const options: Options = { metric: "interactions", window: "30d", top: 10, pin: "eg-moi", locale: "ar-EG" };
await init();
const ranking: Ranking = rank(feed, options);
const html: string = renderStatic(JSON.stringify(feed), { chart: "none" });
console.log(ranking.rows[0]?.rank, html.length);
