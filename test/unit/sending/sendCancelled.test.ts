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
import { SendLedger } from '../../../src/ledger/sendLedger';
import { SandboxBackend } from '../../../src/sending/sandbox';
import { SendService } from '../../../src/sending/sendService';
import { DEFAULT_GUARD, DEFAULT_RULES, type SendingSettings } from '../../../src/core/settings';

const KEY = 'cancel-test-key-0123456789';
const input: SendInput = { kind: 'sms', recipients: [{ phone_number: '010-1234-5678', member_code: 'a' }], message: 'hello', callback_number: '02-1234-5678' };

describe('SendService: cancelled during the confirmation (real emulator on 127.0.0.1:0)', () => {
  let emulator: BaasEmulator;
  let dir: string;
  let service: SendService;
  let ledger: SendLedger;

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
    ledger = new SendLedger(path.join(dir, 'ledger.jsonl'));
    service = new SendService({
      ledger,
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
});
