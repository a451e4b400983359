// The bundles loaded on first use (esbuild.mjs LAZY_BUNDLES) sit beside the program's own file. A copy
// of dist/server.js (or a damaged install) without them starts fine and fails only when the feature is
// first used: say what is missing and what to do, instead of Node's "Cannot find module".
export function loadBundle<T>(file: string, load: () => T): T {
  try {
    return load();
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === 'MODULE_NOT_FOUND' && message.includes(file)) {
      throw new Error(`${file} is missing beside this program, so the installation is incomplete: reinstall baas-sms-mcp (or the extension)`, { cause: error });
    }
    throw error;
  }
}
