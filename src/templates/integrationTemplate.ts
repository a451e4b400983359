// The shape of one integration template: the code the editor inserts as a snippet and the MCP server
// hands to agents, so both always offer the same thing.

/** Browser frameworks (forms calling the app's own backend) and server frameworks (holding the key). */
export const BROWSER_FRAMEWORKS = ['react', 'vue'] as const;
export const SERVER_FRAMEWORKS = ['express', 'nextjs', 'nestjs', 'django', 'fastapi'] as const;
export const FRAMEWORKS = [...BROWSER_FRAMEWORKS, ...SERVER_FRAMEWORKS] as const;
export const USE_CASES = ['verification', 'order_notification', 'campaign'] as const;

/** `shared` marks a module several frameworks' templates import (the Node or Python core). */
export type TemplateFramework = (typeof FRAMEWORKS)[number] | 'shared';
export type UseCase = (typeof USE_CASES)[number];

/** VS Code language ids; each maps to one generated file `snippets/<language>.json`. */
export type TemplateLanguage = 'javascript' | 'typescript' | 'javascriptreact' | 'typescriptreact' | 'python' | 'vue';

export interface IntegrationTemplate {
  /** Stable id, also the MCP resource name (`baas-sms://templates/<id>`). */
  id: string;
  framework: TemplateFramework;
  /** `core`: the shared module the use-case templates import. */
  useCase: UseCase | 'core';
  language: TemplateLanguage;
  /** Where the file goes in the user's project; imports between templates assume these paths. */
  fileName: string;
  /** A TypeScript template that also ships as JavaScript (JSX): `npm run snippets` generates the copy. */
  javascriptCopy?: boolean;
  /** Ids of the templates this one imports (the core module), handed out with it. */
  requires?: readonly string[];
  title: string;
  titleKo: string;
  description: string;
  descriptionKo: string;
  /** Snippet prefix the user types, e.g. `baas-express-otp-ts`; unique across all templates. */
  prefix: string;
  /** VS Code snippet syntax (`${1:default}` tabstops, `\$` for a literal dollar). */
  body: string;
}
