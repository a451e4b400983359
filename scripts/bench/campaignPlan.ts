// Campaign plan at scale: a 100,000-row CP949 CSV (Korean names, numbers in several spellings, some
// bad rows and repeated numbers, personalised text so nearly every row is its own batch) planned in a
// fresh process, as `baas-sms-mcp campaign plan` would. Time is planCampaign's, from call to plan;
// memory is the process's peak RSS (getrusage), Node's own baseline included.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import { planCampaign } from '../../src/campaign/campaignPlan';
import { DEFAULT_RULES } from '../../src/core/settings';
import { msSince } from './stats';

export const CAMPAIGN_TEMPLATE = '#{이름}님, 적립금 #{적립금}원이 이번 달 말에 사라집니다. 확인: shop.example.kr';

export interface CampaignListFile {
  file: string;
  rows: number;
  bytes: number;
}

export interface CampaignPlanSample {
  ms: number;
  /** CPU time of the process meanwhile (user + system, all threads: GC helpers included). */
  cpuMs: number;
  peakRssKiB: number;
  rows: number;
  valid: number;
  batches: number;
}

/** Writes `rows` contacts: 1 in 100 with a bad number, 1 in 50 repeating an earlier number in another spelling. */
export function writeCampaignList(dir: string, rows: number): CampaignListFile {
  const lines = ['이름,휴대폰,회원번호,적립금'];
  const surnames = '김이박최정강조윤장임';
  for (let i = 0; i < rows; i++) {
    const n = i % 50 === 49 ? i - 17 : i;
    const mid = String(2000 + Math.floor(n / 10_000)).padStart(4, '0');
    const last = String(n % 10_000).padStart(4, '0');
    const phone = i % 100 === 37 ? `011-${mid}-${last}` : [`010-${mid}-${last}`, `010${mid}${last}`, `+82 10 ${mid} ${last}`][i % 3];
    lines.push(`${surnames[i % 10]}고객${i},${phone},M${String(i).padStart(7, '0')},${(i % 97) * 100}`);
  }
  const bytes = iconv.encode(`${lines.join('\r\n')}\r\n`, 'cp949');
  const file = path.join(dir, `campaign-${rows}.csv`);
  writeFileSync(file, bytes);
  return { file, rows, bytes: bytes.length };
}

/** One plan in this process (run it in a fresh one: the first plan is what a user waits for). */
export async function timeCampaignPlan(file: string): Promise<CampaignPlanSample> {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const plan = await planCampaign({ file }, { message: CAMPAIGN_TEMPLATE, rules: DEFAULT_RULES, locale: 'en', maxRecipients: 1_000_000, now: new Date('2026-05-01T03:00:00Z') });
  const ms = msSince(start);
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, peakRssKiB: process.resourceUsage().maxRSS, rows: plan.counts.rows_read, valid: plan.counts.valid_recipients, batches: plan.batch_count };
}
