// The confirmation modal's text lives in src/sending/confirmationSummary.ts, shared with the
// standalone server's elicitation form so that every client asks the same thing.
export { confirmationText, formatKrw, SHOWN_RECIPIENTS, type ConfirmationText } from '../../sending/confirmationSummary';
