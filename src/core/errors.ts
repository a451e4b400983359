// The one error type the core throws. It carries a stable code, the input field it is about and the
// values its message needs; the text itself comes from the catalogue in the caller's language, so the
// same error reads in Korean or English. Never put an API key in params: redact before constructing.
import type { ErrorCode } from './errorCodes';
import type { Locale } from './locale';
import { errorText } from './errorMessages';

export type ErrorParams = Record<string, string | number | boolean | undefined>;

export interface BaasSmsErrorOptions {
  /** The input field the error is about, e.g. `recipients[2].phone_number`. */
  field?: string;
  params?: ErrorParams;
  /** HTTP status of the BaaS API answer, if there was one. */
  status?: number;
  /** The BaaS server's own error code and message, kept verbatim for the user. */
  serverCode?: string;
  serverMessage?: string;
  /** Whether the operation could have taken effect: sends use this to record `unknown`, never `failed`. */
  outcome?: 'not_sent' | 'unknown';
  cause?: unknown;
}

export interface ErrorDescription {
  code: ErrorCode;
  field?: string;
  message: string;
  hint: string;
  status?: number;
  server_code?: string;
  server_message?: string;
}

/**
 * Marks a BaasSmsError whichever copy of this module made it: the extension runs the MCP server from a
 * second bundle (dist/mcpHost.js) with its own copy, and its tools must still recognise the errors the
 * extension's SendService throws, or every refusal would turn into INTERNAL_ERROR.
 */
const BRAND = Symbol.for('baas-sms.BaasSmsError');

export class BaasSmsError extends Error {
  /** `instanceof` by brand, so it holds across bundles (no subclasses: it would match them all). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
  }

  readonly code: ErrorCode;
  readonly field?: string;
  readonly params: ErrorParams;
  readonly status?: number;
  readonly serverCode?: string;
  readonly serverMessage?: string;
  readonly outcome?: 'not_sent' | 'unknown';

  constructor(code: ErrorCode, options: BaasSmsErrorOptions = {}) {
    const params = { ...options.params, field: options.field, serverMessage: options.serverMessage, serverCode: options.serverCode, status: options.status };
    super(errorText(code, params, 'en').message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BaasSmsError';
    this.code = code;
    this.field = options.field;
    this.params = options.params ?? {};
    this.status = options.status;
    this.serverCode = options.serverCode;
    this.serverMessage = options.serverMessage;
    this.outcome = options.outcome;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /**
   * This error with some of its options changed — a send id added to its params, say — keeping the rest
   * and this error as the cause. `params` are merged; pass `code` to restate it as another error.
   */
  with(changes: BaasSmsErrorOptions & { code?: ErrorCode }): BaasSmsError {
    const { code = this.code, params, ...options } = changes;
    return new BaasSmsError(code, {
      field: this.field, status: this.status, serverCode: this.serverCode, serverMessage: this.serverMessage, outcome: this.outcome, cause: this,
      ...options,
      params: { ...this.params, ...params },
    });
  }

  /** The error as a user sees it: code, field, what happened and what to do, in `locale`. */
  describe(locale: Locale): ErrorDescription {
    const text = errorText(this.code, { ...this.params, field: this.field, serverMessage: this.serverMessage, serverCode: this.serverCode, status: this.status }, locale);
    return {
      code: this.code,
      ...(this.field ? { field: this.field } : {}),
      message: text.message,
      hint: text.hint,
      ...(this.status !== undefined ? { status: this.status } : {}),
      ...(this.serverCode ? { server_code: this.serverCode } : {}),
      ...(this.serverMessage ? { server_message: this.serverMessage } : {}),
    };
  }
}

/** Any thrown value as a BaasSmsError; unexpected ones become INTERNAL_ERROR without their stack. */
export function toBaasSmsError(error: unknown): BaasSmsError {
  if (error instanceof BaasSmsError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new BaasSmsError('INTERNAL_ERROR', { params: { detail }, cause: error });
}
