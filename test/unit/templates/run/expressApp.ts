// The Express templates started in real Express 5 (this repo's): TypeScript run by tsx, the generated
// JavaScript by node, each as an ES module project laid out as the templates' file names say.
import { join } from 'node:path';
import { REPO_ROOT } from '../renderedTemplates';
import { startApp } from './runningApp';
import { writeTemplateProject, type TemplateProject } from './templateProject';

export function expressServer(extension: 'ts' | 'js'): string {
  return `import express from 'express';
import { otpRouter } from './routes/otp.${extension}';
import { ordersRouter } from './routes/orders.${extension}';
import { campaignRouter } from './routes/campaign.${extension}';

const app = express();
app.use(express.json(), otpRouter, ordersRouter, campaignRouter);
const server = app.listen(0, '127.0.0.1', () => console.log('LISTENING ' + server.address().port));
`;
}

export function startExpress(language: 'ts' | 'js', env: NodeJS.ProcessEnv, edit?: (id: string, code: string) => string): Promise<{ project: TemplateProject; app: Awaited<ReturnType<typeof startApp>> }> {
  const project = writeTemplateProject({
    templates: ['otp', 'order', 'campaign'].map((useCase) => `express-${useCase}-${language}`),
    files: { 'package.json': '{ "type": "module" }\n', [`server.${language === 'ts' ? 'mts' : 'mjs'}`]: expressServer(language) },
    nodeModules: join(REPO_ROOT, 'node_modules'),
    edit,
  });
  const args = language === 'ts' ? ['--import', 'tsx', 'server.mts'] : ['server.mjs'];
  return startApp({ command: process.execPath, args, cwd: project.dir, env }).then((app) => ({
    project,
    app: { ...app, stop: async () => { await app.stop(); project.remove(); } },
  }));
}

