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
let policy: { createScriptURL(url: string): unknown } | null | undefined;

/** The URL as the page's Trusted Types policy needs it (our own policy, named "faq-widget"), or as it is. */
function scriptUrl(url: string): string {
  if (policy === undefined) {
    const tt = (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes;
    try {
      // Only our own chunk URLs pass through this policy: they come from the build, not from input.
      policy = tt ? tt.createPolicy('faq-widget', { createScriptURL: (u) => u }) : null;
    } catch {
      policy = null; // the page's `trusted-types` directive does not list "faq-widget"
    }
  }
  return (policy ? policy.createScriptURL(url) : url) as string;
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
      reject(new Error(`${url}: the page does not allow it to load (${(error as Error).message})`));
    }
  });
}
