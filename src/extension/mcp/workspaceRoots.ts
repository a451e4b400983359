// The folders plan_campaign may read a contact list from in VS Code: the workspace's folders on this
// machine. Read at every call, so a folder added to or removed from the workspace counts at once.
import * as vscode from 'vscode';

export function workspaceCampaignRoots(): string[] {
  // Only folders on disk: a remote or virtual folder's path names nothing this process can open.
  return (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => folder.uri.fsPath);
}
