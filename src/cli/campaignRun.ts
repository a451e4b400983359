// `baas-sms-mcp campaign send | resume | status | report`: the campaign's sending half on the command
// line. `send` prints the plan and sends only with --yes; progress goes to stderr. Exit codes: 0 every
// batch accepted; 1 refused before sending (the plan or the message says why); 2 some batches unknown,
// failed or not sent yet (`campaign status ID` lists them, `campaign resume ID` continues).
import * as os from 'node:os';
import * as path from 'node:path';
import { batchViews, countViews } from '../campaign/batchStates';
import { planCampaign } from '../campaign/campaignPlan';
import { CampaignRecord, campaignsDir, osUser } from '../campaign/campaignRecord';
import { latestReportCsv, statusText, writeReportFile } from '../campaign/campaignReport';
import { renderPlanMarkdown, writePlanFiles } from '../campaign/planReport';
import { runCampaign, type CampaignRunResult } from '../campaign/sendLoop';
import { BaasSmsError } from '../core/errors';
import type { EngineRuntime } from '../sending/runtime';
import { invalid, parsePlanArgs, wholeNumber } from './campaignCommand';
import { standaloneSettings } from './envSettings';
import { standaloneRuntime } from './standaloneServer';
import { createStderrLogger } from './stderrLogger';

type Out = NodeJS.WritableStream;

export async function runCampaignSubcommand(sub: string, argv: string[], env: NodeJS.ProcessEnv, out: Out, err: Out): Promise<number> {
  const sandbox = argv.includes('--sandbox');
  const rest = argv.filter((a) => a !== '--sandbox');
  if (sub === 'send') return send(rest, env, sandbox, out, err);
  const { id, flags } = idAndFlags(sub, rest);
  const record = CampaignRecord.open(campaignsDir(standaloneSettings(env, { sandbox }).ledgerFile), id);
  if (sandbox && !record.start.sandbox) throw new BaasSmsError('INVALID_INPUT', { field: '--sandbox', params: { detail: `campaign ${id} was sent live; leave out --sandbox` } });
  return withRuntime(env, record.start.sandbox, err, async (runtime) => {
    if (sub === 'resume') {
      const pace = flags.get('--pace');
      record.append({ t: 'run', at: new Date().toISOString(), by: osUser(), action: 'resume' });
      return sendAll(record, runtime, pace === undefined ? record.start.pace_ms : wholeNumber('--pace', pace), err);
    }
    const { plan } = record.start;
    if (sub === 'report') {
      const file = flags.get('--out');
      if (!file) throw invalid('--out', 'give the CSV file to write: campaign report ID --out FILE');
      writeReportFile(path.resolve(file), await latestReportCsv(record, runtime.engine, runtime.sendService, flags.has('--full-numbers')));
      err.write(`[baas-sms] report written: ${path.resolve(file)} (${plan.counts.valid_recipients} recipients${flags.has('--full-numbers') ? ', full numbers' : ', numbers masked'})\n`);
      return 0;
    }
    const views = await batchViews(runtime.engine, plan.batches, record.events());
    out.write(statusText(record.start, countViews(views), views));
    return 0;
  });
}

async function send(argv: string[], env: NodeJS.ProcessEnv, sandbox: boolean, out: Out, err: Out): Promise<number> {
  const yes = argv.includes('--yes');
  const args = parsePlanArgs(argv.filter((a) => a !== '--yes'));
  const settings = standaloneSettings(env, { sandbox });
  const plan = await planCampaign({ file: args.file }, { ...args.options, rules: settings.sending.rules, locale: settings.sending.locale });
  const written = writePlanFiles(plan, args.outDir, settings.sending.locale);
  out.write(renderPlanMarkdown(plan, settings.sending.locale));
  err.write(`[baas-sms] plan written: ${written.jsonFile}\n`);
  if (!plan.ready || !yes) {
    err.write(plan.ready ? '[baas-sms] nothing sent: read the plan above, then run the same command with --yes to send it\n' : '[baas-sms] campaign refused: nothing was sent (the plan says why)\n');
    return 1;
  }
  return withRuntime(env, settings.sending.sandbox, err, (runtime) => {
    const record = CampaignRecord.create(campaignsDir(settings.ledgerFile), {
      started_by: osUser(), started_at: new Date().toISOString(), host: os.hostname(), sandbox: settings.sending.sandbox, pace_ms: plan.schedule.pace_ms, plan,
    });
    record.append({ t: 'run', at: record.start.started_at, by: record.start.started_by, action: 'start' });
    err.write(`[baas-sms] campaign ${plan.campaign_id}: ${plan.batch_count} batches to ${plan.counts.valid_recipients} recipients${settings.sending.sandbox ? ' [sandbox]' : ''}; Ctrl+C stops between batches\n`);
    return sendAll(record, runtime, plan.schedule.pace_ms, err);
  });
}

