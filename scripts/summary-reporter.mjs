// node:test reporter that ends the run with the plain line CI reads: "N passed, N failed", after
// the slowest test files (the time of a file's top-level tests and suites, added up).
import { relative } from 'node:path';

export default async function* summaryReporter(source) {
  let passed = 0;
  let failed = 0;
  const files = new Map();
  for await (const event of source) {
    if (event.type === 'test:pass' && event.data.details?.type !== 'suite') passed++;
    if (event.type === 'test:fail' && event.data.details?.type !== 'suite') failed++;
    if (
      (event.type === 'test:pass' || event.type === 'test:fail') &&
      event.data.nesting === 0 &&
      event.data.file
    )
      files.set(event.data.file, (files.get(event.data.file) ?? 0) + (event.data.details?.duration_ms ?? 0));
  }
  const slowest = [...files]
    .map(([file, ms]) => [ms, relative(process.cwd(), file)])
    .sort((a, b) => b[0] - a[0])
    .slice(0, 12)
    .map(([ms, name]) => `  ${(ms / 1000).toFixed(1).padStart(7)} s  ${name}`)
    .join('\n');
  if (slowest) yield `\nslowest test files:\n${slowest}\n`;
  yield `\n${passed} passed, ${failed} failed\n`;
}
