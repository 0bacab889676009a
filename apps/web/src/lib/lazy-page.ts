import { lazy, type ComponentType } from 'react';
import { loadAllStrings } from './i18n';

/**
 * A page whose code loads when its route is first visited (the layout's Suspense shows the spinner
 * meanwhile): the first page a visitor opens does not carry every other page. Pages keep their
 * named exports; this picks one. The page's code and the rest of the reader's language (the
 * first page had only the shell's strings: lib/i18n.ts) load together.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a page takes any props its route gives
export function lazyPage<M extends Record<K, ComponentType<any>>, K extends keyof M & string>(load: () => Promise<M>, name: K) {
  return lazy(() => Promise.all([load(), loadAllStrings()]).then(([module]) => ({ default: module[name] })));
}
