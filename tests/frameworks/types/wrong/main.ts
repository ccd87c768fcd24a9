import { rank } from "gov-leaderboard";

rank("{}", { top: "ten" });
