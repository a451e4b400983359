// Insert Integration Snippet…: pick a framework's template (those for the active editor's language
// first) and insert it as a snippet, or into a new untitled file of its language when no editor is open.
// The templates are loaded when the command runs, not at activation (dist/templates.js).
import * as vscode from 'vscode';
import type { Locale } from '../../core/locale';
import type { IntegrationTemplate } from '../../templates';
import { loadTemplates } from '../../templates/loadTemplates';
import { COMMANDS } from '../constants';
import { t } from '../l10n';

interface TemplatePick extends vscode.QuickPickItem {
  template: IntegrationTemplate;
}

export function registerSnippetCommand(locale: () => Locale): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.insertSnippet, async (templateId?: unknown): Promise<boolean> => {
    const template = typeof templateId === 'string' ? loadTemplates().INTEGRATION_TEMPLATES.find((tpl) => tpl.id === templateId) : await pickTemplate(locale());
    if (!template) return false;
    let editor = vscode.window.activeTextEditor;
    if (!editor) {
      const document = await vscode.workspace.openTextDocument({ language: template.language, content: '' });
      editor = await vscode.window.showTextDocument(document);
    }
    return editor.insertSnippet(new vscode.SnippetString(template.body));
  });
}

async function pickTemplate(locale: Locale): Promise<IntegrationTemplate | undefined> {
  const language = vscode.window.activeTextEditor?.document.languageId;
  const ordered = [...loadTemplates().INTEGRATION_TEMPLATES].sort((a, b) => Number(b.language === language) - Number(a.language === language));
  const items: TemplatePick[] = ordered.map((template) => ({
    template,
    label: locale === 'ko' ? template.titleKo : template.title,
    description: `${template.framework} · ${template.language}`,
    detail: locale === 'ko' ? template.descriptionKo : template.description,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: t('BaaS SMS: Insert Integration Snippet'),
    placeHolder: t('Pick a framework: the code calls your own backend, which holds the API key'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.template;
}
