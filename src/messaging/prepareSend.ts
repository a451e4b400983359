// The single gate every send passes (MCP tool, palette command, preview): it validates the input,
// normalises it into what will go out, and prices it. Checks run cheapest first; the first problem
// found is thrown as a BaasSmsError naming the field, so the user fixes one thing at a time.
import { BaasSmsError } from '../core/errors';
import type { Locale } from '../core/locale';
import type { MessageType, PreparedSend, RulesConfig, SendInput, SendWarning } from '../core/types';
import { checkAdvertising, describeMissingAdRules, isKoreanNightTime, type AdvertisingOptions } from './advertising';
import { checkImageUrls, checkMessageText, checkSubjectText } from './fieldChecks';
import { MAX_RECIPIENTS } from './limits';
import { classifyMessage } from './messageType';
import { normalizeCallbackNumber } from './phone';
import { normalizeRecipients } from './recipients';
import { sendWarning } from './warnings';

export interface PrepareSendOptions {
  rules: RulesConfig;
  /** PROJECT_ID or the extension's setting, used when the input names no project. */
  defaultProjectId?: string;
  locale: Locale;
  advertisement?: AdvertisingOptions;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Validates and prices a send. Order: project id, recipients, callback number, message, subject,
 * images (each field's own checks in fieldChecks.ts), advertising rules. A blank `project_id` counts as
 * absent (agents often pass ""), so the default applies. For an SMS, a subject or images are
 * ignored with an IGNORED_FOR_SMS warning: the SMS endpoint has no field for them.
 */
export function prepareSend(input: SendInput, options: PrepareSendOptions): PreparedSend {
  const { rules, locale } = options;
  const warnings: SendWarning[] = [];
  const isMms = input.kind === 'mms';

  const project_id = resolveProjectId(input.project_id, options.defaultProjectId);
  const { recipients, duplicatesDropped } = normalizeRecipients(input.recipients, MAX_RECIPIENTS);
  const callback_number = normalizeCallbackNumber(input.callback_number);

  const message = input.message;
  const message_bytes = checkMessageText(message);
  const subject = isMms ? input.subject : undefined;
  const subject_bytes = isMms ? checkSubjectText(subject) : 0;
  const image_urls = isMms ? checkImageUrls(input.image_urls ?? []) : [];
  if (!isMms) {
    const ignored = [input.subject ? 'subject' : '', input.image_urls?.length ? 'image_urls' : ''].filter(Boolean);
    if (ignored.length) warnings.push(sendWarning('IGNORED_FOR_SMS', locale, { fields: ignored.join(', ') }));
  }

  warnings.push(...advertisingWarnings(message, options));
  const message_type = classifyMessage(input.kind, message_bytes, rules.smsByteLimit);
  if (message_type === 'LMS') warnings.unshift(sendWarning('SMS_BECOMES_LMS', locale, { bytes: message_bytes, limit: rules.smsByteLimit }));
  if (duplicatesDropped > 0) warnings.unshift(sendWarning('DUPLICATES_DROPPED', locale, { count: duplicatesDropped }));

  return {
    kind: input.kind,
    recipients,
    duplicates_dropped: duplicatesDropped,
    message,
    callback_number,
    ...(subject === undefined ? {} : { subject }),
    image_urls,
    project_id,
    message_type,
    message_bytes,
    subject_bytes,
    estimated_cost_krw: estimateCost(recipients.length, message_type, rules),
    warnings,
  };
}

/** Recipients × the per-type price, to one decimal place (prices such as 9.9 won are common). */
export function estimateCost(recipientCount: number, type: MessageType, rules: RulesConfig): number {
  // toPrecision drops binary noise first, so 7 × 8.45 = 59.149999… rounds as the 59.15 it is.
  return Math.round(Number((recipientCount * rules.prices[type] * 10).toPrecision(12))) / 10;
}

function resolveProjectId(given: string | undefined, fallback: string | undefined): string {
  const projectId = [given, fallback].map((id) => (typeof id === 'string' ? id.trim() : '')).find((id) => id !== '');
  if (projectId === undefined) throw new BaasSmsError('MISSING_PROJECT_ID', { field: 'project_id' });
  if (!UUID.test(projectId)) throw new BaasSmsError('INVALID_PROJECT_ID', { field: 'project_id', params: { input: projectId } });
  return projectId;
}

function advertisingWarnings(message: string, options: PrepareSendOptions): SendWarning[] {
  // One clock reading for both the night-time rule and its warning.
  const opts = { ...options.advertisement, now: options.advertisement?.now ?? new Date() };
  const check = checkAdvertising(message, opts);
  if (check.missing.length > 0) {
    throw new BaasSmsError('ADVERTISING_RULES', {
      field: 'message',
      params: { missing: describeMissingAdRules(check.missing, options.locale), rules: check.missing.join(',') },
    });
  }
  if (!check.isAdvertisement) return check.detected ? [sendWarning('ADVERTISING_CHECK_SKIPPED', options.locale)] : [];
  // A passing advertisement begins with (광고), so it is always detected by then.
  const warnings = [sendWarning('ADVERTISEMENT_DETECTED', options.locale)];
  if (opts.nightConsent && isKoreanNightTime(opts.now)) warnings.push(sendWarning('NIGHT_CONSENT_DECLARED', options.locale));
  return warnings;
}
