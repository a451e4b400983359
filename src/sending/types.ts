// What the send service hands back to its callers: the MCP tools, the VS Code commands and the tree.
import type { GroupStatus, PreparedSend } from '../core/types';

/** A send as it will go out: the rules' verdict plus the mode. The confirmation shows exactly this. */
export interface SendPreview extends PreparedSend {
  sandbox: boolean;
}

/** Asked before every send that goes out; resolving `false` declines it and nothing is sent. */
export type ConfirmSend = (preview: SendPreview) => Promise<boolean>;

export interface AdvertisementOptions {
  isAdvertisement?: boolean;
  nightConsent?: boolean;
}

export interface SendOptions {
  origin: 'mcp' | 'command' | 'test';
  confirm?: ConfirmSend;
  signal?: AbortSignal;
  /** An explicit key makes a deliberate repeat a new send; without one, a repeat inside the window is answered from the first. */
  idempotencyKey?: string;
  advertisement?: AdvertisementOptions;
  /**
   * A campaign's batch: the campaign's own limit, stated in its confirmed plan, stands in for the
   * per-send recipient ceiling and the per-minute/per-day budgets (its batches still count towards them).
   */
  campaign?: {
    id: string;
    /** The mode the campaign was confirmed in: a batch is refused (not sent) once the settings say otherwise. */
    sandbox?: boolean;
  };
}

export interface SendResult {
  send_id: string;
  group_id: number;
  sandbox: boolean;
  preview: SendPreview;
  /** True when this answer is the earlier identical send's, and nothing new was sent. */
  deduplicated: boolean;
}

export interface StatusResult extends GroupStatus {
  send_id?: string;
  sandbox: boolean;
}
