// The BaaS API key in VS Code's SecretStorage (the OS keychain), never in settings. Changes made in
// another window arrive through SecretStorage's own event, filtered here to this one key.
import * as vscode from 'vscode';
import { SECRET_API_KEY } from '../constants';

export class ApiKeyStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;
  /** Fires when the key is set or cleared, here or in another window. */
  readonly onDidChange = this.changed.event;

  /** @param onSeen told of every key value read or stored, so the logger can redact it. */
  constructor(private readonly secrets: vscode.SecretStorage, private readonly onSeen: (key: string) => void) {
    this.subscription = secrets.onDidChange((e) => {
      if (e.key === SECRET_API_KEY) this.changed.fire();
    });
  }

  async get(): Promise<string | undefined> {
    const key = (await this.secrets.get(SECRET_API_KEY))?.trim() || undefined;
    if (key) this.onSeen(key);
    return key;
  }

  async has(): Promise<boolean> {
    return (await this.get()) !== undefined;
  }

  async store(key: string): Promise<void> {
    const trimmed = key.trim();
    this.onSeen(trimmed);
    await this.secrets.store(SECRET_API_KEY, trimmed);
  }

  async clear(): Promise<void> {
    await this.secrets.delete(SECRET_API_KEY);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
