// Secrets never in logs, not even the throwaway test database's password: the suite's page URL carries
// the extension host's environment (BAAS_TEST_TEAM_LEDGER_URL, with its password) JSON-encoded twice
// and then URI-encoded, and an error from the browser may quote that URL. Every line the VS Code test
// run prints goes through masked(), which replaces each registered secret, in each of those forms, by ***.

const hidden = new Set();

/** The secrets in an environment: the password of any URL value, and values of *KEY, *TOKEN, *SECRET, *PASSWORD. */
export function secretsOf(env = {}) {
  const found = [];
  for (const [name, value] of Object.entries(env)) {
    if (typeof value !== 'string' || !value) continue;
    if (/(KEY|TOKEN|SECRET|PASSWORD)$/i.test(name)) found.push(value);
    try {
      const password = new URL(value).password;
      if (password) found.push(password, decodeURIComponent(password));
    } catch {
      // not a URL
    }
  }
  return found;
}

/** From now on, masked() hides these (in this process). */
export function hideInLogs(secrets) {
  for (const secret of secrets) if (secret.length >= 4) hidden.add(secret);
}

/** `text` with every secret given (and every one registered by hideInLogs) as ***, in each form it takes in a URL or JSON. */
export function masked(text, secrets = []) {
  let out = String(text);
  for (const secret of new Set([...hidden, ...secrets])) {
    for (const form of forms(secret).sort((a, b) => b.length - a.length)) out = out.split(form).join('***');
  }
  return out;
}

/** The secret raw, JSON-escaped once and twice, and each of those URI-encoded (once and twice). */
function forms(secret) {
  const all = new Set();
  let json = secret;
  for (let level = 0; level < 3; level++) {
    let uri = json;
    for (let encoded = 0; encoded < 3; encoded++) {
      all.add(uri);
      uri = encodeURIComponent(uri);
    }
    json = JSON.stringify(json).slice(1, -1);
  }
  return [...all].filter((form) => form.length > 0);
}
