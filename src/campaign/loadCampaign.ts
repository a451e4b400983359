// Campaigns are loaded on first use (plan_campaign, `baas-sms-mcp campaign …`): in the bundles this
// require() is dist/campaign.js, a file of its own (esbuild.mjs LAZY_BUNDLES), so the stdio server
// starts without the CSV and spreadsheet readers.
import type * as CampaignBundle from './campaignBundle';
import { loadBundle } from '../core/lazyBundle';

export type CampaignModule = typeof CampaignBundle;

export function loadCampaign(): CampaignModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle of its own, loaded on first use
  return loadBundle('campaign.js', () => require('./campaignBundle') as CampaignModule);
}
