import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['analyzer/**/*.test.ts', 'rules/**/*.test.ts', 'cli/**/*.test.ts', 'lsp/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'lsp/vscode/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
