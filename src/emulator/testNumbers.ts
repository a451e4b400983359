// Phone numbers the emulator treats specially, so tests and demos can reach every delivery state
// without chance. The README lists them; keep that table in step with this one.
import type { DeliveryResult } from '../core/types';

export interface TestNumberBehaviour {
  /** The final per-recipient result. */
  result: Exclude<DeliveryResult, '전송중'>;
  /** The `reason` the status endpoint reports for a failure (null for a delivery). */
  reason: string | null;
  /** How many delivery delays the recipient stays 전송중 before reaching `result`. */
  delayFactor: number;
  description: string;
}

/**
 * Deterministic test numbers of the BaaS emulator. Every other well-formed `010-XXXX-XXXX` number is
 * delivered (`성공`) one delivery delay (default DEFAULT_SANDBOX_DELIVERY_DELAY_MS) after the send.
 *
 * | number | result |
 * |---|---|
 * | `010-0000-0000` | `실패`, reason `결번` (number not in service) |
 * | `010-0000-0001` | `실패`, reason `수신거부` (recipient refuses messages) |
 * | `010-0000-0002` | stays `전송중` for 10× the delivery delay, then `성공` |
 */
export const EMULATOR_TEST_NUMBERS: Readonly<Record<string, TestNumberBehaviour>> = Object.freeze({
  '010-0000-0000': { result: '실패', reason: '결번', delayFactor: 1, description: 'always fails: number not in service' },
  '010-0000-0001': { result: '실패', reason: '수신거부', delayFactor: 1, description: 'always fails: recipient refuses messages' },
  '010-0000-0002': { result: '성공', reason: null, delayFactor: 10, description: 'stays 전송중 for 10x the delivery delay, then 성공' },
});

const DELIVERED: TestNumberBehaviour = { result: '성공', reason: null, delayFactor: 1, description: 'delivered after the delivery delay' };

/** How the emulator treats `phone`: a test number's behaviour, else a plain delivery. */
export function behaviourOf(phone: string): TestNumberBehaviour {
  return Object.prototype.hasOwnProperty.call(EMULATOR_TEST_NUMBERS, phone) ? EMULATOR_TEST_NUMBERS[phone] : DELIVERED;
}
