#!/usr/bin/env node
// The `shixiao` executable. Runs the compiled CLI (dist/server/shixiao.mjs, made by `npm run
// build`) when it was built from the current sources; otherwise, in a checkout being edited, the
// TypeScript itself through tsx's loader, so a stale build is never run by mistake.
// SHIXIAO_FROM_SOURCE=1 forces the TypeScript; NODE_OPTIONS=--enable-source-maps maps the
// bundle's stack traces back to src/.
import { pathToFileURL } from 'node:url';
import { serverBuildIsFresh, serverBundle } from '../scripts/freshness.mjs';

if (process.env.SHIXIAO_FROM_SOURCE !== '1' && serverBuildIsFresh()) {
  await import(pathToFileURL(serverBundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
