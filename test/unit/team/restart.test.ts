// The case from issue 9: send_sms with an idempotency_key; the API takes the message and never
// answers; the built stdio server is killed with -9 and started again; the same call must not reach
// the API a second time. On the embedded file and on PostgreSQL (the real server), and across two
// processes sharing one ledger file.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { startEmulator, type BaasEmulator } from '../../../src/emulator/emulator';
import { postgresDatabase } from '../../support/postgres';
import { removeDir, tempDir } from '../ledger/ledgerFixtures';
import { API_KEY, sendSms, startServer, type Ledger } from './servers';

const KEY = 'agent-abcdef1';

async function waitFor(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  for (const started = Date.now(); !check(); await new Promise((r) => setTimeout(r, 25))) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
  }
}

for (const engine of ['file', 'postgres'] as const) {
  describe(`same idempotency_key after kill -9 and restart of dist/server.js (${engine} ledger)`, function () {
    this.timeout(90_000);
    let emulator: BaasEmulator;
    let dir: string;
    let ledger: Ledger;
    beforeEach(async () => {
      emulator = await startEmulator({ apiKey: API_KEY, deliveryDelayMs: 50 });
      dir = tempDir();
      ledger = engine === 'file' ? { file: path.join(dir, 'ledger.jsonl') } : { url: await postgresDatabase('restart') };
    });
    afterEach(async () => {
      await emulator.close();
      removeDir(dir);
    });

    it('the API receives the message once; the repeat is an unknown outcome naming the first send', async () => {
      // Committed at once, answered never (within the test).
      emulator.setFaults({ mode: 'latency', latencyMs: 600_000, commit: 'before', count: 1 });
      const first = await startServer(emulator.url, ledger);
      const lost = sendSms(first, { idempotency_key: KEY }).catch(() => undefined);
      await waitFor(() => emulator.commitsFor(KEY) === 1, 'the API to commit the first send');
      first.child.kill('SIGKILL');
      await first.exited;
      void lost;

      emulator.setFaults(null);
      const second = await startServer(emulator.url, ledger);
      try {
        const repeat = await sendSms(second, { idempotency_key: KEY });
        assert.equal(repeat.isError, true, repeat.text);
        assert.equal(repeat.code, 'OUTCOME_UNKNOWN');
        assert.equal(repeat.outcome, 'unknown');
        assert.ok(repeat.sendId, 'names the earlier send to check');
        assert.equal(emulator.commitsFor(KEY), 1, 'the API received it once');
        assert.equal(emulator.committedSends(), 1);
        // The same key with another message is refused, not sent.
        const other = await sendSms(second, { idempotency_key: KEY, message: 'another message' });
        assert.equal(other.code, 'INVALID_INPUT');
        assert.equal(emulator.committedSends(), 1);
      } finally {
        await second.close();
      }
    });

    it('a send that went out is answered from the ledger after a restart (deduplicated, same group)', async () => {
      const first = await startServer(emulator.url, ledger);
      const sent = await sendSms(first, { idempotency_key: KEY });
      assert.equal(sent.isError, false, sent.text);
      await first.close();
      const second = await startServer(emulator.url, ledger);
      try {
        const repeat = await sendSms(second, { idempotency_key: KEY });
        assert.equal(repeat.isError, false, repeat.text);
        assert.equal(repeat.deduplicated, true);
        assert.equal(repeat.groupId, sent.groupId);
        assert.equal(emulator.commitsFor(KEY), 1);
      } finally {
        await second.close();
      }
    });

    it('two servers running at once on one ledger: the same call to both goes out once', async () => {
      const [a, b] = await Promise.all([startServer(emulator.url, ledger), startServer(emulator.url, ledger)]);
      try {
        const answers = await Promise.all([sendSms(a, { idempotency_key: KEY }), sendSms(b, { idempotency_key: KEY })]);
        assert.equal(emulator.commitsFor(KEY), 1);
        assert.equal(answers.filter((x) => !x.isError && !x.deduplicated).length, 1, answers.map((x) => x.text).join('\n'));
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });
  });
}
