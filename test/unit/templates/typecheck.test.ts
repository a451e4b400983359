// The TypeScript templates that need only this repo's packages (the Node core, Express, React), rendered
// with their defaults at the paths they name, pass a real strict type check against the real @types/node,
// @types/express and @types/react: zero diagnostics, and a planted mistake is caught. (Next.js and NestJS
// are type-checked with their own packages where they run; the JavaScript copies run for real.)
import assert from 'node:assert/strict';
import { join } from 'node:path';
import ts from 'typescript';
import { findTemplate, renderTemplate } from '../../../src/templates';
import { REPO_ROOT } from './renderedTemplates';
import { writeTemplateProject, type TemplateProject } from './run/templateProject';

const STRICT: ts.CompilerOptions = {
  strict: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
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

// A small deliberate mistake per template: the check must catch it, or it is checking nothing.
const CHECKED: Array<[id: string, environment: ts.CompilerOptions, from: string, to: string]> = [
  ['node-core-ts', SERVER, 'otp.codes.delete(phone)', 'otp.codes.remove(phone)'],
  ['express-otp-ts', SERVER, 'res.status(status).json(body)', 'res.status(status).jsonn(body)'],
  ['express-order-ts', SERVER, 'res.status(status).json(body)', 'res.status(status).jsonn(body)'],
  ['express-campaign-ts', SERVER, 'res.status(status).json(body)', 'res.status(status).jsonn(body)'],
  ['react-otp-form-tsx', BROWSER, "setStage('code')", "setStage('cdoe')"],
  ['react-campaign-form-tsx', BROWSER, "kind: 'status'", "kind: 'statsu'"],
];

function describeDiagnostic(d: ts.Diagnostic): string {
  const where = d.file && d.start !== undefined ? ` (${d.file.fileName} line ${d.file.getLineAndCharacterOfPosition(d.start).line + 1})` : '';
  return ts.flattenDiagnosticMessageText(d.messageText, '\n') + where;
}

const brokenName = (fileName: string): string => fileName.replace(/([^/]+)$/, 'broken_$1');

describe('templates: type check of the TypeScript templates', function () {
  this.timeout(120_000);
  let project: TemplateProject;
  const results = new Map<string, string[]>();

  before(() => {
    const files: Record<string, string> = {};
    for (const [id, , from, to] of CHECKED) {
      const template = findTemplate(id)!;
      const code = renderTemplate(template);
      if (!code.includes(from)) throw new Error(`${id}: ${from} not found`);
      files[brokenName(template.fileName)] = code.replace(from, to);
    }
    project = writeTemplateProject({ templates: CHECKED.map(([id]) => id), files, nodeModules: join(REPO_ROOT, 'node_modules') });
    // One program per environment keeps the (slow) lib loading to two.
    for (const environment of [SERVER, BROWSER]) {
      const names = CHECKED.filter(([, env]) => env === environment).flatMap(([id]) => [findTemplate(id)!.fileName, brokenName(findTemplate(id)!.fileName)]);
      const program = ts.createProgram(names.map((name) => join(project.dir, name)), environment);
      assert.deepEqual([...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()].map(describeDiagnostic), [], 'compiler options or global declarations are broken');
      for (const name of names) {
        const source = program.getSourceFile(join(project.dir, name));
        assert.ok(source, `${name} is not in the program`);
        results.set(name, [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map(describeDiagnostic));
      }
    }
  });
  after(() => project?.remove());

  for (const [id, , , to] of CHECKED) {
    it(`${id} has zero diagnostics`, () => {
      assert.deepEqual(results.get(findTemplate(id)!.fileName), []);
    });

    it(`${id}: the check catches a deliberate type error`, () => {
      const diagnostics = results.get(brokenName(findTemplate(id)!.fileName)) ?? [];
      assert.equal(diagnostics.length, 1, `expected exactly the planted error, got ${JSON.stringify(diagnostics)}`);
      const planted = /remove|jsonn|cdoe|statsu/.exec(to)![0];
      assert.ok(diagnostics[0].includes(planted), diagnostics[0]);
    });
  }
});
