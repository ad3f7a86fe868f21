import { close as lvClose, contactLink as lvContactLink, contactPrompt as lvContactPrompt, launcher as lvLauncher, loadError as lvLoadError, loading as lvLoading, newTab as lvNewTab, retry as lvRetry, title as lvTitle } from '../../locales/lv/ui.json';
import { close as enClose, contactLink as enContactLink, contactPrompt as enContactPrompt, launcher as enLauncher, loadError as enLoadError, loading as enLoading, newTab as enNewTab, retry as enRetry, title as enTitle } from '../../locales/en/ui.json';
import type { Lang } from '../types';

/**
 * The few interface strings the loader shows before (or instead of) the runtime, straight from
 * the translators' files. Named imports, because Vite's JSON modules export each top-level key
 * and the loader then carries these nine and no others.
 */
export const STRINGS: Record<Lang, Record<'launcher' | 'title' | 'close' | 'loading' | 'loadError' | 'retry' | 'contactPrompt' | 'contactLink' | 'newTab', string>> = {
  lv: { launcher: lvLauncher, title: lvTitle, close: lvClose, loading: lvLoading, loadError: lvLoadError, retry: lvRetry, contactPrompt: lvContactPrompt, contactLink: lvContactLink, newTab: lvNewTab },
  en: { launcher: enLauncher, title: enTitle, close: enClose, loading: enLoading, loadError: enLoadError, retry: enRetry, contactPrompt: enContactPrompt, contactLink: enContactLink, newTab: enNewTab },
};
