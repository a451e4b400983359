// Express integration (JavaScript and TypeScript): the backend route that holds the BaaS API key and
// calls the API, so browsers only ever talk to the app's own server.
import type { IntegrationTemplate } from './integrationTemplate';
import { snippet, tab } from './snippetBody';

export const expressSmsJavascript: IntegrationTemplate = {
  id: 'express-sms-js',
  framework: 'express',
  language: 'javascript',
  title: 'Express SMS verification route (JavaScript)',
  titleKo: 'Express 문자 인증 라우트 (JavaScript)',
  description: 'POST /api/sms/verification texts a verification code through the BaaS API (key and project id from the environment, both envelopes and every failure handled, no automatic retry on timeout) and GET /api/sms/status/:groupId reports delivery.',
  descriptionKo: 'POST /api/sms/verification은 BaaS API로 인증번호 문자를 보내고(키와 프로젝트 ID는 환경 변수에서, 두 응답 형식과 모든 실패 처리, 시간 초과 시 자동 재시도 없음) GET /api/sms/status/:groupId는 전송 결과를 알려 줍니다.',
  prefix: 'baas-express-sms-js',
  body: snippet`// BaaS SMS for Express: POST /api/sms/verification texts a verification code and
// GET /api/sms/status/:groupId reports delivery. Mount it with app.use(smsRouter).
// The API key stays on this server (env BAAS_API_KEY): it is never sent to the browser.
// Needs Node >= 18 for the global fetch.
'use strict';
const { randomInt, randomUUID } = require('node:crypto');
const express = require('express');

const BAAS_API_BASE_URL = (process.env.BAAS_API_BASE_URL ?? 'https://api.aiapp.link').replace(/\/+$/, '');
// The sender number must be registered with the carriers beforehand (Korean law) or the API refuses it.
const CALLBACK_NUMBER = '${tab(1, '02-1234-5678')}';
const REQUEST_TIMEOUT_MS = 10000;
const CODE_TTL_MS = 5 * 60 * 1000;

/** @typedef {{ phone_number: string, member_code: string }} Recipient */
/** @typedef {{ ok: false, status: number, code: string, message: string }} SmsFailure What the browser gets when something fails: a stable code and a message, never the key. */

/** @type {(status: number, code: string, message: string) => SmsFailure} */
const failure = (status, code, message) => ({ ok: false, status, code, message });

/**
 * 01012345678, 010 1234 5678 or +82 10-1234-5678 → 010-1234-5678; null for anything else.
 * @param {string} input
 * @returns {string | null}
 */
function normalizePhoneNumber(input) {
  let digits = input.replace(/\D/g, '');
  if (digits.startsWith('82')) digits = '0' + digits.slice(digits.startsWith('820') ? 3 : 2);
  const match = /^010(\d{4})(\d{4})$/.exec(digits);
  return match ? \`010-\${match[1]}-\${match[2]}\` : null;
}

/**
 * Both envelopes the BaaS services use: {success, data, error_code} and {result, data, errorCode}.
 * @param {number} status
 * @param {string} text
 * @param {boolean} isSend
 * @returns {{ ok: true, data: unknown } | SmsFailure}
 */
function interpret(status, text, isSend) {
  /** @type {{ success?: boolean, result?: string, message?: string, error_code?: string, errorCode?: string, data?: unknown }} */
  let envelope = {};
  try {
    const parsed = JSON.parse(text);
    if (parsed && typeof parsed === 'object') envelope = parsed;
  } catch {
    // Not JSON: judged by the status alone below.
  }
  const serverCode = envelope.error_code ?? envelope.errorCode;
  if (status === 401 || status === 403 || serverCode === 'AUTHENTICATION_FAILED') {
    // The server's own key is wrong: a server problem (502), not the visitor's.
    return failure(502, 'AUTHENTICATION_FAILED', 'The SMS service rejected this server\'s API key.');
  }
  if (status === 429 || serverCode === 'RATE_LIMIT_EXCEEDED') {
    return failure(429, 'RATE_LIMIT_EXCEEDED', 'Too many SMS requests. Please wait and try again.');
  }
  if (status >= 200 && status < 300) {
    if (envelope.success === true || envelope.result === 'SUCCESS') return { ok: true, data: envelope.data };
    if (isSend && envelope.success === undefined && envelope.result === undefined) {
      return failure(502, 'OUTCOME_UNKNOWN', 'The SMS service\'s answer could not be read: the message may have been sent.');
    }
  }
  return failure(502, serverCode ?? 'API_ERROR', envelope.message ?? \`The SMS service answered HTTP \${status}.\`);
}

/**
 * One call to the BaaS API. Never retried: when a send times out it may still have gone out, and
 * sending again could text the person twice. The caller reports OUTCOME_UNKNOWN instead.
 * @param {'GET' | 'POST'} method
 * @param {string} path
 * @param {unknown} [body]
 * @returns {Promise<{ ok: true, data: unknown } | SmsFailure>}
 */
async function callBaas(method, path, body) {
  const apiKey = process.env.BAAS_API_KEY;
  if (!apiKey) {
    console.error('BAAS_API_KEY is not set: no SMS request was made.');
    return failure(500, 'SMS_NOT_CONFIGURED', 'SMS is not configured on this server.');
  }
  /** @type {Record<string, string>} */
  const headers = {
    Accept: 'application/json',
    'X-API-KEY': apiKey,
    Authorization: \`Bearer \${apiKey}\`,
  };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    // Lets the API drop a duplicate of this exact request; reuse it if you ever add a retry.
    headers['Idempotency-Key'] = randomUUID();
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  try {
    const response = await fetch(BAAS_API_BASE_URL + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller.signal,
    });
    return interpret(response.status, await response.text(), body !== undefined);
  } catch {
    // Timed out or the connection broke: for a send, nobody knows whether it went out.
    return body === undefined
      ? failure(504, 'BAAS_UNREACHABLE', 'The SMS service did not answer. Please try again.')
      : failure(504, 'OUTCOME_UNKNOWN', 'The SMS service did not answer in time: the message may or may not have been sent. Check its status before sending again.');
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Sends one SMS to the recipients (max 1000) and returns the BaaS group id.
 * @param {Recipient[]} recipients
 * @param {string} message
 * @returns {Promise<{ ok: true, groupId: string | number | null } | SmsFailure>}
 */
async function sendSms(recipients, message) {
  const projectId = process.env.PROJECT_ID;
  if (!projectId) {
    console.error('PROJECT_ID is not set: no SMS request was made.');
    return failure(500, 'SMS_NOT_CONFIGURED', 'SMS is not configured on this server.');
  }
  const outcome = await callBaas('POST', '/message/sms', {
    recipients,
    message,
    callback_number: CALLBACK_NUMBER,
    project_id: projectId,
    channel_id: 1,
  });
  if (!outcome.ok) return outcome;
  const data = /** @type {{ group_id?: string | number, groupId?: string | number }} */ (outcome.data ?? {});
  return { ok: true, groupId: data.group_id ?? data.groupId ?? null };
}

// Replace with your database or cache (e.g. Redis): this map lives in one process only.
/** @type {Map<string, { code: string, expiresAt: number }>} */
const verificationCodes = new Map();

/**
 * For your own sign-up/login route: true once, if the code matches and has not expired.
 * @param {string} phone
 * @param {string} code
 * @returns {boolean}
 */
function checkVerificationCode(phone, code) {
  const normalized = normalizePhoneNumber(phone);
  const entry = normalized ? verificationCodes.get(normalized) : undefined;
  if (!normalized || !entry || entry.expiresAt < Date.now() || entry.code !== code) return false;
  verificationCodes.delete(normalized);
  return true;
}

const smsRouter = express.Router();
smsRouter.use(express.json());

smsRouter.post('/api/sms/verification', async (req, res) => {
  const body = req.body ?? {};
  const phone = normalizePhoneNumber(typeof body.phone === 'string' ? body.phone : '');
  if (!phone) {
    res.status(400).json({ ok: false, code: 'INVALID_PHONE_NUMBER', message: 'Enter a mobile number like 010-1234-5678.' });
    return;
  }
  // member_code names the recipient in your BaaS project; prefer your signed-in user's id.
  const memberCode = typeof body.memberCode === 'string' && body.memberCode ? body.memberCode : '${tab(2, 'guest')}';
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  // Stored before sending: if the answer is lost the SMS may still arrive, and its code must work.
  verificationCodes.set(phone, { code, expiresAt: Date.now() + CODE_TTL_MS });
  const sent = await sendSms([{ phone_number: phone, member_code: memberCode }], \`${tab(3, '[MyApp] 인증번호는 ${code}입니다.')}\`);
  if (!sent.ok) {
    if (sent.code !== 'OUTCOME_UNKNOWN') verificationCodes.delete(phone);
    res.status(sent.status).json({ ok: false, code: sent.code, message: sent.message });
    return;
  }
  res.json({ ok: true, groupId: sent.groupId });
});

// Protect this route with your own auth: group ids are easy to guess.
smsRouter.get('/api/sms/status/:groupId', async (req, res) => {
  const { groupId } = req.params;
  if (!/^[\w-]{1,64}$/.test(groupId)) {
    res.status(400).json({ ok: false, code: 'INVALID_GROUP_ID', message: 'Unknown group id.' });
    return;
  }
  const outcome = await callBaas('GET', \`/message/send_history/sms/\${encodeURIComponent(groupId)}/messages\`);
  if (!outcome.ok) {
    res.status(outcome.status).json({ ok: false, code: outcome.code, message: outcome.message });
    return;
  }
  /** @type {Array<{ phone?: string, result?: string, reason?: string | null }>} */
  const rows = Array.isArray(outcome.data) ? outcome.data : [];
  const success = rows.filter((row) => row.result === '성공').length;
  const failed = rows.filter((row) => row.result === '실패').length;
  const pending = rows.length - success - failed;
  const status = rows.length === 0 || pending > 0 ? '전송중' : failed === 0 ? '성공' : success === 0 ? '실패' : '부분성공';
  res.json({
    ok: true,
    groupId,
    status,
    total: rows.length,
    success,
    failed,
    pending,
    // Masked: the browser needs the outcome, not everyone's phone number.
    messages: rows.map((row) => ({
      phone: String(row.phone ?? '').replace(/^(\d{3})-?\d{3,4}-?(\d{4})$/, '$1-****-$2'),
      result: row.result ?? null,
      reason: row.reason ?? null,
    })),
  });
});

module.exports = { smsRouter, sendSms, normalizePhoneNumber, checkVerificationCode };
`,
};

