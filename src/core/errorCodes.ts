// Every stable error code the product reports. The first seven are the earlier product's codes that
// users already rely on; keep their names. Tool results, command errors and the ledger use these.
export const ERROR_CODES = [
  // from the earlier baas-sms-mcp
  'MISSING_PROJECT_ID',
  'INVALID_RECIPIENTS_COUNT',
  'MESSAGE_TOO_LONG',
  'SUBJECT_TOO_LONG',
  'TOO_MANY_IMAGES',
  'API_ERROR',
  'INTERNAL_ERROR',
  // input
  'INVALID_INPUT',
  'INVALID_PHONE_NUMBER',
  'INVALID_CALLBACK_NUMBER',
  'MISSING_CALLBACK_NUMBER',
  'INVALID_MEMBER_CODE',
  'INVALID_PROJECT_ID',
  'INVALID_IMAGE_URL',
  'INVALID_GROUP_ID',
  'EMPTY_MESSAGE',
  'EMPTY_SUBJECT',
  'UNSENDABLE_CHARACTERS',
  // configuration and the API
  'MISSING_API_KEY',
  'AUTHENTICATION_FAILED',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'TIMEOUT',
  'NETWORK_ERROR',
  'OUTCOME_UNKNOWN',
  'CANCELLED',
  'GROUP_NOT_FOUND',
  'LEDGER_UNAVAILABLE',
  // safety
  'CONFIRMATION_DECLINED',
  'CONFIRMATION_REQUIRED',
  'LIVE_SENDING_DISABLED',
  'SPEND_LIMIT_EXCEEDED',
  'RECIPIENT_NOT_ALLOWED',
  'ADVERTISING_RULES',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
