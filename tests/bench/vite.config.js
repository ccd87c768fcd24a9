// Builds one baseline chart library entry (BENCH_ENTRY) the way an app would ship it.
import { defineConfig } from "vite";

export default defineConfig({
  logLevel: "error",
  build: {
    lib: { entry: process.env.BENCH_ENTRY, formats: ["es"], fileName: "bundle" },
    minify: "esbuild",
    reportCompressedSize: false,
  },
});
