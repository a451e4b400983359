// get_integration_code: the same React / Express / Django integration code the editor's snippets
// insert, so code an agent writes and code a person inserts agree. Also served as MCP resources.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { INTEGRATION_TEMPLATES, renderTemplate } from '../../templates';
import { localeOf, type ServerDeps } from '../deps';
import { runTool } from '../toolResult';

export const name = 'get_integration_code';

const inputSchema = {
  framework: z.enum(['react', 'express', 'django']).describe('react: a form calling your own backend; express: the backend route calling the BaaS API; django: a Python service and view'),
  language: z.enum(['javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'python']).optional().describe('Leave out to get every language offered'),
};

export const config = {
  title: 'Get integration code',
  description:
    'Working code that integrates BaaS SMS into an app: an Express route (JS/TS) that calls the BaaS API with the key from the environment and handles its errors, ' +
    'a React form (JSX/TSX) that calls that route (never the BaaS API or the key from a browser), and a Django service and view. Use it as the starting point when writing integration code. Read-only.',
  inputSchema,
  outputSchema: {
    templates: z.array(z.object({ id: z.string(), framework: z.string(), language: z.string(), title: z.string(), description: z.string(), code: z.string() })),
  },
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
};

export const TEMPLATE_URI_PREFIX = 'baas-sms://templates/';

export function registerGetIntegrationCodeTool(server: McpServer, deps: ServerDeps): void {
  server.registerTool(name, config, (args: { framework: 'react' | 'express' | 'django'; language?: string }) =>
    runTool(localeOf(deps), deps.logger, () => {
      const ko = localeOf(deps) === 'ko';
      const templates = INTEGRATION_TEMPLATES
        .filter((t) => t.framework === args.framework && (!args.language || t.language === args.language))
        .map((t) => ({ id: t.id, framework: t.framework, language: t.language, title: ko ? t.titleKo : t.title, description: ko ? t.descriptionKo : t.description, code: renderTemplate(t) }));
      return { templates };
    }));
  for (const t of INTEGRATION_TEMPLATES) {
    server.registerResource(t.id, `${TEMPLATE_URI_PREFIX}${t.id}`, { title: t.title, description: t.description, mimeType: 'text/plain' }, (uri) => ({
      contents: [{ uri: uri.href, mimeType: 'text/plain', text: renderTemplate(t) }],
    }));
  }
}
