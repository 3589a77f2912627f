import { useEffect, useRef } from 'react';
import { DOCUMENT_TEXT_QUERY } from '../api';
import { useT } from '../i18n';
import { useQuery } from '../useQuery';
import { Status } from './Status';
import { PanelControls, type Pin } from './PanelControls';

/** The document as its file has it, with the note (raw offsets) highlighted and scrolled to. */
export function DocumentReader(props: { id: string; hl: [number, number] | null; pin?: Pin; onClose: () => void }) {
  const { t } = useT();
  const q = useQuery<{ document: { title: string; text: string } | null }>(DOCUMENT_TEXT_QUERY, { id: props.id });
  const mark = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, [props.id, props.hl]);
  // In braces: Chromium's scrollIntoView now returns a promise, which React would take for a cleanup.
  useEffect(() => {
    mark.current?.scrollIntoView({ block: 'center' });
  }, [q.data, props.hl]);
  const text = q.data?.document?.text ?? '';
  const [s, e] = props.hl ?? [0, 0];
  return (
    <aside className="panel reader" aria-label={q.data?.document?.title ?? t('document')} data-testid="reader">
      <header>
        <h2 tabIndex={-1} ref={heading}>{q.data?.document?.title ?? '…'}</h2>
        <PanelControls onClose={props.onClose} pin={props.pin} />
      </header>
      <Status loading={q.loading} error={q.error} retry={q.retry} empty={!q.loading && !q.error && !q.data?.document} />
      {text && (
        <pre className="doc-text">
          {text.slice(0, s)}<mark ref={mark}>{text.slice(s, e)}</mark>{text.slice(e)}
        </pre>
      )}
    </aside>
  );
}
