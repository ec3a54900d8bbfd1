import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'web/dist', 'artefacts', 'coverage'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The architecture, as lint: pure domain modules never reach the database, HTTP or the environment.
    files: ['src/**/domain/**/*.ts', 'src/**/*.domain.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['kysely', 'pg', '@electric-sql/*', 'fastify', '@fastify/*', 'node:fs', 'node:process', '**/db/**', '**/config.ts'] }],
      'no-restricted-globals': ['error', 'process'],
    },
  },
);
