// `npm test`: every check, in the order a failure is cheapest to see — build, type-check, lint, the
// unit and integration suites (emulator, MCP client, built stdio server), then the extension inside a
// real VS Code (code-server) and the browser e2e. Prints one closing "N passed, N failed" line.
// SKIP_VSCODE=1 leaves out the VS Code part (for a quick local loop; CI never sets it).
import { spawn } from 'node:child_process';

const steps = [
  ['build', ['node', 'esbuild.mjs']],
  ['type-check', ['npx', '--no-install', 'tsc', '-p', '.', '--noEmit']],
  ['lint', ['npm', 'run', '--silent', 'lint']],
  ['unit + integration (mocha)', ['npx', '--no-install', 'mocha']],
];
if (process.env.SKIP_VSCODE !== '1') steps.push(['VS Code extension host + browser e2e', ['node', 'scripts/run-vscode-tests.mjs']]);

let passed = 0;
let failed = 0;
const t0 = Date.now();
for (const [title, [cmd, ...args]] of steps) {
  const started = Date.now();
  process.stdout.write(`\n=== ${title}: ${[cmd, ...args].join(' ')}\n`);
  const { code, output } = await run(cmd, args);
  for (const m of output.matchAll(/^\s*(\d+) passing\b/gm)) passed += Number(m[1]);
  for (const m of output.matchAll(/^\s*(\d+) failing\b/gm)) failed += Number(m[1]);
  process.stdout.write(`=== ${title}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  if (code !== 0) {
    if (!/^\s*\d+ failing\b/m.test(output)) failed += 1; // a step that failed outside a test runner still counts
    break;
  }
}
process.stdout.write(`\nAll checks took ${((Date.now() - t0) / 1000).toFixed(0)} s\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);

function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const tee = (stream) => (chunk) => { output += chunk; stream.write(chunk); };
    child.stdout.on('data', tee(process.stdout));
    child.stderr.on('data', tee(process.stderr));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}
