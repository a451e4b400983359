// The preview card rendered in headless Chromium inside a stub host: a page that frames the card as
// a chat host does and speaks the MCP Apps postMessage protocol through @modelcontextprotocol/ext-apps'
// own host side (AppBridge). The tool results it forwards are real ones, from createServer() in the
// sandbox through a real SDK Client, and the card's get_message_status calls go back to that server.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import type { Browser, Frame, Page } from 'playwright-core';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { PREVIEW_CARD_URI } from '../../../src/mcp/app/previewCard';
import { launchChromium } from '../../support/chromium';
import { startHarness, structured, type Harness } from './harness';

// artifacts/ (ignored by git) on every run; media/screenshots/ only when asked (BAAS_UPDATE_SCREENSHOTS=1),
// so a test run leaves the checkout as it found it (the sent card shows a new group id each time).
const SHOTS = path.resolve(process.env.BAAS_UPDATE_SCREENSHOTS === '1' ? path.join('media', 'screenshots') : path.join('artifacts', 'screenshots'));
const RECIPIENTS = [{ phone_number: '010-1234-5678', member_code: 'm1' }, { phone_number: '010-2222-3333', member_code: 'm2' }];
const TEXT = '[BaaS] 주문하신 상품이 오늘 발송됩니다. Order shipped today.';

/** The host side of ext-apps, bundled for the page: what a real host embeds. */
async function hostKit(): Promise<string> {
  const { outputFiles } = await esbuild.build({
    stdin: { contents: "export { AppBridge, PostMessageTransport } from '@modelcontextprotocol/ext-apps/app-bridge';", resolveDir: process.cwd(), loader: 'js' },
    bundle: true, platform: 'browser', format: 'iife', globalName: 'HostKit', write: false, logLevel: 'warning',
  });
  return outputFiles[0].text;
}

