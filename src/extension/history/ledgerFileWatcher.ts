// Other processes append to the same ledger file (another VS Code window, the standalone server
// configured with BAAS_LEDGER_FILE): watching it lets their sends show up in this window's tree too.
// Polling the file's size every few seconds works whether or not the file exists yet.
import * as fs from 'node:fs';

export function watchLedgerFile(file: string, onChange: () => void, intervalMs = 2000): { dispose(): void } {
  const listener = (current: fs.Stats, previous: fs.Stats): void => {
    if (current.size !== previous.size || current.mtimeMs !== previous.mtimeMs) onChange();
  };
  fs.watchFile(file, { interval: intervalMs, persistent: false }, listener);
  return { dispose: () => fs.unwatchFile(file, listener) };
}
