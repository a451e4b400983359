// The core Logger written to a LogOutputChannel. Every line passes through one gate: phone numbers
// masked, and every secret this session has seen (API keys, the MCP token) cut out in all its forms.
// The last lines are kept in memory for the in-host tests that prove nothing leaks.
import type * as vscode from 'vscode';
import type { Logger } from '../core/logger';
import { maskPhonesInText, redactSecret } from '../core/redact';

const KEPT_LINES = 1000;

export class OutputLogger implements Logger {
  private readonly secrets = new Set<string>();
  private readonly kept: string[] = [];

  constructor(private readonly channel: vscode.LogOutputChannel) {}

  /** Registers a value that must never be written (redacted from then on, in every form). */
  addSecret(secret: string | undefined): void {
    if (secret && secret.length >= 4) this.secrets.add(secret);
  }

  debug(message: string): void {
    this.channel.debug(this.clean(message));
  }

  info(message: string): void {
    this.channel.info(this.clean(message));
  }

  warn(message: string): void {
    this.channel.warn(this.clean(message));
  }

  error(message: string): void {
    this.channel.error(this.clean(message));
  }

  /** What was written (after cleaning), oldest first; for tests. */
  lines(): string[] {
    return [...this.kept];
  }

  show(): void {
    this.channel.show(true);
  }

  private clean(message: string): string {
    // Secrets first: masking digits first could turn a key into a form redaction no longer finds.
    let text = message;
    for (const secret of this.secrets) text = redactSecret(text, secret);
    text = maskPhonesInText(text);
    this.kept.push(text);
    if (this.kept.length > KEPT_LINES) this.kept.splice(0, this.kept.length - KEPT_LINES);
    return text;
  }
}
