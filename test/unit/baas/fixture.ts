// Shared pieces of the client tests: request bodies, a port nothing listens on, and an assertion
// that a promise rejects with a given BaasSmsError code.
import { strict as assert } from 'node:assert';
import { createServer } from 'node:net';
import { BaasSmsError } from '../../../src/core/errors';
import type { ErrorCode } from '../../../src/core/errorCodes';
import type { MmsRequest, SmsRequest } from '../../../src/baas/client';

export const PROJECT_ID = '123e4567-e89b-12d3-a456-426614174000';

export function sms(overrides: Partial<SmsRequest> = {}): SmsRequest {
  return {
    recipients: [{ phone_number: '010-1234-5678', member_code: 'user1' }],
    message: '안녕하세요, 테스트입니다.',
    callback_number: '02-1234-5678',
    project_id: PROJECT_ID,
    ...overrides,
  };
}

export function mms(overrides: Partial<MmsRequest> = {}): MmsRequest {
  return { ...sms(), subject: '공지', img_url_list: ['https://example.com/a.jpg'], ...overrides };
}

/** A loopback port that was free a moment ago and now has no listener: connecting is refused. */
export async function refusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function rejectsWith(promise: Promise<unknown>, code: ErrorCode): Promise<BaasSmsError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof BaasSmsError, `expected a BaasSmsError, got ${String(error)}`);
    assert.equal(error.code, code, `expected ${code}, got ${error.code}: ${error.message}`);
    return error;
  }
  assert.fail(`expected ${code}, but the call succeeded`);
}
