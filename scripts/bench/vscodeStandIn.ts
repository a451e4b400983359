// A minimal stand-in for the `vscode` module, so that dist/extension.js can be loaded and activated in
// plain Node: enough of the API for activation and the MCP provider, every call counted by name.
// It is NOT VS Code: no extension host, no UI, no real SecretStorage. A call to anything it lacks
// throws, naming the API, so the bench fails loudly when activation starts using something new.
import Module from 'node:module';
import * as path from 'node:path';

export type CallCounts = Record<string, number>;

export interface VscodeStandIn {
  /** What `require('vscode')` returns. */
  vscode: Record<string, unknown>;
  /** The ExtensionContext to pass to activate(). */
  context: StandInContext;
  /** API calls by name (`window.createOutputChannel`, `new EventEmitter`, …) since creation or the last reset. */
  calls(): CallCounts;
  resetCalls(): void;
  /** Providers registered with `lm.registerMcpServerDefinitionProvider`, by id: what VS Code would call. */
  mcpProviders: Map<string, unknown>;
  /** Makes `require('vscode')` return this stand-in; returns the undo. */
  install(): () => void;
}

export interface StandInContext {
  subscriptions: Array<{ dispose(): unknown }>;
  secrets: Record<string, unknown>;
  globalStorageUri: StandInUri;
  extensionUri: StandInUri;
  extensionPath: string;
  logUri: StandInUri;
  storageUri: StandInUri;
  globalState: Record<string, unknown>;
  workspaceState: Record<string, unknown>;
  extensionMode: number;
}

interface StandInUri {
  scheme: string;
  fsPath: string;
  path: string;
  toString(): string;
}

export interface StandInOptions {
  globalStorageDir: string;
  extensionDir?: string;
  /** `baasSms.*` settings by key relative to the section, e.g. `{ sandbox: true }`. */
  settings?: Record<string, unknown>;
  language?: string;
}

function uriOf(value: string, scheme = 'file'): StandInUri {
  return { scheme, fsPath: value, path: value, toString: () => (scheme === 'file' ? `file://${value}` : value) };
}

