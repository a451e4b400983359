// The extension's team ledger without VS Code: the runtime built as extension.ts builds it (the send
// service behind the switching engine), the history service over it, and a real PostgreSQL
// (test/support/postgres.ts). Sends follow the switch, the history follows the team live, a ledger
// that is down stops sends without touching the file, and the password shows up nowhere.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import type * as vscode from 'vscode';
import { defaultSendingSettings, type SendingSettings } from '../../../../src/core/settings';
import type { BaasSmsError } from '../../../../src/core/errors';
import { presentSend } from '../../../../src/extension/history/historyPresentation';
import { HistoryService } from '../../../../src/extension/history/historyService';
import { OutputLogger } from '../../../../src/extension/outputLogger';
import { SwitchingLedgerEngine } from '../../../../src/extension/teamLedger/switchingEngine';
import { openTeamEngine, teamEngine, TEAM_LEDGER_SETTING } from '../../../../src/extension/teamLedger/teamEngine';
import { ledgerUrlPassword } from '../../../../src/ledger/engine/ledgerUrl';
import { PostgresLedgerEngine } from '../../../../src/ledger/engine/postgres/postgresEngine';
import type { LedgerEngine } from '../../../../src/ledger/engine/types';
import { createSendingRuntime, type SendingRuntime } from '../../../../src/sending/runtime';
import { postgresDatabase } from '../../../support/postgres';
import { removeDir, sendInit, tempDir } from '../../ledger/ledgerFixtures';
import { keyClaim } from '../../ledger/engine/engineContract';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
async function until(what: string, probe: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await probe()); await sleep(25)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
  }
}
const SMS = { kind: 'sms' as const, recipients: [{ phone_number: '010-1234-5678', member_code: 'm' }], message: '[팀] 안내', callback_number: '02-1234-5678' };

