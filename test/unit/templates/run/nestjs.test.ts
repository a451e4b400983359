// The NestJS templates compiled by tsc (strict, decorators with metadata, as `nest build` does; zero
// diagnostics required) and run in real NestJS 11 (from the template-frameworks cache) against the
// emulator, driven through every use case.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import ts from 'typescript';
import { REPO_ROOT } from '../renderedTemplates';
import { ensureTemplateFrameworks } from './frameworkCache';
import { startApp, type RunningApp } from './runningApp';
import { writeTemplateProject } from './templateProject';
import { describeUseCases } from './useCaseDriver';

const MAIN = `import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CampaignModule } from './sms/campaign.module.js';
import { OrdersModule } from './sms/orders.module.js';
import { OtpModule } from './sms/otp.module.js';

@Module({ imports: [OtpModule, OrdersModule, CampaignModule] })
class AppModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(AppModule, { logger: ['error', 'warn', 'log'] });
  await app.listen(0, '127.0.0.1');
  console.log('LISTENING ' + (app.getHttpServer().address() as { port: number }).port);
}
void main();
`;

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noUnusedLocals: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  esModuleInterop: true,
  skipLibCheck: true,
  types: ['node'],
  typeRoots: [],
  outDir: 'dist',
};

/** Compiles the project with tsc; returns the diagnostics (empty when clean). */
export function compileNest(dir: string): string[] {
  // @types/node comes from this repo: the frameworks cache holds only the frameworks.
  const options = { ...OPTIONS, outDir: join(dir, 'dist'), typeRoots: [join(REPO_ROOT, 'node_modules', '@types')] };
  const program = ts.createProgram([join(dir, 'main.ts')], options);
  const emitted = program.emit();
  return [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics].map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n') + (d.file ? ` (${d.file.fileName})` : ''));
}

export async function startNest(env: NodeJS.ProcessEnv, edit?: (id: string, code: string) => string): Promise<RunningApp> {
  const frameworks = ensureTemplateFrameworks();
  const project = writeTemplateProject({
    templates: ['nestjs-otp', 'nestjs-order', 'nestjs-campaign'],
    files: { 'main.ts': MAIN },
    nodeModules: join(frameworks, 'node_modules'),
    edit,
  });
  try {
    assert.deepEqual(compileNest(project.dir), [], 'tsc found problems in the NestJS templates');
    const app = await startApp({ command: process.execPath, args: ['dist/main.js'], cwd: project.dir, env, startTimeoutMs: 60_000 });
    return { ...app, stop: async () => { await app.stop(); project.remove(); } };
  } catch (error) {
    project.remove();
    throw error;
  }
}

describeUseCases('templates run: NestJS 11 (tsc-compiled, real Nest on Express) + the emulator', (env) => startNest(env), 600_000);
