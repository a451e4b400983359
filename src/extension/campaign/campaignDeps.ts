// What the campaign commands use from the extension: the one send service and ledger engine (so a
// campaign's batches are claimed where every other send is), the ledger file (its campaigns/ folder
// holds the records and plans), the settings and the log.
import type { Logger } from '../../core/logger';
import type { SendingSettings } from '../../core/settings';
import type { LedgerEngine } from '../../ledger/engine/types';
import type { SendService } from '../../sending/sendService';

export interface CampaignDeps {
  sendService: SendService;
  ledger: LedgerEngine;
  ledgerFile: string;
  settings: () => SendingSettings;
  logger: Logger;
}
