// Lint: type-aware TypeScript rules plus the import direction of docs/ARCHITECTURE.md:
// domain ← contracts ← db ← modules ← server | jobs | cli; web imports contracts and domain only.
import tseslint from 'typescript-eslint';

/** Forbid importing the named layers from a folder. */
function layerRule(files, banned) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: banned.map((layer) => ({
            group: [`**/${layer}/**`, `**/${layer}`],
            message: `This layer may not import from src/${layer} (see docs/ARCHITECTURE.md).`,
          })),
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'test-results', 'bin', 'scripts/*.mjs', 'eslint.config.mjs'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          // node:test's describe/it return promises the runner awaits itself.
          allowForKnownSafeCalls: [
            { from: 'package', name: ['describe', 'it', 'test', 'suite'], package: 'node:test' },
          ],
        },
      ],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='raw'] > TemplateLiteral[expressions.length>0]",
          message: 'Built-up SQL strings are banned: use Kysely parameters.',
        },
      ],
    },
  },
  layerRule(['src/domain/**'], ['contracts', 'db', 'modules', 'server', 'cli', 'jobs']),
  layerRule(['src/contracts/**'], ['db', 'modules', 'server', 'cli', 'jobs']),
  layerRule(['src/db/**'], ['modules', 'server', 'cli', 'jobs']),
  layerRule(['src/modules/**'], ['server', 'cli', 'jobs']),
  layerRule(['src/jobs/**'], ['server', 'cli']),
  layerRule(['web/**'], ['db', 'modules', 'server', 'cli', 'jobs']),
);
