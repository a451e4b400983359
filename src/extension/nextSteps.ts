// The next step offered with an error: the button that fixes what went wrong (set the key, open the
// right setting, look at the history before re-sending). No `vscode` import: a table, unit-tested.
import type { ErrorCode } from '../core/errorCodes';
import { COMMANDS, CONFIG_SECTION, VIEWS, settingId, SETTINGS } from './constants';
import type { Translate } from './translate';

export interface NextStep {
  label: string;
  command: string;
  args?: unknown[];
}

const OPEN_SETTINGS = 'workbench.action.openSettings';

export function nextStepsFor(code: ErrorCode, t: Translate): NextStep[] {
  const openSetting = (query: string): NextStep => ({ label: t('Open Settings'), command: OPEN_SETTINGS, args: [query] });
  // Toggle Sandbox with `true` switches the sandbox on, never off.
  const useSandbox: NextStep = { label: t('Use Sandbox'), command: COMMANDS.toggleSandbox, args: [true] };
  switch (code) {
    case 'MISSING_API_KEY':
      return [{ label: t('Set API Key'), command: COMMANDS.setApiKey }, useSandbox];
    case 'AUTHENTICATION_FAILED':
      return [{ label: t('Set API Key'), command: COMMANDS.setApiKey }];
    case 'MISSING_PROJECT_ID':
    case 'INVALID_PROJECT_ID':
      return [{ label: t('Set Project ID'), command: COMMANDS.setProjectId }];
    case 'MISSING_CALLBACK_NUMBER':
    case 'INVALID_CALLBACK_NUMBER':
      return [openSetting(settingId(SETTINGS.callbackNumber))];
    case 'LIVE_SENDING_DISABLED':
    case 'SPEND_LIMIT_EXCEEDED':
    case 'RECIPIENT_NOT_ALLOWED':
      return [openSetting(`${CONFIG_SECTION}.guard`), useSandbox];
    case 'OUTCOME_UNKNOWN':
      // The message may have gone out: look before sending again.
      return [{ label: t('Show History'), command: `${VIEWS.history}.focus` }, { label: t('Show Log'), command: COMMANDS.showLog }];
    case 'LEDGER_UNAVAILABLE':
      // Nothing was sent: the team ledger (or the file) must be fixed first, never skipped.
      return [{ label: t('Set Team Ledger…'), command: COMMANDS.setTeamLedger }, { label: t('Show Log'), command: COMMANDS.showLog }];
    case 'CONFIRMATION_DECLINED':
    case 'CANCELLED':
      return [];
    default:
      return [{ label: t('Show Log'), command: COMMANDS.showLog }];
  }
}
