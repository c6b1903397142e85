// For vite-node scripts (seed, bench): path aliases only, no Remix plugin.
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

export default defineConfig({ plugins: [tsconfigPaths()] });
