// The API key, set through the SecretStorage wrapper, is used for a live send (a stand-in BaaS server
// on 127.0.0.1 receives it) and appears nowhere else: not in the log channel, the tool result, the
// settings, the MCP server definition or the ledger file.
import * as assert from 'assert';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import * as vscode from 'vscode';
import type { BaasSmsExtensionApi } from '../../../src/extension/api';
import { CONFIG_SECTION, EXTENSION_ID, isOwnMcpTool, SETTINGS } from '../../../src/extension/constants';

const PROJECT_ID = '123e4567-e89b-12d3-a456-426614174000';
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The forms a leaked key could take (raw, base64, URL-encoded). */
const keyForms = (key: string): string[] => [key, Buffer.from(key).toString('base64'), Buffer.from(key).toString('base64url'), encodeURIComponent(key)];

/** A stand-in for the BaaS API (a real HTTP server, not a mock): accepts sends, reports delivery, keeps the headers it saw. */
async function startFakeBaas(): Promise<{ url: string; seenAuth: string[]; close(): Promise<void> }> {
  const seenAuth: string[] = [];
  const server = http.createServer((req, res) => {
    seenAuth.push(String(req.headers.authorization ?? ''), String(req.headers['x-api-key'] ?? ''));
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      if (req.method === 'POST') res.end(JSON.stringify({ success: true, message: 'ok', data: { group_id: 424242 } }));
      else res.end(JSON.stringify({ success: true, data: [{ phone: '010-1234-5678', name: 'secret-test', result: '성공', reason: null }] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    seenAuth,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

describe('the API key stays secret', function () {
  this.timeout(120_000);
  const key = `canary-${randomBytes(24).toString('hex')}`;
  let api: BaasSmsExtensionApi;
  let fake: Awaited<ReturnType<typeof startFakeBaas>>;
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration(CONFIG_SECTION);

  before(async () => {
    const extension = vscode.extensions.getExtension<BaasSmsExtensionApi>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
    assert.ok(api, 'activate() returns the test API under the test runner (ExtensionMode.Test)');
    fake = await startFakeBaas();
    await config().update(SETTINGS.apiBaseUrl, fake.url, vscode.ConfigurationTarget.Global);
    await config().update(SETTINGS.projectId, PROJECT_ID, vscode.ConfigurationTarget.Global);
    await config().update(SETTINGS.sandbox, false, vscode.ConfigurationTarget.Global);
    await api.testing.setApiKey(key);
  });

  after(async () => {
    api.testing.setConfirmOverride(undefined);
    // Sandbox first: live mode without a key would make a server restart ask for one.
    await config().update(SETTINGS.sandbox, true, vscode.ConfigurationTarget.Global);
    await api.testing.setApiKey(undefined);
    await config().update(SETTINGS.apiBaseUrl, undefined, vscode.ConfigurationTarget.Global);
    await config().update(SETTINGS.projectId, undefined, vscode.ConfigurationTarget.Global);
    await fake.close();
  });

  it('a live send through the MCP tool uses the key, and neither the result nor the log shows it', async () => {
    assert.strictEqual(api.runtime.sendService.preview({
      kind: 'sms', recipients: [{ phone_number: '010-1234-5678', member_code: 'm' }], message: 'x', callback_number: '02-1234-5678',
    }).sandbox, false, 'live mode is on');
    api.testing.setConfirmOverride(() => Promise.resolve(true));
    // Changing mode and key re-announces the server definition: wait until the tool is back, then send once.
    let sendSms: string | undefined;
    for (let attempt = 0; attempt < 20 && !sendSms; attempt++) {
      await vscode.commands.executeCommand('workbench.mcp.startServer', '*', { waitForLiveTools: true });
      sendSms = vscode.lm.tools.find((t) => isOwnMcpTool(t.name, 'send_sms'))?.name;
      if (!sendSms) await sleep(500);
    }
    assert.ok(sendSms, 'the send_sms tool is available');
    const result = await vscode.lm.invokeTool(sendSms, {
      input: { recipients: [{ phone_number: '010-1234-5678', member_code: 'secret-test' }], message: `live canary send ${Date.now()}`, callback_number: '02-1234-5678' },
      toolInvocationToken: undefined,
    });
    const text = result.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('\n');
    const answer = JSON.parse(text) as { success?: boolean; sandbox?: boolean; group_id?: number };
    assert.deepStrictEqual([answer.success, answer.sandbox, answer.group_id], [true, false, 424242], text);
    assert.ok(fake.seenAuth.some((h) => h.includes(key)), 'the stand-in BaaS server received the key');
    for (const form of keyForms(key)) assert.ok(!text.includes(form), 'key in the tool result');

    // Give the history poller a moment to ask about the group with the key, too.
    await sleep(1500);
    const lines = api.testing.logLines();
    assert.ok(lines.length > 0);
    assert.ok(lines.some((l) => l.includes('LIVE SMS') || l.includes('accepted as group 424242')), 'the log did record the live send');
    for (const form of keyForms(key)) assert.deepStrictEqual(lines.filter((l) => l.includes(form)), [], 'key in the log channel');
  });

  it('is in no setting and not in the MCP server definition', async () => {
    const settingsText = JSON.stringify(Object.values(SETTINGS).map((k) => config().inspect(k)));
    for (const form of keyForms(key)) assert.ok(!settingsText.includes(form), 'key in the settings');

    const provider = api.testing.mcpProvider;
    const [definition] = provider.provideMcpServerDefinitions();
    const resolved = await provider.resolveMcpServerDefinition(definition);
    assert.ok(resolved, 'the definition resolves (a key is set)');
    const definitionText = `${resolved.uri.toString()} ${JSON.stringify(resolved.headers)} ${resolved.label}`;
    assert.match(definitionText, /Bearer /, 'the definition carries the per-activation token');
    for (const form of keyForms(key)) assert.ok(!definitionText.includes(form), 'key in the MCP definition');
  });

  it('is not in the send ledger', () => {
    const ledger = fs.readFileSync(api.runtime.ledger.file, 'utf8');
    assert.ok(ledger.includes('424242'), 'the live send is in the ledger');
    for (const form of keyForms(key)) assert.ok(!ledger.includes(form), 'key in the ledger');
  });
});
