/**
 * `shixiao serve` in its own process, as an operator starts it (`--port 0`: the port it prints),
 * for the reliability tests that kill or compare servers. `stop()` ends it with SIGTERM (SIGKILL
 * after 15 s); `kill()` sends SIGKILL at once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cliEntry } from './cli-entry';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface ServeProcess {
  url: string;
  child: ChildProcess;
  /** Everything printed so far (stdout and stderr). */
  output(): string;
  exited: Promise<number | null>;
  stop(): Promise<void>;
  kill(): Promise<void>;
}

export async function startServeProcess(
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 240_000,
): Promise<ServeProcess> {
  const child = spawn(process.execPath, [...cliEntry, 'serve', '--port', '0', ...args], {
    cwd: root,
    env: { ...process.env, SHIXIAO_LOG_LEVEL: 'warn', SHIXIAO_JOBS_INTERVAL: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr.on('data', (d: Buffer) => (text += d.toString()));
  let done = false;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      done = true;
      resolve(code);
    }),
  );
  const end = async (signal: NodeJS.Signals) => {
    if (done) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve did not start within ${timeoutMs} ms:\n${text}`));
    }, timeoutMs);
    const look = () => {
      const found = /is serving .* on (http:\/\/\S+?)\/?\n/.exec(text)?.[1];
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout.on('data', look);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code}) before serving:\n${text}`));
    });
  });
  return {
    url,
    child,
    output: () => text,
    exited,
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
  };
}
