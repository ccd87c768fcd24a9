// Types only (react.d.ts): JSX typings for <gov-leaderboard> in React 19.
export {};
