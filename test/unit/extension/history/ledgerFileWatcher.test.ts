import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { watchLedgerFile } from '../../../../src/extension/history/ledgerFileWatcher';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('watchLedgerFile (sends written by other processes)', () => {
  it('reports lines appended by another writer, also when the file did not exist yet, and stops when disposed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baas-watch-'));
    const file = path.join(dir, 'ledger.jsonl');
    let changes = 0;
    const watcher = watchLedgerFile(file, () => changes++, 20);
    try {
      await sleep(60);
      assert.equal(changes, 0);
      fs.appendFileSync(file, '{"v":1}\n');
      for (let waited = 0; changes === 0 && waited < 2000; waited += 20) await sleep(20);
      assert.ok(changes >= 1, 'the new file was noticed');
      const seen = changes;
      fs.appendFileSync(file, '{"v":1}\n');
      for (let waited = 0; changes === seen && waited < 2000; waited += 20) await sleep(20);
      assert.ok(changes > seen, 'an appended line was noticed');
    } finally {
      watcher.dispose();
    }
    const after = changes;
    fs.appendFileSync(file, '{"v":1}\n');
    await sleep(150);
    assert.equal(changes, after, 'no reports after dispose');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
