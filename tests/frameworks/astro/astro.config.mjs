// Astro's build needs nothing; its dev server (Vite) needs the one documented line.
export default { vite: { optimizeDeps: { exclude: ["gov-leaderboard"] } } };
