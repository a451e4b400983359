// Issue 12, item 5: an API that echoes the key in a status row's name or reason — raw, as `Bearer <key>`,
// base64 (also inside a Basic header), hex or URL-encoded — must not get it into the tool result on
// stdout or the ledger. Real SDK client ↔ createServer, live mode, against a plain HTTP fake of the API.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FakeBaas } from '../templates/fakeBaas';
import { startHarness, structured, type Harness } from '../mcp/harness';

const KEY = `live+${randomBytes(9).toString('hex')}/k=y`;
const b64 = (text: string) => Buffer.from(text).toString('base64');
const ECHOES = [
  KEY,
  `Bearer ${KEY}`,
  b64(KEY),
  `Basic ${b64(`user:${KEY}`)}`,
  `Basic ${b64(`us:${KEY}`)}`,
  Buffer.from(KEY).toString('base64url'),
  Buffer.from(KEY).toString('hex'),
  Buffer.from(KEY).toString('hex').toUpperCase(),
  encodeURIComponent(KEY),
];

describe('a key echoed in status rows is redacted (issue 12, item 5)', () => {
  const fake = new FakeBaas();
  let h: Harness;
  let baseUrl: string;
  before(async () => { baseUrl = await fake.start(); });
  after(() => fake.stop());
  afterEach(async () => h?.close());

  it('in the tool result and the ledger, in every form', async () => {
    h = await startHarness({ key: KEY, settings: { baseUrl } });
    fake.reset({ status: 200, body: { success: true, data: { group_id: 4242 } } });
    structured(await h.call('send_sms', { recipients: [{ phone_number: '010-1234-5678', member_code: 'u1' }], message: 'hi' }));
    const rows = ECHOES.map((echo, i) => ({ phone: '010-1234-5678', name: `name ${echo} end`, result: i % 2 ? '실패' : '성공', reason: i % 2 ? `reason:${echo}.` : null }));
    fake.reset({ status: 200, body: { success: true, data: rows } });
    const result = await h.call('get_message_status', { group_id: 4242 });
    const status = structured<{ messages: Array<{ name: string; reason: string | null }> }>(result);
    assert.equal(status.messages.length, ECHOES.length);
    assert.match(status.messages[1].name, /REDACTED/);
    const ledger = readFileSync(path.join(h.dir, 'ledger.jsonl'), 'utf8');
    assert.match(ledger, /REDACTED/, 'the status was recorded');
    const seen = `${JSON.stringify(result)}\n${ledger}\n${h.logs.join('\n')}`;
    // The key's own base64 at each alignment: what a decoder could turn back into the key.
    const leaks = [KEY, b64(KEY).slice(0, -4), Buffer.from(KEY).toString('hex'), encodeURIComponent(KEY), b64(`user:${KEY}`).slice(8, -4), b64(`us:${KEY}`).slice(4, -4)];
    for (const leak of leaks) assert.ok(!seen.includes(leak), `leaks ${leak}`);
  });
});
