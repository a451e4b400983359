// Identifies "the same send" so a request an MCP client re-issues (its answer was lost) does not
// send twice: same project, mode, recipients, text, subject, images and sender.
import { nodeCrypto } from '../core/nodeBuiltins';
import type { PreparedSend } from '../core/types';

export function sendFingerprint(prepared: PreparedSend, sandbox: boolean): string {
  const canonical = JSON.stringify([
    prepared.kind,
    sandbox,
    prepared.project_id,
    prepared.callback_number,
    prepared.recipients.map((r) => `${r.phone_number}\u0000${r.member_code}`).sort(),
    prepared.message,
    prepared.subject ?? null,
    prepared.image_urls,
  ]);
  return nodeCrypto().createHash('sha256').update(canonical).digest('base64url');
}
