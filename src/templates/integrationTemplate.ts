// The shape of one integration template: the code the editor inserts as a snippet and the MCP server
// hands to agents, so both always offer the same thing.
export type TemplateFramework = 'react' | 'express' | 'django';

/** VS Code language ids; each maps to one generated file `snippets/<language>.json`. */
export type TemplateLanguage = 'javascript' | 'typescript' | 'javascriptreact' | 'typescriptreact' | 'python';

export interface IntegrationTemplate {
  /** Stable id, also the MCP resource name (`baas-sms://templates/<id>`). */
  id: string;
  framework: TemplateFramework;
  language: TemplateLanguage;
  title: string;
  titleKo: string;
  description: string;
  descriptionKo: string;
  /** Snippet prefix the user types, e.g. `baas-express-sms-ts`; unique across all templates. */
  prefix: string;
  /** VS Code snippet syntax (`${1:default}` tabstops, `\$` for a literal dollar). */
  body: string;
}
