/** The parts of the `xliff` package (which ships no types) the agency round trip uses. */
interface XliffUnit {
  source?: unknown;
  target?: unknown;
  note?: string | string[];
}
interface XliffJs {
  sourceLanguage?: string;
  targetLanguage?: string;
  resources: Record<string, Record<string, XliffUnit>>;
}
declare module 'xliff/js2xliff' {
  export default function js2xliff(js: XliffJs, options?: { indent?: string; targetXliffVersion?: string }): Promise<string>;
}
declare module 'xliff/xliff2js' {
  export default function xliff2js(xml: string): Promise<XliffJs>;
}
