// The parts of a campaign message that are the same for every row, checked once before the list is
// read, with the single-send rules' own limits: the template's syntax, the subject and images of an
// MMS, and characters in the fixed text that no carrier can send (every row would fail on them).
import { BaasSmsError } from '../core/errors';
import type { MessageKind } from '../core/types';
import { describeCharacter, measureText } from '../messaging/bytes';
import { MAX_MESSAGE_BYTES, MAX_SUBJECT_BYTES } from '../messaging/limits';
import { checkImageUrls } from '../messaging/prepareSend';
import { parseTemplate, type Template } from './template';

export interface CampaignMessage {
  template: Template;
  /** MMS when a subject or images are given (as send_mms), else SMS/LMS by each row's bytes. */
  kind: MessageKind;
  /** EUC-KR bytes of the template without its variables. */
  staticBytes: number;
  subject?: string;
  imageUrls: string[];
}

export function checkCampaignMessage(options: { message: string; subject?: string; imageUrls?: string[] }): CampaignMessage {
  const { message } = options;
  if (typeof message !== 'string' || message.trim() === '') throw new BaasSmsError('EMPTY_MESSAGE', { field: 'message' });
  const template = parseTemplate(message);
  const fixed = template.parts.filter((_, i) => i % 2 === 0).join('');
  const size = measureText(fixed);
  rejectUnencodable('message', size.unencodable);
  if (size.bytes > MAX_MESSAGE_BYTES) throw new BaasSmsError('MESSAGE_TOO_LONG', { field: 'message', params: { actual: size.bytes, max: MAX_MESSAGE_BYTES } });

  const imageUrls = options.imageUrls ?? [];
  const kind: MessageKind = options.subject !== undefined || imageUrls.length > 0 ? 'mms' : 'sms';
  if (kind === 'sms') return { template, kind, staticBytes: size.bytes, imageUrls: [] };
  const subject = options.subject ?? '';
  if (subject.trim() === '') throw new BaasSmsError('EMPTY_SUBJECT', { field: 'subject' });
  const subjectSize = measureText(subject);
  rejectUnencodable('subject', subjectSize.unencodable);
  if (subjectSize.bytes > MAX_SUBJECT_BYTES) throw new BaasSmsError('SUBJECT_TOO_LONG', { field: 'subject', params: { actual: subjectSize.bytes, max: MAX_SUBJECT_BYTES } });
  return { template, kind, staticBytes: size.bytes, subject, imageUrls: checkImageUrls(imageUrls) };
}

function rejectUnencodable(field: 'message' | 'subject', chars: string[]): void {
  if (chars.length === 0) return;
  throw new BaasSmsError('UNSENDABLE_CHARACTERS', { field, params: { chars: chars.map(describeCharacter).join(', '), count: chars.length } });
}
