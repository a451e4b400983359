// The stdio transport of the standalone server: the SDK's StdioServerTransport drops what it cannot
// read without a word (not JSON, a batch, "jsonrpc":"1.0", an object id), and a line over its 10 MiB
// buffer closes it, so the process ended with exit code 0 and no message. This one answers each such
// line with the JSON-RPC 2.0 error the spec names (-32700 parse error, -32600 invalid request), skips
// an oversized line instead of closing, and hands every valid message to the SDK unchanged.
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { JSONRPCMessageSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/** The SDK's own limit (STDIO_DEFAULT_MAX_BUFFER_SIZE): one message line may not be longer. */
export const MAX_LINE_BYTES = 10 * 1024 * 1024;

const PARSE_ERROR = -32700;
const INVALID_REQUEST = -32600;
type Id = string | number | null;

export class GuardedStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  private chunks: Buffer[] = [];
  private length = 0;
  /** Inside a line already over the limit: its bytes are dropped up to the next newline. */
  private skipping = false;
  private first = true;

  constructor(
    private readonly stdin: NodeJS.ReadableStream = process.stdin,
    private readonly stdout: NodeJS.WritableStream = process.stdout,
    private readonly report: (text: string) => void = () => undefined,
    private readonly maxLineBytes = MAX_LINE_BYTES,
  ) {}

  private readonly onData = (chunk: Buffer): void => {
    let start = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
      this.take(chunk.subarray(start, nl));
      this.endLine();
      start = nl + 1;
    }
    if (start < chunk.length) this.take(chunk.subarray(start));
  };

  private readonly onError = (error: Error): void => this.onerror?.(error);

  start(): Promise<void> {
    this.stdin.on('data', this.onData);
    this.stdin.on('error', this.onError);
    return Promise.resolve();
  }

  send(message: JSONRPCMessage): Promise<void> {
    return this.write(message);
  }

  close(): Promise<void> {
    this.stdin.off('data', this.onData);
    this.stdin.off('error', this.onError);
    this.chunks = [];
    this.length = 0;
    this.onclose?.();
    return Promise.resolve();
  }

  private take(part: Buffer): void {
    if (this.skipping || part.length === 0) return;
    if (this.length + part.length > this.maxLineBytes) {
      this.chunks = [];
      this.length = 0;
      this.skipping = true;
      return;
    }
    this.chunks.push(part);
    this.length += part.length;
  }

  private endLine(): void {
    if (this.skipping) {
      this.skipping = false;
      this.report(`a message over ${this.maxLineBytes} bytes was dropped; answered with a JSON-RPC error`);
      void this.reply(null, INVALID_REQUEST, `Invalid Request: a message may be at most ${this.maxLineBytes} bytes`);
      return;
    }
    const line = Buffer.concat(this.chunks, this.length).toString('utf8').replace(/\r$/, '');
    this.chunks = [];
    this.length = 0;
    this.handle(line);
  }

  private handle(raw: string): void {
    // A byte-order mark before the first message (some Windows tools write one) is not JSON's, but harmless.
    const line = this.first ? raw.replace(/^\uFEFF/, '') : raw;
    this.first = false;
    if (line.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      return void this.reply(null, PARSE_ERROR, 'Parse error: not valid JSON');
    }
    if (Array.isArray(parsed)) {
      // MCP (2025-06-18) has no JSON-RPC batches: each request gets its own error, so no caller waits forever.
      const ids = parsed.map(validId).filter((id): id is string | number => id !== null);
      const why = 'Invalid Request: batches are not supported; send one message per line';
      if (ids.length === 0) return void this.reply(null, INVALID_REQUEST, why);
      for (const id of ids) void this.reply(id, INVALID_REQUEST, why);
      return;
    }
    const checked = JSONRPCMessageSchema.safeParse(parsed);
    if (!checked.success) {
      const version = (parsed as { jsonrpc?: unknown } | null)?.jsonrpc;
      const why = version !== '2.0' ? 'Invalid Request: "jsonrpc" must be "2.0"' : 'Invalid Request: not a JSON-RPC 2.0 message (an id must be a string or a number)';
      return void this.reply(validId(parsed), INVALID_REQUEST, why);
    }
    this.onmessage?.(checked.data);
  }

  private reply(id: Id, code: number, message: string): Promise<void> {
    return this.write({ jsonrpc: '2.0', id, error: { code, message } });
  }

  private write(message: unknown): Promise<void> {
    return new Promise((resolve) => {
      if (this.stdout.write(`${JSON.stringify(message)}\n`)) resolve();
      else this.stdout.once('drain', resolve);
    });
  }
}

/** The id of a message, when it has one the spec allows; null otherwise (as the spec asks for errors). */
function validId(message: unknown): Id {
  const id = typeof message === 'object' && message !== null ? (message as { id?: unknown }).id : undefined;
  return typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) ? id : null;
}
