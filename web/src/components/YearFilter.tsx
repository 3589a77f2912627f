import { PLAN_YEARS_QUERY } from '../api';
import { useT } from '../i18n';
import { useQuery } from '../useQuery';
import '../years.css';

/**
 * The plan-year filter in the header: a selector of the years the documents are of and, once a year
 * is chosen, a chip naming it that clears it. The year is in the URL (url-state.ts) and every view's
 * question takes it (lib/year.ts).
 */
export function YearFilter(props: { year: number; onYear: (year: number) => void }) {
  const { t, tf } = useT();
  const q = useQuery<{ planYears: Array<{ year: number; documents: number }> }>(PLAN_YEARS_QUERY, {});
  const years = q.data?.planYears ?? [];
  // A year in a shared link that no document is of still shows, so the chip and the selector agree.
  const listed = props.year && !years.some((y) => y.year === props.year) ? [{ year: props.year, documents: 0 }, ...years] : years;
  return (
    <div className="year-filter">
      <label>
        <span className="sr-only">{t('planYear')}</span>
        <select value={props.year || ''} onChange={(e) => props.onYear(Number(e.target.value) || 0)} data-testid="year-select" aria-label={t('planYear')}>
          <option value="">{t('allYears')}</option>
          {listed.map((y) => <option key={y.year} value={y.year}>{tf('yearChip', { year: y.year })}（{y.documents}）</option>)}
        </select>
      </label>
      {props.year > 0 && (
        <span className="chip year-chip" data-testid="year-chip" title={tf('yearFilterNote', { year: props.year })}>
          {t('planYear')}：{tf('yearChip', { year: props.year })}
          <button type="button" onClick={() => props.onYear(0)} aria-label={t('clearYear')} data-testid="year-clear">×</button>
        </span>
      )}
    </div>
  );
}
