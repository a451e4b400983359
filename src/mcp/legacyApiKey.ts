// The earlier baas-sms-mcp took the API key as a tool parameter, `baas_api_key`. This release reads
// it only from the server's environment, so the key never passes through a model. A client still
// written for the old parameter used to have it stripped without a word (zod drops unknown keys) and
// then, without a key in the environment, saw MISSING_API_KEY with no hint why. The four tools that had
// the parameter now declare it (any value, never read) so the call is answered with a note saying where
// the key goes now. The value itself is never used, logged, stored or echoed.
import { z } from 'zod';
import type { Locale } from '../core/locale';
import type { Logger } from '../core/logger';

export const legacyApiKeyInput = {
  baas_api_key: z.unknown().optional().describe(
    'Removed: never pass the API key. The server reads it from its environment (BAAS_API_KEY). A call that still passes this is answered with a note; the value is ignored and never stored or shown.',
  ),
};

export const notesOutput = {
  notes: z.array(z.string()).optional().describe('How the call was read, e.g. a parameter that is no longer used'),
};

const NOTE: Record<Locale, string> = {
  en: 'baas_api_key is no longer a parameter and was ignored: the API key now comes only from the server\'s environment ' +
    '(BAAS_API_KEY in the MCP client\'s configuration of this server, or "BaaS SMS: Set API Key" in VS Code). ' +
    'Remove it from your calls, and rotate the key if it was typed into a chat.',
  ko: 'baas_api_key는 더 이상 매개변수가 아니어서 무시했습니다: API 키는 이제 서버의 환경에서만 읽습니다 ' +
    '(MCP 클라이언트의 이 서버 설정에 있는 BAAS_API_KEY, 또는 VS Code의 "BaaS SMS: Set API Key"). ' +
    '호출에서 빼고, 채팅에 입력했던 키라면 새로 발급하세요.',
};

/** The note for a call that passed `baas_api_key` (present in any form, even empty), else none. */
export function legacyApiKeyNotes(args: { baas_api_key?: unknown }, locale: Locale, logger?: Logger, tool?: string): string[] | undefined {
  if (!Object.hasOwn(args, 'baas_api_key')) return undefined;
  logger?.warn(`${tool ?? 'a tool'} was called with baas_api_key, which is ignored (the key comes from the environment); its value is not logged`);
  return [NOTE[locale]];
}
