// What the e2e looks for on screen, read from the manifest (package.json + package.nls.json + snippets)
// so renamed titles do not break selectors. The workbench runs in English; Korean labels are accepted too.
import fs from 'node:fs';
import path from 'node:path';

const IDS = { toggleSandbox: 'baasSms.toggleSandbox', sendSms: 'baasSms.sendSms', history: 'baasSms.history' };

function readJson(file, fallback) {
  try { return JSON.parse(fs.readFileSync(file, 'utf8')); } catch { return fallback; }
}

/** The literal text a snippet body line inserts: `${1:x}` becomes x, other tab stops vanish. */
function literal(line) {
  return line.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+(\|[^}]*\|)?\}|\$\d+/g, '').replace(/\\(.)/g, '$1');
}

function firstJavaScriptSnippet(root, manifest) {
  const entry = (manifest.contributes?.snippets ?? []).find((s) => s.language === 'javascript');
  if (!entry) return null;
  const snippets = readJson(path.join(root, entry.path), {});
  const first = Object.values(snippets)[0];
  if (!first) return null;
  const prefix = [first.prefix].flat()[0];
  const body = [first.body].flat();
  const marker = literal(body.find((l) => literal(l).trim().length >= 8) ?? '').trim().slice(0, 30);
  return { prefix, marker };
}

export function readUi(root) {
  const manifest = readJson(path.join(root, 'package.json'), {});
  const nls = readJson(path.join(root, 'package.nls.json'), {});
  const t = (s) => (typeof s === 'string' ? s.replace(/^%(.+)%$/, (m, key) => nls[key] ?? m) : s);
  const c = manifest.contributes ?? {};
  const commandLabel = (id, fallback) => {
    const cmd = (c.commands ?? []).find((x) => x.command === id);
    if (!cmd) return fallback;
    const title = t(typeof cmd.title === 'object' ? cmd.title.value : cmd.title);
    const category = t(typeof cmd.category === 'object' ? cmd.category.value : cmd.category);
    return category ? `${category}: ${title}` : title;
  };
  const containerEntry = Object.entries(c.views ?? {}).find(([, views]) => views.some((v) => v.id === IDS.history));
  const container = (c.viewsContainers?.activitybar ?? []).find((x) => x.id === containerEntry?.[0]);
  const historyView = containerEntry?.[1].find((v) => v.id === IDS.history);
  const historyViewName = t(historyView?.name) || 'History';
  return {
    commands: {
      toggleSandbox: commandLabel(IDS.toggleSandbox, 'BaaS SMS: Toggle Sandbox'),
      sendSms: commandLabel(IDS.sendSms, 'BaaS SMS: Send SMS'),
    },
    containerTitle: t(container?.title) || 'BaaS SMS',
    historyViewName,
    historyFocusTitle: `Focus on ${historyViewName} View`,
    mcpLabel: process.env.BAAS_E2E_MCP_LABEL || t(c.mcpServerDefinitionProviders?.[0]?.label) || 'BaaS SMS',
    sandboxStatus: /SMS: (Sandbox|샌드박스)/,
    modeStatus: /SMS: (Sandbox|Live|샌드박스|실제)/,
    useSandboxButton: /^(Use Sandbox|샌드박스 사용)/,
    sendButton: /Send in Sandbox|샌드박스에서 보내기|샌드박스/,
    delivered: /성공/, // the API's own status word, shown as is in every locale
    snippet: firstJavaScriptSnippet(root, manifest),
  };
}
