// A repeated identical send (an MCP client re-issuing a call whose answer it lost) is answered from
// the first one, whatever the spend limits say now and however long the first one takes.
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
import type { ConfirmSend } from '../../../src/sending/types';
import { DEFAULT_GUARD, DEFAULT_RULES, type GuardConfig, type SendingSettings } from '../../../src/core/settings';

const KEY = 'dedupe-test-key-0123456789';
const input: SendInput = {
  kind: 'sms',
  recipients: [{ phone_number: '010-1234-5678', member_code: 'a' }, { phone_number: '010-2345-6789', member_code: 'b' }],
  message: 'hello',
  callback_number: '02-1234-5678',
};

describe('SendService de-duplication (real emulator on 127.0.0.1:0)', () => {
  let emulator: BaasEmulator;
  let dir: string;
  let service: SendService;
  let clock: number;

  function start(guard: Partial<GuardConfig>, duplicateWindowSeconds = 60): void {
    const settings: SendingSettings = {
      sandbox: false,
      projectId: '123e4567-e89b-42d3-a456-426614174000',
      baseUrl: emulator.url,
      timeoutMs: 2000,
      rules: DEFAULT_RULES,
      guard: { ...DEFAULT_GUARD, ...guard },
      locale: 'en',
      duplicateWindowSeconds,
    };
    service = new SendService({
      ledger: new SendLedger(path.join(dir, 'ledger.jsonl')),
      guard: new SpendGuard(() => settings.guard),
      settings: () => settings,
      apiKey: () => Promise.resolve(KEY),
      sandbox: new SandboxBackend({ logger: silentLogger }),
      logger: silentLogger,
      now: () => clock,
    });
  }

  beforeEach(async () => {
    clock = Date.now();
    emulator = await startEmulator({ apiKey: KEY, deliveryDelayMs: 50 });
    dir = mkdtempSync(path.join(tmpdir(), 'baas-dedupe-'));
  });
  afterEach(async () => {
    await service.dispose();
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a repeat that the daily budget would now refuse gets the first answer, not SPEND_LIMIT_EXCEEDED ("not sent")', async () => {
    start({ maxRecipientsPerDay: 3 });
    const first = await service.send(input, { origin: 'test' });
    const again = await service.send(input, { origin: 'test' });
    assert.deepEqual([again.group_id, again.deduplicated], [first.group_id, true]);
    assert.equal(emulator.committedSends(), 1);
  });

  it('a repeat of an unknown outcome stays OUTCOME_UNKNOWN for the same send even when the per-minute budget is spent', async () => {
    start({ maxSendsPerMinute: 1 });
    emulator.setFaults({ mode: 'status', status: 500, count: 1 });
    const first = await service.send(input, { origin: 'test' }).catch((e: BaasSmsError) => e);
    const again = await service.send(input, { origin: 'test' }).catch((e: BaasSmsError) => e);
    assert.ok(first instanceof BaasSmsError && again instanceof BaasSmsError);
    assert.deepEqual([again.code, again.params.sendId], ['OUTCOME_UNKNOWN', first.params.sendId]);
    assert.equal(emulator.committedSends(), 1);
  });

  it('a send still in flight (waiting for its confirmation) does not expire: a repeat after the window joins it', async () => {
    start({}, 1);
    let release: (ok: boolean) => void = () => undefined;
    let asked = 0;
    const confirm: ConfirmSend = () => {
      asked++;
      return new Promise<boolean>((resolve) => { release = resolve; });
    };
    const first = service.send(input, { origin: 'test', confirm });
    await new Promise((r) => setImmediate(r));
    clock += 5_000; // the user reads the modal for longer than the window
    const again = service.send(input, { origin: 'test', confirm });
    await new Promise((r) => setImmediate(r));
    assert.equal(asked, 1, 'a second confirmation was shown for the same send');
    release(true);
    const [a, b] = await Promise.all([first, again]);
    assert.deepEqual([b.group_id, b.deduplicated], [a.group_id, true]);
    assert.equal(emulator.committedSends(), 1);
  });
});
