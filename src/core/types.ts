// Shapes shared by the rules, the BaaS client, the send ledger, the MCP tools and the extension.

export interface Recipient {
  /** Normalised to 010-XXXX-XXXX once it has passed the rules. */
  phone_number: string;
  member_code: string;
}

export type MessageKind = 'sms' | 'mms';
/** How carriers bill it: SMS ≤ threshold bytes, LMS above it, MMS with a subject+images via send_mms. */
export type MessageType = 'SMS' | 'LMS' | 'MMS';

export interface RulesConfig {
  /** Bytes (EUC-KR) up to which a text goes as SMS; above it, LMS (default in core/settings.ts). */
  smsByteLimit: number;
  /** Per-message prices in KRW for the cost estimate. */
  prices: Record<MessageType, number>;
}

/** What a caller asks to send, before the rules have looked at it (tool arguments, command input). */
export interface SendInput {
  kind: MessageKind;
  recipients: Array<{ phone_number: string; member_code: string }>;
  message: string;
  callback_number: string;
  subject?: string;
  image_urls?: string[];
  project_id?: string;
}

export interface SendWarning {
  code: string;
  message: string;
}

/** A send that passed the rules: what will go out, what it costs, what to watch for. Shown before every send. */
export interface PreparedSend {
  kind: MessageKind;
  recipients: Recipient[];
  duplicates_dropped: number;
  message: string;
  callback_number: string;
  subject?: string;
  image_urls: string[];
  project_id: string;
  message_type: MessageType;
  message_bytes: number;
  subject_bytes: number;
  estimated_cost_krw: number;
  warnings: SendWarning[];
}

/** Per-recipient delivery state as the BaaS API reports it. */
export type DeliveryResult = '전송중' | '성공' | '실패';
/** The group's state: derived from its recipients (baas-api.md). */
export type GroupState = '전송중' | '성공' | '실패' | '부분성공';

export interface RecipientStatus {
  phone: string;
  name: string | null;
  status: DeliveryResult;
  reason: string | null;
}

export interface GroupStatus {
  group_id: number;
  status: GroupState;
  total_count: number;
  success_count: number;
  failed_count: number;
  pending_count: number;
  messages: RecipientStatus[];
}

/** Where a send stands in the ledger. `pending` is only ever seen while a request is in flight. */
export type SendOutcome = 'pending' | 'sent' | 'failed' | 'unknown';
