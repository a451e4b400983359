// A call written for the earlier release, which took the key as `baas_api_key`: it is answered with a
// note saying the key now comes from the environment (not silently stripped), the send uses the
// environment's key only, and the passed value appears in no result, log line, ledger row or request.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { errorOf, startHarness, structured, type Harness } from './harness';

const one = [{ phone_number: '010-1234-5678', member_code: 'u1' }];
const PASSED = 'old-style-key-Zq7+/x=';

/** The notes a result carries, success or error, read from what the client received. */
function notesOf(result: CallToolResult): string[] | undefined {
  if (!result.isError) return (result.structuredContent as { notes?: string[] }).notes;
  return (JSON.parse((result.content[0] as { text: string }).text) as { notes?: string[] }).notes;
}

function assertNeverShown(h: Harness, results: CallToolResult[]): void {
  const file = path.join(h.dir, 'ledger.jsonl');
  const ledger = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const seen = [JSON.stringify(results), h.logs.join('\n'), ledger, JSON.stringify(h.emulator.requests)].join('\n');
  for (const form of [PASSED, encodeURIComponent(PASSED), Buffer.from(PASSED).toString('base64')]) assert.ok(!seen.includes(form), `the passed key shows as ${form}`);
}

describe('MCP tools: the removed baas_api_key parameter', () => {
  let h: Harness;
  afterEach(async () => h?.close());

  it('each of the four tools that had it answers with a note, sends with the environment\'s key, and never shows the passed value', async () => {
    h = await startHarness();
    const sms = await h.call('send_sms', { recipients: one, message: 'hi', baas_api_key: PASSED });
    const sent = structured<{ group_id: number; notes?: string[] }>(sms);
    const mms = await h.call('send_mms', { recipients: one, message: 'hi', subject: 's', image_urls: ['https://example.com/a.jpg'], baas_api_key: PASSED });
    structured(mms);
    const status = await h.call('get_message_status', { group_id: sent.group_id, baas_api_key: PASSED });
    const history = await h.call('get_send_history', { baas_api_key: PASSED });
    const results = [sms, mms, status, history];
    for (const result of results) {
      const notes = notesOf(result);
      assert.equal(notes?.length, 1, JSON.stringify(result));
      assert.match(notes[0], /baas_api_key .*ignored.*BAAS_API_KEY/);
      // The text copy of the answer says it too, for clients that read only the text.
      assert.match((result.content[0] as { text: string }).text, /baas_api_key is no longer a parameter/);
    }
    // The emulator accepts only the environment's key (h.apiKey): the sends went through with it.
    assert.equal(h.emulator.committedSends(), 2);
    assert.ok(h.logs.some((l) => /^warn send_sms was called with baas_api_key/.test(l)));
    assertNeverShown(h, results);
  });

  it('with no key in the environment, the MISSING_API_KEY error carries the note, and nothing is sent', async () => {
    h = await startHarness({ key: null });
    const result = await h.call('send_sms', { recipients: one, message: 'hi', baas_api_key: PASSED });
    assert.equal(errorOf(result).code, 'MISSING_API_KEY');
    assert.match(notesOf(result)?.[0] ?? '', /only from the server's environment/);
    assert.equal(h.emulator.committedSends(), 0);
    assertNeverShown(h, [result]);
  });

  it('any value counts (empty, a number, null) and is not an input error; in Korean for a Korean user', async () => {
    h = await startHarness({ settings: { locale: 'ko' } });
    for (const value of ['', 12345, null]) {
      const result = await h.call('get_send_history', { baas_api_key: value });
      assert.ok(!result.isError, JSON.stringify(result.content));
      assert.match(notesOf(result)?.[0] ?? '', /baas_api_key는 더 이상 매개변수가 아니어서 무시했습니다/);
    }
  });

  it('a call without it has no notes field', async () => {
    h = await startHarness();
    const sms = structured<Record<string, unknown>>(await h.call('send_sms', { recipients: one, message: 'hi' }));
    assert.ok(!('notes' in sms));
    const failed = await h.call('get_message_status', { group_id: 'x' });
    assert.equal(notesOf(failed), undefined);
  });
});
