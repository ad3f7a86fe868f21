/// <reference types="vite/client" />

/** The package version, from package.json at build time. */
declare const __VERSION__: string;

/** A chunk beside the loader: its file name and Subresource Integrity hash (`sha384-…`). */
interface FaqChunk {
  file: string;
  integrity: string;
}

/** The runtime chunk, for the loader (from the manifest the runtime build writes). */
declare module 'virtual:faq-chunks' {
  export const runtime: FaqChunk;
}

/** The built-in content chunks, for the runtime (written by the same build). */
declare module 'virtual:faq-content-chunks' {
  export const content: Record<'lv' | 'en', FaqChunk>;
}
