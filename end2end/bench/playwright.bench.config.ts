// Benchmarks, not tests: the normal run (testDir ./tests) never sees them. Same demo
// server, port and Chromium as the tests; see README.md here for the command.
import { defineConfig } from '@playwright/test';
import base from '../playwright.config';

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '*.bench.ts',
  globalSetup: '../global-setup.ts',
  outputDir: '../test-results/bench',
  timeout: 300_000,
});
