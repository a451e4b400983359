// A campaign message as a template: `#{이름}` variables (the convention of Kakao 알림톡 and SOLAPI)
// filled from each row's columns. Parsed once, checked against the list's headers before any row is
// read, then filled per row by concatenation (no regular expression per row).
import { BaasSmsError } from '../core/errors';

export interface Template {
  /** Text and variable names, alternating: parts[0] text, parts[1] variable, parts[2] text, … */
  parts: string[];
  /** Distinct variable names in order of first use. */
  variables: string[];
}

const OPEN = '#{';

/**
 * Splits `text` into text and variables. `#{` with no `}` after it, a `#{` inside a variable
 * (`#{a#{b}}`) and an empty name (`#{ }`) are TEMPLATE_UNBALANCED, with the 1-based character position.
 * A `}` alone is ordinary text.
 */
export function parseTemplate(text: string, field = 'message'): Template {
  const parts: string[] = [];
  const variables: string[] = [];
  let from = 0;
  for (let open = text.indexOf(OPEN); open !== -1; open = text.indexOf(OPEN, from)) {
    const close = text.indexOf('}', open + OPEN.length);
    const name = close === -1 ? '' : text.slice(open + OPEN.length, close).trim();
    if (close === -1 || name === '' || name.includes(OPEN)) {
      throw new BaasSmsError('TEMPLATE_UNBALANCED', { field, params: { position: open + 1 } });
    }
    parts.push(text.slice(from, open), name);
    if (!variables.includes(name)) variables.push(name);
    from = close + 1;
  }
  parts.push(text.slice(from));
  return { parts, variables };
}

/** Refuses a variable that names no column, before any row is read. */
export function checkTemplateColumns(template: Template, headers: readonly string[], field = 'message'): void {
  const unknown = template.variables.find((name) => !headers.includes(name));
  if (unknown !== undefined) {
    throw new BaasSmsError('TEMPLATE_UNKNOWN_VARIABLE', { field, params: { input: unknown, headers: headers.filter(Boolean).join(', ') } });
  }
}

export type FilledTemplate = { text: string; missing?: undefined } | { text?: undefined; missing: string };

/** The template filled from `value(name)`; the first variable whose value is blank is reported instead. */
export function fillTemplate(template: Template, value: (name: string) => string): FilledTemplate {
  const { parts } = template;
  if (parts.length === 1) return { text: parts[0] };
  let text = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const filled = value(parts[i]);
    if (filled.trim() === '') return { missing: parts[i] };
    text += filled + parts[i + 1];
  }
  return { text };
}
