// The integration templates (their bodies are most of the code) are loaded on first use: the MCP
// server's get_integration_code and template resources, and the editor's snippet command. In the
// bundles this require() is dist/templates.js, a file of its own (esbuild.mjs LAZY_BUNDLES), so neither
// the stdio server's start nor the extension's activation reads or compiles them.
import type * as Templates from './index';
import { loadBundle } from '../core/lazyBundle';

export type TemplateCatalogue = typeof Templates;

export function loadTemplates(): TemplateCatalogue {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle of its own, loaded on first use
  return loadBundle('templates.js', () => require('./index') as TemplateCatalogue);
}
