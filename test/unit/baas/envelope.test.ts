// Both answer envelopes, and the odd shapes gateways put in front of them.
import { strict as assert } from 'node:assert';
import { parseEnvelope } from '../../../src/baas/envelope';
import { resolveApiUrl, groupStatusPath, DEFAULT_BAAS_PATHS } from '../../../src/baas/paths';

describe('envelopes', () => {
  it('reads the legacy envelope', () => {
    assert.deepEqual(parseEnvelope('{"success":true,"message":"ok","data":{"group_id":1}}'), { ok: true, data: { group_id: 1 }, message: 'ok' });
    assert.deepEqual(parseEnvelope('{"success":false,"message":"bad","error_code":"VALIDATION_ERROR","detail":[{"field":"message","reason":"required"}]}'),
      { ok: false, code: 'VALIDATION_ERROR', message: 'bad', detail: [{ field: 'message', reason: 'required' }] });
  });

  it('reads the result envelope', () => {
    assert.deepEqual(parseEnvelope('{"result":"SUCCESS","data":[1],"message":"m"}'), { ok: true, data: [1], message: 'm' });
    assert.deepEqual(parseEnvelope('{"result":"FAIL","data":null,"message":"no","errorCode":"X"}'), { ok: false, code: 'X', message: 'no', detail: [] });
  });

  it("understands FastAPI's {detail:[{loc,msg}]} and a bare error object", () => {
    assert.deepEqual(parseEnvelope('{"detail":[{"loc":["body","recipients",0],"msg":"bad"}]}'), { ok: false, code: undefined, message: undefined, detail: [{ field: 'recipients.0', reason: 'bad' }] });
    assert.deepEqual(parseEnvelope('{"error":"Failed to send SMS"}'), { ok: false, code: undefined, message: 'Failed to send SMS', detail: [] });
    assert.deepEqual(parseEnvelope('{"message":"Internal"}'), { ok: false, code: undefined, message: 'Internal', detail: [] });
  });

  it('gives undefined for anything else', () => {
    for (const text of ['', '<html>', '[]', 'null', '{"data":1}']) assert.equal(parseEnvelope(text), undefined, text);
  });
});

describe('paths', () => {
  it('joins paths under a base URL, keeping its prefix', () => {
    assert.equal(resolveApiUrl(new URL('https://api.aiapp.link'), '/message/sms').href, 'https://api.aiapp.link/message/sms');
    assert.equal(resolveApiUrl(new URL('https://gw.example/baas/'), '/message/sms').href, 'https://gw.example/baas/message/sms');
    assert.equal(resolveApiUrl(new URL('http://127.0.0.1:9/x?y=1'), 'message/mms').href, 'http://127.0.0.1:9/x/message/mms');
  });

  it('fills the group id into the status path', () => {
    assert.equal(groupStatusPath(DEFAULT_BAAS_PATHS, 12345), '/message/send_history/sms/12345/messages');
  });
});
