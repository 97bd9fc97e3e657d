// Whether a build output is newer than every file it was built from. Used by bin/shixiao.mjs (run
// the compiled CLI only when it matches the sources) and scripts/build.mjs --if-stale.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const serverBundle = join(root, 'dist/server/shixiao.mjs');
/** Written by the build: the repository-relative paths esbuild read to make the bundle. */
export const serverInputs = join(root, 'dist/server/inputs.json');

const mtime = (path) => statSync(path).mtimeMs;

/** True when the compiled CLI exists and none of its inputs changed since it was built. */
export function serverBuildIsFresh(bundle = serverBundle, inputsFile = serverInputs) {
  try {
    const built = mtime(bundle);
    const inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
    return inputs.length > 0 && inputs.every((path) => mtime(join(root, path)) <= built);
  } catch {
    return false;
  }
}

/** The newest modification time of any file under the given repository folders. */
export function newestUnder(...dirs) {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, mtime(path));
    }
  };
  for (const dir of dirs) walk(join(root, dir));
  return newest;
}
