// How a message is billed: SMS up to the (configurable) byte threshold, LMS above it, MMS when sent
// through send_mms. Carriers switch SMS to LMS by themselves; the preview says so before sending.
import type { MessageKind, MessageType } from '../core/types';

export function classifyMessage(kind: MessageKind, bytes: number, smsByteLimit: number): MessageType {
  if (kind === 'mms') return 'MMS';
  return bytes <= smsByteLimit ? 'SMS' : 'LMS';
}
