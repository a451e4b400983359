// `baas-sms-mcp campaign plan FILE --message TEXT …`: reads a contact list, prints the plan (Markdown)
// on stdout and writes it as <campaign_id>.plan.md and .plan.json. Exit 0: ready to send; 1: refused
// (the plan says why) or the input could not be planned. Sending, resume, status and report are in
// campaignRun.ts.
import * as path from 'node:path';
import { planCampaign, type CampaignPlanOptions } from '../campaign/campaignPlan';
import { renderPlanMarkdown, writePlanFiles } from '../campaign/planReport';
import { BaasSmsError, toBaasSmsError } from '../core/errors';
import { standaloneSettings } from './envSettings';

interface PlanArgs {
  file: string;
  options: Omit<CampaignPlanOptions, 'rules' | 'locale'>;
  outDir: string;
}

/** Runs `campaign …` and returns the exit code; the plan goes to stdout, everything else to stderr. */
export async function runCampaignCli(argv: string[], env: NodeJS.ProcessEnv, out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  const settings = standaloneSettings(env, { sandbox: false }).sending;
  const { locale } = settings;
  try {
    const [sub, ...rest] = argv;
    if (sub !== 'plan') {
      if (!['send', 'resume', 'status', 'report'].includes(sub ?? '')) throw new BaasSmsError('INVALID_INPUT', { field: 'campaign', params: { detail: `unknown subcommand "${sub ?? ''}" (known: plan, send, resume, status, report)` } });
      // Loaded only here: it brings the send path, which planning does not need.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return await (require('./campaignRun') as typeof import('./campaignRun')).runCampaignSubcommand(sub, rest, env, out, err);
    }
    const args = parsePlanArgs(rest);
    const plan = await planCampaign({ file: args.file }, { ...args.options, rules: settings.rules, locale });
    const written = writePlanFiles(plan, args.outDir, locale);
    out.write(renderPlanMarkdown(plan, locale));
    err.write(`[baas-sms] plan written: ${written.markdownFile}\n[baas-sms] plan written: ${written.jsonFile}\n`);
    return plan.ready ? 0 : 1;
  } catch (error) {
    const described = toBaasSmsError(error).describe(locale);
    err.write(`[baas-sms error] ${described.code}${described.field ? ` (${described.field})` : ''}: ${described.message}\n  ${described.hint}\n`);
    return 1;
  }
}

export function parsePlanArgs(argv: string[]): PlanArgs {
  const options: PlanArgs['options'] = { message: '' };
  let file: string | undefined;
  let outDir = process.cwd();
  let message: string | undefined;
  const images: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw invalid(flag, 'needs a value');
      return v;
    };
    switch (flag) {
      case '--message': message = value(); break;
      case '--subject': options.subject = value(); break;
      case '--image': images.push(value()); break;
      case '--phone-column': options.phoneColumn = value(); break;
      case '--member-code-column': options.memberCodeColumn = value(); break;
      case '--max-recipients': options.maxRecipients = wholeNumber(flag, value()); break;
      case '--pace': options.paceMs = wholeNumber(flag, value()); break;
      case '--out': outDir = path.resolve(value()); break;
      case '--ad': options.isAdvertisement = true; break;
      case '--not-ad': options.isAdvertisement = false; break;
      case '--night-consent': options.nightConsent = true; break;
      case '--sandbox': break; // planning never sends; accepted so every campaign command takes it
      default:
        if (flag.startsWith('-') || file !== undefined) throw invalid(flag, 'unknown option (see baas-sms-mcp --help)');
        file = flag;
    }
  }
  if (file === undefined) throw invalid('FILE', 'give the contact list (.csv or .xlsx) to plan');
  if (message === undefined) throw invalid('--message', 'give the message text; #{column} fills in a column per row');
  return { file, outDir, options: { ...options, message, ...(images.length > 0 ? { imageUrls: images } : {}) } };
}

export function wholeNumber(flag: string, text: string): number {
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) throw invalid(flag, 'must be a whole number');
  return Number(text);
}

export function invalid(field: string, detail: string): BaasSmsError {
  return new BaasSmsError('INVALID_INPUT', { field, params: { detail } });
}
