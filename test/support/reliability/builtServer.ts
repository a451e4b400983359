// The built stdio server (dist/server.js) driven over raw pipes: every byte it writes to stdout and
// stderr is kept, so figures can check them byte for byte, while requests can still be awaited.
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';

export const SERVER_JS = path.resolve('dist/server.js');

let built = false;

/** Builds dist/server.js (and the extension bundle) the way `npm run build` does, once per process. */
export function buildServer(): void {
  if (built) return;
  execFileSync(process.execPath, ['esbuild.mjs'], { stdio: 'pipe' });
  built = true;
}

export interface JsonRpcMessage {
  jsonrpc?: unknown;
  id?: unknown;
  method?: unknown;
  result?: unknown;
  error?: { code?: number; message?: string };
}

export class RawStdioSession {
  readonly child: ChildProcessWithoutNullStreams;
  private readonly out: Buffer[] = [];
  private readonly err: Buffer[] = [];
  private pending = '';
  private readonly answers = new Map<string, JsonRpcMessage>();
  private readonly waiters = new Map<string, (m: JsonRpcMessage) => void>();
  readonly exited: Promise<number | null>;
  bytesIn = 0;

  constructor(args: string[], env: NodeJS.ProcessEnv) {
    this.child = spawn(process.execPath, [SERVER_JS, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (chunk: Buffer) => this.onStdout(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => this.err.push(chunk));
    // A server that exits early makes writes fail with EPIPE; the figure judges the output instead.
    this.child.stdin.on('error', () => undefined);
    this.exited = new Promise((resolve) => this.child.on('close', (code) => resolve(code)));
  }

  get stdout(): Buffer {
    return Buffer.concat(this.out);
  }

  get stderr(): Buffer {
    return Buffer.concat(this.err);
  }

  /** Writes bytes as they are (a line needs its own '\n'). */
  write(bytes: string | Buffer): void {
    const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    this.bytesIn += buffer.length;
    this.child.stdin.write(buffer);
  }

  send(message: object): void {
    this.write(`${JSON.stringify(message)}\n`);
  }

  /** Sends a request and resolves with its answer (or rejects after `timeoutMs`). */
  request(id: string | number, method: string, params?: object, timeoutMs = 20_000): Promise<JsonRpcMessage> {
    this.send({ jsonrpc: '2.0', id, method, ...(params ? { params } : {}) });
    return this.answerTo(id, timeoutMs);
  }

  answerTo(id: string | number, timeoutMs = 20_000): Promise<JsonRpcMessage> {
    const key = JSON.stringify(id);
    const known = this.answers.get(key);
    if (known) return Promise.resolve(known);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(key);
        reject(new Error(`no answer to request ${key} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.set(key, (m) => {
        clearTimeout(timer);
        resolve(m);
      });
    });
  }

  /** Closes stdin (the server's cue to stop) and waits for the exit, killing it after `timeoutMs`. */
  async close(timeoutMs = 10_000): Promise<number | null> {
    this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  private onStdout(chunk: Buffer): void {
    this.out.push(chunk);
    this.pending += chunk.toString('utf8');
    let newline: number;
    while ((newline = this.pending.indexOf('\n')) >= 0) {
      const line = this.pending.slice(0, newline);
      this.pending = this.pending.slice(newline + 1);
      let message: JsonRpcMessage;
      try {
        message = JSON.parse(line) as JsonRpcMessage;
      } catch {
        continue; // judged later from the raw bytes
      }
      if (message && typeof message === 'object' && message.id !== undefined && message.method === undefined) {
        const key = JSON.stringify(message.id);
        this.answers.set(key, message);
        this.waiters.get(key)?.(message);
        this.waiters.delete(key);
      }
    }
  }
}

/** Lines of `stdout` that are not one JSON-RPC 2.0 message each (an unterminated last line counts too). */
export function nonJsonRpcLines(stdout: Buffer): string[] {
  const text = stdout.toString('utf8');
  const lines = text.split('\n');
  const last = lines.pop();
  const bad = last ? [last] : [];
  for (const line of lines) if (!isJsonRpcLine(line)) bad.push(line);
  return bad;
}

function isJsonRpcLine(line: string): boolean {
  let m: JsonRpcMessage;
  try {
    m = JSON.parse(line) as JsonRpcMessage;
  } catch {
    return false;
  }
  if (typeof m !== 'object' || m === null || Array.isArray(m) || m.jsonrpc !== '2.0') return false;
  const isResponse = 'id' in m && (('result' in m) !== ('error' in m));
  const isRequestOrNotification = typeof m.method === 'string';
  return isResponse || isRequestOrNotification;
}
