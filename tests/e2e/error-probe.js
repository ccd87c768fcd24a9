// Loaded by test pages as a file (CSP-safe): records leaderboard-error events from any board.
window.boardErrors = [];
document.addEventListener("leaderboard-error", (e) => window.boardErrors.push(String(e.detail)), true);
