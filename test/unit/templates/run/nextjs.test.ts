// The Next.js templates (App Router route handlers and the server actions) in real Next.js 16 (`next dev`,
// Turbopack, from the template-frameworks cache) against the emulator, driven over HTTP through every
// use case; the server actions are called the way a browser calls them (POST with a Next-Action header).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findTemplate, renderTemplate } from '../../../../src/templates';
import { ensureTemplateFrameworks } from './frameworkCache';
import { startApp, type RunningApp } from './runningApp';
import { codeSentTo, describeUseCases, type UseCaseContext } from './useCaseDriver';

const TEMPLATES = ['nextjs-otp-route', 'nextjs-otp-action', 'nextjs-order-route', 'nextjs-campaign-route'];

const HARNESS: Record<string, string> = {
  'package.json': '{ "private": true }\n',
  // As the server-action template advises: Next's dev server otherwise logs every action's arguments
  // (phone numbers, codes). The log check below proves it stays quiet.
  'next.config.mjs': 'export default { logging: { serverFunctions: false } };\n',
  'app/layout.tsx': 'export default function RootLayout({ children }: { children: React.ReactNode }) {\n  return <html lang="ko"><body>{children}</body></html>;\n}\n',
  // A page that imports the actions, so Next compiles and registers them as a real page would.
  'app/otp-test/page.tsx': `'use client';
import { sendCodeAction, verifyCodeAction } from '../otp/actions';

export default function Page() {
  return <button onClick={() => void sendCodeAction('').then(() => verifyCodeAction('', ''))}>go</button>;
}
`,
};

async function startNext(env: NodeJS.ProcessEnv): Promise<RunningApp & { dir: string }> {
  const frameworks = ensureTemplateFrameworks();
  // Inside the cache folder, so Next finds node_modules by walking up (Turbopack refuses a symlinked one outside its root).
  mkdirSync(join(frameworks, 'projects'), { recursive: true });
  const dir = mkdtempSync(join(frameworks, 'projects', 'next-'));
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  for (const id of [...TEMPLATES, 'node-core-ts']) write(findTemplate(id)!.fileName, renderTemplate(findTemplate(id)!));
  for (const [path, text] of Object.entries(HARNESS)) write(path, text);
  const app = await startApp({
    command: process.execPath,
    args: [join(frameworks, 'node_modules', 'next', 'dist', 'bin', 'next'), 'dev', '-H', '127.0.0.1', '-p', '0'],
    cwd: dir,
    env: { ...env, NEXT_TELEMETRY_DISABLED: '1' },
    portPattern: /Local:\s+http:\/\/127\.0\.0\.1:(\d+)/,
    startTimeoutMs: 120_000,
  }).catch((error: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  return { ...app, dir, stop: async () => { await app.stop(); rmSync(dir, { recursive: true, force: true }); } };
}

/** Calls a server action as React's client does, and returns what it resolved to (RSC row 1). */
async function callAction(app: RunningApp & { dir: string }, name: string, args: unknown[]): Promise<Record<string, unknown>> {
  const manifest = JSON.parse(readFileSync(join(app.dir, '.next', 'dev', 'server', 'server-reference-manifest.json'), 'utf8')) as { node: Record<string, { exportedName: string }> };
  const id = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === name)?.[0];
  assert.ok(id, `${name} is not registered`);
  const response = await fetch(`${app.url}/otp-test`, {
    method: 'POST',
    headers: { 'Next-Action': id, Accept: 'text/x-component', 'Content-Type': 'text/plain;charset=UTF-8' },
    body: JSON.stringify(args),
  });
  const text = await response.text();
  const row = text.split('\n').filter((line) => line.startsWith('1:{')).at(-1);
  assert.ok(row, `no result in the action's answer: ${text.slice(0, 300)}`);
  return JSON.parse(row.slice(2)) as Record<string, unknown>;
}

let next: RunningApp & { dir: string };

describeUseCases('templates run: Next.js 16 (next dev, App Router route handlers) + the emulator', async (env) => (next = await startNext(env)), 600_000, (context: () => UseCaseContext) => {
  it('verification through the server actions: send, wrong code, right code', async function () {
    this.timeout(180_000); // the first request compiles the page that registers the actions
    const { emulator, codes } = context();
    assert.equal((await fetch(`${next.url}/otp-test`)).status, 200); // compiles the page and registers its actions
    const sent = await callAction(next, 'sendCodeAction', ['010-5555-0901']);
    assert.deepEqual([sent.ok, sent.expiresInSeconds], [true, 2], JSON.stringify(sent));
    const code = codeSentTo(emulator, '010-5555-0901');
    codes.push(code);
    const wrong = await callAction(next, 'verifyCodeAction', ['010-5555-0901', code === '111111' ? '111112' : '111111']);
    assert.deepEqual([wrong.ok, wrong.code], [false, 'OTP_MISMATCH']);
    const right = await callAction(next, 'verifyCodeAction', ['010-5555-0901', code]);
    assert.deepEqual(right, { ok: true, verified: true });
  });
});
