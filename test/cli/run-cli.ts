/** Runs the real `shixiao` CLI in a child process and captures its output. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cliEntry } from '../helpers/cli-entry';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: string[],
  opts: { timeoutMs?: number; env?: Record<string, string> } = {},
): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...cliEntry, ...args], {
      cwd: root,
      // The server's job loop stays off unless a test turns it on.
      env: { ...process.env, SHIXIAO_JOBS_INTERVAL: '0', ...opts.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // A safety net for a hung child, generous enough for a loaded machine; no speed is judged here.
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
