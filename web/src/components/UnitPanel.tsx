import { useEffect, useRef } from 'react';
import { UNIT_QUERY } from '../api';
import { useT } from '../i18n';
import { download } from '../lib/download';
import { unitCsv, unitCsvName, isInferred, type UnitDuty } from '../lib/unit-csv';
import { shortName } from '../lib/short-name';
import { useQuery } from '../useQuery';
import { UnitMerge } from './UnitMerge';
import { Status } from './Status';
import { PastDueNote, StatusLight } from './StatusLight';
import { LightBadge } from './TaskProgress';
import { PanelControls, type Pin } from './PanelControls';

/** A task of the unit, once, under its strongest role, with every note naming the unit in it (Unit.duties). */
interface Duty extends UnitDuty {
  task: UnitDuty['task'] & {
    id: string; section: string; document: { id: string; title: string };
    deadline: { text: string; date: string | null } | null; status: string; light: { light: string; zh: string; en: string }; leaders: Array<{ name: string; post: string | null }>;
  };
  assignments: Array<UnitDuty['assignments'][number] & { start: number; end: number; clause: number }>;
}

const ROLE_ORDER = ['LEAD', 'RESPONSIBLE', 'PARTICIPANT'] as const;
const ROLE_LABEL = { LEAD: 'leads', RESPONSIBLE: 'responsibleFor', PARTICIPANT: 'participatesIn' } as const;

