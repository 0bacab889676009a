import type { Locale } from '@dastarkhan/domain';

export type LocalizedText = Record<Locale, string>;
