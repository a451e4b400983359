// Reads both answer shapes the BaaS services use (baas-api.md): `{success,message,data,error_code,
// detail}` and `{result:'SUCCESS'|'FAIL',data,message,errorCode}`. HTTP 200 with success:false or
// result:'FAIL' is a failure, whatever the status says.

export interface ServerProblem {
  field: string;
  reason: string;
}

export type Envelope =
  | { ok: true; data: unknown; message?: string }
  | { ok: false; code?: string; message?: string; detail: ServerProblem[] };

/** The envelope in `text`, or undefined when the text is not one of the two shapes (an HTML error page, say). */
export function parseEnvelope(text: string): Envelope | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const body = value as Record<string, unknown>;
  const message = stringOf(body.message);
  const code = stringOf(body.error_code) ?? stringOf(body.errorCode) ?? stringOf(body.code);
  if (body.success === true || body.result === 'SUCCESS') return { ok: true, data: body.data, ...(message !== undefined ? { message } : {}) };
  if (body.success === false || body.result === 'FAIL') return { ok: false, code, message, detail: problemsOf(body.detail) };
  // Not our shapes but plainly an error report (a gateway's or framework's): keep what it says.
  if (code !== undefined || message !== undefined || body.detail !== undefined || stringOf(body.error) !== undefined) {
    return { ok: false, code, message: message ?? stringOf(body.error), detail: problemsOf(body.detail) };
  }
  return undefined;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** `detail` as field/reason pairs; FastAPI's `{loc,msg}` items are understood too. */
function problemsOf(detail: unknown): ServerProblem[] {
  if (typeof detail === 'string') return [{ field: '', reason: detail }];
  if (!Array.isArray(detail)) return [];
  return detail.flatMap((item: unknown): ServerProblem[] => {
    if (typeof item !== 'object' || item === null) return typeof item === 'string' ? [{ field: '', reason: item }] : [];
    const entry = item as Record<string, unknown>;
    const field = stringOf(entry.field) ?? (Array.isArray(entry.loc) ? entry.loc.filter((p) => p !== 'body').join('.') : '');
    const reason = stringOf(entry.reason) ?? stringOf(entry.msg) ?? stringOf(entry.message) ?? '';
    return [{ field, reason }];
  });
}
