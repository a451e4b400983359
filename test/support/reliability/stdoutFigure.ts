// The "stdout purity" figure: N sessions of the built stdio server, each fed valid requests mixed
// with malformed, truncated, oversized (over 1 MB on one line) and binary input. Every line the server
// writes to stdout must be one JSON-RPC message, and every valid request must still be answered.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { nonJsonRpcLines, RawStdioSession } from './builtServer';
import { runPool } from './pool';

export interface StdoutFigure {
  sessions: number;
  bytesIn: number;
  /** Lines the server wrote to stdout, all sessions. */
  linesOut: number;
  nonJsonRpcLines: number;
  /** Valid requests that got no answer. */
  unanswered: number;
  /** Sessions whose server did not exit with code 0 once stdin closed. */
  badExits: number;
  examples: string[];
  elapsedMs: number;
}

const RECIPIENT = [{ phone_number: '010-1234-5678', member_code: 'm1' }];

const MALFORMED = [
  'this is not json',
  '{"jsonrpc":"2.0","id":',
  '{}',
  '[]',
  'null',
  '42',
  '"just a string"',
  '{"jsonrpc":"1.0","id":901,"method":"ping"}',
  '{"jsonrpc":"2.0","id":{"nested":true},"method":"ping"}',
  '[{"jsonrpc":"2.0","id":902,"method":"ping"}]',
  '{"jsonrpc":"2.0","method":"tools/call","params":{"name":"send_sms"}}',
  '{"jsonrpc":"2.0","id":903,"result":{}}',
  '\r',
  '   ',
  '\u0000\u0001\u0002',
  '{"jsonrpc":"2.0","id":904,"method":"tools/call","params":{"name":"no_such_tool","arguments":{}}}',
  '{"jsonrpc":"2.0","id":905,"method":"tools/call","params":{"name":"send_sms","arguments":"not an object"}}',
];

export async function runStdoutFigure(options: { sessions: number; concurrency?: number }): Promise<StdoutFigure> {
  const started = Date.now();
  const dir = mkdtempSync(path.join(tmpdir(), 'baas-stdout-'));
  try {
    const results = await runPool(options.sessions, options.concurrency ?? 3, (i) => oneSession(i, dir));
    const examples = results.flatMap((r) => r.examples).slice(0, 10);
    return {
      sessions: results.length,
      bytesIn: sum(results.map((r) => r.bytesIn)),
      linesOut: sum(results.map((r) => r.linesOut)),
      nonJsonRpcLines: sum(results.map((r) => r.bad)),
      unanswered: sum(results.map((r) => r.unanswered)),
      badExits: results.filter((r) => r.exitCode !== 0).length,
      examples,
      elapsedMs: Date.now() - started,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function oneSession(index: number, dir: string): Promise<{ bytesIn: number; linesOut: number; bad: number; unanswered: number; exitCode: number | null; examples: string[] }> {
  const session = new RawStdioSession(['--sandbox'], {
    ...process.env,
    BAAS_API_KEY: '',
    BAAS_LEDGER_FILE: path.join(dir, `ledger-${index}.jsonl`),
    BAAS_SANDBOX_DELAY_MS: '20',
    BAAS_CALLBACK_NUMBER: '02-1234-5678',
    BAAS_LOG_LEVEL: 'debug',
  });
  const examples: string[] = [];
  let unanswered = 0;
  const expect = async (answer: Promise<unknown>, what: string): Promise<void> => {
    try {
      await answer;
    } catch {
      unanswered++;
      examples.push(`session ${index}: no answer to ${what}`);
    }
  };

  await expect(session.request(1, 'initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'purity', version: '0' } }), 'initialize');
  session.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
  await expect(session.request(2, 'tools/list'), 'tools/list');

  for (const line of MALFORMED) session.write(`${line}\n`);
  // A valid request cut short, at a different place each session.
  const whole = JSON.stringify({ jsonrpc: '2.0', id: 906, method: 'tools/call', params: { name: 'preview_message', arguments: { recipients: RECIPIENT, message: '안녕하세요' } } });
  session.write(`${whole.slice(0, 10 + ((index * 37) % (whole.length - 20)))}\n`);
  // Over 1 MB on one line: a valid request with a huge message, a garbage line, a huge JSON string.
  const huge = session.request(3, 'tools/call', { name: 'send_sms', arguments: { recipients: RECIPIENT, message: 'x'.repeat(1_200_000 + index) } }, 60_000);
  session.write(`${'A'.repeat(1_100_000)}\n`);
  session.write(`"${'b'.repeat(1_050_000)}"\n`);
  // Binary garbage (it may hold newlines of its own), then a newline so the next message starts clean.
  session.write(Buffer.concat([randomBytes(8192), Buffer.from('\n')]));
  session.write(Buffer.concat([Buffer.from([0xff, 0xfe, 0xfd, 0x00, 0xc3, 0x28]), Buffer.from('\n')]));

  await expect(huge, 'the 1.2 MB send_sms');
  await expect(session.request(4, 'tools/call', { name: 'preview_message', arguments: { recipients: RECIPIENT, message: '안녕하세요' } }), 'preview_message');
  await expect(session.request(5, 'tools/call', { name: 'send_sms', arguments: { recipients: RECIPIENT, message: `purity ${index}` } }), 'send_sms');
  await expect(session.request('last', 'ping'), 'the final ping');
  const exitCode = await session.close();

  const stdout = session.stdout;
  const bad = nonJsonRpcLines(stdout);
  for (const line of bad.slice(0, 3)) examples.push(`session ${index}: non-JSON-RPC stdout line: ${JSON.stringify(line.slice(0, 200))}`);
  return { bytesIn: session.bytesIn, linesOut: stdout.toString('utf8').split('\n').filter(Boolean).length, bad: bad.length, unanswered, exitCode, examples };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
