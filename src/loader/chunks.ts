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
  try {
    policy ??= (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes?.createPolicy('faq-widget', { createScriptURL: (u) => u });
  } catch {
    throw new Error(`the page's Trusted Types rules allow no policy named "faq-widget" (add it to the trusted-types directive)`);
  }
  return policy ? (policy.createScriptURL(url) as string) : url;
}

/** Fetches and runs one chunk; resolves with what it hands over, rejects with a sentence naming the URL. */
export function loadChunk(url: string, integrity: string, nonce: string | undefined): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script') as ChunkScript;
    script[CHUNK_CALLBACK] = resolve;
    // A chunk hands over what it defines while it runs, before its load event: a rejection after that changes nothing.
    const fail = (why: string) => {
      script.remove();
      reject(new Error(`${url}: ${why}`));
    };
    script.onload = () => fail('loaded, but it is not a part of this version of the widget');
    // Offline, 404, a CDN without CORS headers, or an integrity hash that does not match.
    script.onerror = () => fail('could not be loaded (offline, missing, or not the file this version expects)');
    script.async = true;
    script.crossOrigin = 'anonymous';
    script.integrity = integrity;
    if (nonce) script.nonce = nonce;
    try {
      script.src = scriptUrl(url);
      (document.head ?? document.documentElement).append(script);
    } catch (error) {
      fail((error as Error).message);
    }
  });
}
