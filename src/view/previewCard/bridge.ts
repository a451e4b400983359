/// <reference lib="dom" />
// The view's half of the MCP Apps protocol (JSON-RPC 2.0 over postMessage with the host frame), as
// @modelcontextprotocol/ext-apps 1.x's `App` speaks it: ui/initialize, then notifications/initialized;
// the host then sends tool-result and host-context-changed; the view may call tools/call.
// Written here rather than bundling `App`: App with the SDK's Protocol and zod 4 minifies to 264 KB,
// over the page's 150 KiB budget (README, performance). test/unit/mcp/previewCardView.test.ts runs this
// page against ext-apps' own host side (AppBridge), and previewCard.test.ts checks the names below.

export const APPS_PROTOCOL_VERSION = '2026-01-26';
export const METHODS = {
  initialize: 'ui/initialize',
  initialized: 'ui/notifications/initialized',
  toolResult: 'ui/notifications/tool-result',
  hostContextChanged: 'ui/notifications/host-context-changed',
  sizeChanged: 'ui/notifications/size-changed',
  teardown: 'ui/resource-teardown',
} as const;

export interface HostContext { locale?: string; theme?: 'light' | 'dark'; styles?: { variables?: Record<string, string | undefined> } }
export interface ToolResult { isError?: boolean; content?: { type: string; text?: string }[]; structuredContent?: Record<string, unknown> }
interface Message { jsonrpc: '2.0'; id?: number | string; method?: string; params?: Record<string, unknown>; result?: unknown; error?: { code: number; message: string } }

export class CardBridge {
  ontoolresult?: (result: ToolResult) => void;
  onhostcontextchanged?: (context: HostContext) => void;
  private nextId = 1;
  private readonly pending = new Map<number | string, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly host: Window = window.parent;

  constructor() {
    window.addEventListener('message', (event: MessageEvent<Message>) => {
      if (event.source !== this.host || event.data?.jsonrpc !== '2.0') return; // only our host frame
      this.receive(event.data);
    });
  }

  /** The handshake; resolves with the host's context (locale, theme, style variables). */
  async connect(): Promise<HostContext> {
    const answer = (await this.request(METHODS.initialize, {
      protocolVersion: APPS_PROTOCOL_VERSION,
      appInfo: { name: 'baas-sms-preview-card', version: '1' },
      appCapabilities: {},
    })) as { hostContext?: HostContext };
    this.post({ jsonrpc: '2.0', method: METHODS.initialized, params: {} });
    this.reportSize();
    return answer.hostContext ?? {};
  }

  /** tools/call through the host (its own MCP client to our server). */
  callServerTool(name: string, args: Record<string, unknown>): Promise<ToolResult> {
    return this.request('tools/call', { name, arguments: args }) as Promise<ToolResult>;
  }

  /** Tells the host the card's height, now and whenever it changes, so the chat gives it room. */
  private reportSize(): void {
    const send = () => this.post({ jsonrpc: '2.0', method: METHODS.sizeChanged, params: { width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight } });
    new ResizeObserver(send).observe(document.documentElement);
  }

  private request(method: string, params: Record<string, unknown>): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.post({ jsonrpc: '2.0', id, method, params });
    });
  }

  private receive(message: Message): void {
    if (message.method === undefined && message.id !== undefined) {
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(message.error.message));
      else waiter?.resolve(message.result);
    } else if (message.method === METHODS.toolResult) {
      this.ontoolresult?.(message.params as ToolResult);
    } else if (message.method === METHODS.hostContextChanged) {
      this.onhostcontextchanged?.(message.params as HostContext);
    } else if (message.id !== undefined) {
      // ping, resource teardown: answered empty; anything else is not something a card offers.
      const known = message.method === 'ping' || message.method === METHODS.teardown;
      this.post(known ? { jsonrpc: '2.0', id: message.id, result: {} } : { jsonrpc: '2.0', id: message.id, error: { code: -32601, message: `Method not found: ${message.method}` } });
    }
  }

  private post(message: Message): void {
    this.host.postMessage(message, '*');
  }
}
