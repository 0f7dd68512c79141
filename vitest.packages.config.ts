import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // A product sentence a spec imports reads in English here (tests/english-i18n.ts).
  resolve: { alias: { '#i18n': fileURLToPath(new URL('./tests/english-i18n.ts', import.meta.url)) } },
  test: { include: ['tests/packages/**/*.test.ts'] },
});
