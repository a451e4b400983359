// Headless Chromium for tests that render a page (the MCP Apps preview card): Debian's chromium, and a
// Korean font so Hangul is not drawn as boxes in the screenshots. Installed with apt-get when missing
// and running as root (CI machines are), as scripts/vscode-env.mjs does for the VS Code tests.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

function hasKoreanFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=ko'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
  } catch {
    return true; // no fontconfig to ask: do not guess
  }
}

function ensureChromium(): void {
  const missing = [...(existsSync(CHROMIUM) ? [] : ['chromium']), ...(hasKoreanFont() ? [] : ['fonts-nanum'])];
  if (!missing.length) return;
  if (process.getuid?.() !== 0) {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run "sudo apt-get install -y chromium fonts-nanum" (or set CHROMIUM)`);
    return;
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { env, stdio: ['ignore', 'ignore', 'inherit'] });
}

export async function launchChromium(): Promise<Browser> {
  ensureChromium();
  return chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
