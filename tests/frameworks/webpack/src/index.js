// Both entry points of the package and its stylesheet (for the static board).
import init, { rank, renderStatic } from "gov-leaderboard";
import "gov-leaderboard/element";
import "gov-leaderboard/gov-leaderboard.css";

const seed = await (await fetch("seed.json")).json();
await init();
document.getElementById("api").textContent = rank(seed, { top: 3 }).rows.map((r) => `${r.rank}:${r.id}`).join(" ");
// Static HTML from the package is trusted markup (feed text inside it is escaped).
document.getElementById("static").insertAdjacentHTML("beforeend", renderStatic(seed, { locale: "en", top: 2, chart: "none" }));
document.getElementById("live").data = seed;
