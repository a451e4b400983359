// `vscode.l10n.t` as the Translate the vscode-free modules take (strings in l10n/bundle.l10n.*.json).
import * as vscode from 'vscode';
import type { Translate } from './translate';

export const t: Translate = (message, ...args) => vscode.l10n.t(message, ...args);
