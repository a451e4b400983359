// The forms a leaked API key could take, computed here independently of src/core/redact.ts (a test
// must not trust the code it checks), and a counter of their occurrences in captured output.

/** A canary key with characters that URL-encoding and base64 change: a leak cannot hide by encoding. */
export function canaryKey(random: string): string {
  return `cnry_${random.slice(0, 16)}+/${random.slice(16, 24)}=`;
}

/**
 * Raw, URL-encoded, and base64 / base64url. A key base64-encoded inside a longer text (a Basic auth
 * header, a JSON blob) does not show as base64(key): its alphabet shifts with its byte offset mod 3.
 * So for each offset the needle is the run of characters that depends on the key's bytes alone.
 */
export function secretNeedles(secret: string): Array<{ form: string; needle: string }> {
  const needles = [
    { form: 'raw', needle: secret },
    { form: 'url-encoded', needle: encodeURIComponent(secret) },
    { form: 'url-encoded (form)', needle: new URLSearchParams({ k: secret }).toString().slice(2) },
  ];
  const key = Buffer.from(secret, 'utf8');
  for (const offset of [0, 1, 2]) {
    const data = Buffer.concat([Buffer.alloc(offset, 0x41), key]);
    const firstGroup = offset === 0 ? 0 : 1;
    const lastGroup = Math.floor(data.length / 3);
    for (const encoding of ['base64', 'base64url'] as const) {
      const needle = data.toString(encoding).slice(4 * firstGroup, 4 * lastGroup);
      needles.push({ form: `${encoding} (offset ${offset})`, needle });
    }
  }
  const seen = new Set<string>();
  return needles.filter(({ needle }) => needle.length >= 8 && !seen.has(needle) && seen.add(needle));
}

export interface LeakReport {
  /** Bytes scanned per source. */
  scanned: Record<string, number>;
  /** Every occurrence found: source and form. */
  leaks: Array<{ source: string; form: string; count: number }>;
}

/** Counts every needle in every source. */
export function findLeaks(secret: string, sources: Record<string, string>): LeakReport {
  const needles = secretNeedles(secret);
  const report: LeakReport = { scanned: {}, leaks: [] };
  for (const [source, text] of Object.entries(sources)) {
    report.scanned[source] = Buffer.byteLength(text);
    for (const { form, needle } of needles) {
      const count = text.split(needle).length - 1;
      if (count > 0) report.leaks.push({ source, form, count });
    }
  }
  return report;
}
