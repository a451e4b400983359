// The extension's modules take the translation function from core (shared with the MCP server's texts).
export { untranslated, type Translate } from '../core/translate';
