// Where the send ledger lives: BAAS_LEDGER_FILE if set, else the platform's per-user data folder.
// The layout is env-paths' (`envPaths('baas-sms', { suffix: '' }).data`), computed here from the env we
// are given rather than from process.env at import time, so tests and the extension can point it elsewhere.
import * as os from 'node:os';
import * as path from 'node:path';

export const LEDGER_FILE_NAME = 'send-ledger.jsonl';
const APP_NAME = 'baas-sms';

/**
 * `BAAS_LEDGER_FILE`, or `<data dir>/baas-sms/send-ledger.jsonl`: `$XDG_DATA_HOME` or `~/.local/share` on
 * Linux, `~/Library/Application Support` on macOS, `%LOCALAPPDATA%\baas-sms\Data` on Windows.
 */
export function defaultLedgerPath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string {
  const override = ledgerFileFromEnv(env);
  if (override) return override;
  const paths = platform === 'win32' ? path.win32 : path.posix;
  return paths.join(userDataDir(env, platform, home), LEDGER_FILE_NAME);
}

/** BAAS_LEDGER_FILE made absolute, if set: the only place it is read (both hosts honour it). */
export function ledgerFileFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  const override = env.BAAS_LEDGER_FILE?.trim();
  return override ? path.resolve(override) : undefined;
}

function userDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string {
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_NAME);
  if (platform === 'win32') return path.win32.join(env.LOCALAPPDATA || path.win32.join(home, 'AppData', 'Local'), APP_NAME, 'Data');
  // XDG says a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = env.XDG_DATA_HOME && path.posix.isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : path.posix.join(home, '.local', 'share');
  return path.posix.join(xdg, APP_NAME);
}
