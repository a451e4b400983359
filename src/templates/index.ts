// The integration templates both the editor (snippets, "Insert Integration Snippet…") and agents (the
// get_integration_code tool and template resources) offer, from this one list so they always agree.
import { djangoCampaign, djangoOrder, djangoOtp } from './django';
import { expressCampaignTs, expressOrderTs, expressOtpTs } from './express';
import { fastapiCampaign, fastapiOrder, fastapiOtp } from './fastapi';
import { GENERATED_JAVASCRIPT_TEMPLATES } from './generated/javascript';
import type { IntegrationTemplate, TemplateFramework, UseCase } from './integrationTemplate';
import { nestjsCampaign, nestjsOrder, nestjsOtp, nestjsService } from './nestjs';
import { nextjsCampaignRoute, nextjsOrderRoute, nextjsOtpAction, nextjsOtpRoute } from './nextjs';
import { nodeCoreTs } from './nodeCore';
import { pythonCore } from './pythonCore';
import { reactCampaignFormTsx, reactOtpFormTsx } from './react';
import { renderSnippet } from './snippetRender';
import { vueCampaignForm, vueOtpForm } from './vue';

export type { IntegrationTemplate, TemplateFramework, TemplateLanguage, UseCase } from './integrationTemplate';
export { BROWSER_FRAMEWORKS, FRAMEWORKS, SERVER_FRAMEWORKS, USE_CASES } from './integrationTemplate';
export { SNIPPET_LANGUAGES, buildSnippetFiles } from './snippetFiles';

/** Templates written by hand; the JavaScript/JSX copies of the TypeScript ones are generated from them. */
export const SOURCE_TEMPLATES: readonly IntegrationTemplate[] = [
  nodeCoreTs,
  expressOtpTs,
  expressOrderTs,
  expressCampaignTs,
  nextjsOtpRoute,
  nextjsOtpAction,
  nextjsOrderRoute,
  nextjsCampaignRoute,
  nestjsService,
  nestjsOtp,
  nestjsOrder,
  nestjsCampaign,
  pythonCore,
  djangoOtp,
  djangoOrder,
  djangoCampaign,
  fastapiOtp,
  fastapiOrder,
  fastapiCampaign,
  reactOtpFormTsx,
  reactCampaignFormTsx,
  vueOtpForm,
  vueCampaignForm,
];

export const INTEGRATION_TEMPLATES: readonly IntegrationTemplate[] = [...SOURCE_TEMPLATES, ...GENERATED_JAVASCRIPT_TEMPLATES];

export function findTemplate(id: string): IntegrationTemplate | undefined {
  return INTEGRATION_TEMPLATES.find((t) => t.id === id);
}

/** The template as plain code, every placeholder filled with its default: what agents are given. */
export function renderTemplate(template: IntegrationTemplate): string {
  return renderSnippet(template.body);
}

/** The templates for one framework and use case (optionally one language), then the modules they import. */
export function selectTemplates(framework: TemplateFramework, useCase?: UseCase, language?: string): IntegrationTemplate[] {
  const chosen = INTEGRATION_TEMPLATES.filter((t) => t.framework === framework && (!useCase || t.useCase === useCase) && (!language || t.language === language));
  const required = [...new Set(chosen.flatMap((t) => t.requires ?? []))].map((id) => findTemplate(id)).filter((t): t is IntegrationTemplate => t !== undefined);
  return chosen.length > 0 ? [...chosen, ...required] : [];
}

/** Every framework × use case on offer, with its languages: what the tool lists when asked for a missing one. */
export function availableCombinations(): Array<{ framework: string; useCase: string; languages: string[] }> {
  const combos = new Map<string, { framework: string; useCase: string; languages: string[] }>();
  for (const t of INTEGRATION_TEMPLATES) {
    if (t.useCase === 'core') continue;
    const key = `${t.framework}/${t.useCase}`;
    const combo = combos.get(key) ?? { framework: t.framework, useCase: t.useCase, languages: [] };
    if (!combo.languages.includes(t.language)) combo.languages.push(t.language);
    combos.set(key, combo);
  }
  return [...combos.values()];
}
