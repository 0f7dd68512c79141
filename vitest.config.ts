import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/tenant/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/unit/i18n-setup.ts'],
  },
});
