// The Express templates (TypeScript, run by tsx; JavaScript, run by node) in real Express 5 against the
// emulator, driven through every use case over HTTP.
import { startExpress } from './expressApp';
import { describeUseCases } from './useCaseDriver';

for (const language of ['ts', 'js'] as const) {
  describeUseCases(`templates run: Express (${language === 'ts' ? 'TypeScript via tsx' : 'JavaScript'}) + the emulator`, async (env) => (await startExpress(language, env)).app);
}
