// The API's paths, in one place: the releases disagree (baas-api.md), so another generation is a
// different table here, not edits across the client.

export interface BaasPaths {
  sendSms: string;
  sendMms: string;
  /** `{group_id}` is replaced by the group id. */
  groupStatus: string;
}

/** The generation the 0.1.x and 1.0.x releases used, with `project_id` in the body. */
export const DEFAULT_BAAS_PATHS: Readonly<BaasPaths> = Object.freeze({
  sendSms: '/message/sms',
  sendMms: '/message/mms',
  groupStatus: '/message/send_history/sms/{group_id}/messages',
});

/** The paths 1.0.15+ documented; the status path stayed the same. */
export const API_PREFIXED_BAAS_PATHS: Readonly<BaasPaths> = Object.freeze({
  ...DEFAULT_BAAS_PATHS,
  sendSms: '/api/message/sms',
  sendMms: '/api/message/mms',
});

export function groupStatusPath(paths: BaasPaths, groupId: number): string {
  return paths.groupStatus.replace('{group_id}', encodeURIComponent(String(groupId)));
}

/** `path` under `baseUrl`, keeping any path prefix the base URL has (`https://gw.example/baas`). */
export function resolveApiUrl(baseUrl: URL, path: string): URL {
  const url = new URL(baseUrl.href);
  url.pathname = `${baseUrl.pathname.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  url.search = '';
  url.hash = '';
  return url;
}
