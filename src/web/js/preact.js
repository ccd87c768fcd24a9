// Types only (preact.d.ts): JSX typings for <gov-leaderboard> in Preact.
export {};