export const expressSmsTypescript: IntegrationTemplate = {
  id: 'express-sms-ts',
  framework: 'express',
  language: 'typescript',
  title: 'Express SMS verification route (TypeScript)',
  titleKo: 'Express 문자 인증 라우트 (TypeScript)',
  description: 'POST /api/sms/verification texts a verification code through the BaaS API (key and project id from the environment, both envelopes and every failure handled, no automatic retry on timeout) and GET /api/sms/status/:groupId reports delivery.',
  descriptionKo: 'POST /api/sms/verification은 BaaS API로 인증번호 문자를 보내고(키와 프로젝트 ID는 환경 변수에서, 두 응답 형식과 모든 실패 처리, 시간 초과 시 자동 재시도 없음) GET /api/sms/status/:groupId는 전송 결과를 알려 줍니다.',
  prefix: 'baas-express-sms-ts',
  body: snippet`// BaaS SMS for Express: POST /api/sms/verification texts a verification code and
// GET /api/sms/status/:groupId reports delivery. Mount it with app.use(smsRouter).
// The API key stays on this server (env BAAS_API_KEY): it is never sent to the browser.
// Needs Node >= 18 for the global fetch.
import { randomInt, randomUUID } from 'node:crypto';
import express, { type Request, type Response } from 'express';

const BAAS_API_BASE_URL = (process.env.BAAS_API_BASE_URL ?? 'https://api.aiapp.link').replace(/\/+$/, '');
// The sender number must be registered with the carriers beforehand (Korean law) or the API refuses it.
const CALLBACK_NUMBER = '${tab(1, '02-1234-5678')}';
const REQUEST_TIMEOUT_MS = 10000;
const CODE_TTL_MS = 5 * 60 * 1000;

export type Recipient = { phone_number: string; member_code: string };

/** What the browser gets when something fails: a stable code and a message, never the key. */
export type SmsFailure = { ok: false; status: number; code: string; message: string };

type BaasEnvelope = {
  success?: boolean;
  result?: string;
  message?: string;
  error_code?: string;
  errorCode?: string;
  data?: unknown;
};

const failure = (status: number, code: string, message: string): SmsFailure => ({ ok: false, status, code, message });

/** 01012345678, 010 1234 5678 or +82 10-1234-5678 → 010-1234-5678; null for anything else. */
export function normalizePhoneNumber(input: string): string | null {
  let digits = input.replace(/\D/g, '');
  if (digits.startsWith('82')) digits = '0' + digits.slice(digits.startsWith('820') ? 3 : 2);
  const match = /^010(\d{4})(\d{4})$/.exec(digits);
  return match ? \`010-\${match[1]}-\${match[2]}\` : null;
}

// Both envelopes the BaaS services use: {success, data, error_code} and {result, data, errorCode}.
function interpret(status: number, text: string, isSend: boolean): { ok: true; data: unknown } | SmsFailure {
  let envelope: BaasEnvelope = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') envelope = parsed as BaasEnvelope;
  } catch {
    // Not JSON: judged by the status alone below.
  }
  const serverCode = envelope.error_code ?? envelope.errorCode;
  if (status === 401 || status === 403 || serverCode === 'AUTHENTICATION_FAILED') {
    // The server's own key is wrong: a server problem (502), not the visitor's.
    return failure(502, 'AUTHENTICATION_FAILED', 'The SMS service rejected this server\'s API key.');
  }
  if (status === 429 || serverCode === 'RATE_LIMIT_EXCEEDED') {
    return failure(429, 'RATE_LIMIT_EXCEEDED', 'Too many SMS requests. Please wait and try again.');
  }
  if (status >= 200 && status < 300) {
    if (envelope.success === true || envelope.result === 'SUCCESS') return { ok: true, data: envelope.data };
    if (isSend && envelope.success === undefined && envelope.result === undefined) {
      return failure(502, 'OUTCOME_UNKNOWN', 'The SMS service\'s answer could not be read: the message may have been sent.');
    }
  }
  return failure(502, serverCode ?? 'API_ERROR', envelope.message ?? \`The SMS service answered HTTP \${status}.\`);
}

/**
 * One call to the BaaS API. Never retried: when a send times out it may still have gone out, and
 * sending again could text the person twice. The caller reports OUTCOME_UNKNOWN instead.
 */
async function callBaas(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ ok: true; data: unknown } | SmsFailure> {
  const apiKey = process.env.BAAS_API_KEY;
  if (!apiKey) {
    console.error('BAAS_API_KEY is not set: no SMS request was made.');
    return failure(500, 'SMS_NOT_CONFIGURED', 'SMS is not configured on this server.');
  }
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'X-API-KEY': apiKey,
    Authorization: \`Bearer \${apiKey}\`,
  };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    // Lets the API drop a duplicate of this exact request; reuse it if you ever add a retry.
    headers['Idempotency-Key'] = randomUUID();
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  try {
    const response = await fetch(BAAS_API_BASE_URL + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller.signal,
    });
    return interpret(response.status, await response.text(), body !== undefined);
  } catch {
    // Timed out or the connection broke: for a send, nobody knows whether it went out.
    return body === undefined
      ? failure(504, 'BAAS_UNREACHABLE', 'The SMS service did not answer. Please try again.')
      : failure(504, 'OUTCOME_UNKNOWN', 'The SMS service did not answer in time: the message may or may not have been sent. Check its status before sending again.');
  } finally {
    clearTimeout(timer);
  }
}

/** Sends one SMS to the recipients (max 1000) and returns the BaaS group id. */
export async function sendSms(recipients: Recipient[], message: string): Promise<{ ok: true; groupId: string | number | null } | SmsFailure> {
  const projectId = process.env.PROJECT_ID;
  if (!projectId) {
    console.error('PROJECT_ID is not set: no SMS request was made.');
    return failure(500, 'SMS_NOT_CONFIGURED', 'SMS is not configured on this server.');
  }
  const outcome = await callBaas('POST', '/message/sms', {
    recipients,
    message,
    callback_number: CALLBACK_NUMBER,
    project_id: projectId,
    channel_id: 1,
  });
  if (!outcome.ok) return outcome;
  const data = (outcome.data ?? {}) as { group_id?: string | number; groupId?: string | number };
  return { ok: true, groupId: data.group_id ?? data.groupId ?? null };
}

// Replace with your database or cache (e.g. Redis): this map lives in one process only.
const verificationCodes = new Map<string, { code: string; expiresAt: number }>();

/** For your own sign-up/login route: true once, if the code matches and has not expired. */
export function checkVerificationCode(phone: string, code: string): boolean {
  const normalized = normalizePhoneNumber(phone);
  const entry = normalized ? verificationCodes.get(normalized) : undefined;
  if (!normalized || !entry || entry.expiresAt < Date.now() || entry.code !== code) return false;
  verificationCodes.delete(normalized);
  return true;
}

export const smsRouter = express.Router();
smsRouter.use(express.json());

smsRouter.post('/api/sms/verification', async (req: Request, res: Response) => {
  const body = (req.body ?? {}) as { phone?: unknown; memberCode?: unknown };
  const phone = normalizePhoneNumber(typeof body.phone === 'string' ? body.phone : '');
  if (!phone) {
    res.status(400).json({ ok: false, code: 'INVALID_PHONE_NUMBER', message: 'Enter a mobile number like 010-1234-5678.' });
    return;
  }
  // member_code names the recipient in your BaaS project; prefer your signed-in user's id.
  const memberCode = typeof body.memberCode === 'string' && body.memberCode ? body.memberCode : '${tab(2, 'guest')}';
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  // Stored before sending: if the answer is lost the SMS may still arrive, and its code must work.
  verificationCodes.set(phone, { code, expiresAt: Date.now() + CODE_TTL_MS });
  const sent = await sendSms([{ phone_number: phone, member_code: memberCode }], \`${tab(3, '[MyApp] 인증번호는 ${code}입니다.')}\`);
  if (!sent.ok) {
    if (sent.code !== 'OUTCOME_UNKNOWN') verificationCodes.delete(phone);
    res.status(sent.status).json({ ok: false, code: sent.code, message: sent.message });
    return;
  }
  res.json({ ok: true, groupId: sent.groupId });
});

type StatusRow = { phone?: string; result?: string; reason?: string | null };

// Protect this route with your own auth: group ids are easy to guess.
smsRouter.get('/api/sms/status/:groupId', async (req: Request<{ groupId: string }>, res: Response) => {
  const { groupId } = req.params;
  if (!/^[\w-]{1,64}$/.test(groupId)) {
    res.status(400).json({ ok: false, code: 'INVALID_GROUP_ID', message: 'Unknown group id.' });
    return;
  }
  const outcome = await callBaas('GET', \`/message/send_history/sms/\${encodeURIComponent(groupId)}/messages\`);
  if (!outcome.ok) {
    res.status(outcome.status).json({ ok: false, code: outcome.code, message: outcome.message });
    return;
  }
  const rows = (Array.isArray(outcome.data) ? outcome.data : []) as StatusRow[];
  const success = rows.filter((row) => row.result === '성공').length;
  const failed = rows.filter((row) => row.result === '실패').length;
  const pending = rows.length - success - failed;
  const status = rows.length === 0 || pending > 0 ? '전송중' : failed === 0 ? '성공' : success === 0 ? '실패' : '부분성공';
  res.json({
    ok: true,
    groupId,
    status,
    total: rows.length,
    success,
    failed,
    pending,
    // Masked: the browser needs the outcome, not everyone's phone number.
    messages: rows.map((row) => ({
      phone: String(row.phone ?? '').replace(/^(\d{3})-?\d{3,4}-?(\d{4})$/, '$1-****-$2'),
      result: row.result ?? null,
      reason: row.reason ?? null,
    })),
  });
});
`,
};
