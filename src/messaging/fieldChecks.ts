// One check per field of a send, each the only statement of its rule: prepareSend runs them over a
// whole send, and the extension's input steps run the same functions on one field as it is typed.
// Each throws the coded BaasSmsError the send would answer, naming the field.
import { BaasSmsError } from '../core/errors';
import { describeCharacter, measureText } from './bytes';
import { MAX_IMAGES, MAX_MESSAGE_BYTES, MAX_SUBJECT_BYTES } from './limits';

/** The message's EUC-KR bytes. Refuses an empty text, characters a carrier cannot carry, more than 2000 bytes. */
export function checkMessageText(message: unknown): number {
  if (typeof message !== 'string' || message.trim() === '') throw new BaasSmsError('EMPTY_MESSAGE', { field: 'message' });
  return checkText('message', message, MAX_MESSAGE_BYTES, 'MESSAGE_TOO_LONG');
}

/** The MMS subject's EUC-KR bytes. Refuses an empty subject, unsendable characters, more than 40 bytes. */
export function checkSubjectText(subject: unknown): number {
  if (typeof subject !== 'string' || subject.trim() === '') throw new BaasSmsError('EMPTY_SUBJECT', { field: 'subject' });
  return checkText('subject', subject, MAX_SUBJECT_BYTES, 'SUBJECT_TOO_LONG');
}

/** At most five http(s) URLs with a host; the field of a bad one is `image_urls[i]`. */
export function checkImageUrls(urls: unknown): string[] {
  if (!Array.isArray(urls)) throw new BaasSmsError('INVALID_IMAGE_URL', { field: 'image_urls', params: { input: String(urls) } });
  if (urls.length > MAX_IMAGES) throw new BaasSmsError('TOO_MANY_IMAGES', { field: 'image_urls', params: { count: urls.length, max: MAX_IMAGES } });
  urls.forEach((url: unknown, i) => {
    if (!isHttpUrl(url)) throw new BaasSmsError('INVALID_IMAGE_URL', { field: `image_urls[${i}]`, params: { input: String(url) } });
  });
  return [...(urls as string[])];
}

function isHttpUrl(url: unknown): boolean {
  // `new URL` alone would accept "https:example.com"; the API wants the written-out form.
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) return false;
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}

function checkText(field: 'message' | 'subject', text: string, max: number, tooLong: 'MESSAGE_TOO_LONG' | 'SUBJECT_TOO_LONG'): number {
  const { bytes, unencodable } = measureText(text);
  if (unencodable.length > 0) {
    throw new BaasSmsError('UNSENDABLE_CHARACTERS', { field, params: { chars: unencodable.map(describeCharacter).join(', '), count: unencodable.length } });
  }
  if (bytes > max) throw new BaasSmsError(tooLong, { field, params: { actual: bytes, max } });
  return bytes;
}
