/**
 * Loads the widget's own chunks as classic scripts from beside the loader: a `<script>` needs
 * only the `script-src` the page already grants the loader (a `fetch` would also need
 * `connect-src`), carries the Subresource Integrity hash, the page's nonce and, on Trusted
 * Types pages, a TrustedScriptURL. A chunk hands over what it defines through a callback on
 * its own `<script>` element (`document.currentScript`), so it needs no global of its own.
 */

export const CHUNK_CALLBACK = 'faqWidgetChunk';
export type ChunkScript = HTMLScriptElement & { [CHUNK_CALLBACK]?: (value: unknown) => void };

interface TrustedTypesLike {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): { createScriptURL(url: string): unknown };
}
let policy: { createScriptURL(url: string): unknown } | undefined;

/**
 * The URL as a Trusted Types page needs it: through our own policy, named "faq-widget", which
 * only ever sees the chunk URLs of this build. Throws with the fix in words when the page's
 * `trusted-types` directive does not allow that name.
 */
function scriptUrl(url: string): string {
  const tt = (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes;
  if (!tt) return url;
  try {
    policy ??= tt.createPolicy('faq-widget', { createScriptURL: (u) => u });
  } catch {
    throw new Error(`the page's Trusted Types rules allow no policy named "faq-widget" (add it to the trusted-types directive)`);
  }
  return policy.createScriptURL(url) as string;
}

/** Fetches and runs one chunk; resolves with what it hands over, rejects with a sentence naming the URL. */
export function loadChunk(url: string, integrity: string, nonce: string | undefined): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script') as ChunkScript;
    let handed = false;
    script[CHUNK_CALLBACK] = (value) => {
      handed = true;
      resolve(value);
    };
    const done = (error?: string) => {
      script.remove();
      if (error) reject(new Error(`${url}: ${error}`));
      else if (!handed) reject(new Error(`${url}: loaded, but it is not a part of this version of the widget`));
    };
    script.onload = () => done();
    // Offline, 404, a CDN without CORS headers, or an integrity hash that does not match.
    script.onerror = () => done('could not be loaded (offline, missing, or not the file this version expects)');
    script.async = true;
    script.crossOrigin = 'anonymous';
    script.integrity = integrity;
    if (nonce) script.nonce = nonce;
    try {
      script.src = scriptUrl(url);
      (document.head ?? document.documentElement).append(script);
    } catch (error) {
      reject(new Error(`${url}: ${(error as Error).message}`));
    }
  });
}
