// The hard limits the BaaS API enforces (baas-api.md). The rules check them first so a send that the
// server would refuse never leaves the machine; the SMS/LMS threshold is a setting, not listed here.

/** Longest message body, in EUC-KR bytes (carriers' count; the API's own character count is never larger). */
export const MAX_MESSAGE_BYTES = 2000;
/** Longest LMS/MMS subject, in EUC-KR bytes. */
export const MAX_SUBJECT_BYTES = 40;
/** Most image URLs one MMS may carry. */
export const MAX_IMAGES = 5;
/** Most recipients one request may carry. */
export const MAX_RECIPIENTS = 1000;
