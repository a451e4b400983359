// The campaign in the history tree, in the browser: a sandbox campaign is sent with the standalone
// command (`dist/server.js campaign send … --yes --sandbox`) in VS Code's own terminal, whose
// environment is code-server's, so it writes the ledger the extension reads (BAAS_LEDGER_FILE); the
// tree then shows one campaign node with its delivery counts, expanded to its batches.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// No Korean typed anywhere (the terminal gets one short ASCII line); three grades, three batches.
const CSV = 'name,phone,grade\nKim,010-3300-0001,gold\nLee,010-0000-0000,gold\nPark,010-3300-0003,silver\nChoi,010-3300-0004,silver\nJung,010-3300-0005,new\n';
const MESSAGE = '#{grade} member: your points expire at the end of this month.';

/** @param {{ page: import('playwright-core').Page, folder: string, shot: Function, check: Function, log: Function, palette: Function, openHistoryView: Function, escape: Function }} e2e */
export async function campaignTreeStep({ page, folder, shot, check, log, palette, openHistoryView, escape }) {
  const csv = path.join(folder, 'campaign-e2e.csv');
  const out = path.join(folder, 'campaign-e2e.log');
  fs.writeFileSync(csv, CSV);
  fs.rmSync(out, { force: true });
  const script = [
    '#!/bin/sh',
    '# Run by the browser e2e in VS Code\'s terminal: BAAS_LEDGER_FILE there is the extension\'s ledger.',
    `echo "ledger: \${BAAS_LEDGER_FILE:-unset}" > '${out}'`,
    `BAAS_CALLBACK_NUMBER=02-1234-5678 BAAS_SANDBOX_DELAY_MS=500 '${process.execPath}' '${path.join(root, 'dist', 'server.js')}' campaign send '${csv}' --message '${MESSAGE}' --yes --sandbox --out '${folder}' >> '${out}' 2>&1`,
    `echo "campaign exit $?" >> '${out}'`,
  ].join('\n');
  fs.writeFileSync(path.join(folder, 'campaign-e2e.sh'), `${script}\n`);

  await escape(2);
  check(await palette('Terminal: Create New Terminal', 'Create New Terminal', 20000), 'palette opens a terminal');
  const terminal = page.locator('.terminal-wrapper .xterm').first();
  await terminal.waitFor({ timeout: 20000 });
  await page.waitForTimeout(2000); // the shell's prompt
  await terminal.click();
  await page.keyboard.type(`sh '${path.join(folder, 'campaign-e2e.sh')}'`);
  await page.keyboard.press('Enter');
  let text = '';
  for (let i = 0; i < 120 && !/campaign exit \d+/.test(text); i++) {
    await page.waitForTimeout(500);
    text = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
  }
  log(`campaign send in the terminal:\n${text.split('\n').filter((l) => /ledger:|\[baas-sms\]|\[campaign\]|exit/.test(l)).join('\n')}`);
  check(/campaign exit 0/.test(text) && !/ledger: unset/.test(text), 'the standalone command sends a sandbox campaign into the extension\'s ledger (exit 0)');

  await palette('View: Hide Panel', 'Hide Panel', 10000).catch(() => false);
  await openHistoryView();
  const rows = page.locator('.part.sidebar .monaco-list-row');
  const campaign = rows.filter({ hasText: /Campaign · campaign-e2e\.csv/ }).first();
  check(await campaign.waitFor({ timeout: 30000 }).then(() => true, () => false), 'the history shows the campaign as one node');
  check((await rows.filter({ hasText: /member: your points/ }).count()) === 0, 'its batches are not top-level sends');
  // The history's poller follows the batches' delivery: the node's counts turn final.
  const final = rows.filter({ hasText: /delivered 4 · failed 1 · sending 0 · 3\/3 batches sent/ }).first();
  const settled = await final.waitFor({ timeout: 60000 }).then(() => true, () => false);
  log(`campaign node: ${(await campaign.innerText().catch(() => '')).replace(/\s+/g, ' ')}`);
  check(settled, 'the campaign node counts delivered 4 · failed 1 · sending 0 · 3/3 batches sent');
  await campaign.locator('.monaco-tl-twistie').click().catch(() => {});
  const batch = rows.filter({ hasText: /Batch 1/ }).first();
  check(await batch.waitFor({ timeout: 10000 }).then(() => true, () => false), 'expanded, it lists its batches');
  await batch.locator('.monaco-tl-twistie').click().catch(() => {}); // and the first batch's recipients
  await page.waitForTimeout(1000);
  await widenSideBar(page);
  await campaign.locator('.label-name').first().hover().catch(() => {}); // the inline Resume Campaign action and the Markdown tooltip
  await page.waitForTimeout(2000);
  await shot('campaign-tree');
}

/** Room for the node's description in the screenshot: the chat (secondary side bar) closed, the side bar wider. */
async function widenSideBar(page) {
  if (await page.locator('.part.auxiliarybar').isVisible().catch(() => false)) await page.keyboard.press('Control+Alt+KeyB');
  await page.waitForTimeout(500);
  const box = await page.locator('.part.sidebar').boundingBox().catch(() => null);
  if (!box || box.width > 600) return;
  await page.mouse.move(box.x + box.width + 1, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 640, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  await page.waitForTimeout(500);
}
