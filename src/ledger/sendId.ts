// Ids for sends in the ledger: what a user quotes back ("what happened to s_k3m9x2p7qa?").
import { nodeCrypto } from '../core/nodeBuiltins';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** `s_` and 10 base32 characters (50 random bits): short enough to quote, unique enough for one user's sends. */
export function newSendId(): string {
  let id = 's_';
  for (const byte of nodeCrypto().randomBytes(10)) id += BASE32[byte & 31];
  return id;
}
