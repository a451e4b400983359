// Masking for anything a person or a log may see: phone numbers lose their middle digits, and an API
// key is cut out in every form it could travel in (raw, Bearer, base64, hex, URL-encoded).

/** `010-1234-5678` → `010-****-5678`; anything else keeps its first 3 and last 4 characters. */
export function maskPhone(phone: string): string {
  const m = /^(\d{2,4})-(\d{3,4})-(\d{4})$/.exec(phone);
  if (m) return `${m[1]}-${'*'.repeat(m[2].length)}-${m[3]}`;
  return phone.length <= 7 ? '*'.repeat(phone.length) : `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** Masks every Korean mobile number in free text (with or without hyphens or +82). */
export function maskPhonesInText(text: string): string {
  return text.replace(/(\+82[- ]?|0)(1[016789])[- ]?(\d{3,4})[- ]?(\d{4})\b/g, (_m, p: string, a: string, b: string, c: string) => `${p}${a}-${'*'.repeat(b.length)}-${c}`);
}

/**
 * The forms a secret could appear in when it leaks through headers, URLs or encoders: raw, `Bearer`,
 * URL-encoded, hex (either case), and base64/base64url. Base64 of a longer text (say `user:key` in a
 * Basic header) encodes the key differently by its offset modulo 3, so the stable middle of each of
 * the three alignments is a form too.
 */
export function secretForms(secret: string): string[] {
  if (!secret) return [];
  const bytes = Buffer.from(secret);
  const hex = bytes.toString('hex');
  const forms = new Set([secret, `Bearer ${secret}`, encodeURIComponent(secret), hex, hex.toUpperCase()]);
  for (const encoding of ['base64', 'base64url'] as const) {
    forms.add(bytes.toString(encoding));
    forms.add(bytes.toString(encoding).replace(/=+$/, ''));
    for (let offset = 1; offset <= 2; offset++) {
      // The first group mixes the prefix's bytes in and the last may mix what follows: keep the middle.
      const shifted = Buffer.concat([Buffer.alloc(offset), bytes]).toString(encoding).replace(/=+$/, '');
      forms.add(shifted.slice(4, shifted.length - 4));
    }
    forms.add(bytes.toString(encoding).slice(0, -4));
  }
  return [...forms].filter((f) => f.length >= 8 || ((f === secret || f === `Bearer ${secret}`) && f.length >= 4));
}

/** Replaces every form of `secret` in `text` with `[REDACTED]`. */
export function redactSecret(text: string, secret: string | undefined): string {
  if (!secret) return text;
  let out = text;
  for (const form of secretForms(secret).sort((a, b) => b.length - a.length)) out = out.split(form).join('[REDACTED]');
  return out;
}
