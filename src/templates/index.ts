// The integration templates both the editor (snippets, "Insert Integration Snippet…") and agents (the
// get_integration_code tool and template resources) offer, from this one list so they always agree.
import { djangoSms } from './django';
import { expressSmsJavascript, expressSmsTypescript } from './express';
import type { IntegrationTemplate } from './integrationTemplate';
import { reactSmsFormJsx, reactSmsFormTsx } from './react';
import { renderSnippet } from './snippetRender';

export type { IntegrationTemplate, TemplateFramework, TemplateLanguage } from './integrationTemplate';
export { SNIPPET_LANGUAGES, buildSnippetFiles } from './snippetFiles';

export const INTEGRATION_TEMPLATES: readonly IntegrationTemplate[] = [
  expressSmsJavascript,
  expressSmsTypescript,
  reactSmsFormJsx,
  reactSmsFormTsx,
  djangoSms,
];

export function findTemplate(id: string): IntegrationTemplate | undefined {
  return INTEGRATION_TEMPLATES.find((t) => t.id === id);
}

/** The template as plain code, every placeholder filled with its default: what agents are given. */
export function renderTemplate(template: IntegrationTemplate): string {
  return renderSnippet(template.body);
}
