// The translation function the vscode-free modules take (the extension's and the MCP server's texts),
// so they can be unit-tested without VS Code. In the extension it is `vscode.l10n.t`
// (l10n/bundle.l10n.*.json); standalone, a bundle lookup; in tests the English source text with its
// {0}, {1}… placeholders filled in.
export type Translate = (message: string, ...args: Array<string | number>) => string;

/** Fills `{0}`, `{1}`… like `vscode.l10n.t` does when no bundle applies. */
export const untranslated: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));
