// dist/campaign.js (esbuild.mjs LAZY_BUNDLES): campaign planning and sending with their readers
// (csv-parse, read-excel-file), which a session that plans no campaign never loads. Reached only
// through loadCampaign.ts.
export { planCampaign } from './campaignPlan';
export { runCampaignCli } from '../cli/campaignCommand';
