// The in-process MCP server as VS Code itself uses it: the provider's definition starts, VS Code's own
// MCP client discovers the tools, and `vscode.lm.invokeTool` sends in the sandbox through the same
// runtime the tree shows; a declined confirmation sends nothing; plan_campaign reads a contact list
// from the workspace folder, and from nowhere else.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { BaasSmsExtensionApi } from '../../../src/extension/api';
import { CONFIG_SECTION, EXTENSION_ID, isOwnMcpTool, SETTINGS } from '../../../src/extension/constants';
import type { HistoryNode } from '../../../src/extension/history/historyTreeProvider';
import type { SendPreview } from '../../../src/sending/types';

const labelOf = (item: vscode.TreeItem): string => (typeof item.label === 'string' ? item.label : item.label?.label ?? '');
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(200);
  }
}

function resultText(result: vscode.LanguageModelToolResult): string {
  return result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : JSON.stringify(part))).join('\n');
}

/** A sandbox send request; `text` makes each one unique (identical sends within a minute are de-duplicated). */
const smsInput = (text: string): Record<string, unknown> => ({
  recipients: [{ phone_number: '010-1234-5678', member_code: 'in-host-test' }],
  message: text,
  callback_number: '02-1234-5678',
});

describe('MCP tools through VS Code\'s own MCP client (sandbox)', function () {
  this.timeout(120_000);
  let api: BaasSmsExtensionApi;
  /** The send_sms tool's name in vscode.lm.tools, once discovered. */
  let sendSmsTool = '';
  const confirmations: SendPreview[] = [];

  before(async () => {
    const extension = vscode.extensions.getExtension<BaasSmsExtensionApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    api = await extension.activate();
    assert.ok(api, 'activate() returns the test API under the test runner (ExtensionMode.Test)');
    await vscode.workspace.getConfiguration(CONFIG_SECTION).update(SETTINGS.sandbox, true, vscode.ConfigurationTarget.Global);
  });

  afterEach(() => api.testing.setConfirmOverride(undefined));

  it('starts the provider\'s server and VS Code discovers its tools', async () => {
    const t0 = Date.now();
    const names = await waitFor('the BaaS SMS tools in vscode.lm.tools', async () => {
      await vscode.commands.executeCommand('workbench.mcp.startServer', '*', { waitForLiveTools: true });
      const tools = vscode.lm.tools.map((t) => t.name);
      return tools.some((name) => isOwnMcpTool(name, 'send_sms')) ? tools : undefined;
    }, 60_000);
    const own = names.filter((name) => ['send_sms', 'send_mms', 'preview_message', 'get_message_status', 'get_send_history', 'get_integration_code'].some((tool) => isOwnMcpTool(name, tool)));
    console.log(`discovered ${own.length} tools in ${Date.now() - t0} ms: ${own.join(', ')}`);
    assert.strictEqual(own.length, 6, `lm.tools: ${names.join(', ')}`);
    sendSmsTool = own.find((name) => isOwnMcpTool(name, 'send_sms'))!;
  });

  it('send_sms sends after the confirmation, the ledger records it, and the tree shows the group until 성공', async () => {
    api.testing.setConfirmOverride((preview) => {
      confirmations.push(preview);
      return Promise.resolve(true);
    });
    const t0 = Date.now();
    const result = await vscode.lm.invokeTool(sendSmsTool, { input: smsInput(`in-host send ${Date.now()}`), toolInvocationToken: undefined });
    const text = resultText(result);
    console.log(`invokeTool(send_sms) took ${Date.now() - t0} ms`);
    const answer = JSON.parse(text) as { success: boolean; group_id: number; send_id: string; sandbox: boolean };
    assert.strictEqual(answer.success, true, text);
    assert.strictEqual(answer.sandbox, true);
    assert.strictEqual(confirmations.length, 1, 'the confirmation was asked exactly once');
    assert.strictEqual(confirmations[0].recipients[0].phone_number, '010-1234-5678');

    const entry = api.runtime.ledger.get(answer.send_id);
    assert.ok(entry, 'the send is in the ledger');
    assert.strictEqual(entry.group_id, answer.group_id);
    assert.strictEqual(entry.origin, 'mcp');

    const provider = api.historyProvider;
    const groupNode = async (): Promise<HistoryNode | undefined> =>
      (await provider.getChildren()).find((n) => n.kind === 'send' && n.entry.group_id === answer.group_id);
    const first = provider.getTreeItem(await waitFor('the group in the tree', groupNode, 5_000));
    console.log(`tree right after the send: ${labelOf(first)} | ${String(first.description)}`);
    const final = await waitFor('the group to turn 성공', async () => {
      const node = await groupNode();
      const item = node && provider.getTreeItem(node);
      return item && String(item.description).startsWith('성공') ? item : undefined;
    }, 30_000);
    console.log(`tree after polling: ${labelOf(final)} | ${String(final.description)}`);
    const node = await groupNode();
    assert.ok(node);
    const recipients = (await provider.getChildren(node)).map((r) => provider.getTreeItem(r));
    assert.deepStrictEqual(recipients.map((r) => [r.label, r.description]), [['010-****-5678', '성공']]);
  });

  it('a declined confirmation returns CONFIRMATION_DECLINED and sends nothing', async () => {
    const before = api.runtime.ledger.list({ limit: 100 }).entries.map((e) => e.id);
    let asked = 0;
    api.testing.setConfirmOverride(() => {
      asked++;
      return Promise.resolve(false);
    });
    const result = await vscode.lm.invokeTool(sendSmsTool, { input: smsInput(`declined ${Date.now()}`), toolInvocationToken: undefined });
    const text = resultText(result);
    assert.strictEqual(asked, 1);
    assert.match(text, /CONFIRMATION_DECLINED/);
    const after = api.runtime.ledger.list({ limit: 100 }).entries.map((e) => e.id);
    assert.deepStrictEqual(after, before, 'nothing new in the ledger');
  });

  it('plan_campaign plans a contact list in the workspace folder by its path (absolute or relative) and refuses one outside it', async () => {
    const tool = vscode.lm.tools.map((t) => t.name).find((name) => isOwnMcpTool(name, 'plan_campaign'));
    assert.ok(tool, 'plan_campaign is among the discovered tools');
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder && folder.uri.scheme === 'file', 'code-server opened a workspace folder on disk');
    const dir = fs.mkdtempSync(path.join(folder.uri.fsPath, 'campaign-list-'));
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'baas-outside-'));
    const csv = '\ufeff이름,휴대폰\r\n홍길동,010-1234-5678\r\n김철수,010 2222 3333\r\n홍길동,010-1234-5678\r\n이상한,12345\r\n';
    fs.writeFileSync(path.join(dir, 'contacts.csv'), csv);
    fs.writeFileSync(path.join(outside, 'contacts.csv'), csv);
    const plan = async (filePath: string): Promise<string> => resultText(await vscode.lm.invokeTool(tool, {
      input: { file_path: filePath, message: '#{이름}님, 이번 달 적립금 안내입니다.' }, toolInvocationToken: undefined,
    }));
    try {
      const before = api.runtime.ledger.list({ limit: 100 }).entries.length;
      for (const filePath of [path.join(dir, 'contacts.csv'), path.relative(folder.uri.fsPath, path.join(dir, 'contacts.csv'))]) {
        const text = await plan(filePath);
        const out = JSON.parse(text) as { counts: Record<string, number>; invalid_rows: Array<{ row: number }>; batches: Array<{ message: string }>; next_step: string };
        assert.deepStrictEqual(out.counts, { rows_read: 4, valid_recipients: 2, invalid_rows: 1, duplicates_dropped: 1 }, text);
        assert.deepStrictEqual(out.invalid_rows.map((r) => r.row), [5]);
        assert.deepStrictEqual(out.batches.map((b) => b.message).sort(), ['김철수님, 이번 달 적립금 안내입니다.', '홍길동님, 이번 달 적립금 안내입니다.']);
        assert.match(out.next_step, /human action/);
      }
      assert.match(await plan(path.join(outside, 'contacts.csv')), /CAMPAIGN_PATH_NOT_ALLOWED/);
      assert.strictEqual(api.runtime.ledger.list({ limit: 100 }).entries.length, before, 'planning sends nothing');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('the same tool through the palette path: Check Message Status answers for a group the agent sent', async () => {
    const latest = api.runtime.ledger.list({ limit: 1 }).entries[0];
    assert.ok(latest?.group_id !== undefined);
    const status = await vscode.commands.executeCommand<{ group_id: number; status: string } | undefined>('baasSms.checkStatus', latest.group_id);
    assert.ok(status);
    assert.strictEqual(status.group_id, latest.group_id);
    assert.strictEqual(status.status, '성공');
  });
});
