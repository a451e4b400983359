// The checks the use-case suites rely on are not vacuous: a template broken on purpose (one auth header
// renamed, the code written to the log) runs, and the same checks then fail on it.
import assert from 'node:assert/strict';
import { startEmulator, type BaasEmulator } from '../../../../src/emulator/emulator';
import { replaceOnce } from '../renderedTemplates';
import { startExpress } from './expressApp';
import { startPythonApp } from './pythonApps';
import type { RunningApp } from './runningApp';
import { appEnvironment, assertLogsClean, assertSendHeaders, codeSentTo, KEY, post } from './useCaseDriver';

type Breaker = (id: string, code: string) => string;

const breakNode: Breaker = (id, code) => id !== 'node-core-ts' ? code : replaceOnce(
  replaceOnce(code, "'X-API-KEY': apiKey,", "'X-API-TOKEN': apiKey,"),
  "const code = String(randomInt(0, 1_000_000)).padStart(6, '0');",
  "const code = String(randomInt(0, 1_000_000)).padStart(6, '0');\n  console.info('debug: sent code', code);",
);

const breakPython: Breaker = (id, code) => id !== 'python-core' ? code : replaceOnce(
  replaceOnce(code, '"X-API-KEY": api_key,', '"X-API-TOKEN": api_key,'),
  '        code = f"{secrets.randbelow(1_000_000):06d}"',
  '        code = f"{secrets.randbelow(1_000_000):06d}"\n        log.info("debug: sent code %s", code)',
);

const cases: Array<[string, (env: NodeJS.ProcessEnv) => Promise<RunningApp>]> = [
  ['Express (TypeScript)', async (env) => (await startExpress('ts', env, breakNode)).app],
  ['FastAPI', (env) => startPythonApp('fastapi', env, breakPython)],
];

for (const [name, start] of cases) {
  describe(`templates run: a deliberately broken ${name} template is caught`, function () {
    this.timeout(600_000);
    let emulator: BaasEmulator;
    let app: RunningApp;
    before(async () => {
      emulator = await startEmulator({ apiKey: KEY, deliveryDelayMs: 50 });
      app = await start(appEnvironment(emulator));
    });
    after(async () => {
      await app?.stop();
      await emulator?.close();
    });

    it('a renamed X-API-KEY header still sends (the Bearer suffices here), and the header check fails', async () => {
      const sent = await post(app, '/api/otp/send', { phone: '010-5555-0801', memberCode: 'u' });
      assert.equal(sent.status, 200, JSON.stringify(sent.json));
      assert.throws(() => assertSendHeaders(emulator.requests.at(-1)!), /X-API-KEY header missing/);
    });

    it('a logged code fails the log check', async () => {
      const code = codeSentTo(emulator, '010-5555-0801');
      for (let i = 0; i < 50 && !app.output().includes(code); i++) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.throws(() => assertLogsClean(app.output(), [code]), new RegExp(`verification code ${code} was logged`));
    });
  });
}
