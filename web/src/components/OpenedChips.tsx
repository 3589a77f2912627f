import { useT } from '../i18n';

/** The cities opened at a province's scale, each with a way to fold it back (and, optionally, to see it alone). */
export function OpenedChips(props: { open: string[]; names: ReadonlyMap<string, string>; onClose: (id: string) => void; onOnly?: (id: string) => void }) {
  const { t } = useT();
  return (
    <>
      {props.open.map((id) => {
        const name = props.names.get(id) ?? id;
        return (
          <span key={id} className="chip" data-testid={`opened-${id}`}>
            {name}
            {props.onOnly && <button type="button" className="link" onClick={() => props.onOnly!(id)}>{t('onlyThis')}</button>}
            <button type="button" onClick={() => props.onClose(id)} aria-label={`${t('collapse')} ${name}`}>×</button>
          </span>
        );
      })}
    </>
  );
}
