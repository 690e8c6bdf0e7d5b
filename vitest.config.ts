import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    // Suites that audit a whole corpus once in beforeAll need more than the default 10 s on a loaded machine.
    hookTimeout: 60_000,
    setupFiles: ['tests/setup/fast-check.ts'],
    globalSetup: ['tests/setup/temp-folder.ts'],
  },
});