async function sendAll(record: CampaignRecord, runtime: EngineRuntime, paceMs: number, err: Out): Promise<number> {
  const controller = new AbortController();
  const cancel = (): void => {
    err.write('[baas-sms] stopping after the batch under way…\n');
    controller.abort();
  };
  process.once('SIGINT', cancel);
  process.once('SIGTERM', cancel);
  let result: CampaignRunResult;
  try {
    result = await runCampaign(record.start.plan, {
      sendService: runtime.sendService, ledger: runtime.engine, record, paceMs, signal: controller.signal,
      onProgress: (p) => err.write(`[campaign] batch ${p.batch.index} (${p.batch.recipients.length} recipients) ${p.outcome}${p.error ? `: ${p.error.code}` : ''} — ${p.done}/${p.total}\n`),
    });
  } finally {
    process.off('SIGINT', cancel);
    process.off('SIGTERM', cancel);
  }
  const { batches } = result.counts;
  const total = record.start.plan.batch_count;
  err.write(`[baas-sms] campaign ${record.id} ${stopText(result)}: ${batches.sent}/${total} batches sent, ${batches.unknown + batches.pending} unknown, ${batches.failed} failed, ${batches.open} not sent yet\n`);
  for (const v of result.unknown) err.write(`[baas-sms] CHECK batch ${v.batch.index} (send ${v.entry?.id ?? '?'}): outcome unknown; it will not be sent again automatically\n`);
  if (batches.sent === total) return 0;
  const nothingAtStake = result.sentThisRun === 0 && batches.unknown + batches.pending + batches.failed === 0 && result.stop !== 'error';
  return nothingAtStake ? 1 : 2;
}

function stopText(result: CampaignRunResult): string {
  switch (result.stop) {
    case 'done': return 'finished';
    case 'cancelled': return 'cancelled between batches (resume continues)';
    case 'night': return `stopped for the night (advertising, 21:00–08:00 KST): resume at ${result.resumeAt}, or plan again with --night-consent`;
    case 'limit': return 'stopped at its own recipient limit';
    case 'error': return 'stopped at a batch that did not go out as asked';
  }
}

async function withRuntime(env: NodeJS.ProcessEnv, sandbox: boolean, err: Out, run: (runtime: EngineRuntime) => Promise<number>): Promise<number> {
  const logger = createStderrLogger(env);
  const runtime = standaloneRuntime(env, standaloneSettings(env, { sandbox }, logger), logger);
  try {
    for (const entry of await runtime.engine.open()) {
      err.write(`[baas-sms] send ${entry.id} (${entry.created_at}) was interrupted before its answer: outcome unknown\n`);
    }
    return await run(runtime);
  } finally {
    await runtime.dispose().catch(() => undefined);
  }
}

function idAndFlags(sub: string, argv: string[]): { id: string; flags: Map<string, string> } {
  const flags = new Map<string, string>();
  let id: string | undefined;
  const valued = sub === 'resume' ? ['--pace'] : sub === 'report' ? ['--out'] : [];
  const bare = sub === 'report' ? ['--full-numbers'] : [];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
    if (valued.includes(flag)) {
      const v = inline ?? argv[++i];
      if (v === undefined) throw invalid(flag, 'needs a value');
      flags.set(flag, v);
    } else if (bare.includes(flag)) flags.set(flag, '');
    else if (flag.startsWith('-') || id !== undefined) throw invalid(flag, `unknown option for campaign ${sub} (see baas-sms-mcp --help)`);
    else id = flag;
  }
  if (id === undefined) throw invalid('ID', `give the campaign id: campaign ${sub} cmp-…`);
  return { id, flags };
}
