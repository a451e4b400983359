// One step of a multi-step input: an InputBox that re-checks the value on every keystroke (the live
// counter goes in the prompt, a coded error under the box), accepts only a value that passes, and
// offers Back from the second step on.
import * as vscode from 'vscode';
import type { BaasSmsError } from '../../core/errors';
import type { StepCheck } from './sendInputChecks';

export const BACK = Symbol('back');

export interface StepOptions<T> {
  title: string;
  step: number;
  totalSteps: number;
  value: string;
  placeholder?: string;
  /** An error found after the steps (by the whole-send check), shown until the value changes. */
  initialError?: BaasSmsError;
  check: (value: string) => StepCheck<T>;
  describe: (error: BaasSmsError) => string;
}

/** Resolves with the checked value, BACK, or undefined when the user closed the input. */
export function askStep<T>(options: StepOptions<T>): Promise<{ value: T; text: string } | typeof BACK | undefined> {
  return new Promise((resolve) => {
    const box = vscode.window.createInputBox();
    box.title = options.title;
    box.step = options.step;
    box.totalSteps = options.totalSteps;
    box.value = options.value;
    box.placeholder = options.placeholder;
    box.ignoreFocusOut = true;
    box.buttons = options.step > 1 ? [vscode.QuickInputButtons.Back] : [];

    // An empty box is not an error yet: it is only reported when the user presses Enter.
    const show = (value: string, onAccept: boolean): StepCheck<T> => {
      const checked = options.check(value);
      box.prompt = checked.info;
      box.validationMessage = checked.error && (onAccept || value.trim() !== '')
        ? { message: options.describe(checked.error), severity: vscode.InputBoxValidationSeverity.Error }
        : undefined;
      return checked;
    };
    show(box.value, false);
    if (options.initialError) {
      box.validationMessage = { message: options.describe(options.initialError), severity: vscode.InputBoxValidationSeverity.Error };
    }

    let settled = false;
    const finish = (result: { value: T; text: string } | typeof BACK | undefined): void => {
      if (settled) return;
      settled = true;
      resolve(result);
      box.hide();
      box.dispose();
    };
    box.onDidChangeValue((value) => show(value, false));
    box.onDidAccept(() => {
      const checked = show(box.value, true);
      if (!checked.error && checked.value !== undefined) finish({ value: checked.value, text: box.value });
    });
    box.onDidTriggerButton((button) => {
      if (button === vscode.QuickInputButtons.Back) finish(BACK);
    });
    box.onDidHide(() => finish(undefined));
    box.show();
  });
}
