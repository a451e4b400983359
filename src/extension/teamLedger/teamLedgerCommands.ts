// Set Team Ledger… / Clear Team Ledger: the team's PostgreSQL connection string, asked for like a
// password, proven by connecting before it is kept, and kept in SecretStorage only (never in
// settings, never in the log: its password is registered with the logger's redaction first). Setting
// or clearing it switches the one ledger engine the send service, MCP host and history share.
import * as vscode from 'vscode';
import type { Locale } from '../../core/locale';
import { ledgerUrlPassword, maskLedgerUrl } from '../../ledger/engine/ledgerUrl';
import { COMMANDS, SECRET_TEAM_LEDGER } from '../constants';
import { t } from '../l10n';
import type { OutputLogger } from '../outputLogger';
import { showError } from '../showError';
import type { SwitchingLedgerEngine } from './switchingEngine';
import { openTeamEngine, teamEngine } from './teamEngine';

export interface TeamLedgerDeps {
  secrets: vscode.SecretStorage;
  engine: SwitchingLedgerEngine;
  logger: OutputLogger;
  locale: () => Locale;
}

export interface TeamLedgerRegistration extends vscode.Disposable {
  /** What the commands do after their input: `url` proven and kept (false on failure), or undefined cleared. For the in-host tests. */
  use(url: string | undefined): Promise<boolean>;
}

/** Registers the commands and puts the stored team ledger (if any) in use; connects to nothing yet. */
export function registerTeamLedger(deps: TeamLedgerDeps): TeamLedgerRegistration {
  const { secrets, engine, logger } = deps;
  /** The string in use, to tell our own store from another window's in SecretStorage's event. */
  let inUse: string | undefined;
  const read = async (): Promise<string | undefined> => {
    const url = (await secrets.get(SECRET_TEAM_LEDGER))?.trim() || undefined;
    remember(url);
    return url;
  };
  const remember = (url: string | undefined): void => {
    logger.addSecret(url && ledgerUrlPassword(url));
    logger.addSecret(url);
  };
  const follow = (): void => {
    void engine.switchTo(read().then((url) => {
      inUse = url;
      return url ? teamEngine(url, logger) : undefined;
    })).catch((error: unknown) => showError(error, deps.locale(), logger));
  };
  follow();

  const set = async (): Promise<boolean> => {
    const url = await vscode.window.showInputBox({
      title: t('BaaS SMS: Set Team Ledger'),
      prompt: t('The team\'s PostgreSQL connection string. It is kept in the system keychain, never in settings; every send of this window is then recorded there, shared with the team.'),
      placeHolder: 'postgres://user:password@host:5432/database',
      password: true,
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() === '' || /^postgres(ql)?:\/\//i.test(value.trim()) ? undefined : t('Starts with postgres://')),
    });
    return url?.trim() ? use(url.trim()) : false;
  };

  const use = async (text: string): Promise<boolean> => {
    remember(text);
    try {
      const opened = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: t('BaaS SMS: connecting to {0}…', maskLedgerUrl(text)) },
        () => openTeamEngine(text, logger),
      );
      inUse = text;
      await secrets.store(SECRET_TEAM_LEDGER, text);
      await engine.switchTo(Promise.resolve(opened.engine));
      logger.info(`team ledger set: ${maskLedgerUrl(text)}`);
      void vscode.window.showInformationMessage(t('BaaS SMS: sends and the history now use the team ledger {0}.', maskLedgerUrl(text)));
      return true;
    } catch (error) {
      void showError(error, deps.locale(), logger);
      return false;
    }
  };

  const clear = async (): Promise<void> => {
    if (!(await read())) {
      void vscode.window.showInformationMessage(t('BaaS SMS: no team ledger is set; sends are recorded in this machine\'s ledger file.'));
      return;
    }
    inUse = undefined;
    await secrets.delete(SECRET_TEAM_LEDGER);
    await engine.switchTo(Promise.resolve(undefined));
    logger.info('team ledger cleared: sends are recorded in the ledger file again');
    void vscode.window.showInformationMessage(t('BaaS SMS: team ledger cleared; sends are recorded in this machine\'s ledger file.'));
  };

  const disposable = vscode.Disposable.from(
    vscode.commands.registerCommand(COMMANDS.setTeamLedger, set),
    vscode.commands.registerCommand(COMMANDS.clearTeamLedger, clear),
    // Set or cleared in another window: follow it, so every window records in the same ledger.
    secrets.onDidChange((e) => {
      if (e.key !== SECRET_TEAM_LEDGER) return;
      void secrets.get(SECRET_TEAM_LEDGER).then((url) => {
        if ((url?.trim() || undefined) !== inUse) follow();
      });
    }),
  );
  const useOrClear = async (url: string | undefined): Promise<boolean> => {
    if (url !== undefined) return use(url);
    await clear();
    return true;
  };
  return { dispose: () => void disposable.dispose(), use: useOrClear };
}
