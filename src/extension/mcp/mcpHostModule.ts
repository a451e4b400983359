// The extension's second bundle, dist/mcpHost.js: the MCP server and its loopback HTTP host, with the
// MCP SDK and zod (Ajv is left out, see esbuild.mjs). McpHostController loads it the first time VS
// Code starts the server, so activation (commands, the tree, the status bar) neither compiles nor
// runs any of it.
export { startMcpHttpHost } from '../../mcp/httpHost';
export { createServer } from '../../mcp/server';
