// Logs for the standalone server: stderr only (stdout is the MCP protocol), phone numbers masked,
// the API key cut out in every form. BAAS_LOG_LEVEL = debug | info (default) | warn | error.
import type { Logger } from '../core/logger';
import { maskPhonesInText, redactSecret } from '../core/redact';

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
type Level = (typeof LEVELS)[number];

export function createStderrLogger(env: NodeJS.ProcessEnv, write: (line: string) => void = (l) => process.stderr.write(l)): Logger {
  const min = LEVELS.indexOf((env.BAAS_LOG_LEVEL as Level) ?? 'info');
  const threshold = min < 0 ? 1 : min;
  // Trimmed as main.ts trims it: the key that is sent is the one to cut out.
  const secret = env.BAAS_API_KEY?.trim();
  const log = (level: Level) => (message: string): void => {
    if (LEVELS.indexOf(level) < threshold) return;
    write(`[baas-sms ${level}] ${redactSecret(maskPhonesInText(message), secret)}\n`);
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
