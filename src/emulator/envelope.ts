// The two answer shapes BaaS services use (baas-api.md): the messaging API's `{success,…}` and the
// newer services' `{result:'SUCCESS'|'FAIL',…}`. The emulator speaks one of them per instance.

export type EnvelopeStyle = 'legacy' | 'result';

export interface FieldProblem {
  field: string;
  reason: string;
}

export function successEnvelope(style: EnvelopeStyle, message: string, data: unknown): Record<string, unknown> {
  return style === 'legacy' ? { success: true, message, data } : { result: 'SUCCESS', data, message };
}

export function failureEnvelope(style: EnvelopeStyle, code: string, message: string, detail?: FieldProblem[]): Record<string, unknown> {
  return style === 'legacy'
    ? { success: false, message, error_code: code, ...(detail ? { detail } : {}) }
    : { result: 'FAIL', data: null, message, errorCode: code, ...(detail ? { detail } : {}) };
}
