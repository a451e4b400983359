// renderSnippet (what agents get) and the snippet tag (how templates are written) agree with VS Code's
// snippet grammar, and with each other: any code written through the tag renders back unchanged.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { choice, finalTabstop, mirror, snippet, tab } from '../../../src/templates/snippetBody';
import { renderSnippet } from '../../../src/templates/snippetRender';

describe('templates: renderSnippet', () => {
  const cases: Array<[string, string, string]> = [
    ['a placeholder → its default', 'a ${1:b} c', 'a b c'],
    ['bare and braced tabstops → nothing', 'x$1y${2}z$0', 'xyz'],
    ['nested placeholders → their defaults', '${1:outer ${2:inner ${3:deep}} end}', 'outer inner deep end'],
    ['a choice → its first option', "${1|get,post|} ${2|a\\,b,c|}", 'get a,b'],
    ['a mirror repeats the default, wherever it is defined', 'type $1Props; function ${1:Form}() {}', 'type FormProps; function Form() {}'],
    ['escapes: \\$ \\} \\\\', 'cost \\$5 \\} \\\\ ${1:a\\}b}', 'cost $5 } \\ a}b'],
    ['a backslash before anything else stays', '/\\d+/ \\n', '/\\d+/ \\n'],
    ['a lone } at top level is text', 'if (x) { y(); }', 'if (x) { y(); }'],
    ['variables → their default or nothing', '$TM_FILENAME ${CLIPBOARD} ${UNKNOWN:fallback}', '  fallback'],
    ['invalid syntax stays literal, as VS Code does', 'a $ b ${ c ${1:unclosed', 'a $ b ${ c ${1:unclosed'],
    ['an empty body', '', ''],
  ];
  for (const [title, body, expected] of cases) {
    it(title, () => assert.equal(renderSnippet(body), expected));
  }

  it('refuses transforms rather than render them wrongly', () => {
    assert.throws(() => renderSnippet('${1/(.*)/${1:/upcase}/}'), /transforms/);
  });
});

describe('templates: snippet tag', () => {
  it('escapes code so it renders back exactly, whatever it holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('$', '{', '}', '\\', '|', ',', ':', 'a', '1', ' ', '\n', '가') }), (code) => {
        const raw = Object.assign([code], { raw: [code] }) as unknown as TemplateStringsArray;
        assert.equal(renderSnippet(snippet(raw)), code.replace(/\\`/g, '`').replace(/\\\$\{/g, '${'));
      }),
      { numRuns: 500 },
    );
  });

  it('escapes placeholder defaults and choices so they render back exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('$', '{', '}', '\\', '|', ',', 'x') }), fc.string({ unit: fc.constantFrom('$', '}', '\\', '|', ',', 'y') }), (text, option) => {
        const body = snippet`[${tab(1, text)}|${choice(2, [option, 'other'])}|${mirror(1)}]${finalTabstop}`;
        assert.equal(renderSnippet(body), `[${text}|${option}|${text}]`);
      }),
      { numRuns: 500 },
    );
  });

  it('takes the literal parts raw: regex escapes survive, \\` and \\${ become ` and ${', () => {
    const body = snippet`const re = /^\d{3}$/; const s = \`a\${b}\`; ${tab(1, 'x')}`;
    assert.equal(body, 'const re = /^\\\\d{3}\\$/; const s = `a\\${b}`; ${1:x}');
    assert.equal(renderSnippet(body), 'const re = /^\\d{3}$/; const s = `a${b}`; x');
  });
});
