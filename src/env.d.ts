/// <reference types="vite/client" />

/** The package version, from package.json at build time. */
declare const __VERSION__: string;

/** The chunks beside the loader, with their Subresource Integrity hashes (written by the runtime build). */
declare module 'virtual:faq-chunks' {
  interface Chunk {
    /** File name beside the loader. */
    file: string;
    /** `sha384-…` */
    integrity: string;
  }
  const chunks: { runtime: Chunk; content: Record<'lv' | 'en', Chunk> };
  export default chunks;
}