/** Everything a unit leads, is responsible for and takes part in, by document, with the notes. */
export function UnitPanel(props: {
  id: string; focusKey?: number; pin?: Pin; onClose: () => void; onSelect: (id: string) => void; onOpenText: (doc: string, start: number, end: number) => void; onTask?: (id: string) => void;
}) {
  const { t, tf, kind, counted, lang } = useT();
  const q = useQuery<{ unit: any }>(UNIT_QUERY, { id: props.id });
  const u = q.data?.unit;
  const heading = useRef<HTMLHeadingElement>(null);
  // Whoever opened the panel (a click, Enter on a search result or on a node) lands on it.
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, [props.id, props.focusKey]);

  // Other names only: the name itself is the title already.
  const aliases = ((u?.aliases ?? []) as string[]).filter((a) => a !== u?.name);

  const exportCsv = () => {
    if (!u) return;
    const who = { name: u.name as string, jurisdiction: (u.jurisdiction?.name as string | undefined) ?? null };
    download(unitCsvName(who, new Date().toISOString().slice(0, 10)), unitCsv(who, u.duties as Duty[], lang));
  };

  return (
    <aside className="panel" aria-label={u?.name ?? t('unit')} data-testid="unit-panel">
      <header>
        {/* The city too: 市发展和改革委员会 exists in three. */}
        <h2 tabIndex={-1} ref={heading}>{u?.name ?? '…'}{u?.jurisdiction && <small className="where"> · {u.jurisdiction.name}</small>}</h2>
        <PanelControls onClose={props.onClose} pin={props.pin} />
      </header>
      <Status loading={q.loading} error={q.error} retry={q.retry} empty={!q.loading && !q.error && !u} />
      {u && (
        <>
          <p className="meta">
            {kind(u.kind)} · {u.jurisdiction?.name}{aliases.length > 0 && ` · ${aliases.join('、')}`}
          </p>
          <p className="meta">{t('shortName')}: {shortName(u.name, u.aliases)}</p>
          <p className="meta">
            {t('load')}: {t('lead')} {u.load.lead} · {t('responsible')} {u.load.responsible} · {t('participant')} {u.load.participant}
            {' · '}{t('zScore')} {u.load.zScore ?? <abbr title={tf('zNone', { n: u.load.minPeers })}>—</abbr>}
            {u.load.overloaded && <strong className="flag"> {t('overloaded')}</strong>}
          </p>
          <button type="button" onClick={exportCsv}>{t('exportCsv')}</button>
          {' '}<a className="button-link" href={`/export/duban.docx?unit=${encodeURIComponent(u.id)}`} download data-testid="unit-duban">{t('dubanSheet')}</a>
          {' '}<a className="button-link" href={`/export/duban.pdf?unit=${encodeURIComponent(u.id)}`} download data-testid="unit-duban-pdf">{t('dubanPdf')}</a>
          {' '}<a className="button-link" href={`/export/units/${encodeURIComponent(u.id)}/deadlines.ics`} download data-testid="unit-ics">{t('deadlinesIcs')}</a>
          <PastDueNote />
          {ROLE_ORDER.map((role) => {
            // One entry per task (its strongest role): the count in the heading is the list's length and the load's term.
            const list = (u.duties as Duty[]).filter((a) => a.role === role);
            if (list.length === 0) return null;
            const byDoc = new Map<string, Duty[]>();
            for (const a of list) byDoc.set(a.task.document.title, [...(byDoc.get(a.task.document.title) ?? []), a]);
            return (
              <section key={role} data-testid={`role-${role.toLowerCase()}`}>
                <h3>{counted(t(ROLE_LABEL[role]), list.length)}</h3>
                {[...byDoc].map(([doc, items]) => (
                  <div key={doc} className="doc-group">
                    <h4>{doc}</h4>
                    <ul>
                      {items.map((a) => (
                        <li key={a.task.id}>
                          <span className="ref">{a.task.ref}</span> <span className="task-title">{a.task.title}</span>
                          {isInferred(a) && <em>{t('inferred')}</em>}
                          <div className="due" data-testid="task-due">
                            <StatusLight status={a.task.status} />
                            {/* The light weighs the latest progress too: what a supervisor acts on. */}
                            {' '}<LightBadge compact light={a.task.light.light} reason={lang === 'zh' ? a.task.light.zh : a.task.light.en} />
                            {/* No deadline: the light's own label (无时限) says so; a second phrase only doubled it. */}
                            {a.task.deadline && ` ${t('deadline')}: ${a.task.deadline.text}${a.task.deadline.date ? ` (${a.task.deadline.date})` : ''}`}
                            {a.task.leaders.length > 0 && ` · ${t('leaders')}: ${a.task.leaders.map((l) => (l.post ? `${l.name}(${l.post})` : l.name)).join('、')}`}
                          </div>
                          {a.assignments.map((n, i) => (
                            <div key={`${n.clause}-${n.start}-${i}`} className="note">
                              <blockquote>{n.quote}</blockquote>
                              <button type="button" className="link" onClick={() => props.onOpenText(a.task.document.id, n.start, n.end)}>{t('viewInText')}</button>
                            </div>
                          ))}
                          {props.onTask && <button type="button" className="link" onClick={() => props.onTask!(a.task.id)}>{t('openTask')}</button>}
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
              </section>
            );
          })}
          {u.partners.length > 0 && (
            <section>
              <h3>{t('partners')}</h3>
              <ul className="chips">{u.partners.map((p: any) => <li key={p.unit.id}><button type="button" onClick={() => props.onSelect(p.unit.id)}>{p.unit.name} ×{p.sharedTasks}</button></li>)}</ul>
            </section>
          )}
          {u.members.length > 0 && (
            <section><h3>{t('members')}</h3><ul className="chips">{u.members.map((m: any) => <li key={m.id}><button type="button" onClick={() => props.onSelect(m.id)}>{m.name}</button></li>)}</ul></section>
          )}
          {u.memberOf.length > 0 && (
            <section><h3>{t('memberOf')}</h3><ul className="chips">{u.memberOf.map((m: any) => <li key={m.id}><button type="button" onClick={() => props.onSelect(m.id)}>{m.name}</button></li>)}</ul></section>
          )}
          <UnitMerge unit={u} onMerged={props.onSelect} />
        </>
      )}
    </aside>
  );
}
