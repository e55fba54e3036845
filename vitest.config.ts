import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Under CI=true a missing LibreOffice, poppler or Chromium fails the run instead of skipping tests.
    globalSetup: ['test/setup/required-tools.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
