// A template's app started as its own process (its real framework, its real server), for the use-case
// driver to talk to over HTTP. Everything it prints is kept: the driver checks no secret reached it.
import { spawn, type ChildProcess } from 'node:child_process';

export interface RunningApp {
  readonly url: string;
  /** stdout and stderr so far, interleaved. */
  output(): string;
  stop(): Promise<void>;
}

export interface AppCommand {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** How long the framework may take to print `LISTENING <port>`. */
  startTimeoutMs?: number;
  /** Where the framework reports its port when it does not print LISTENING itself. */
  portPattern?: RegExp;
}

export function startApp(spec: AppCommand): Promise<RunningApp> {
  const child: ChildProcess = spawn(spec.command, spec.args, { cwd: spec.cwd, env: spec.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const pattern = spec.portPattern ?? /LISTENING (\d+)/;
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // The whole process group: some frameworks (Next.js) run their server in a child of the CLI.
    try { process.kill(-child.pid!, 'SIGTERM'); } catch { child.kill('SIGTERM'); }
    const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 5000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise<RunningApp>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${spec.command} did not start within ${spec.startTimeoutMs ?? 30_000} ms:\n${output}`));
    }, spec.startTimeoutMs ?? 30_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const port = pattern.exec(output)?.[1];
      if (port && timer) {
        clearTimeout(timer);
        resolve({ url: `http://127.0.0.1:${port}`, output: () => output, stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${spec.command} exited (${code}) before listening:\n${output}`));
    });
  });
}
