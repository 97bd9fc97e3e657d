/**
 * How tests start the `shixiao` CLI as a child process: through bin/shixiao.mjs, as a user does.
 * It runs the compiled bundle when that matches the sources (scripts/run-tests.mjs builds it
 * first, so each child starts in a fraction of tsx's time) and the TypeScript through tsx otherwise.
 */
export const cliEntry = ['bin/shixiao.mjs'];
