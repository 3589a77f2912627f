import { STATUS_COLORS, useT } from '../i18n';

/** A coloured light and the status's name (the light alone is not enough: it says its name too). */
export function StatusLight({ status }: { status: string }) {
  const { status: label } = useT();
  return (
    <span className="status-light" data-status={status}>
      <span className="light" style={{ background: STATUS_COLORS[status] }} aria-hidden="true" />
      {label(status)}
    </span>
  );
}

/** What a status does and does not mean, wherever statuses are shown. */
export function PastDueNote() {
  const { t } = useT();
  return <p className="past-due-note" data-testid="past-due-note">{t('pastDueMeaning')}</p>;
}
