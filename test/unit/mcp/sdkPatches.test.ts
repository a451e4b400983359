// What src/mcp/sdkPatches.ts assumes of the MCP SDK, checked against the SDK installed: an upgrade
// that breaks an assumption fails here, by name, instead of quietly turning a patch off.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { PATCHED_SDK_VERSION, noElicitationValidator } from '../../../src/mcp/sdkPatches';

describe('MCP SDK assumptions of src/mcp/sdkPatches.ts', () => {
  it('the installed SDK is the line the patches were written for', () => {
    const { version } = JSON.parse(readFileSync(path.resolve('node_modules/@modelcontextprotocol/sdk/package.json'), 'utf8')) as { version: string };
    const [major, minor] = version.split('.').map(Number);
    assert.equal(major, PATCHED_SDK_VERSION.major, `SDK ${version}: re-check every patch in sdkPatches.ts, then update PATCHED_SDK_VERSION`);
    assert.ok(minor >= PATCHED_SDK_VERSION.minMinor, `SDK ${version} is older than the patches assume`);
  });

  it('McpServer still validates tool input in a private validateToolInput(tool, args, toolName)', () => {
    const method = (McpServer.prototype as unknown as { validateToolInput?: unknown }).validateToolInput;
    assert.equal(typeof method, 'function', 'codeInputErrors wraps this method; without it invalid arguments lose their coded errors');
    assert.equal((method as (...args: unknown[]) => unknown).length, 3);
  });

  it('a Server given a jsonSchemaValidator never builds its own (Ajv), so leaving Ajv out of the bundles is safe', () => {
    let asked = 0;
    const validator = { getValidator: (schema: unknown) => { asked++; return noElicitationValidator.getValidator(schema as never); } } as typeof noElicitationValidator;
    const server = new Server({ name: 't', version: '0' }, { capabilities: {}, jsonSchemaValidator: validator });
    assert.ok(Object.values(server as unknown as Record<string, unknown>).includes(validator), 'the Server keeps the validator it was given');
    assert.equal(asked, 0, 'constructing a server asks the validator nothing');
  });
});
