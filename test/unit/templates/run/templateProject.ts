// A temp project holding templates at the paths they name (lib/baasSms.ts, routes/otp.ts, sms/…), as a
// user would lay them out, plus whatever harness files the framework needs to start.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findTemplate, renderTemplate } from '../../../../src/templates';

export interface TemplateProject {
  dir: string;
  remove(): void;
}

/**
 * Writes each template (by id) and the modules it requires at their fileName, optionally under `prefix` and edited, then the extra
 * files; `nodeModules` is linked as the project's node_modules.
 */
export function writeTemplateProject(options: {
  templates: readonly string[];
  files?: Record<string, string>;
  nodeModules?: string;
  prefix?: string;
  edit?: (id: string, code: string) => string;
}): TemplateProject {
  const dir = mkdtempSync(join(tmpdir(), 'baas-template-run-'));
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  // The modules the templates import (the Node or Python core) come along, as get_integration_code hands them out.
  const ids = [...new Set(options.templates.flatMap((id) => [id, ...(findTemplate(id)?.requires ?? [])]))];
  for (const id of ids) {
    const template = findTemplate(id);
    if (!template) throw new Error(`no template ${id}`);
    const code = renderTemplate(template);
    write(join(options.prefix ?? '', template.fileName), options.edit ? options.edit(id, code) : code);
  }
  for (const [path, text] of Object.entries(options.files ?? {})) write(path, text);
  if (options.nodeModules) symlinkSync(options.nodeModules, join(dir, 'node_modules'), 'dir');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
