// The words of the Markdown plan, in English and Korean. The texts are data (planLabels.json, one
// object per language with the same keys); `{name}` marks where a value goes in the three sentences
// that take one.
import type { Locale } from '../core/locale';
import TEXTS from './planLabels.json';

type Texts = typeof TEXTS.en;
type Sentence = 'waits' | 'nightStop' | 'more';

export type PlanLabels = Omit<Texts, Sentence> & {
  waits: (at: string) => string;
  nightStop: (stop: string, count: string, resume: string) => string;
  more: (count: string) => string;
};

function labels(texts: Texts): PlanLabels {
  const fill = (template: string, values: Record<string, string>): string => template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
  return {
    ...texts,
    waits: (at) => fill(texts.waits, { at }),
    nightStop: (stop, count, resume) => fill(texts.nightStop, { stop, count, resume }),
    more: (count) => fill(texts.more, { count }),
  };
}

export const PLAN_LABELS: Record<Locale, PlanLabels> = { en: labels(TEXTS.en), ko: labels(TEXTS.ko) };
