// The parts of a campaign message that are the same for every row, checked once before the list is
// read with the single-send field rules (messaging/fieldChecks.ts): the template's syntax, the subject
// and images of an MMS, and characters in the fixed text that no carrier can send (every row would
// fail on them).
import { BaasSmsError } from '../core/errors';
import type { MessageKind } from '../core/types';
import { checkImageUrls, checkMessageText, checkSubjectText } from '../messaging/fieldChecks';
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
  // A template of variables alone ("#{안내문}") has no fixed text to check; its rows are checked one by one.
  const fixed = template.parts.filter((_, i) => i % 2 === 0).join('');
  const staticBytes = fixed.trim() === '' ? 0 : checkMessageText(fixed);

  const imageUrls = options.imageUrls ?? [];
  const kind: MessageKind = options.subject !== undefined || imageUrls.length > 0 ? 'mms' : 'sms';
  if (kind === 'sms') return { template, kind, staticBytes, imageUrls: [] };
  checkSubjectText(options.subject);
  return { template, kind, staticBytes, subject: options.subject, imageUrls: checkImageUrls(imageUrls) };
}
