// The campaign's send loop: the plan's batches in order, at its pace, each through the one send path
// (SendService: rules, the ledger's claim before the request, the outcome after) with the batch's
// stable key, so no interruption can send a batch twice. Only batches the ledger has no claim for are
// sent; a batch whose outcome is unknown or still pending is left for the user to check, never sent
// again. A run stops between batches: on cancel, at 21:00 KST for an advertisement without night
// consent, at the campaign's own limit, and at the first batch that did not go out as asked.
import { BaasSmsError, toBaasSmsError } from '../core/errors';
import type { LedgerEngine } from '../ledger/engine/types';
import type { SendService } from '../sending/sendService';
import { batchViews, countViews, ledgerId, type BatchView, type CampaignCounts } from './batchStates';
import type { CampaignEvent, CampaignRecord, StopReason } from './campaignRecord';
import type { CampaignBatch, CampaignPlan } from './planTypes';
import { isNight, nextKstHour } from './schedule';

export interface CampaignProgress {
  batch: CampaignBatch;
  outcome: 'sent' | 'failed' | 'unknown';
  /** Batches done (in any state but open) of all, after this one. */
  done: number;
  total: number;
  error?: { code: string; message: string };
}

export interface CampaignRunOptions {
  sendService: SendService;
  ledger: LedgerEngine;
  record: CampaignRecord;
  paceMs: number;
  signal?: AbortSignal;
  now?: () => Date;
  onProgress?: (progress: CampaignProgress) => void;
  /** Waits `ms` or until the signal aborts (tests and the bench may pass their own). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface CampaignRunResult {
  stop: StopReason;
  /** When a night stop may continue (08:00 KST). */
  resumeAt?: string;
  /** Batches this run sent (accepted by the API). */
  sentThisRun: number;
  counts: CampaignCounts;
  /** Batches the user must check before anything else happens to their recipients. */
  unknown: BatchView[];
}

export async function runCampaign(plan: CampaignPlan, options: CampaignRunOptions): Promise<CampaignRunResult> {
  // The CLI and the extension refuse an unready plan first; this is the last line, not the message.
  if (!plan.ready) throw new BaasSmsError('INVALID_INPUT', { field: 'plan', params: { detail: `campaign ${plan.campaign_id} is not ready to send: ${plan.refusals.map((r) => r.code).join(', ')}` } });
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? abortableSleep;
  const { record, ledger } = options;
  const nightRestricted = plan.advertising.is_advertisement && !plan.advertising.night_consent;
  const at = (): string => now().toISOString();
  const views = await batchViews(ledger, plan.batches, record.events());
  // The campaign's own limit counts every recipient that may have been sent to, in any run.
  let committed = views.filter((v) => v.state !== 'open' && v.state !== 'failed').reduce((n, v) => n + v.batch.recipients.length, 0);
  let done = views.filter((v) => v.state !== 'open').length;
  let sentThisRun = 0;
  let requested = false;
  let stop: StopReason = 'done';
  let resumeAt: string | undefined;
  let detail: string | undefined;

  for (const view of views) {
    if (view.state !== 'open' && view.state !== 'failed') continue;
    const { batch } = view;
    if (requested && options.paceMs > 0) await sleep(options.paceMs, options.signal);
    if (options.signal?.aborted) { stop = 'cancelled'; break; }
    if (nightRestricted && isNight(now().getTime())) {
      stop = 'night';
      resumeAt = new Date(nextKstHour(now().getTime(), 8)).toISOString();
      break;
    }
    if (committed + batch.recipients.length > plan.limit.max_recipients) {
      stop = 'limit';
      detail = `batch ${batch.index} would pass the campaign's limit of ${plan.limit.max_recipients} recipients`;
      break;
    }
    requested = true;
    // Before the ledger's claim: should the process die before the outcome below, a resume long after
    // the ledger's key hold still sees that this batch may have gone out (batchStates.ts).
    record.append({ t: 'claim', at: at(), index: batch.index, ledger: ledgerId(ledger) });
    const event = await sendBatch(plan, batch, options);
    record.append({ ...event, at: at() });
    if (event.outcome !== 'failed') committed += batch.recipients.length;
    if (view.state === 'open') done++;
    if (event.outcome === 'sent') sentThisRun++;
    options.onProgress?.({ batch, outcome: event.outcome, done, total: views.length, ...(event.error ? { error: event.error } : {}) });
    if (event.outcome !== 'sent') {
      // The API refused or went silent: the next batch would most likely fare alike (or worse, pile
      // up unknowns). Stop; `status` shows why and `resume` continues once it is resolved.
      stop = 'error';
      detail = event.error?.code;
      break;
    }
  }
  record.append({ t: 'stop', at: at(), reason: stop, ...(detail ? { detail } : resumeAt ? { detail: `continue at ${resumeAt}` } : {}) });
  const final = await batchViews(ledger, plan.batches, record.events());
  return {
    stop,
    ...(resumeAt ? { resumeAt } : {}),
    sentThisRun,
    counts: countViews(final),
    unknown: final.filter((v) => v.state === 'unknown' || v.state === 'pending'),
  };
}

type BatchEvent = Extract<CampaignEvent, { t: 'batch' }>;

async function sendBatch(plan: CampaignPlan, batch: CampaignBatch, options: CampaignRunOptions): Promise<Omit<BatchEvent, 'at'>> {
  const { template, advertising } = plan;
  try {
    const result = await options.sendService.send({
      kind: template.kind,
      recipients: batch.recipients,
      message: batch.message,
      callback_number: '',
      ...(template.subject !== undefined ? { subject: template.subject } : {}),
      ...(template.kind === 'mms' ? { image_urls: template.image_urls } : {}),
    }, {
      origin: 'command',
      idempotencyKey: batch.idempotency_key,
      campaign: { id: plan.campaign_id, sandbox: options.record.start.sandbox },
      advertisement: { isAdvertisement: advertising.is_advertisement, nightConsent: advertising.night_consent },
      // Not the run's signal: a request under way is finished and recorded, never abandoned midway.
    });
    return { t: 'batch', index: batch.index, outcome: 'sent', send_id: result.send_id, group_id: result.group_id };
  } catch (thrown) {
    const error = toBaasSmsError(thrown);
    const sendId = typeof error.params.sendId === 'string' ? { send_id: error.params.sendId } : {};
    // Anything else stopped before the ledger's claim (the rules, the guard) and sent nothing; should
    // an unexpected error hide a request, its claim in the ledger still keeps the batch from going again.
    const unknown = error.outcome === 'unknown' || error.code === 'OUTCOME_UNKNOWN';
    return {
      t: 'batch', index: batch.index, outcome: unknown ? 'unknown' : 'failed', ...sendId,
      error: { code: error.code, message: error.describe('en').message },
    };
  }
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
