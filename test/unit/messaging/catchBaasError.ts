// Test helper: run a function that must throw, and hand back the BaasSmsError it threw.
import assert from 'node:assert/strict';
import { BaasSmsError } from '../../../src/core/errors';

export function catchBaasError(fn: () => unknown): BaasSmsError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof BaasSmsError, `expected a BaasSmsError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a BaasSmsError, but nothing was thrown');
}
