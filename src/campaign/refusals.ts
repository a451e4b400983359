// What stops a campaign once its list has been read: nobody to send to, more recipients than the
// campaign's own limit, or an advertisement whose form breaks the law. Each is shown in the plan
// with its code, what happened and what to do; a plan with any is not sendable.
import type { ErrorCode } from '../core/errorCodes';
import { errorText } from '../core/errorMessages';
import type { Locale } from '../core/locale';
import { describeMissingAdRules, type AdRule } from '../messaging/advertising';
import type { CampaignPlan } from './planTypes';

export interface RefusalInput {
  counts: CampaignPlan['counts'];
  maxRecipients: number;
  adMissing: AdRule[];
  locale: Locale;
}

export function campaignRefusals({ counts, maxRecipients, adMissing, locale }: RefusalInput): CampaignPlan['refusals'] {
  const refusals: CampaignPlan['refusals'] = [];
  const add = (code: ErrorCode, params: Record<string, string | number>): void => {
    const text = errorText(code, params, locale);
    refusals.push({ code, message: text.message, hint: text.hint });
  };
  if (counts.valid_recipients === 0) add('CAMPAIGN_NO_RECIPIENTS', { rows: counts.rows_read });
  if (counts.valid_recipients > maxRecipients) add('CAMPAIGN_LIMIT_EXCEEDED', { actual: counts.valid_recipients, max: maxRecipients });
  if (adMissing.length > 0) add('ADVERTISING_RULES', { missing: describeMissingAdRules(adMissing, locale) });
  return refusals;
}
