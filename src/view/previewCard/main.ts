/// <reference lib="dom" />
// The preview card's script, bundled into dist/previewCard.html (esbuild.mjs). It waits for the tool result the host forwards, draws it, and after a send asks
// get_message_status through the host's tool-call bridge, with growing pauses, until nothing is pending.
import { CardBridge, type HostContext, type ToolResult } from './bridge';
import { renderCard, renderError, renderWaiting, type CardData, type CardError, type GroupStatus } from './render';
import { cardLocale, STRINGS } from './strings';

/** Pauses between status checks (ms); the last repeats. Stops after MAX_CHECKS: the chat has moved on by then. */
const PAUSES = [1000, 2000, 4000, 8000, 15000];
const MAX_CHECKS = 20;

const root = document.getElementById('card') as HTMLElement;
const app = new CardBridge();
let context: HostContext = {};
let strings = STRINGS.en;
let redraw: () => void = () => renderWaiting(root, strings);

/** The host's locale picks the language; its theme and style variables (MCP Apps' names) go on the root. */
function applyContext(update: HostContext): void {
  context = { ...context, ...update };
  strings = STRINGS[cardLocale(context.locale)];
  const rootStyle = document.documentElement;
  if (context.theme) rootStyle.style.colorScheme = context.theme;
  for (const [name, value] of Object.entries(context.styles?.variables ?? {})) if (value) rootStyle.style.setProperty(name, value);
  document.documentElement.lang = cardLocale(context.locale);
  redraw();
}

/** A tool error's coded body (src/mcp/toolResult.ts), or a plain one when the text is not ours. */
function errorOf(result: ToolResult): CardError {
  const text = result.content?.find((c) => c.type === 'text')?.text ?? '';
  try {
    const body = JSON.parse(text) as { error?: CardError };
    if (body.error?.code) return body.error;
  } catch {
    // not JSON: shown as it is below
  }
  return { code: 'ERROR', message: text.slice(0, 500) };
}

async function followDelivery(data: CardData): Promise<void> {
  let status: GroupStatus | 'checking' | 'unknown' = 'checking';
  redraw = () => renderCard(root, strings, data, status);
  redraw();
  for (let i = 0; i < MAX_CHECKS; i++) {
    await new Promise((resolve) => setTimeout(resolve, PAUSES[Math.min(i, PAUSES.length - 1)]));
    try {
      const answer = await app.callServerTool('get_message_status', { group_id: data.group_id });
      status = answer.isError ? 'unknown' : (answer.structuredContent as unknown as GroupStatus);
    } catch {
      status = 'unknown'; // the host refused or lost the call: say so rather than spin
    }
    redraw();
    if (status === 'unknown' || status.pending_count === 0) return;
  }
}

app.ontoolresult = (result) => {
  if (result.isError) {
    const error = errorOf(result);
    redraw = () => renderError(root, strings, error);
    redraw();
    return;
  }
  const data = (result.structuredContent ?? {}) as CardData;
  if (data.group_id !== undefined && !data.deduplicated) {
    void followDelivery(data);
    return;
  }
  redraw = () => renderCard(root, strings, data);
  redraw();
};
app.onhostcontextchanged = applyContext;

renderWaiting(root, strings);
app.connect().then(applyContext, (error: unknown) => {
  renderError(root, strings, { code: 'HOST_BRIDGE', message: String(error) });
});
