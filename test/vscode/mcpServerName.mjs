// The in-extension MCP server's serverInfo name, as src/extension/constants.ts declares it
// (VS Code derives the tool names mcp_<name…>_<tool> from it); the scripted agent looks tools up by it.
import fs from 'node:fs';
import path from 'node:path';

export const DEFAULT_MCP_SERVER_NAME = 'baas-sms-vscode';

export function mcpServerName(repoRoot) {
  try {
    const src = fs.readFileSync(path.join(repoRoot, 'src', 'extension', 'constants.ts'), 'utf8');
    const m = /SERVER_?NAME\w*\s*[:=]\s*['"`]([\w.-]+)['"`]/i.exec(src);
    if (m) return m[1];
  } catch { /* not written yet */ }
  return DEFAULT_MCP_SERVER_NAME;
}
