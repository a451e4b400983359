// get_integration_code: the same integration code the editor's snippets insert, per framework and use
// case, with the shared module it imports, so code an agent writes and code a person inserts agree.
// Also served as MCP resources. A combination that does not exist gets the list of those that do.
// The templates themselves are loaded on the first call, list or read (dist/templates.js), not at start.
import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { FRAMEWORKS, USE_CASES, type TemplateFramework, type UseCase } from '../../templates/integrationTemplate';
import { loadTemplates } from '../../templates/loadTemplates';
import { localeOf, type ServerDeps } from '../deps';
import { runTool } from '../toolResult';

export const name = 'get_integration_code';

const inputSchema = {
  framework: z.enum(FRAMEWORKS).describe('Browser forms: react, vue (they call your own backend, never the BaaS API). Servers: express, nextjs, nestjs, django, fastapi (they hold the key)'),
  use_case: z.enum(USE_CASES).optional().describe('verification: OTP send + verify; order_notification: SMS when created, MMS with image when shipped; campaign: admin form + preview/send endpoints. Leave out for all'),
  language: z.enum(['javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'python', 'vue']).optional().describe('Only where a framework has two: express (javascript, typescript), react (javascriptreact, typescriptreact). Leave out for all'),
};

const templateOut = z.object({
  id: z.string(), framework: z.string(), use_case: z.string(), language: z.string(), file_name: z.string(), title: z.string(), description: z.string(), code: z.string(),
});

export const config = {
  title: 'Get integration code',
  description:
    'Working, tested integration code for BaaS SMS, per framework and use case: server code (Express JS/TS, Next.js route handlers and a server action, NestJS module/service/controllers, Django, FastAPI) that reads the key from the environment, ' +
    'and browser forms (React JSX/TSX, Vue 3) that call that server, never the BaaS API. Use cases: verification codes (OTP), order notifications (SMS, then MMS), a campaign form with preview. ' +
    'Each answer includes the shared server module the files import; file_name says where each goes. Asking for a combination that does not exist lists those that do. Read-only.',
  inputSchema,
  outputSchema: {
    templates: z.array(templateOut),
    available: z.array(z.object({ framework: z.string(), use_case: z.string(), languages: z.array(z.string()) })).optional(),
    note: z.string().optional(),
  },
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
};

export const TEMPLATE_URI_PREFIX = 'baas-sms://templates/';

export function registerGetIntegrationCodeTool(server: McpServer, deps: ServerDeps): void {
  server.registerTool(name, config, (args: { framework: TemplateFramework; use_case?: UseCase; language?: string }) =>
    runTool(localeOf(deps), deps.logger, () => {
      const ko = localeOf(deps) === 'ko';
      const { availableCombinations, renderTemplate, selectTemplates } = loadTemplates();
      const templates = selectTemplates(args.framework, args.use_case, args.language).map((t) => ({
        id: t.id, framework: t.framework, use_case: t.useCase, language: t.language, file_name: t.fileName,
        title: ko ? t.titleKo : t.title, description: ko ? t.descriptionKo : t.description, code: renderTemplate(t),
      }));
      if (templates.length > 0) return { templates };
      const asked = [args.framework, args.use_case, args.language].filter(Boolean).join(' × ');
      const available = availableCombinations().map((c) => ({ framework: c.framework, use_case: c.useCase, languages: c.languages }));
      const note = ko
        ? `${asked} 조합의 템플릿은 없습니다. available에 있는 framework × use_case(× language) 중에서 골라 주세요.`
        : `There is no template for ${asked}. Pick a framework × use_case (× language) from available.`;
      return { templates: [], available, note };
    }));
  registerTemplateResources(server);
}

/**
 * One resource per template, `baas-sms://templates/<id>`, listed and read as before, through a
 * resource template whose list callback loads the catalogue only when a client lists resources.
 */
function registerTemplateResources(server: McpServer): void {
  const list = () => ({
    resources: loadTemplates().INTEGRATION_TEMPLATES.map((t) => ({ uri: `${TEMPLATE_URI_PREFIX}${t.id}`, name: t.id, title: t.title, description: t.description, mimeType: 'text/plain' })),
  });
  const metadata = { title: 'BaaS SMS integration template', description: 'Integration code by template id, as get_integration_code gives it.', mimeType: 'text/plain' };
  server.registerResource('integration-template', new ResourceTemplate(`${TEMPLATE_URI_PREFIX}{id}`, { list }), metadata, (uri, { id }) => {
    const { findTemplate, renderTemplate } = loadTemplates();
    const template = typeof id === 'string' ? findTemplate(id) : undefined;
    // The SDK's own answer for a resource it does not know, as when each template was registered alone.
    if (!template) throw new McpError(ErrorCode.InvalidParams, `Resource ${uri} not found`);
    return { contents: [{ uri: uri.href, mimeType: 'text/plain', text: renderTemplate(template) }] };
  });
}
