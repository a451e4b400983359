// `runEmulatorCli`: flag parsing, and a real child process that serves until SIGTERM.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { parseEmulatorArgs } from '../../../src/emulator/cli';
import { BaasSmsError } from '../../../src/core/errors';
import { request, smsBody } from './http';

describe('emulator: CLI', () => {
  it('parses --port, --delay, --key, --host and --envelope, also as --flag=value', () => {
    assert.deepEqual(parseEmulatorArgs(['--port', '8080', '--delay=0', '--key', 'k', '--host', '0.0.0.0', '--envelope', 'result']),
      { port: 8080, deliveryDelayMs: 0, apiKey: 'k', host: '0.0.0.0', envelope: 'result' });
    assert.deepEqual(parseEmulatorArgs([]), {});
  });

  for (const [argv, field] of [[['--port', 'x'], '--port'], [['--port', '70000'], '--port'], [['--delay'], '--delay'], [['--envelope', 'xml'], '--envelope'], [['--verbose'], '--verbose']] as const) {
    it(`refuses ${argv.join(' ')} with INVALID_INPUT naming ${field}`, () => {
      assert.throws(() => parseEmulatorArgs([...argv]), (e: unknown) => e instanceof BaasSmsError && e.code === 'INVALID_INPUT' && e.field === field);
    });
  }

  it('runs in a child process, logs its URL to stderr (not stdout), serves, and exits on SIGTERM', async function () {
    this.timeout(30_000);
    const root = path.resolve(__dirname, '../../..');
    const script = `
      const { runEmulatorCli } = require('./src/emulator/cli');
      const log = (m) => process.stderr.write(m + '\\n');
      runEmulatorCli(['--port', '0', '--delay', '0', '--key', 'cli-secret-key'], { debug() {}, info: log, warn: log, error: log })
        .then(() => { process.stderr.write('stopped\\n'); process.exit(0); }, (e) => { log(String(e)); process.exit(1); });`;
    const child = spawn(process.execPath, ['-r', 'tsx/cjs', '-e', script], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (c: Buffer) => {
        stderr += c.toString();
        const m = /listening on (http:\/\/\S+)/.exec(stderr);
        if (m) resolve(m[1]);
      });
      child.once('exit', () => reject(new Error(`exited early: ${stderr}`)));
    });
    const answer = await request(url, 'POST', '/message/sms', { key: 'cli-secret-key', body: smsBody() });
    assert.equal(answer.status, 200);
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    assert.equal(await exit, 0);
    assert.match(stderr, /stopped/);
    assert.equal(stdout, '');
    assert.ok(!stderr.includes('cli-secret-key'));
  });
});
