// `npm run build`: compiles the server and CLI (src/) into one ES module, dist/server/shixiao.mjs
// (and the import thread's entry, import-thread.mjs, beside it),
// and builds the web app into dist/web. esbuild bundles the TypeScript (tsc cannot: our imports
// carry no extensions, which Node's ESM loader needs) and the pure-JavaScript packages; native
// and large lazily loaded packages stay in node_modules (keepExternal below).
//   --if-stale      rebuild only what is older than its sources (what `npm start` runs)
//   --server-only   skip the web app
//   --outdir DIR    write the server bundle elsewhere (the build test uses a temporary folder)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

import { build } from 'esbuild';
import { newestUnder, root, serverBuildIsFresh } from './freshness.mjs';

const args = process.argv.slice(2);
const ifStale = args.includes('--if-stale');
const serverOnly = args.includes('--server-only');
const outdirArg = args.indexOf('--outdir');
const outdir = outdirArg >= 0 ? resolve(args[outdirArg + 1]) : join(root, 'dist/server');

/**
 * Files read at run time are found with `new URL('../x', import.meta.url)` next to the source
 * file. In the bundle import.meta.url is the bundle's, so each such path is rebased from the source
 * file's folder to the output folder: assets stay where they are in the repository.
 */
const rebaseAssetUrls = {
  name: 'rebase-asset-urls',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (file) => {
      const source = readFileSync(file.path, 'utf8');
      const contents = source.replace(/new URL\((['"])([^'"]+)\1, import\.meta\.url\)/g, (_, quote, path) => {
        const target = resolve(dirname(file.path), path);
        const rebased = relative(outdir, target).split(sep).join('/') + (path.endsWith('/') ? '/' : '');
        return `new URL(${quote}${rebased.startsWith('.') ? rebased : './' + rebased}${quote}, import.meta.url)`;
      });
      return { contents, loader: 'ts' };
    });
  },
};

/**
 * Packages left in node_modules (with their subpaths). Hono serves every request: bundled, the
 * status route ran 15–20 % slower under wrk (8.8k against 11.1k req/s on SQLite, same machine and
 * minutes), so it stays outside, at ~0.1 s of start-up.
 */
const keepExternal = [
  'hono',
  '@hono/node-server',
  '@hono/zod-openapi',
  '@hono/zod-validator',
  'better-sqlite3',
  '@node-rs/argon2',
  'pg',
  'pino',
  'playwright-core',
  'exceljs',
  'docx',
  'echarts',
  'mammoth',
  'iconv-lite',
  'nodemailer',
  'tsx',
  'esbuild',
].flatMap((name) => [name, `${name}/*`]);

async function buildServer() {
  if (ifStale && outdirArg < 0 && serverBuildIsFresh()) return;
  const started = performance.now();
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    // The CLI and server, and the import thread that a large `import-data` starts beside it.
    entryPoints: {
      shixiao: join(root, 'src/cli/main.ts'),
      'import-thread': join(root, 'src/modules/imports/import-thread.ts'),
    },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Pure-JavaScript packages are bundled (loading ~700 small files cost the CLI most of a second
    // at every start); native addons, packages that load files or workers by path at run time,
    // and the large ones loaded only by some commands stay in node_modules.
    external: keepExternal,
    // Bundled CommonJS code calls require() for Node's built-ins.
    banner: {
      js: "import { createRequire as __shixiaoRequire } from 'node:module'; const require = __shixiaoRequire(import.meta.url);",
    },
    sourcemap: 'linked',
    metafile: true,
    minify: true,
    keepNames: true,
    logLevel: 'warning',
    plugins: [rebaseAssetUrls],
  });
  const inputs = Object.keys(result.metafile.inputs).map((p) =>
    relative(root, resolve(root, p)).split(sep).join('/'),
  );
  writeFileSync(join(outdir, 'inputs.json'), JSON.stringify(inputs, null, 1) + '\n');
  const size = statSync(join(outdir, 'shixiao.mjs')).size;
  console.log(
    `server: ${inputs.length} files → ${relative(root, join(outdir, 'shixiao.mjs')) || outdir} (${(size / 1024).toFixed(0)} KiB) in ${Math.round(performance.now() - started)} ms`,
  );
}

function buildWeb() {
  const index = join(root, 'dist/web/index.html');
  if (
    ifStale &&
    existsSync(index) &&
    statSync(index).mtimeMs > newestUnder('web', 'src/contracts', 'src/domain')
  )
    return;
  const vite = spawnSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (vite.status !== 0) process.exit(vite.status ?? 1);
}

await buildServer();
if (!serverOnly) buildWeb();
