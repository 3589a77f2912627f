import { TASK_QUERY } from '../api';
import { useT } from '../i18n';
import { useQuery } from '../useQuery';
import { Highlighted } from './Highlighted';
import { PastDueNote, StatusLight } from './StatusLight';
import { Status } from './Status';
import { CorrectedMark, TaskCorrections } from './TaskCorrections';
import { TaskProgress } from './TaskProgress';
import { PanelControls, type Pin } from './PanelControls';

interface FollowUp {
  score: number; terms: string[]; item: { ordinal: string; title: string } | null;
  task: { id: string; ref: string; title: string; text: string; items?: Array<{ ordinal: string; title: string }>; document: { id: string; title: string } };
}

/** The text of a report item: from its 一是… to the next item (the part the follow-up rests on). */
function itemText(text: string, item: FollowUp['item'], all: FollowUp['item'][]): string {
  if (!item) return text;
  const at = text.indexOf(`${item.ordinal}${item.title}`);
  if (at < 0) return text;
  const next = all.map((i) => (i ? text.indexOf(`${i.ordinal}${i.title}`) : -1)).filter((x) => x > at).sort((a, b) => a - b)[0];
  return text.slice(at, next ?? text.length);
}

/** One task: deadline, status, leaders, units; a report's follow-ups and a plan task's reports, the shared terms marked on both sides. */
export function TaskPanel(props: { id: string; pin?: Pin; onClose: () => void; onSelect: (id: string) => void; onTask: (id: string) => void; onOpenText: (doc: string, start: number, end: number) => void }) {
  const { t, counted } = useT();
  const q = useQuery<{ task: any }>(TASK_QUERY, { id: props.id });
  const task = q.data?.task;
  const items = (task?.followUps ?? []).map((f: FollowUp) => f.item);
  return (
    <aside className="panel task-panel" aria-label={task?.title ?? t('openTask')} data-testid="task-panel">
      <header>
        <h2>{task ? <>{task.ref} <CorrectedMark task={task} field="title">{task.title}</CorrectedMark></> : '…'}</h2>
        <PanelControls onClose={props.onClose} pin={props.pin} />
      </header>
      <Status loading={q.loading} error={q.error} retry={q.retry} empty={!q.loading && !q.error && !task} />
      {task && (
        <>
          <p className="meta">{task.document.title}</p>
          <p className="meta">
            {task.deadline && <>{t('deadline')}: {`${task.deadline.text}${task.deadline.date ? ` (${task.deadline.date})` : ''}`}{' · '}</>}
            <StatusLight status={task.status} />
          </p>
          {task.leaders.length > 0 && <p className="meta">{t('leaders')}: {task.leaders.map((l: any) => (l.post ? `${l.name}(${l.post})` : l.name)).join('、')}</p>}
          <PastDueNote />
          <TaskProgress id={task.id} onOpenText={props.onOpenText} />
          <TaskCorrections id={task.id} onChanged={q.retry} />
          <button type="button" className="link" onClick={() => props.onOpenText(task.document.id, task.start, task.end)}>{t('viewInText')}</button>
          {task.assignments.length > 0 && (
            <section>
              <h3>{t('assignments')}</h3>
              <ul className="chips">
                {task.assignments.map((a: any, i: number) => (
                  <li key={`${a.unit.id}-${i}`}><button type="button" onClick={() => props.onSelect(a.unit.id)}>{t(a.role.toLowerCase())}: {a.unit.name}</button></li>
                ))}
              </ul>
            </section>
          )}
          {task.followUps.length > 0 && (
            <section data-testid="follow-ups">
              <h3>{counted(t('followUps'), task.followUps.length)}</h3>
              <ul className="follow-ups">
                {task.followUps.map((f: FollowUp) => (
                  <li key={`${f.item?.ordinal}-${f.task.id}`}>
                    <p><strong>{f.item ? `${f.item.ordinal} ${f.item.title}` : task.title}</strong> → <button type="button" className="link" onClick={() => props.onTask(f.task.id)}>{f.task.document.title} {f.task.ref} {f.task.title}</button></p>
                    <p className="meta">{t('sharedTerms')}: {f.terms.join('、')} · {t('score')} {f.score}</p>
                    <blockquote className="side-a"><Highlighted text={itemText(task.text, f.item, items)} terms={f.terms} /></blockquote>
                    <blockquote className="side-b"><Highlighted text={f.task.text} terms={f.terms} /></blockquote>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {task.followedUpBy.length > 0 && (
            <section data-testid="followed-up-by">
              <h3>{counted(t('followedUpBy'), task.followedUpBy.length)}</h3>
              <ul className="follow-ups">
                {task.followedUpBy.map((f: FollowUp) => (
                  <li key={`${f.item?.ordinal}-${f.task.id}`}>
                    <p><button type="button" className="link" onClick={() => props.onTask(f.task.id)}>{f.task.document.title} {f.task.ref}</button>{f.item && ` ${f.item.ordinal} ${f.item.title}`}</p>
                    <p className="meta">{t('sharedTerms')}: {f.terms.join('、')} · {t('score')} {f.score}</p>
                    <blockquote className="side-a"><Highlighted text={task.text} terms={f.terms} /></blockquote>
                    <blockquote className="side-b"><Highlighted text={itemText(f.task.text, f.item, f.task.items ?? [f.item])} terms={f.terms} /></blockquote>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </aside>
  );
}