export function createVscodeStandIn(options: StandInOptions): VscodeStandIn {
  let counts: CallCounts = {};
  const count = (name: string): void => {
    counts[name] = (counts[name] ?? 0) + 1;
  };
  const disposable = (): { dispose(): void } => ({ dispose: () => undefined });

  class Disposable {
    constructor(private readonly onDispose: () => unknown = () => undefined) {
      count('new Disposable');
    }
    static from(...items: Array<{ dispose(): unknown }>): Disposable {
      count('Disposable.from');
      return new Disposable(() => items.forEach((item) => item.dispose()));
    }
    dispose(): void {
      this.onDispose();
    }
  }

  class EventEmitter<T> {
    private readonly listeners = new Set<(value: T) => unknown>();
    readonly event = (listener: (value: T) => unknown): { dispose(): void } => {
      this.listeners.add(listener);
      return { dispose: () => this.listeners.delete(listener) };
    };
    constructor() {
      count('new EventEmitter');
    }
    fire(value: T): void {
      for (const listener of [...this.listeners]) listener(value);
    }
    dispose(): void {
      this.listeners.clear();
    }
  }

  class McpHttpServerDefinition {
    constructor(public label: string, public uri: StandInUri, public headers: Record<string, string> = {}, public version?: string) {
      count('new McpHttpServerDefinition');
    }
  }
  class TreeItem {
    constructor(public label: unknown, public collapsibleState?: number) {
      count('new TreeItem');
    }
  }
  class ThemeIcon {
    constructor(public id: string, public color?: unknown) {
      count('new ThemeIcon');
    }
  }
  class ThemeColor {
    constructor(public id: string) {
      count('new ThemeColor');
    }
  }
  class SnippetString {
    constructor(public value = '') {
      count('new SnippetString');
    }
  }

  const configurationEvents = new EventEmitter<{ affectsConfiguration(section: string): boolean }>();
  const secretEvents = new EventEmitter<{ key: string }>();
  const secretValues = new Map<string, string>();
  const settings = { ...options.settings };
  const mcpProviders = new Map<string, unknown>();

  const outputChannel = (name: string): Record<string, unknown> => {
    const lines: string[] = [];
    const log = (level: string) => (message: string): void => void lines.push(`${level} ${message}`);
    return {
      name, logLevel: 2, onDidChangeLogLevel: () => disposable(),
      trace: log('trace'), debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error'),
      append: log(''), appendLine: log(''), replace: () => undefined, clear: () => undefined,
      show: () => undefined, hide: () => undefined, dispose: () => undefined,
    };
  };

  const namespaces: Record<string, Record<string, unknown>> = {
    window: {
      createOutputChannel: outputChannel,
      createStatusBarItem: () => ({ show: () => undefined, hide: () => undefined, dispose: () => undefined }),
      createTreeView: () => ({ visible: false, onDidChangeVisibility: () => disposable(), onDidExpandElement: () => disposable(), reveal: () => Promise.resolve(), dispose: () => undefined }),
      registerTreeDataProvider: () => disposable(),
      showInformationMessage: () => Promise.resolve(undefined),
      showWarningMessage: () => Promise.resolve(undefined),
      showErrorMessage: () => Promise.resolve(undefined),
      activeTextEditor: undefined,
    },
    workspace: {
      getConfiguration: () => ({
        get: (key: string, fallback?: unknown) => (key in settings ? settings[key] : fallback),
        has: (key: string) => key in settings,
        inspect: () => undefined,
        update: (key: string, value: unknown) => {
          settings[key] = value;
          configurationEvents.fire({ affectsConfiguration: () => true });
          return Promise.resolve();
        },
      }),
      onDidChangeConfiguration: configurationEvents.event,
    },
    commands: {
      registerCommand: () => disposable(),
      executeCommand: () => Promise.resolve(undefined),
    },
    lm: {
      registerMcpServerDefinitionProvider: (id: string, provider: unknown) => {
        mcpProviders.set(id, provider);
        return { dispose: () => mcpProviders.delete(id) };
      },
      tools: [],
    },
    env: {
      language: options.language ?? 'en',
      clipboard: { writeText: () => Promise.resolve(), readText: () => Promise.resolve('') },
    },
    l10n: {
      t: (message: string, ...args: unknown[]) => message.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] === undefined ? m : String(args[Number(i)]))),
    },
  };

  // Functions are wrapped to count their calls; a missing member is reported by name when touched.
  const counted = (name: string, target: Record<string, unknown>): Record<string, unknown> =>
    new Proxy(target, {
      get(object, key) {
        if (typeof key === 'symbol' || key === 'then') return undefined;
        if (!(key in object)) throw new Error(`vscode stand-in: ${name}.${key} is not provided; add it to scripts/bench/vscodeStandIn.ts`);
        const value = object[key];
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          count(`${name}.${key}`);
          return (value as (...a: unknown[]) => unknown)(...args);
        };
      },
    });

  const api: Record<string, unknown> = {
    Disposable, EventEmitter, McpHttpServerDefinition, TreeItem, ThemeIcon, ThemeColor, SnippetString,
    Uri: { parse: (value: string) => (count('Uri.parse'), uriOf(value, value.split(':')[0])), file: (value: string) => (count('Uri.file'), uriOf(value)) },
    StatusBarAlignment: { Left: 1, Right: 2 },
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    InputBoxValidationSeverity: { Info: 1, Warning: 2, Error: 3 },
    QuickInputButtons: { Back: {} },
    ExtensionMode: { Production: 1, Development: 2, Test: 3 },
  };
  for (const [name, members] of Object.entries(namespaces)) api[name] = counted(name, members);
  const vscode = new Proxy(api, {
    get(object, key) {
      if (typeof key === 'symbol' || key === '__esModule' || key === 'default' || key === 'then') return undefined;
      if (!(key in object)) throw new Error(`vscode stand-in: vscode.${key} is not provided; add it to scripts/bench/vscodeStandIn.ts`);
      return object[key];
    },
  });

  const extensionDir = options.extensionDir ?? process.cwd();
  const context: StandInContext = {
    subscriptions: [],
    secrets: counted('context.secrets', {
      get: (key: string) => Promise.resolve(secretValues.get(key)),
      store: (key: string, value: string) => {
        secretValues.set(key, value);
        secretEvents.fire({ key });
        return Promise.resolve();
      },
      delete: (key: string) => {
        secretValues.delete(key);
        secretEvents.fire({ key });
        return Promise.resolve();
      },
      keys: () => Promise.resolve([...secretValues.keys()]),
      onDidChange: secretEvents.event,
    }),
    globalStorageUri: uriOf(options.globalStorageDir),
    storageUri: uriOf(path.join(options.globalStorageDir, 'workspace')),
    logUri: uriOf(path.join(options.globalStorageDir, 'logs')),
    extensionUri: uriOf(extensionDir),
    extensionPath: extensionDir,
    globalState: { get: () => undefined, update: () => Promise.resolve(), keys: () => [] },
    workspaceState: { get: () => undefined, update: () => Promise.resolve(), keys: () => [] },
    extensionMode: 1,
  };

  return {
    vscode,
    context,
    mcpProviders,
    calls: () => ({ ...counts }),
    resetCalls: () => {
      counts = {};
    },
    install: () => {
      const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
      const original = loader._load;
      loader._load = function (request: string, ...rest: unknown[]) {
        return request === 'vscode' ? vscode : original.call(this, request, ...rest);
      };
      return () => {
        loader._load = original;
      };
    },
  };
}
