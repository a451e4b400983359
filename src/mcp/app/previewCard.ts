// The preview card (MCP Apps): a `ui://` resource that hosts with the io.modelcontextprotocol/ui
// extension (VS Code ≥ 1.109, code-server) render inline in chat beside preview_message, send_sms
// and send_mms. The page is built by esbuild.mjs (src/view/previewCard/) into dist/previewCard.html and
// read from disk on the first resources/read, not at start, so the stdio server's cold start is unchanged.
// Hosts without MCP Apps ignore `_meta.ui` and get the same text result as before.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

/**
 * The constants of @modelcontextprotocol/ext-apps 1.x (RESOURCE_MIME_TYPE, RESOURCE_URI_META_KEY),
 * written out rather than imported: its server module is ESM and would pull its zod schemas into the
 * stdio server's start. test/unit/mcp/previewCard.test.ts checks they still match the package.
 */
export const APP_MIME_TYPE = 'text/html;profile=mcp-app';
export const LEGACY_URI_META_KEY = 'ui/resourceUri';
export const PREVIEW_CARD_URI = 'ui://baas-sms/preview-card.html';
export const PREVIEW_CARD_FILE = 'previewCard.html';

/** The `_meta` a tool declares its card with; both keys, as ext-apps' registerAppTool writes them, for older hosts. */
export const previewCardToolMeta = { ui: { resourceUri: PREVIEW_CARD_URI }, [LEGACY_URI_META_KEY]: PREVIEW_CARD_URI };

/**
 * Where the built page can be: beside the bundle (dist/server.js, dist/mcpHost.js), one folder up (the
 * library in dist/lib/), or the checkout's dist/ when this file runs from source (tests, via tsx).
 */
function candidates(): string[] {
  return [__dirname, path.join(__dirname, '..'), path.join(__dirname, '..', '..', '..', 'dist')].map((dir) => path.join(dir, PREVIEW_CARD_FILE));
}

let cached: Promise<string> | undefined;

/** The page's HTML, read once on first use. */
export function loadPreviewCardHtml(): Promise<string> {
  cached ??= (async () => {
    for (const file of candidates()) {
      try {
        return await readFile(file, 'utf8');
      } catch {
        // Not there: try the next place.
      }
    }
    cached = undefined; // a later build can still provide it
    throw new Error(`The preview card page (${PREVIEW_CARD_FILE}) is missing beside the server: run \`node esbuild.mjs\`.`);
  })();
  return cached;
}

export function registerPreviewCardResource(server: McpServer): void {
  server.registerResource(
    'preview-card',
    PREVIEW_CARD_URI,
    {
      title: 'BaaS SMS preview card',
      description: 'The card preview_message, send_sms and send_mms show in chat: type, bytes, cost, recipients, findings, delivery.',
      mimeType: APP_MIME_TYPE,
      // No remote origins: the page is self-contained (inline script and style, no fonts or images from the network).
      _meta: { ui: { csp: { connectDomains: [], resourceDomains: [] }, prefersBorder: true } },
    },
    async (uri) => ({ contents: [{ uri: uri.href, mimeType: APP_MIME_TYPE, text: await loadPreviewCardHtml(), _meta: { ui: { prefersBorder: true } } }] }),
  );
}
