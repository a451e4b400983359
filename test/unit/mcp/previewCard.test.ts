// The preview card (MCP Apps) as a client sees it through a real SDK Client: the three tools name the
// ui:// resource, resources/read serves the built page with the MCP Apps MIME type, small and
// self-contained, under a CSP; the names written out in src/ match @modelcontextprotocol/ext-apps 1.x.
import assert from 'node:assert/strict';
import { APP_MIME_TYPE, LEGACY_URI_META_KEY, PREVIEW_CARD_URI } from '../../../src/mcp/app/previewCard';
import { APPS_PROTOCOL_VERSION, METHODS } from '../../../src/view/previewCard/bridge';
import { startHarness, type Harness } from './harness';

const CARD_TOOLS = ['preview_message', 'send_mms', 'send_sms'];

describe('MCP Apps preview card: resource and tool metadata', () => {
  let h: Harness;
  before(async () => {
    const { buildPreviewCard } = await import('../../../esbuild.mjs');
    await buildPreviewCard(); // dist/previewCard.html, as `node esbuild.mjs` writes it
    h = await startHarness({ sandbox: true });
  });
  after(() => h.close());

  it('preview_message, send_sms and send_mms carry _meta.ui.resourceUri; the other tools do not', async () => {
    const { tools } = await h.client.listTools();
    const withCard = tools.filter((t) => (t._meta?.ui as { resourceUri?: string } | undefined)?.resourceUri === PREVIEW_CARD_URI).map((t) => t.name).sort();
    assert.deepEqual(withCard, CARD_TOOLS);
    assert.ok(tools.filter((t) => !CARD_TOOLS.includes(t.name)).every((t) => t._meta?.ui === undefined));
  });

  it('resources/list names the card with the MCP Apps MIME type', async () => {
    const { resources } = await h.client.listResources();
    const card = resources.find((r) => r.uri === PREVIEW_CARD_URI);
    assert.equal(card?.mimeType, 'text/html;profile=mcp-app');
  });

  it('resources/read returns the page: right MIME type, under 150 KiB, no remote URL, a strict CSP', async () => {
    const { contents } = await h.client.readResource({ uri: PREVIEW_CARD_URI });
    assert.equal(contents.length, 1);
    const [page] = contents as { uri: string; mimeType: string; text: string }[];
    assert.equal(page.uri, PREVIEW_CARD_URI);
    assert.equal(page.mimeType, 'text/html;profile=mcp-app');
    assert.ok(Buffer.byteLength(page.text) < 150 * 1024, `${Buffer.byteLength(page.text)} bytes`);
    assert.match(page.text, /^<!doctype html>/i);
    assert.match(page.text, /<script>[^<]{1000,}/, 'the bridge is inlined, not loaded');
    assert.doesNotMatch(page.text, /<script[^>]+src=|<link[^>]+href=|@import|url\(\s*['"]?(https?:)?\/\//i);
    assert.doesNotMatch(page.text, /https?:\/\/(?!www\.w3\.org\/)/i, 'no remote URL at all (SVG namespaces aside)');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page.text)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /connect-src 'none'/);
    assert.doesNotMatch(csp, /https?:|\*/, 'the CSP names no remote origin');
  });

  it('writes out ext-apps 1.x names: MIME type, URI meta key, protocol version, methods', async () => {
    // The view's bridge speaks the protocol itself (src/view/previewCard/bridge.ts says why): a rename upstream shows here.
    // Typed loosely: the package's declarations do not list every constant its code exports.
    const ext = (await import('@modelcontextprotocol/ext-apps/app-bridge')) as unknown as Record<string, string>;
    assert.equal(APP_MIME_TYPE, ext.RESOURCE_MIME_TYPE);
    assert.equal(LEGACY_URI_META_KEY, ext.RESOURCE_URI_META_KEY);
    assert.equal(APPS_PROTOCOL_VERSION, ext.LATEST_PROTOCOL_VERSION);
    assert.deepEqual(METHODS, {
      initialize: ext.INITIALIZE_METHOD, initialized: ext.INITIALIZED_METHOD, toolResult: ext.TOOL_RESULT_METHOD,
      hostContextChanged: ext.HOST_CONTEXT_CHANGED_METHOD, sizeChanged: ext.SIZE_CHANGED_METHOD, teardown: ext.RESOURCE_TEARDOWN_METHOD,
    });
  });
});
