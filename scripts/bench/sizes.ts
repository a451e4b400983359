// What users download: the two bundles as released (minified) and the VSIX that vsce packages.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import * as path from 'node:path';

export const KiB = 1024;
export const MiB = 1024 * 1024;

export function fileBytes(file: string): number {
  return statSync(file).size;
}

/**
 * Packages the extension with `vsce package --no-dependencies` into `outDir` and returns the VSIX's
 * size. vsce runs the manifest's `vscode:prepublish` (a production build) first, as a release does.
 */
export function packageVsix(root: string, outDir: string): { bytes: number; file: string } {
  const file = path.join(outDir, 'baas-sms-bench.vsix');
  // The installed vsce, run by this Node (what `npx vsce` finds, without npx's network look-ups);
  // stdin closed, so a question from vsce fails the run instead of hanging it.
  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', file], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  return { bytes: fileBytes(file), file };
}
