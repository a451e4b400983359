// Test helper: writes rendered templates into a temp project whose node_modules links to this repo's,
// so `express`, `react` and their @types resolve exactly as in a user's project.
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { renderTemplate, type IntegrationTemplate } from '../../../src/templates';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

const EXTENSIONS: Record<IntegrationTemplate['language'], string> = {
  javascript: '.js',
  typescript: '.ts',
  javascriptreact: '.jsx',
  typescriptreact: '.tsx',
  python: '.py',
  vue: '.vue',
};

export function fileNameFor(template: IntegrationTemplate): string {
  return template.id.replace(/-/g, '_') + EXTENSIONS[template.language];
}

export interface TempProject {
  dir: string;
  /** Writes the rendered template (optionally edited) and returns its absolute path. */
  write(template: IntegrationTemplate, edit?: (code: string) => string, name?: string): string;
  remove(): void;
}

export function createTempProject(): TempProject {
  const dir = mkdtempSync(join(tmpdir(), 'baas-templates-'));
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return {
    dir,
    write(template, edit = (code) => code, name = fileNameFor(template)) {
      const file = join(dir, name);
      writeFileSync(file, edit(renderTemplate(template)));
      return file;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Replaces `from` in the code and fails loudly if it was not there, so an edit can never silently miss. */
export function replaceOnce(code: string, from: string, to: string): string {
  if (!code.includes(from)) throw new Error(`Expected to find ${JSON.stringify(from)} in the rendered template`);
  return code.replace(from, to);
}
