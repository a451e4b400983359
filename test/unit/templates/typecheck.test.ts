// Every JS/TS/JSX/TSX template, rendered with its defaults, passes a real type check (ts.createProgram,
// strict, checkJs) against the real @types/node, @types/express and @types/react: zero diagnostics.
import assert from 'node:assert/strict';
import ts from 'typescript';
import { INTEGRATION_TEMPLATES, type IntegrationTemplate } from '../../../src/templates';
import { createTempProject, fileNameFor, replaceOnce, type TempProject } from './renderedTemplates';

const STRICT: ts.CompilerOptions = {
  strict: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  allowJs: true,
  checkJs: true,
  noEmit: true,
  skipLibCheck: true,
  esModuleInterop: true,
  target: ts.ScriptTarget.ES2022,
};

// Server code sees Node's types only; browser code sees the DOM and no Node types at all, so a
// stray `process.env` (or a key) in a React template cannot type-check.
const SERVER: ts.CompilerOptions = { ...STRICT, module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16, lib: ['lib.es2023.d.ts'], types: ['node'] };
const BROWSER: ts.CompilerOptions = {
  ...STRICT,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.ReactJSX,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  types: [],
};

// A small deliberate mistake per template: the check must catch it, or it is checking nothing
// (e.g. express resolving to `any` in a JS file would let every call through).
const BREAKAGE: Partial<Record<IntegrationTemplate['framework'], [string, string]>> = {
  express: ['res.json({ ok: true, groupId: sent.groupId })', 'res.jsonn({ ok: true, groupId: sent.groupId })'],
  react: ["setState({ kind: 'sent' })", "setState({ kind: 'snet' })"],
};

const checked = INTEGRATION_TEMPLATES.filter((t) => t.language !== 'python');

function describeDiagnostic(d: ts.Diagnostic): string {
  const where = d.file && d.start !== undefined ? ` (line ${d.file.getLineAndCharacterOfPosition(d.start).line + 1})` : '';
  return ts.flattenDiagnosticMessageText(d.messageText, '\n') + where;
}

describe('templates: type check of rendered JS/TS/JSX/TSX', function () {
  this.timeout(120_000);
  let project: TempProject;
  // file → its diagnostics; one program per environment keeps the (slow) lib loading to two.
  const results = new Map<string, string[]>();
  const clean = new Map<string, string>();
  const broken = new Map<string, string>();

  before(() => {
    project = createTempProject();
    for (const environment of [SERVER, BROWSER]) {
      const files: string[] = [];
      for (const t of checked.filter((candidate) => (candidate.framework === 'react') === (environment === BROWSER))) {
        const [from, to] = BREAKAGE[t.framework] ?? ['', ''];
        clean.set(t.id, project.write(t));
        broken.set(t.id, project.write(t, (code) => replaceOnce(code, from, to), `broken_${fileNameFor(t)}`));
        files.push(clean.get(t.id)!, broken.get(t.id)!);
      }
      const program = ts.createProgram(files, environment);
      const global = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()].map(describeDiagnostic);
      assert.deepEqual(global, [], 'compiler options or global declarations are broken');
      for (const file of files) {
        const source = program.getSourceFile(file);
        assert.ok(source, `${file} is not in the program`);
        results.set(file, [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map(describeDiagnostic));
      }
    }
  });
  after(() => project.remove());

  it('covers every non-Python template', () => {
    assert.deepEqual(checked.map((t) => t.language).sort(), ['javascript', 'javascriptreact', 'typescript', 'typescriptreact']);
  });

  for (const template of checked) {
    it(`${template.id} has zero diagnostics`, () => {
      assert.deepEqual(results.get(clean.get(template.id)!), []);
    });

    it(`${template.id}: the check catches a deliberate type error`, () => {
      const diagnostics = results.get(broken.get(template.id)!) ?? [];
      assert.equal(diagnostics.length, 1, `expected exactly the planted error, got ${JSON.stringify(diagnostics)}`);
      assert.match(diagnostics[0], /jsonn|snet/);
    });
  }
});
