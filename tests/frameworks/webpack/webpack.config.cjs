// A webpack 5 production build with the usual CSS set-up (css-loader, extracted to a file).
// Nothing in it is for gov-leaderboard: the .wasm files are found through
// `new URL(…, import.meta.url)`, and the imported stylesheet survives tree-shaking.
const MiniCssExtractPlugin = require("mini-css-extract-plugin");
const { join } = require("node:path");

module.exports = {
  mode: "production",
  entry: "./src/index.js",
  output: { path: join(__dirname, "dist"), clean: true },
  module: { rules: [{ test: /\.css$/, use: [MiniCssExtractPlugin.loader, "css-loader"] }] },
  plugins: [new MiniCssExtractPlugin()],
};
