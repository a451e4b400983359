// The Next.js templates and the Vue components' <script setup lang="ts"> (as @vue/compiler-sfc compiles it,
// template inlined) pass a strict type check against their frameworks' own packages from the cache, and
// a planted mistake is caught. (NestJS is type-checked where it is compiled to run; Express and React by
// typecheck.test.ts.)
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { findTemplate, renderTemplate } from '../../../../src/templates';
import { ensureTemplateFrameworks } from './frameworkCache';

const PLANTED: Record<string, [string, string]> = {
  'nextjs-otp-route': ['Response.json(answer, { status })', 'Response.jsonn(answer, { status })'],
  'nextjs-otp-action': ['httpAnswer(checkVerificationCode(phone, code))', 'httpAnswer(checkVerificationCode(phone))'],
  'nextjs-order-route': ['Response.json(answer, { status })', 'Response.jsonn(answer, { status })'],
  'nextjs-campaign-route': ['Response.json(answer, { status })', 'Response.jsonn(answer, { status })'],
  'vue-otp-form': ["notice.value = { kind: 'status'", "notice.value = { kind: 'statsu'"],
  'vue-campaign-form': ["notice.value = { kind: 'status'", "notice.value = { kind: 'statsu'"],
};

interface VueCompiler {
  parse(source: string, options: { filename: string }): { descriptor: unknown };
  compileScript(descriptor: unknown, options: { id: string; inlineTemplate: boolean }): { content: string };
}

describe('templates: Next.js and Vue type-check against their own packages (strict)', function () {
  this.timeout(600_000);
  const diagnostics = new Map<string, string[]>();

  before(() => {
    const frameworks = ensureTemplateFrameworks();
    mkdirSync(join(frameworks, 'projects'), { recursive: true });
    const dir = mkdtempSync(join(frameworks, 'projects', 'types-'));
    try {
      const write = (path: string, text: string): string => {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
        return join(dir, path);
      };
      const core = findTemplate('node-core-ts')!;
      write(core.fileName, renderTemplate(core));
      const sfc = createRequire(join(frameworks, 'package.json'))('@vue/compiler-sfc') as VueCompiler;
      const files = new Map<string, string>();
      for (const [id, [from, to]] of Object.entries(PLANTED)) {
        const template = findTemplate(id)!;
        let code = renderTemplate(template);
        let path = template.fileName;
        if (template.language === 'vue') {
          code = sfc.compileScript(sfc.parse(code, { filename: path }).descriptor, { id, inlineTemplate: true }).content;
          path = `${path}.ts`;
        }
        assert.ok(code.includes(from), `${id}: ${from} not found`);
        files.set(id, write(path, code));
        files.set(`${id} (broken)`, write(path.replace(/([^/]+)$/, 'broken_$1'), code.replace(from, to)));
      }
      const program = ts.createProgram([...files.values()], {
        strict: true, noUnusedLocals: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
        types: ['node'], typeRoots: [join(frameworks, 'node_modules', '@types')],
      });
      for (const [name, file] of files) {
        diagnostics.set(name, ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  for (const id of Object.keys(PLANTED)) {
    it(`${id}: zero diagnostics, and the planted mistake is caught`, () => {
      assert.deepEqual(diagnostics.get(id), []);
      assert.equal(diagnostics.get(`${id} (broken)`)?.length, 1, JSON.stringify(diagnostics.get(`${id} (broken)`)));
    });
  }
});
