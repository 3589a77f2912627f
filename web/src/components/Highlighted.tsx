import type { ReactNode } from 'react';
import { termSpans } from '../lib/ledger';

/** A text with the given terms marked (the evidence a follow-up rests on). */
export function Highlighted({ text, terms }: { text: string; terms: readonly string[] }) {
  const out: ReactNode[] = [];
  let at = 0;
  for (const [s, e] of termSpans(text, terms)) {
    if (s > at) out.push(text.slice(at, s));
    out.push(<mark key={s}>{text.slice(s, e)}</mark>);
    at = e;
  }
  out.push(text.slice(at));
  return <span className="highlighted">{out}</span>;
}
