// Chart.js 4, bar chart only, tree-shaken: what a newsroom would ship for a bar leaderboard.
import { Chart, BarController, BarElement, CategoryScale, LinearScale, Tooltip } from "chart.js";
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);
export default Chart;
