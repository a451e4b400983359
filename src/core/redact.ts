// Masking for anything a person or a log may see: phone numbers lose their middle digits, and an API
// key is cut out in every form it could travel in (raw, base64, URL-encoded).

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

/** The forms a secret could appear in when it leaks through headers, URLs or encoders. */
export function secretForms(secret: string): string[] {
  if (!secret) return [];
  const forms = new Set([
    secret,
    Buffer.from(secret).toString('base64'),
    Buffer.from(secret).toString('base64url'),
    encodeURIComponent(secret),
    `Bearer ${secret}`,
  ]);
  return [...forms].filter((f) => f.length >= 4);
}

/** Replaces every form of `secret` in `text` with `[REDACTED]`. */
export function redactSecret(text: string, secret: string | undefined): string {
  if (!secret) return text;
  let out = text;
  for (const form of secretForms(secret).sort((a, b) => b.length - a.length)) out = out.split(form).join('[REDACTED]');
  return out;
}
