// dist/campaign.js (esbuild.mjs LAZY_BUNDLES): campaign planning and sending with their readers
// (csv-parse, read-excel-file), which a session that plans no campaign never loads (the extension's
// campaign commands take the reader and the planner from here too). Reached only through loadCampaign.ts.
export { planCampaign } from './campaignPlan';
export { openContactFile } from './contactFile';
export { runCampaignCli } from '../cli/campaignCommand';