describe('MCP Apps preview card in headless Chromium (stub host: ext-apps AppBridge, real tool results)', function () {
  this.timeout(90_000);
  let h: Harness;
  let browser: Browser;
  let html: string;
  let kit: string;

  before(async () => {
    const { buildPreviewCard } = await import('../../../esbuild.mjs');
    await buildPreviewCard();
    h = await startHarness({ sandbox: true, deliveryDelayMs: 1500 });
    html = ((await h.client.readResource({ uri: PREVIEW_CARD_URI })).contents[0] as { text: string }).text;
    kit = await hostKit();
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await h?.close();
  });

  /** Opens a stub host page that frames the card, hands it `result` after the handshake, and forwards its tool calls to the server. */
  async function host(result: CallToolResult, locale: string): Promise<{ page: Page; card: Frame; toolCalls: string[] }> {
    const page = await browser.newPage({ viewport: { width: 560, height: 420 } });
    const toolCalls: string[] = [];
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.exposeFunction('callServerTool', async (name: string, args: Record<string, unknown>) => {
      toolCalls.push(name);
      return h.client.callTool({ name, arguments: args });
    });
    await page.setContent('<!doctype html><body style="margin:0;background:#1e1e1e"><iframe id="card" style="border:0;width:100%;height:400px"></iframe></body>');
    await page.addScriptTag({ content: kit });
    await page.evaluate(async ({ html, result, locale }) => {
      const w = window as unknown as {
        HostKit: { AppBridge: new (...a: unknown[]) => Record<string, unknown> & { connect(t: unknown): Promise<void>; sendToolResult(r: unknown): Promise<void> }; PostMessageTransport: new (a: unknown, b: unknown) => unknown };
        callServerTool(name: string, args: unknown): Promise<unknown>;
      };
      const frame = document.getElementById('card') as HTMLIFrameElement;
      const target = frame.contentWindow as Window;
      const bridge = new w.HostKit.AppBridge(null, { name: 'stub-host', version: '1' }, { serverTools: {} }, {
        hostContext: { locale, theme: 'dark', styles: { variables: { '--color-text-primary': '#cccccc' } } },
      });
      bridge.oncalltool = (params: { name: string; arguments: unknown }) => w.callServerTool(params.name, params.arguments);
      bridge.oninitialized = () => { void bridge.sendToolResult(result); };
      await bridge.connect(new w.HostKit.PostMessageTransport(target, target));
      frame.srcdoc = html;
    }, { html, result, locale });
    const card = page.frames().find((f) => f !== page.mainFrame());
    assert.ok(card, 'the card frame exists');
    assert.deepEqual(errors, []);
    return { page, card, toolCalls };
  }

  it('preview_message: type, byte bar against the limit, cost, masked recipients, SANDBOX (en)', async () => {
    const result = (await h.client.callTool({ name: 'preview_message', arguments: { recipients: RECIPIENTS, message: TEXT } })) as CallToolResult;
    const preview = structured<{ message_type: string; message_bytes: number; byte_limit: number; estimated_cost_krw: number }>(result);
    const { page, card } = await host(result, 'en-US');
    const bar = card.locator('[role=progressbar]');
    await bar.waitFor({ timeout: 15_000 });
    assert.equal(await bar.getAttribute('aria-valuenow'), String(preview.message_bytes));
    assert.equal(await bar.getAttribute('aria-valuemax'), String(preview.byte_limit));
    assert.equal(await card.locator('.byte-text').innerText(), `${preview.message_bytes} / ${preview.byte_limit} bytes`);
    assert.equal(await card.locator('.badge.type').innerText(), preview.message_type);
    assert.equal(await card.locator('.badge.mode').innerText(), 'SANDBOX');
    assert.match(await card.locator('.cost').innerText(), new RegExp(`₩${preview.estimated_cost_krw}`));
    const recipients = await card.locator('.recipients').innerText();
    assert.match(recipients, /010-\*\*\*\*-5678 \(m1\), 010-\*\*\*\*-3333 \(m2\)/);
    assert.doesNotMatch(recipients, /1234/, 'the middle digits are masked');
    await card.locator('.card').screenshot({ path: path.join(SHOTS, 'preview-card-preview.png') });
    await page.close();
  });

  it('an advertisement that breaks the rules shows its findings (ko)', async () => {
    const result = (await h.client.callTool({ name: 'preview_message', arguments: { recipients: RECIPIENTS, message: '오늘만 50% 할인! 지금 구매하세요', is_advertisement: true } })) as CallToolResult;
    const blocked = structured<{ blocked_by: { message: string } | null }>(result).blocked_by;
    assert.ok(blocked, 'the server flags the advertisement');
    const { page, card } = await host(result, 'ko-KR');
    await card.locator('.findings .blocked').waitFor({ timeout: 15_000 });
    assert.ok((await card.locator('.findings .blocked').innerText()).includes(blocked.message));
    assert.equal(await card.locator('.badge.mode').innerText(), '샌드박스');
    assert.match(await card.locator('.findings .label').innerText(), /점검 결과/);
    await card.locator('.card').screenshot({ path: path.join(SHOTS, 'preview-card-ad-findings.png') });
    await page.close();
  });

  it('send_sms: the card follows delivery through the host bridge (get_message_status) until final (ko)', async () => {
    const result = (await h.client.callTool({ name: 'send_sms', arguments: { recipients: RECIPIENTS, message: TEXT } })) as CallToolResult;
    const sent = structured<{ group_id: number }>(result);
    const { page, card, toolCalls } = await host(result, 'ko-KR');
    const status = card.locator('.status');
    await status.waitFor({ timeout: 15_000 });
    assert.match(await status.innerText(), new RegExp(`그룹 ${sent.group_id}`));
    await card.locator('.status.final').waitFor({ timeout: 30_000 });
    const final = structured<{ status: string; success_count: number; pending_count: number }>((await h.client.callTool({ name: 'get_message_status', arguments: { group_id: sent.group_id } })) as CallToolResult);
    assert.equal(final.pending_count, 0);
    const text = await status.innerText();
    assert.match(text, new RegExp(`${final.success_count} 성공`));
    assert.match(text, /0 대기/);
    assert.ok(toolCalls.length >= 1 && toolCalls.every((n) => n === 'get_message_status'), toolCalls.join());
    await card.locator('.card').screenshot({ path: path.join(SHOTS, 'preview-card-sent.png') });
    await page.close();
  });

  it('a tool error shows its code and message, not a card of empty fields', async () => {
    const result = (await h.client.callTool({ name: 'send_sms', arguments: { recipients: [], message: 'hi' } })) as CallToolResult;
    assert.equal(result.isError, true);
    const { page, card } = await host(result, 'en');
    await card.locator('.card.error').waitFor({ timeout: 15_000 });
    const code = (JSON.parse((result.content[0] as { text: string }).text) as { error: { code: string } }).error.code;
    assert.equal(await card.locator('.badge.code').innerText(), code);
    await page.close();
  });
});
