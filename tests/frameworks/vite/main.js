// Uses both entry points of the installed package: the API and the element.
import init, { rank, renderStatic } from "gov-leaderboard";
import "gov-leaderboard/element";
import "gov-leaderboard/gov-leaderboard.css";
import seed from "../../../www/data/seed.json";

await init();
const ranking = rank(seed, { top: 3 });
document.getElementById("api").textContent = ranking.rows.map((r) => `${r.rank}:${r.id}`).join(" ");
// Static HTML from the package is trusted markup (feed text inside it is escaped).
document.getElementById("static").insertAdjacentHTML("beforeend", renderStatic(seed, { locale: "en", top: 2, chart: "none" }));
document.getElementById("live").data = seed;