describe('team ledger in the extension (switching engine + history, real PostgreSQL)', function () {
  this.timeout(30_000);
  let url: string;
  let password: string;
  let dir: string;
  let written: string[];
  let logger: OutputLogger;
  let runtime: SendingRuntime;
  let engine: SwitchingLedgerEngine;
  let history: HistoryService;
  let settings: SendingSettings;

  beforeEach(async () => {
    url = await postgresDatabase('teamui');
    password = ledgerUrlPassword(url)!;
    dir = tempDir();
    written = [];
    const write = (level: string) => (message: string): void => void written.push(`${level} ${message}`);
    // Stands in for VS Code's LogOutputChannel (not available outside the host); OutputLogger is the real one.
    logger = new OutputLogger({ debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error'), show: () => undefined } as unknown as vscode.LogOutputChannel);
    logger.addSecret(password);
    settings = { ...defaultSendingSettings('en'), sandbox: true, senderLabel: 'jisu' };
    let made: SwitchingLedgerEngine | undefined;
    runtime = createSendingRuntime({
      settings: () => settings, apiKey: () => Promise.resolve(undefined), ledgerFile: path.join(dir, 'ledger.jsonl'), logger, sandboxDeliveryDelayMs: 20,
      routeEngine: (file) => (made = new SwitchingLedgerEngine(file, logger)),
    });
    engine = made!;
    history = new HistoryService({ ledger: engine, ledgerFile: runtime.engine.file, sendService: runtime.sendService, logger, locale: () => 'en', pollCapMs: () => 1000, onGroupFinished: () => undefined });
  });

  afterEach(async () => {
    history.dispose();
    await engine.close();
    await runtime.dispose();
    removeDir(dir);
  });

  it('sends go to the file, then (after the switch) to PostgreSQL with their sender; the history is the team\'s and follows another instance live', async () => {
    const local = await runtime.sendService.send(SMS, { origin: 'test' });
    assert.equal(runtime.ledger.get(local.send_id)?.sender, 'jisu', 'the file stores the sender too');

    const { engine: team } = await openTeamEngine(url, logger);
    await engine.switchTo(Promise.resolve(team));
    assert.equal(history.team, true);
    const shared = await runtime.sendService.send({ ...SMS, message: '[팀] 공유' }, { origin: 'test' });
    assert.equal(runtime.ledger.get(shared.send_id), undefined, 'not in the file');
    const other = new PostgresLedgerEngine(url);
    try {
      assert.equal((await other.get(shared.send_id))?.sender, 'jisu', 'the team sees who sent it');
      const first = await history.newest(50);
      assert.deepEqual(first.entries.map((e) => e.id), [shared.send_id], 'the history is the team ledger\'s, not the file\'s');

      let changes = 0;
      history.onDidChange(() => changes++);
      await until('the LISTEN session', async () => {
        const admin = new Client({ connectionString: url });
        await admin.connect();
        const { rows } = await admin.query("SELECT 1 FROM pg_stat_activity WHERE application_name = 'baas-sms-listen' AND datname = current_database()");
        await admin.end();
        return rows.length > 0;
      });
      const before = changes;
      const { entry } = await other.reserve({ init: sendInit({ idempotency_key: 'from-a-colleague', sender: 'minho' }), claim: keyClaim('from-a-colleague') });
      assert.ok(entry);
      await until('the colleague\'s send to be announced', () => changes > before);
      const page = await history.newest(50);
      const theirs = page.entries.find((e) => e.id === entry.id);
      assert.equal(theirs?.sender, 'minho');
      const shown = presentSend(theirs, (text, ...args) => text.replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)])));
      assert.match(shown.description, /minho/);
      assert.match(shown.tooltip, /Pending: .*may already have gone out/);
      assert.ok(!JSON.stringify(shown).includes('010-1234-5678'), 'no phone number in clear in the tree');
    } finally {
      await other.close();
    }
  });

  it('lookupClaims answers what lookupClaim answers, on the file (one read) and after the switch on PostgreSQL (each in turn)', async () => {
    const local = await runtime.sendService.send(SMS, { origin: 'test', idempotencyKey: 'lookup-file' });
    const claims = [keyClaim('lookup-file'), keyClaim('lookup-team'), keyClaim('lookup-none')];
    const alone = async (): Promise<unknown[]> => { const out = []; for (const c of claims) out.push(await engine.lookupClaim(c)); return out; };
    const onFile = await engine.lookupClaims(claims);
    assert.deepStrictEqual(onFile, await alone());
    assert.deepStrictEqual(onFile.map((e) => e?.id), [local.send_id, undefined, undefined]);

    const { engine: team } = await openTeamEngine(url, logger);
    await engine.switchTo(Promise.resolve(team));
    const shared = await runtime.sendService.send({ ...SMS, message: '[팀] 조회' }, { origin: 'test', idempotencyKey: 'lookup-team' });
    const onTeam = await engine.lookupClaims(claims);
    assert.deepStrictEqual(onTeam, await alone());
    assert.deepStrictEqual(onTeam.map((e) => e?.id), [undefined, shared.send_id, undefined]);
  });

  it('a team ledger that is down: the send fails with LEDGER_UNAVAILABLE naming the command, nothing goes to the file, the history says so; no password anywhere', async () => {
    const down = new URL(url);
    down.port = '1';
    await engine.switchTo(Promise.resolve(teamEngine(down.toString(), logger)));
    await assert.rejects(runtime.sendService.send(SMS, { origin: 'test' }), (e: BaasSmsError) => {
      assert.equal(e.code, 'LEDGER_UNAVAILABLE');
      assert.ok(e.describe('en').hint.includes(TEAM_LEDGER_SETTING));
      return true;
    });
    assert.equal(fs.existsSync(runtime.engine.file) ? runtime.ledger.list({}).entries.length : 0, 0, 'no fall-back to the file');
    const page = await history.newest(50);
    assert.deepEqual(page.entries, []);
    assert.match(history.problem ?? '', /LEDGER_UNAVAILABLE.*nothing listens/);
    const everything = JSON.stringify([written, history.problem, page]);
    assert.ok(!everything.includes(password), 'the password is in no log line, error or tree text');
  });

  it('operations wait while the stored team ledger is being read, so no send slips into the file meanwhile', async () => {
    let release!: (value: LedgerEngine) => void;
    const pending = new Promise<LedgerEngine>((resolve) => { release = resolve; });
    const switched = engine.switchTo(pending);
    const sent = runtime.sendService.send(SMS, { origin: 'test' });
    await sleep(100);
    release(teamEngine(url, logger));
    await switched;
    const result = await sent;
    assert.equal(runtime.ledger.get(result.send_id), undefined, 'not in the file');
    const other = new PostgresLedgerEngine(url);
    try {
      assert.ok(await other.get(result.send_id), 'in the team ledger (opened and migrated on first use)');
    } finally {
      await other.close();
    }
  });

  it('clearing goes back to the file; a send reserved before a switch is settled in the ledger that holds it', async () => {
    const { engine: team } = await openTeamEngine(url, logger);
    await engine.switchTo(Promise.resolve(team));
    const reserved = await engine.reserve({ init: sendInit({ idempotency_key: 'in-flight', sandbox: true }), claim: keyClaim('in-flight') });
    assert.ok(reserved.entry);
    await engine.switchTo(Promise.resolve(undefined));
    assert.equal(engine.kind, 'file');
    await engine.recordOutcome(reserved.entry.id, { outcome: 'sent', group_id: 77 });
    const other = new PostgresLedgerEngine(url);
    try {
      assert.equal((await other.get(reserved.entry.id))?.outcome, 'sent', 'settled in PostgreSQL, where it was reserved');
    } finally {
      await other.close();
    }
    const local = await runtime.sendService.send(SMS, { origin: 'test' });
    assert.ok(runtime.ledger.get(local.send_id), 'back in the file');
  });
});
