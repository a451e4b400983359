// The send service holds BaaS clients per configuration; the key must not show when the service is
// inspected (a debugger, a logged object, an error's cause), as BaasClient already guarantees for itself.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { silentLogger } from '../../../src/core/logger';
import { startEmulator } from '../../../src/emulator/emulator';
import { SpendGuard } from '../../../src/guard/spendGuard';
import { SendLedger } from '../../../src/ledger/sendLedger';
import { SandboxBackend } from '../../../src/sending/sandbox';
import { SendService } from '../../../src/sending/sendService';
import { DEFAULT_GUARD, DEFAULT_RULES, type SendingSettings } from '../../../src/core/settings';

describe('SendService inspected (real emulator on 127.0.0.1:0)', () => {
  it('shows no form of the API key after a send', async () => {
    const key = 'inspect-canary-key-5f3a9c1e7b';
    const emulator = await startEmulator({ apiKey: key });
    const dir = mkdtempSync(path.join(tmpdir(), 'baas-inspect-'));
    const settings: SendingSettings = {
      sandbox: false, projectId: '123e4567-e89b-42d3-a456-426614174000', baseUrl: emulator.url, timeoutMs: 2000,
      rules: DEFAULT_RULES, guard: DEFAULT_GUARD, locale: 'en', duplicateWindowSeconds: 60,
    };
    const service = new SendService({
      ledger: new SendLedger(path.join(dir, 'ledger.jsonl')),
      guard: new SpendGuard(() => settings.guard),
      settings: () => settings,
      apiKey: () => Promise.resolve(key),
      sandbox: new SandboxBackend({ logger: silentLogger }),
      logger: silentLogger,
    });
    try {
      await service.send({ kind: 'sms', recipients: [{ phone_number: '010-1234-5678', member_code: 'a' }], message: 'hi', callback_number: '02-1234-5678' }, { origin: 'test' });
      const seen = inspect(service, { depth: Infinity, showHidden: true }) + JSON.stringify(service);
      for (const form of [key, Buffer.from(key).toString('base64')]) assert.ok(!seen.includes(form), `key visible: ${form}`);
    } finally {
      await service.dispose();
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
