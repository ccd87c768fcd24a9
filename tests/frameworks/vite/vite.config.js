// The one line Vite's dev server needs for a package that loads its own .wasm (the production
// build needs nothing): pre-bundling would move the glue away from the .wasm beside it.
export default { optimizeDeps: { exclude: ["gov-leaderboard"] } };
