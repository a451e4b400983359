// The in-process MCP endpoint admits only this VS Code: raw HTTP against its loopback port inside the
// real extension host. Wrong or missing token → 401; a foreign Host or Origin → 403.
import * as assert from 'assert';
import * as http from 'http';
import * as vscode from 'vscode';
import type { BaasSmsExtensionApi } from '../../../src/extension/api';
import { EXTENSION_ID } from '../../../src/extension/constants';

const INITIALIZE = JSON.stringify({
  jsonrpc: '2.0', id: 1, method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw-http-test', version: '0' } },
});

function post(port: number, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1', port, method: 'POST', path: '/mcp',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
    }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(INITIALIZE);
  });
}

describe('the in-process MCP endpoint', () => {
  let host: { url: string; port: number; token: string };

  before(async () => {
    const extension = vscode.extensions.getExtension<BaasSmsExtensionApi>(EXTENSION_ID);
    assert.ok(extension);
    const api = await extension.activate();
    assert.ok(api, 'activate() returns the test API under the test runner (ExtensionMode.Test)');
    host = await api.mcpHost();
  });

  it('listens on 127.0.0.1 only', () => {
    assert.match(host.url, /^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
  });

  it('answers 401 without the right token and 403 for a foreign Host or Origin', async () => {
    const p = host.port;
    const auth = `Bearer ${host.token}`;
    const got = {
      noToken: await post(p, {}),
      wrongToken: await post(p, { authorization: 'Bearer wrong-token' }),
      foreignHost: await post(p, { authorization: auth, host: `evil.example:${p}` }),
      foreignOrigin: await post(p, { authorization: auth, origin: 'http://evil.example' }),
      nullOrigin: await post(p, { authorization: auth, origin: 'null' }),
      ok: await post(p, { authorization: auth }),
      sameOrigin: await post(p, { authorization: auth, origin: `http://127.0.0.1:${p}` }),
    };
    assert.deepStrictEqual(got, { noToken: 401, wrongToken: 401, foreignHost: 403, foreignOrigin: 403, nullOrigin: 403, ok: 200, sameOrigin: 200 });
  });
});
