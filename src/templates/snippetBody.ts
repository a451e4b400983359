// Writing snippet bodies as readable code: a tag that escapes the code for VS Code snippet syntax and
// lets tabstops be spliced in, so a template's source reads like the file it produces.

/** A tabstop, placeholder or choice, already in snippet syntax. Only these may be interpolated. */
export class SnippetPlaceholder {
  constructor(readonly syntax: string) {}
}

// Inside a placeholder's default `}` would close it, so it is escaped there too.
function escapeText(text: string): string {
  return text.replace(/[\\$]/g, (c) => `\\${c}`);
}
function escapeDefault(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}
function escapeChoice(text: string): string {
  return text.replace(/[\\$}|,]/g, (c) => `\\${c}`);
}

/** `${index:defaultText}`: the user types over `defaultText`; rendering keeps it. */
export function tab(index: number, defaultText: string): SnippetPlaceholder {
  return new SnippetPlaceholder(`\${${index}:${escapeDefault(defaultText)}}`);
}

/** `${index|a,b|}`: the user picks one; rendering keeps the first. */
export function choice(index: number, options: readonly [string, ...string[]]): SnippetPlaceholder {
  return new SnippetPlaceholder(`\${${index}|${options.map(escapeChoice).join(',')}|}`);
}

/** `$0`: where the cursor ends up. */
export const finalTabstop = new SnippetPlaceholder('$0');

/**
 * Tag for a snippet body. The literal parts are taken raw (so `\d` in a regex stays `\d`), with the
 * two escapes TypeScript forces undone: write `` \` `` for a backtick and `\${` for a literal `${`.
 * Everything literal is then escaped for snippet syntax; interpolate only {@link SnippetPlaceholder}s.
 */
export function snippet(strings: TemplateStringsArray, ...placeholders: SnippetPlaceholder[]): string {
  let body = '';
  strings.raw.forEach((raw, i) => {
    body += escapeText(raw.replace(/\\`/g, '`').replace(/\\\$\{/g, '${'));
    if (i < placeholders.length) body += placeholders[i].syntax;
  });
  return body;
}

/** `${index}`: repeats whatever the user types into tabstop `index`. */
export function mirror(index: number): SnippetPlaceholder {
  return new SnippetPlaceholder(`\${${index}}`);
}

/** Plain code shared by several templates, escaped like the tag's literal parts. */
export function verbatim(code: string): SnippetPlaceholder {
  return new SnippetPlaceholder(escapeText(code));
}
