import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Under CI=true a missing LibreOffice, poppler or Chromium fails the run instead of skipping tests.
    globalSetup: ['test/setup/required-tools.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is one file at a time on two cores (cores − 1). Many files wait on child processes
    // (LibreOffice, Chromium, a CLI killed mid-write), so two at once overlap those waits: the whole run
    // 539 → 429 s on the 2-core machine (2026-12-01). Every such file works in its own temporary folder,
    // LibreOffice profile and port.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
