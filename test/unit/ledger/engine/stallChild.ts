// A file-engine process that stalls while holding the lock, for fileLockFence.test.ts:
//   stallChild.ts <ledger file> <key> <stall ms>
// reserves one send claiming <key>; inside reserve(), under the lock and after it has read the ledger
// (so it has seen no earlier claim), it prints "held" and stops running for <stall ms>, as a process
// under SIGSTOP, a paused VM or an NFS stall would. Then prints {"reserved":true} or {"error":<code>}.
import * as fs from 'node:fs';
import { BaasSmsError } from '../../../../src/core/errors';
import { silentLogger } from '../../../../src/core/logger';
import { FileLedgerEngine } from '../../../../src/ledger/engine/fileEngine';
import { sendInit } from '../ledgerFixtures';
import { keyClaim } from './engineContract';

async function main(): Promise<void> {
  const [file, key, stallMs] = process.argv.slice(2);
  const engine = new FileLedgerEngine(file, { logger: silentLogger });
  await engine.open();
  // The engine's first step under the lock is index.sync(): stall right after it.
  const index = (engine as unknown as { index: { sync(): void } }).index;
  const sync = index.sync.bind(index);
  index.sync = () => {
    sync();
    fs.writeSync(1, 'held\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(stallMs));
  };
  try {
    const answer = await engine.reserve({ init: sendInit(), claim: keyClaim(key) });
    fs.writeSync(1, `${JSON.stringify({ reserved: answer.entry !== undefined })}\n`);
  } catch (error) {
    fs.writeSync(1, `${JSON.stringify({ error: error instanceof BaasSmsError ? error.code : String(error) })}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
