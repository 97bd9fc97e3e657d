// Lint: type-aware TypeScript rules plus the import direction of docs/ARCHITECTURE.md:
// domain ← contracts ← db ← modules ← server | jobs | cli; web imports contracts and domain only.
import { dirname, relative, resolve } from 'node:path';
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

const modulesRoot = resolve(import.meta.dirname, 'src/modules');

/**
 * `src/modules/<m>/…` → `m` (`index`: the module's index file); null outside a module folder
 * (the shared files directly in src/modules: route.ts, http.ts, errors.ts, …).
 */
function moduleOf(file) {
  const parts = relative(modulesRoot, file).split(/[\\/]/);
  if (parts[0] === '..' || parts.length < 2) return null;
  const rest = parts
    .slice(1)
    .join('/')
    .replace(/\.(ts|js|mjs)$/, '');
  return { name: parts[0], index: rest === 'index' || rest === '' };
}

/**
 * Modules use each other only through their index (docs/adr/0006-module-rules.md): a file of
 * src/modules/<a>/ may import src/modules/<b> or src/modules/<b>/index, never another file of <b>.
 */
const moduleBoundaries = {
  rules: {
    'through-index': {
      meta: { type: 'problem', schema: [] },
      create(context) {
        const from = moduleOf(context.filename);
        const check = (node) => {
          const source = node.source?.value;
          if (!from || typeof source !== 'string' || !source.startsWith('.')) return;
          const target = resolve(dirname(context.filename), source);
          // `../plans` is the plans module's index; `../route` a shared file.
          const directory = dirname(target) === modulesRoot && !/\.\w+$/.test(target);
          const to = directory
            ? { name: target.slice(modulesRoot.length + 1), index: true }
            : moduleOf(target);
          if (!to || to.name === from.name || to.index) return;
          context.report({
            node: node.source,
            message: `Module '${from.name}' may use module '${to.name}' only through its index (src/modules/${to.name}/index.ts).`,
          });
        };
        return {
          ImportDeclaration: check,
          ImportExpression: check,
          ExportNamedDeclaration: check,
          ExportAllDeclaration: check,
        };
      },
    },
  },
};

export default tseslint.config(
  {
    // Plain JavaScript that runs before any TypeScript loader (bin, build scripts, the import
    // thread's from-source shim): outside the typed project.
    ignores: [
      'node_modules',
      'dist',
      'data',
      'test-results',
      'bin',
      'scripts/*.mjs',
      'src/**/*.source.mjs',
      'eslint.config.mjs',
    ],
  },
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
  // The environment is read once, by the configuration module, and passed down (src/server/config.ts).
  {
    files: ['src/**'],
    ignores: ['src/server/config.ts', 'src/**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration in src/server/config.ts and pass it down (README: Configuration).',
        },
      ],
    },
  },
  {
    files: ['src/modules/**'],
    plugins: { modules: moduleBoundaries },
    rules: { 'modules/through-index': 'error' },
  },
);
