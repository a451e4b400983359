// A logger the core writes to: stderr in the stdio server, a LogOutputChannel in VS Code. Whatever
// reaches it has phone numbers masked and never holds the API key (see redact.ts).
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
