// A send whose caller gave up while the confirmation was open (the MCP client timed out, the request
// was cancelled) sends nothing, writes nothing to the ledger and spends nothing from the budgets.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BaasSmsError } from '../../../src/core/errors';
import { silentLogger } from '../../../src/core/logger';
import { type SendInput } from '../../../src/core/types';
import { startEmulator, type BaasEmulator } from '../../../src/emulator/emulator';
import { SpendGuard } from '../../../src/guard/spendGuard';
import { FileLedgerEngine } from '../../../src/ledger/engine/fileEngine';
import { SandboxBackend } from '../../../src/sending/sandbox';
import { SendService } from '../../../src/sending/sendService';
import { DEFAULT_GUARD, DEFAULT_RULES, type SendingSettings } from '../../../src/core/settings';

const KEY = 'cancel-test-key-0123456789';
const input: SendInput = { kind: 'sms', recipients: [{ phone_number: '010-1234-5678', member_code: 'a' }], message: 'hello', callback_number: '02-1234-5678' };

describe('SendService: cancelled during the confirmation (real emulator on 127.0.0.1:0)', () => {
  let emulator: BaasEmulator;
  let dir: string;
  let service: SendService;
  let ledger: FileLedgerEngine['ledger'];

  beforeEach(async () => {
    emulator = await startEmulator({ apiKey: KEY });
    dir = mkdtempSync(path.join(tmpdir(), 'baas-cancel-'));
    const settings: SendingSettings = {
      sandbox: false,
      projectId: '123e4567-e89b-42d3-a456-426614174000',
      baseUrl: emulator.url,
      timeoutMs: 2000,
      rules: DEFAULT_RULES,
      guard: { ...DEFAULT_GUARD, maxSendsPerMinute: 1 },
      locale: 'en',
      duplicateWindowSeconds: 60,
    };
    const engine = new FileLedgerEngine(path.join(dir, 'ledger.jsonl'));
    ledger = engine.ledger;
    service = new SendService({
      ledger: engine,
      guard: new SpendGuard(() => settings.guard),
      settings: () => settings,
      apiKey: () => Promise.resolve(KEY),
      sandbox: new SandboxBackend({ logger: silentLogger }),
      logger: silentLogger,
    });
  });
  afterEach(async () => {
    await service.dispose();
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is CANCELLED (not sent), leaves no ledger record and no budget spent', async () => {
    const controller = new AbortController();
    const confirm = (): Promise<boolean> => {
      controller.abort();
      return Promise.resolve(true);
    };
    const error = await service.send(input, { origin: 'test', confirm, signal: controller.signal }).catch((e: BaasSmsError) => e);
    assert.ok(error instanceof BaasSmsError);
    assert.deepEqual([error.code, error.outcome], ['CANCELLED', 'not_sent']);
    assert.deepEqual(ledger.list({}).entries, []);
    // The one live send a minute allows is still there.
    await service.send(input, { origin: 'test' });
    assert.equal(emulator.committedSends(), 1);
  });

  // The MCP client's Stop (or a closed team-server request) came after the request was on its way;
  // cutting it off turned a send that went out into an unknown one without its group id.
  it('cancelled while the request is on its way: it completes, the ledger has it sent with its group id', async () => {
    emulator.setFaults({ mode: 'latency', latencyMs: 300, count: 1 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const result = await service.send(input, { origin: 'test', signal: controller.signal });
    assert.ok(controller.signal.aborted);
    const entry = ledger.get(result.send_id);
    assert.deepEqual([entry?.outcome, entry?.group_id], ['sent', result.group_id]);
    assert.equal(emulator.committedSends(), 1);
  });

  // A shutdown (SIGTERM, a rolling deploy) that let the process go at once left such a send pending.
  it('dispose() waits for a send in flight to be settled in the ledger', async () => {
    emulator.setFaults({ mode: 'latency', latencyMs: 300, count: 1 });
    const sending = service.send(input, { origin: 'test' });
    await new Promise((r) => setTimeout(r, 50));
    await service.dispose();
    // Read before the send's own promise is awaited: dispose() alone must have waited for it.
    assert.deepEqual(ledger.list({}).entries.map((e) => e.outcome), ['sent']);
    await sending;
  });
});
