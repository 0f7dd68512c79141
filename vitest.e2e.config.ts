import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // A product sentence a spec imports reads in English here (the browser under test reads its own catalogue).
  resolve: { alias: { '#i18n': fileURLToPath(new URL('./tests/english-i18n.ts', import.meta.url)) } },
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
