// The words of a run's progress and outcome, built from the run's figures (no vscode: unit-testable).
import type { CampaignCounts } from '../../campaign/batchStates';
import type { CampaignRunResult } from '../../campaign/sendLoop';
import type { Translate } from '../translate';
import { formatKst } from '../../campaign/schedule';

const n = (v: number): string => v.toLocaleString('en');

/** `2026-11-30 21:00 KST`. */
export const kst = formatKst;

export function progressText(t: Translate, batchesDone: number, batches: number, recipientsDone: number, recipients: number): string {
  return t('batch {0}/{1} · {2}/{3} recipients', n(batchesDone), n(batches), n(recipientsDone), n(recipients));
}

export interface OutcomeText {
  severity: 'info' | 'warning' | 'error';
  message: string;
  /** Whether Resume would send anything (batches not sent yet, or failed ones). */
  resumable: boolean;
}

export function outcomeText(t: Translate, id: string, result: CampaignRunResult, total: number, detail: string | undefined): OutcomeText {
  const c: CampaignCounts = result.counts;
  const sent = c.batches.sent;
  const left = c.recipients.open + c.recipients.failed;
  let head: string;
  switch (result.stop) {
    case 'done':
      head = t('BaaS SMS: campaign {0} finished: {1}/{2} batches sent to {3} recipient(s).', id, n(sent), n(total), n(c.recipients.sent));
      break;
    case 'cancelled':
      head = t('BaaS SMS: campaign {0} cancelled between batches: {1}/{2} batches sent, {3} recipient(s) not sent yet. Resume sends exactly those.', id, n(sent), n(total), n(left));
      break;
    case 'night':
      head = t('BaaS SMS: campaign {0} stopped for the night (advertising, 21:00–08:00 KST): {1}/{2} batches sent. Resume at {3}.', id, n(sent), n(total), kst(result.resumeAt ?? new Date().toISOString()));
      break;
    case 'limit':
      head = t('BaaS SMS: campaign {0} stopped at its own limit: {1}/{2} batches sent.', id, n(sent), n(total));
      break;
    case 'error':
      head = t('BaaS SMS: campaign {0} stopped at a batch that did not go out as asked ({1}): {2}/{3} batches sent.', id, detail ?? '?', n(sent), n(total));
      break;
  }
  const unknown = result.unknown.map((v) => t('batch {0} (send {1})', v.batch.index, v.entry?.id ?? '?'));
  const check = unknown.length > 0
    ? ` ${t('Check {0}: outcome unknown, they may have gone out; never sent again automatically.', unknown.slice(0, 5).join(', ') + (unknown.length > 5 ? ' …' : ''))}`
    : '';
  const severity = result.stop === 'error' || unknown.length > 0 ? 'error' : result.stop === 'done' && c.batches.failed === 0 ? 'info' : 'warning';
  return { severity, message: head + check, resumable: left > 0 && result.stop !== 'limit' };
}
