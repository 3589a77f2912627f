import { useT } from '../i18n';

/** Loading, error (with retry) and empty states, said plainly. */
export function Status(props: { loading?: boolean; error?: string | null; empty?: boolean; retry?: () => void; /** What the empty state says instead of “No results”: which filter emptied it. */ emptyText?: string }) {
  const { t } = useT();
  if (props.loading) return <p className="status" role="status">{t('loading')}</p>;
  if (props.error) {
    return (
      <p className="status error" role="alert">
        {props.error === 'network' ? t('apiDown') : `${t('error')}${props.error}`}
        {props.retry && <button type="button" onClick={props.retry}>{t('retry')}</button>}
      </p>
    );
  }
  if (props.empty) return <p className="status" data-testid="empty">{props.emptyText ?? t('empty')}</p>;
  return null;
}
