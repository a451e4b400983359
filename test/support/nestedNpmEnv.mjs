// Running npm from inside `npm test`: shared by scripts/vscode-env.mjs and the package test.
/**
 * The environment for a nested npm: ours without what an outer `npm test` adds about itself. npm reads
 * `npm_config_*` variables as its own config, so the outer npm's `npm_config_user_agent` ("… node/v20 …")
 * would reach code-server's postinstall, which then refuses to run (it reads the Node version from
 * there, not from the node it runs on). A user's own settings (registry, proxy, cache, auth) stay.
 */
const OUTER_NPM_RUN = /^npm_(lifecycle_|package_|command$|execpath$|node_execpath$|config_user_agent$|config_local_prefix$)/i;
export function nestedNpmEnv(extra = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !OUTER_NPM_RUN.test(name)));
  return { ...env, ...extra };
}
