// Turns VS Code snippet syntax into the plain code VS Code would insert if the user accepted every
// default: what agents get from the MCP server, and what the tests type-check.

type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number }
  | { kind: 'placeholder'; index: number; children: SnippetNode[] }
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'variable'; children: SnippetNode[] };

const DIGITS = /^\d+/;
const VARIABLE_NAME = /^[_a-zA-Z][_a-zA-Z0-9]*/;

class SnippetParser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parse(): SnippetNode[] {
    return this.parseSequence(false);
  }

  // Inside a placeholder an unescaped `}` ends the sequence; at the top level it is plain text.
  private parseSequence(inPlaceholder: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = (): void => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      const next = this.src[this.pos + 1];
      if (c === '\\' && next !== undefined && '$}\\'.includes(next)) {
        text += next;
        this.pos += 2;
      } else if (c === '}' && inPlaceholder) {
        break;
      } else if (c === '$') {
        const start = this.pos;
        const node = this.parseDollar();
        if (node) {
          flush();
          nodes.push(node);
        } else {
          // Not valid syntax: VS Code inserts the `$` literally, and so do we.
          this.pos = start + 1;
          text += '$';
        }
      } else {
        text += c;
        this.pos += 1;
      }
    }
    flush();
    return nodes;
  }

  private parseDollar(): SnippetNode | undefined {
    this.pos += 1; // past `$`
    const rest = this.src.slice(this.pos);
    const bare = DIGITS.exec(rest) ?? VARIABLE_NAME.exec(rest);
    if (bare) {
      this.pos += bare[0].length;
      return /^\d/.test(bare[0]) ? { kind: 'tabstop', index: Number(bare[0]) } : { kind: 'variable', children: [] };
    }
    if (rest[0] !== '{') return undefined;
    this.pos += 1;
    const inner = this.src.slice(this.pos);
    const digits = DIGITS.exec(inner);
    const token = digits ?? VARIABLE_NAME.exec(inner);
    if (!token) return undefined;
    this.pos += token[0].length;
    const index = digits ? Number(digits[0]) : -1;
    const marker = this.src[this.pos];
    if (marker === '}') {
      this.pos += 1;
      return digits ? { kind: 'tabstop', index } : { kind: 'variable', children: [] };
    }
    if (marker === ':') {
      this.pos += 1;
      const children = this.parseSequence(true);
      if (this.src[this.pos] !== '}') return undefined;
      this.pos += 1;
      return digits ? { kind: 'placeholder', index, children } : { kind: 'variable', children };
    }
    if (marker === '|' && digits) return this.parseChoice(index);
    if (marker === '/') throw new Error('Snippet transforms (${n/regex/format/}) are not supported by renderTemplate');
    return undefined;
  }

  private parseChoice(index: number): SnippetNode | undefined {
    this.pos += 1; // past `|`
    const options: string[] = [];
    let option = '';
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      const next = this.src[this.pos + 1];
      if (c === '\\' && next !== undefined && '$}\\,|'.includes(next)) {
        option += next;
        this.pos += 2;
      } else if (c === ',') {
        options.push(option);
        option = '';
        this.pos += 1;
      } else if (c === '|' && next === '}') {
        options.push(option);
        this.pos += 2;
        return { kind: 'choice', index, options };
      } else {
        option += c;
        this.pos += 1;
      }
    }
    return undefined;
  }
}

/**
 * Renders snippet syntax as plain text, every placeholder filled with its default: `${1:x}` → `x`
 * (nested placeholders too), a choice → its first option, `\$` → `$`, a variable → its default or
 * nothing. A bare `$1` mirrors tabstop 1's default as VS Code does, or is empty when it has none.
 * Throws on transforms, which no template uses. `marker`, when given, stands in for each tabstop and
 * placeholder (the JavaScript generator uses it to carry them through a transpile).
 */
export function renderSnippet(body: string, marker?: (index: number, kind: 'tabstop' | 'placeholder', defaultText: string) => string): string {
  const nodes = new SnippetParser(body).parse();
  const defaults = new Map<number, string>();
  const render = (list: SnippetNode[]): string => list.map(renderNode).join('');
  const renderNode = (node: SnippetNode): string => {
    switch (node.kind) {
      case 'text':
        return node.value;
      case 'tabstop':
        return marker ? marker(node.index, 'tabstop', '') : defaults.get(node.index) ?? '';
      case 'placeholder':
        return marker ? marker(node.index, 'placeholder', render(node.children)) : render(node.children);
      case 'choice':
        return node.options[0] ?? '';
      case 'variable':
        return render(node.children);
    }
  };
  // First pass: the text each numbered placeholder starts with, for its mirrors.
  const collect = (list: SnippetNode[]): void => {
    for (const node of list) {
      if (node.kind === 'placeholder' || node.kind === 'choice') {
        if (!defaults.has(node.index)) defaults.set(node.index, renderNode(node));
      }
      if (node.kind === 'placeholder' || node.kind === 'variable') collect(node.children);
    }
  };
  collect(nodes);
  return render(nodes);
}
