// Which files an agent may have a plan made from: only inside the allowed roots (the workspace in VS
// Code, the working folder of the standalone server). Checked on the path as given and on its real
// path, so a symbolic link inside a root cannot lead outside it.
import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import { BaasSmsError } from '../core/errors';

/** The absolute, real path of `file` if it lies inside one of `roots`; throws otherwise. */
export function resolveInsideRoots(file: string, roots: readonly string[]): string {
  if (roots.length === 0) throw notAllowed(file, roots);
  const resolved = path.resolve(roots[0], file);
  const realRoots = roots.map((root) => realOrSelf(path.resolve(root)));
  if (!roots.some((root) => isInside(resolved, path.resolve(root))) && !realRoots.some((root) => isInside(resolved, root))) throw notAllowed(file, roots);
  let real: string;
  try {
    real = realpathSync(resolved);
  } catch (error) {
    throw new BaasSmsError('CAMPAIGN_FILE_NOT_FOUND', { field: 'file_path', params: { input: file, detail: (error as NodeJS.ErrnoException).code ?? '' } });
  }
  if (!realRoots.some((root) => isInside(real, root))) throw notAllowed(file, roots);
  return real;
}

function isInside(file: string, root: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function realOrSelf(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
}

function notAllowed(file: string, roots: readonly string[]): BaasSmsError {
  return new BaasSmsError('CAMPAIGN_PATH_NOT_ALLOWED', { field: 'file_path', params: { input: file, roots: roots.join(', ') || '(none)' } });
}
