// Builds one baseline chart library entry (BENCH_ENTRY) the way an app would ship it.
import { defineConfig } from "vite";

export default defineConfig({
  logLevel: "error",
  // As an app's production build does (library mode leaves it, and the page has no `process`).
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  build: {
    lib: { entry: process.env.BENCH_ENTRY, formats: ["es"], fileName: "bundle" },
    minify: "esbuild",
    reportCompressedSize: false,
  },
});
