// The checks behind each step of the Send SMS/MMS input: the core's per-field checks
// (messaging/fieldChecks.ts) applied as the user types, plus the live counter the step shows. Errors
// are the same coded BaasSmsErrors the send itself would throw, so the input shows what the tool would answer.
import { toBaasSmsError, type BaasSmsError } from '../../core/errors';
import type { MessageKind, RulesConfig } from '../../core/types';
import { measureText } from '../../messaging/bytes';
import { checkImageUrls as checkImageUrlList, checkMessageText, checkSubjectText } from '../../messaging/fieldChecks';
import { MAX_IMAGES, MAX_MESSAGE_BYTES, MAX_SUBJECT_BYTES } from '../../messaging/limits';
import { classifyMessage } from '../../messaging/messageType';
import { normalizeCallbackNumber } from '../../messaging/phone';
import { estimateCost } from '../../messaging/prepareSend';
import { normalizeRecipients } from '../../messaging/recipients';
import { formatKrw } from './confirmationText';
import { parseRecipientText, type RecipientDraft } from './recipientText';
import type { Translate } from '../translate';

/** What a step shows under the input: a counter or summary, and the first problem if there is one. */
export interface StepCheck<T> {
  value?: T;
  info: string;
  error?: BaasSmsError;
}

function attempt<T>(info: string, body: () => T): StepCheck<T> {
  try {
    return { value: body(), info };
  } catch (error) {
    return { info, error: toBaasSmsError(error) };
  }
}

export function checkRecipients(text: string, t: Translate): StepCheck<RecipientDraft[]> {
  const drafts = parseRecipientText(text);
  try {
    const { recipients, duplicatesDropped } = normalizeRecipients(drafts);
    const info = duplicatesDropped > 0
      ? t('{0} recipient(s), {1} duplicate(s) dropped', recipients.length, duplicatesDropped)
      : t('{0} recipient(s)', recipients.length);
    return { value: drafts, info };
  } catch (error) {
    return { info: t('{0} recipient(s)', drafts.length), error: toBaasSmsError(error) };
  }
}

/** The live counter: bytes, the type it will go as, and the estimated cost for `recipientCount`. */
export function checkMessage(text: string, kind: MessageKind, rules: RulesConfig, recipientCount: number, t: Translate): StepCheck<string> {
  const { bytes } = measureText(text);
  const type = classifyMessage(kind, bytes, rules.smsByteLimit);
  const limit = type === 'SMS' ? t('SMS up to {0} bytes, LMS above', rules.smsByteLimit) : t('{0} up to {1} bytes', type, MAX_MESSAGE_BYTES);
  const info = t('{0} bytes · {1} ({2}) · about {3} KRW for {4} recipient(s)', bytes, type, limit, formatKrw(estimateCost(recipientCount, type, rules)), recipientCount);
  return attempt(info, () => (checkMessageText(text), text));
}

export function checkCallbackNumber(text: string, t: Translate): StepCheck<string> {
  return attempt(t('A sender number registered with the carrier, e.g. 02-1234-5678 or 1588-1234'), () => normalizeCallbackNumber(text));
}

export function checkSubject(text: string, t: Translate): StepCheck<string> {
  return attempt(t('{0} / {1} bytes', measureText(text).bytes, MAX_SUBJECT_BYTES), () => (checkSubjectText(text), text));
}

/** Image URLs separated by spaces, commas or new lines; none is allowed (a text-only MMS). */
export function checkImageUrls(text: string, t: Translate): StepCheck<string[]> {
  const urls = text.split(/[\s,]+/).filter((u) => u !== '');
  return attempt(t('{0} / {1} images', urls.length, MAX_IMAGES), () => checkImageUrlList(urls));
}
