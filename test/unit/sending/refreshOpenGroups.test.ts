// get_send_history(refresh_status) and the history tree refresh every open group one by one. When the
// API cannot be reached each one would fail the same way after its retries, and a page of 100 would
// outlast the MCP client's 60 s timeout: the ledger's answer, which needs no network, would be lost.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Logger } from '../../../src/core/logger';
import { silentLogger } from '../../../src/core/logger';
import { startEmulator } from '../../../src/emulator/emulator';
import { SpendGuard } from '../../../src/guard/spendGuard';
import { SendLedger } from '../../../src/ledger/sendLedger';
import { SandboxBackend } from '../../../src/sending/sandbox';
import { SendService } from '../../../src/sending/sendService';
import { DEFAULT_GUARD, DEFAULT_RULES, type SendingSettings } from '../../../src/core/settings';

describe('SendService.refreshOpenGroups (real emulator on 127.0.0.1:0)', function () {
  this.timeout(20_000);
  it('stops asking once the API is unreachable instead of failing every open group in turn', async () => {
    const key = 'refresh-test-key-0123456789';
    const emulator = await startEmulator({ apiKey: key, deliveryDelayMs: 60_000 });
    const dir = mkdtempSync(path.join(tmpdir(), 'baas-refresh-'));
    const settings: SendingSettings = {
      sandbox: false, projectId: '123e4567-e89b-42d3-a456-426614174000', baseUrl: emulator.url, timeoutMs: 2000,
      rules: DEFAULT_RULES, guard: DEFAULT_GUARD, locale: 'en', duplicateWindowSeconds: 60,
    };
    const failures: string[] = [];
    const logger: Logger = { ...silentLogger, debug: (m) => { if (m.includes('not refreshed')) failures.push(m); } };
    const ledger = new SendLedger(path.join(dir, 'ledger.jsonl'));
    const service = new SendService({
      ledger, guard: new SpendGuard(() => settings.guard), settings: () => settings,
      apiKey: () => Promise.resolve(key), sandbox: new SandboxBackend({ logger: silentLogger }), logger,
    });
    try {
      for (const message of ['a', 'b', 'c', 'd']) {
        await service.send({ kind: 'sms', recipients: [{ phone_number: '010-1234-5678', member_code: 'm' }], message, callback_number: '02-1234-5678' }, { origin: 'test' });
      }
      await emulator.close(); // connection refused from now on
      const refreshed = await service.refreshOpenGroups(ledger.list({}).entries);
      assert.equal(refreshed, 0);
      assert.equal(failures.length, 1, failures.join('\n'));
    } finally {
      await service.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
