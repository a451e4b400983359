import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { OutputLogger } from '../../../src/extension/outputLogger';

/** Stands in for VS Code's LogOutputChannel (not available outside the host); records what reaches it. */
function recordingChannel(): { channel: vscode.LogOutputChannel; written: string[] } {
  const written: string[] = [];
  const write = (level: string) => (message: string): void => void written.push(`${level} ${message}`);
  const channel = { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error'), show: () => undefined } as unknown as vscode.LogOutputChannel;
  return { channel, written };
}

describe('OutputLogger (the "BaaS SMS" log channel)', () => {
  it('masks phone numbers in every line', () => {
    const { channel, written } = recordingChannel();
    new OutputLogger(channel).info('sent to 010-1234-5678 and +82 10 2222 3333');
    assert.deepEqual(written, ['info sent to 010-****-5678 and +82 10-****-3333']);
  });

  it('cuts out every registered secret in raw, base64 and URL-encoded form, even one made of digits', () => {
    const { channel, written } = recordingChannel();
    const logger = new OutputLogger(channel);
    const key = 'k3y/with+chars=01012345678';
    logger.addSecret(key);
    logger.warn(`header Bearer ${key}; b64 ${Buffer.from(key).toString('base64')}; url ${encodeURIComponent(key)}`);
    assert.equal(written.length, 1);
    for (const form of [key, Buffer.from(key).toString('base64'), encodeURIComponent(key), '12345678']) assert.ok(!written[0].includes(form), form);
    assert.match(written[0], /\[REDACTED\]/);
    assert.deepEqual(logger.lines(), written.map((l) => l.replace(/^warn /, '')));
  });

  it('ignores secrets too short to redact safely', () => {
    const { channel, written } = recordingChannel();
    const logger = new OutputLogger(channel);
    logger.addSecret('ab');
    logger.error('about');
    assert.deepEqual(written, ['error about']);
  });
});
