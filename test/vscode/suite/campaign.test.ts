// Campaigns in the real extension host (code-server), in the sandbox: Send Campaign from File… with
// a contact list written to a temp folder, its plan, its modal and its progress notification; Cancel
// (the progress notification's token, cancelled after the first batch) stopping between batches;
// Resume sending exactly the rest; Export Delivery Report with masked numbers. Dialogs a test cannot
// click (input boxes, pickers, the open/save dialogs, the modals) are answered by stubs put on
// vscode.window for one test and restored after it; everything behind them is the extension's own.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { BaasSmsExtensionApi } from '../../../src/extension/api';
import type { CampaignCommandResult } from '../../../src/extension/campaign/campaignCommands';
import { COMMANDS, CONFIG_SECTION, EXTENSION_ID, SETTINGS } from '../../../src/extension/constants';

type Win = Record<string, unknown>;
const win = vscode.window as unknown as Win;

describe('BaaS SMS campaign commands (sandbox)', function () {
  this.timeout(120_000);
  let api: BaasSmsExtensionApi;
  let dir: string;
  let sandboxBefore: boolean | undefined;
  const restores: Array<() => void> = [];
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration(CONFIG_SECTION);
  const stub = (name: string, fn: (...args: never[]) => unknown): void => {
    const real = win[name];
    win[name] = fn;
    restores.push(() => (win[name] = real));
  };
  const shown: Array<{ kind: string; message: string; detail?: string; buttons: string[] }> = [];
  /** Modals answered with their one action button (as the user pressing it); other messages recorded only. */
  const answerModals = (): void => {
    for (const kind of ['showWarningMessage', 'showErrorMessage', 'showInformationMessage']) {
      stub(kind, ((message: string, ...rest: unknown[]) => {
        const options = typeof rest[0] === 'object' && rest[0] !== null && 'modal' in (rest[0]) ? (rest.shift() as vscode.MessageOptions) : undefined;
        const buttons = rest.filter((r): r is string => typeof r === 'string');
        shown.push({ kind, message, detail: options?.detail, buttons });
        return Promise.resolve(options?.modal ? buttons[0] : undefined);
      }));
    }
  };
  const reports: string[] = [];
  let cancelAfter: RegExp | undefined;
  /** The real progress notification, watched: what it reports, and its Cancel pressed when `cancelAfter` matches. */
  const watchProgress = (): void => {
    const real = vscode.window.withProgress;
    stub('withProgress', ((options: vscode.ProgressOptions, task: (p: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken) => Thenable<unknown>) =>
      real(options, (progress, token) => {
        const cancel = new vscode.CancellationTokenSource();
        token.onCancellationRequested(() => cancel.cancel());
        return task({
          report: (value) => {
            reports.push(`${options.title ?? ''} | ${value.message ?? ''}`);
            progress.report(value);
            if (options.cancellable && cancelAfter?.test(value.message ?? '')) cancel.cancel();
          },
        }, cancel.token);
      })));
  };
  const campaignSends = (id: string) => api.runtime.ledger.list({ limit: 500 }).entries.filter((e) => e.campaign_id === id);
  const names = ['김민수', '이서연', '박지훈', '최유진'];
  const writeList = (): string => {
    const file = path.join(dir, `contacts-${Date.now()}.csv`);
    const rows = names.map((name, i) => `${name},010-5${i}00-12${i}4,M00${i}`);
    // One bad number and one duplicate (of the first row): planned out, never sent.
    fs.writeFileSync(file, `\uFEFF이름,휴대폰,회원코드\n${rows.join('\n')}\n오류,010-12,M009\n${rows[0]}\n`);
    return file;
  };
  const answerMessage = (message: string, prompts: string[] = []): void => {
    stub('showInputBox', ((options: vscode.InputBoxOptions) => {
      prompts.push(options.prompt ?? '');
      return Promise.resolve(message);
    }));
  };

  before(async () => {
    const extension = vscode.extensions.getExtension<BaasSmsExtensionApi>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baas-campaign-'));
    sandboxBefore = config().inspect<boolean>(SETTINGS.sandbox)?.globalValue;
    await config().update(SETTINGS.sandbox, true, vscode.ConfigurationTarget.Global);
    await config().update(SETTINGS.callbackNumber, '02-1234-5678', vscode.ConfigurationTarget.Global);
  });

  afterEach(() => {
    while (restores.length > 0) restores.pop()!();
    shown.length = 0;
    reports.length = 0;
    cancelAfter = undefined;
  });

  after(async () => {
    await config().update(SETTINGS.callbackNumber, undefined, vscode.ConfigurationTarget.Global);
    await config().update(SETTINGS.sandbox, sandboxBefore, vscode.ConfigurationTarget.Global);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('Send Campaign from File (Explorer: the file\'s Uri) shows the plan and a modal, then sends every batch once with progress', async () => {
    const prompts: string[] = [];
    answerMessage(`#{이름}님, 캠페인 테스트 ${Date.now()}입니다.`, prompts);
    answerModals();
    watchProgress();
    const result = await vscode.commands.executeCommand<CampaignCommandResult | undefined>(COMMANDS.sendCampaignFromFile, vscode.Uri.file(writeList()));
    assert.ok(result?.run, `no run: ${JSON.stringify(shown)}`);
    const id = result.campaignId;
    assert.match(prompts[0], /#\{이름\}/, 'the message prompt names the list\'s columns as variables');
    const modal = shown.find((s) => s.detail !== undefined && s.message.includes(id));
    assert.ok(modal, 'a modal confirmation names the campaign');
    assert.match(modal.message, /sandbox/i);
    assert.match(modal.detail ?? '', /Rows read: 6 · valid recipients: 4 · invalid rows: 1 · duplicates dropped: 1/);
    assert.match(modal.detail ?? '', /SMS 4 · LMS 0 · MMS 0/);
    assert.match(modal.detail ?? '', /Campaign limit: 10,000 recipients/);
    assert.match(modal.detail ?? '', /Batches: 4,/);

    assert.strictEqual(result.run.stop, 'done');
    assert.strictEqual(result.run.sentThisRun, 4);
    const sends = campaignSends(id);
    assert.strictEqual(sends.length, 4, 'one ledger entry per batch');
    assert.ok(sends.every((s) => s.outcome === 'sent' && s.sandbox && s.origin === 'command'));
    assert.strictEqual(new Set(sends.map((s) => s.idempotency_key)).size, 4);
    assert.deepStrictEqual(sends.flatMap((s) => s.recipients.map((r) => r.phone_number)).sort(), names.map((_, i) => `010-5${i}00-12${i}4`).sort());

    assert.ok(reports.some((r) => r.includes(id) && /batch 4\/4 · 4\/4 recipients/.test(r)), `progress: ${reports.join(' / ')}`);
    assert.ok(reports.some((r) => /batch 1\/4 · 1\/4 recipients/.test(r)));
    const campaigns = path.join(path.dirname(api.runtime.engine.file), 'campaigns');
    for (const suffix of ['.json', '.events.jsonl', '.plan.md', '.plan.json']) assert.ok(fs.existsSync(path.join(campaigns, `${id}${suffix}`)), suffix);
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((tab) => tab.label));
    assert.ok(tabs.some((label) => label.includes(id)), `the plan is open beside: ${tabs.join(', ')}`);
    const outcome = shown.find((s) => s.kind === 'showInformationMessage' && /finished/.test(s.message));
    assert.ok(outcome && outcome.buttons.includes('Export Delivery Report'), JSON.stringify(shown.map((s) => s.message)));
  });

  it('Cancel (the progress notification\'s token) stops between batches; Resume with a tree node sends exactly the rest', async () => {
    answerMessage(`#{이름}님, 취소 테스트 ${Date.now()}입니다.`);
    answerModals();
    watchProgress();
    cancelAfter = /^batch 1\/4/;
    const first = await vscode.commands.executeCommand<CampaignCommandResult | undefined>(COMMANDS.sendCampaignFromFile, vscode.Uri.file(writeList()));
    assert.ok(first?.run);
    const id = first.campaignId;
    assert.strictEqual(first.run.stop, 'cancelled');
    assert.strictEqual(first.run.sentThisRun, 1);
    assert.strictEqual(campaignSends(id).length, 1, 'nothing after the batch under way');
    const notice = shown.find((s) => /cancelled between batches/.test(s.message));
    assert.ok(notice && notice.buttons.includes('Resume Campaign'), JSON.stringify(shown.map((s) => s.message)));

    cancelAfter = undefined;
    const resumed = await vscode.commands.executeCommand<CampaignCommandResult | undefined>(COMMANDS.resumeCampaign, { campaignId: id, label: 'a tree node' });
    assert.ok(resumed?.run);
    assert.strictEqual(resumed.run.stop, 'done');
    assert.strictEqual(resumed.run.sentThisRun, 3);
    const sends = campaignSends(id);
    assert.strictEqual(sends.length, 4);
    const phones = sends.flatMap((s) => s.recipients.map((r) => r.phone_number));
    assert.strictEqual(new Set(phones).size, phones.length, 'nobody twice');
    assert.strictEqual(phones.length, 4);
    assert.ok(shown.some((s) => /^Resume campaign/.test(s.message) && /SANDBOX/.test(s.detail ?? '')), 'resume asks first, naming the mode');

    // Nothing is left: a second resume sends nothing and says so.
    const again = await vscode.commands.executeCommand<CampaignCommandResult | undefined>(COMMANDS.resumeCampaign, id);
    assert.strictEqual(again, undefined);
    assert.strictEqual(campaignSends(id).length, 4);
  });

  it('Export Delivery Report from the palette picks the newest campaign and writes masked numbers by default', async () => {
    answerModals();
    const picks: string[][] = [];
    stub('showQuickPick', ((items: Array<vscode.QuickPickItem>) => {
      picks.push(items.map((i) => i.label));
      return Promise.resolve(items[0]); // the newest campaign, then "Masked numbers (recommended)"
    }));
    const target = path.join(dir, 'report.csv');
    let suggested = '';
    stub('showSaveDialog', ((options: vscode.SaveDialogOptions) => {
      suggested = options.defaultUri?.path ?? '';
      return Promise.resolve(vscode.Uri.file(target));
    }));
    const written = await vscode.commands.executeCommand<string | undefined>(COMMANDS.exportCampaignReport);
    assert.strictEqual(written, target);
    assert.match(picks[0][0], /^cmp-/);
    assert.match(picks[1][0], /Masked/);
    assert.ok(suggested.endsWith(`${picks[0][0]}-report.csv`), suggested);
    const lines = fs.readFileSync(target, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r\n/);
    assert.match(lines[0], /^campaign_id,batch,row,phone_number/);
    assert.strictEqual(lines.length, 5, 'a header and one row per recipient');
    assert.ok(lines.slice(1).every((l) => /010-\*{4}-12\d4/.test(l) && !/010-5\d00-12\d4/.test(l)), lines.join('\n'));
    assert.strictEqual(fs.statSync(target).mode & 0o777, 0o600);
  });

  it('without a default sender number it asks for one (and keeps it); a list with nobody to send to is refused with its reasons, nothing sent', async () => {
    await config().update(SETTINGS.callbackNumber, undefined, vscode.ConfigurationTarget.Global);
    const answers = ['안내 메시지입니다.', '0212345678'];
    const prompts: string[] = [];
    stub('showInputBox', ((options: vscode.InputBoxOptions) => {
      prompts.push(options.prompt ?? '');
      return Promise.resolve(answers.shift());
    }));
    answerModals();
    const file = path.join(dir, 'nobody.csv');
    fs.writeFileSync(file, '이름,전화번호\n홍길동,123\n');
    const before = api.runtime.ledger.list({ limit: 500 }).entries.length;
    const result = await vscode.commands.executeCommand(COMMANDS.sendCampaignFromFile, vscode.Uri.file(file));
    assert.strictEqual(result, undefined);
    const refusal = shown.find((s) => /cannot be sent/.test(s.message));
    assert.ok(refusal, JSON.stringify(shown));
    assert.match(refusal.detail ?? '', /CAMPAIGN_NO_RECIPIENTS/);
    assert.strictEqual(api.runtime.ledger.list({ limit: 500 }).entries.length, before);
    assert.match(prompts[1], /sender number/i);
    assert.strictEqual(config().get(SETTINGS.callbackNumber), '02-1234-5678', 'kept, normalised, as the default sender number');
  });
});
