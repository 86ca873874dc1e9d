// GetBackend's amplifyMetaConfig: a JSON *string* shaped like the Amplify CLI's amplify-meta.json,
// { providers, auth: { <name>: { service, serviceType?, output } }, api, storage }.
export const KINDS = ['auth', 'api', 'storage'];

/** → { auth: [...], api: [...], storage: [...] }, each [{ name, service, imported, outputs }]. */
export function resourcesFromMeta(metaText) {
  const result = { auth: [], api: [], storage: [] };
  if (!metaText) return result; // an environment without resources may have no meta at all
  let meta;
  try {
    meta = JSON.parse(metaText);
  } catch {
    throw new Error('The server sent an amplifyMetaConfig that is not JSON.');
  }
  for (const kind of KINDS) {
    const entries = Object.entries(meta?.[kind] ?? {}).sort(([a], [b]) => a.localeCompare(b));
    result[kind] = entries.map(([name, r]) => ({
      name,
      service: String(r?.service ?? ''),
      imported: r?.serviceType === 'imported',
      // Scalars only: the ids a deployment produced (pools, endpoint…).
      outputs: Object.entries(r?.output ?? {})
        .filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v))
        .map(([k, v]) => [k, String(v)]),
    }));
  }
  return result;
}
