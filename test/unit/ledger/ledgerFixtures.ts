// Shared by the ledger tests: a temporary folder per test, a send to record, a logger that keeps
// what it was told, and a clock the test moves by hand.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Logger } from '../../../src/core/logger';
import type { PendingSendInit } from '../../../src/ledger/sendLedger';

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'baas-ledger-'));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export function sendInit(overrides: Partial<PendingSendInit> = {}): PendingSendInit {
  return {
    kind: 'sms',
    message_type: 'SMS',
    project_id: '11111111-1111-4111-8111-111111111111',
    sandbox: false,
    origin: 'test',
    recipients: [{ phone_number: '010-1234-5678', member_code: 'm1' }],
    message: '인증번호 123456',
    callback_number: '02-1234-5678',
    message_bytes: 16,
    estimated_cost_krw: 9.9,
    idempotency_key: 'key-1',
    ...overrides,
  };
}

export function mmsInit(overrides: Partial<PendingSendInit> = {}): PendingSendInit {
  return sendInit({ kind: 'mms', message_type: 'MMS', subject: '안내', image_urls: ['https://example.com/a.jpg'], estimated_cost_krw: 100, ...overrides });
}

export interface RecordingLogger extends Logger {
  warnings: string[];
  errors: string[];
}

export function recordingLogger(): RecordingLogger {
  const warnings: string[] = [];
  const errors: string[] = [];
  return { warnings, errors, debug() {}, info() {}, warn: (m) => warnings.push(m), error: (m) => errors.push(m) };
}

export class ManualClock {
  constructor(private time = Date.parse('2025-05-02T03:00:00.000Z')) {}
  readonly now = (): Date => new Date(this.time);
  advance(ms: number): void {
    this.time += ms;
  }
}
