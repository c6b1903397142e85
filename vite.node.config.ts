// For vite-node scripts (seed, bench, the operations commands): path aliases only, no Remix plugin.
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

export default defineConfig({
  plugins: [tsconfigPaths()],
  // Without middleware mode Vite exits the process, with code 0, when standard input ends: a
  // script reading its input (create-admin --password-stdin) would stop half-way, silently.
  server: { middlewareMode: true },
});
