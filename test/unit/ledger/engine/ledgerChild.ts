// A separate process working on a ledger, for the cross-process tests:
//   ledgerChild.ts <file|url> reserve <key> <count>   reserves `count` sends claiming key-0…, prints {reserved, earlier}
//   ledgerChild.ts <file|url> crash <key>              reserves one send, prints its id, then dies by SIGKILL
//   ledgerChild.ts <file> append <tag> <count>         appends `count` 8 KiB outcome lines without the lock
// Says "ready" once its ledger is open, then waits for a "go" line on stdin, so all start at once.
import { appendLedgerLine } from '../../../../src/ledger/ledgerAppend';
import { outcomeRecord } from '../../../../src/ledger/ledgerRecords';
import { createLedgerEngine } from '../../../../src/ledger/engine/createLedgerEngine';
import { silentLogger } from '../../../../src/core/logger';
import { sendInit } from '../ledgerFixtures';
import { keyClaim } from './engineContract';

async function main(): Promise<void> {
  const [location, command, key, countText] = process.argv.slice(2);
  const pg = /^postgres/.test(location);
  const engine = createLedgerEngine({ url: pg ? location : undefined, file: location, logger: silentLogger });
  await engine.open();
  process.stdout.write('ready\n');
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
  process.stdin.destroy();
  if (command === 'crash') {
    const { entry } = await engine.reserve({ init: sendInit(), claim: keyClaim(key) });
    process.stdout.write(`${JSON.stringify({ id: entry?.id })}\n`, () => process.kill(process.pid, 'SIGKILL'));
    return;
  }
  const count = Number(countText);
  if (command === 'append') {
    // Outcome lines take no lock: only O_APPEND and one write per line keep them whole.
    const padding = 'x'.repeat(8 * 1024);
    for (let i = 0; i < count; i++) appendLedgerLine(location, outcomeRecord(`${key}-${i}`, new Date().toISOString(), { outcome: 'failed', error: { code: 'API_ERROR', message: padding } }));
    process.stdout.write(`${JSON.stringify({ reserved: count, earlier: 0 })}\n`);
    return;
  }
  let reserved = 0;
  let earlier = 0;
  const answers = await Promise.all(Array.from({ length: count }, (_, i) => engine.reserve({ init: sendInit(), claim: keyClaim(count === 1 ? key : `${key}-${i}`) })));
  for (const answer of answers) {
    if (answer.entry) reserved++;
    else earlier++;
  }
  await engine.close();
  process.stdout.write(`${JSON.stringify({ reserved, earlier })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
