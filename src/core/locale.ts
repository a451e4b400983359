// The two languages the product speaks. The extension follows VS Code's display language; the
// standalone server follows BAAS_LANG, then LC_ALL / LC_MESSAGES / LANG.
export type Locale = 'ko' | 'en';

export function localeFromTag(tag: string | undefined): Locale {
  return tag && /^ko\b|^ko[-_]/i.test(tag.trim()) ? 'ko' : 'en';
}

export function localeFromEnv(env: NodeJS.ProcessEnv): Locale {
  return localeFromTag(env.BAAS_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG);
}
