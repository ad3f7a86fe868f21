/// <reference types="vite/client" />

/** The package version, from package.json at build time. */
declare const __VERSION__: string;
