// The browser templates (React TSX and the generated JSX, Vue SFCs) compiled as a bundler would (esbuild
// for JSX/TSX, @vue/compiler-sfc for Vue) and rendered in happy-dom with their framework's own test
// tooling, a user played through each form against a STUB backend (scripted answers): what they send,
// where, with which headers, and what the user sees.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { transformSync } from 'esbuild';
import { findTemplate, renderTemplate } from '../../../../src/templates';
import { ensureTemplateFrameworks } from './frameworkCache';

const run = promisify(execFile);

interface Step { name: string; text: string; requests: number }
interface Played { steps?: Step[]; requests?: Array<{ url: string; method: string; headers: Record<string, string>; body: Record<string, unknown> }>; events?: unknown[]; error?: string }

const JOBS = [
  ['react-otp-form-tsx', 'otp'], ['react-otp-form-jsx', 'otp'], ['vue-otp-form', 'otp'],
  ['react-campaign-form-tsx', 'campaign'], ['react-campaign-form-jsx', 'campaign'], ['vue-campaign-form', 'campaign'],
] as const;

// The two calls used of @vue/compiler-sfc, which lives in the frameworks cache (no types at compile time here).
interface VueCompiler {
  parse(source: string, options: { filename: string }): { descriptor: unknown; errors: unknown[] };
  compileScript(descriptor: unknown, options: { id: string; inlineTemplate: boolean }): { content: string };
}

/** The template as an ES module the child can import: JSX/TSX through esbuild, a Vue SFC through its compiler. */
function compile(id: string, frameworks: string): string {
  const template = findTemplate(id)!;
  const code = renderTemplate(template);
  if (template.language !== 'vue') {
    return transformSync(code, { loader: template.language === 'typescriptreact' ? 'tsx' : 'jsx', jsx: 'automatic', format: 'esm', target: 'es2022' }).code;
  }
  const sfc = createRequire(join(frameworks, 'package.json'))('@vue/compiler-sfc') as VueCompiler;
  const { descriptor, errors } = sfc.parse(code, { filename: template.fileName });
  assert.deepEqual(errors, [], `${id} does not parse`);
  const script = sfc.compileScript(descriptor, { id, inlineTemplate: true });
  return transformSync(script.content, { loader: 'ts', format: 'esm', target: 'es2022' }).code;
}

describe('templates: browser forms rendered (React DOM + act, Vue Test Utils; happy-dom) against a stub backend', function () {
  this.timeout(600_000);
  const played: Record<string, Played> = {};

  before(async function () {
    const frameworks = ensureTemplateFrameworks();
    mkdirSync(join(frameworks, 'projects'), { recursive: true });
    // Inside the cache so `react` and `vue` resolve from its node_modules.
    const dir = mkdtempSync(join(frameworks, 'projects', 'forms-'));
    try {
      const jobs = JOBS.map(([id, form]) => {
        const module = join(dir, `${id}.mjs`);
        writeFileSync(module, compile(id, frameworks));
        return { id, form, framework: findTemplate(id)!.framework, module };
      });
      writeFileSync(join(dir, 'jobs.json'), JSON.stringify(jobs));
      const { stdout } = await run(process.execPath, [join(__dirname, 'browserForms.mjs'), frameworks, join(dir, 'jobs.json')], { cwd: dir, maxBuffer: 16 * 1024 * 1024 });
      Object.assign(played, JSON.parse(stdout) as Record<string, Played>);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const stepText = (result: Played, name: string): string => result.steps?.find((s) => s.name === name)?.text ?? '';

  for (const [id, form] of JOBS) {
    it(`${id}: ${form === 'otp' ? 'send once on a double submit, show a wrong code, verify' : 'preview, send what was previewed, show a refusal'}; only /api routes, no key`, () => {
      const result = played[id];
      assert.ok(result && !result.error, result?.error ?? `${id} did not run`);
      const requests = result.requests!;
      for (const request of requests) {
        assert.equal(request.method, 'POST');
        assert.match(request.url, /^\/api\/(otp|campaign)\//, 'a browser template called something other than its own backend');
        assert.deepEqual(Object.keys(request.headers).map((h) => h.toLowerCase()).sort(), ['content-type', 'x-csrftoken']);
        assert.equal(request.headers['X-CSRFToken'], 'cookie-token-123', 'Django\'s CSRF token is not sent back');
      }
      if (form === 'otp') {
        assert.deepEqual(requests.map((r) => [r.url, r.body]), [
          ['/api/otp/send', { phone: '010-1234-5678' }],
          ['/api/otp/verify', { phone: '010-1234-5678', code: '000000' }],
          ['/api/otp/verify', { phone: '010-1234-5678', code: '123456' }],
        ]);
        assert.match(stepText(result, 'sent'), /인증번호를 보냈습니다/);
        assert.match(stepText(result, 'mismatch'), /남은 횟수 2회/);
        assert.match(stepText(result, 'verified'), /인증되었습니다/);
        assert.deepEqual(result.events, [['verified', '010-1234-5678']]);
      } else {
        assert.deepEqual(requests.map((r) => r.url), ['/api/campaign/preview', '/api/campaign/send', '/api/campaign/preview']);
        assert.deepEqual(requests[0].body.recipients, [
          { phone: '010-1234-5678', memberCode: 'm1' }, { phone: '010-2222-3333', memberCode: 'm2' }, { phone: '01012345678', memberCode: 'm1' },
        ]);
        assert.equal(requests[1].body.previewId, 'p-123', 'the send does not pin the preview');
        assert.equal(requests[1].body.message, requests[0].body.message);
        assert.match(stepText(result, 'previewed'), /SMS · 75바이트.*2명 \(중복 1명 제외\).*19\.8원.*2명에게 발송/);
        assert.match(stepText(result, 'sent'), /발송했습니다\. \(그룹 10001\)/);
        assert.match(stepText(result, 'refused'), /무료수신거부 080 번호.*ADVERTISING_RULES.*미리보기/);
      }
    });
  }
});
