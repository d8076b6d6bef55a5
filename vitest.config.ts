import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // kuromoji's dictionary takes about a second to load in each worker
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
