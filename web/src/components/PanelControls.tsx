import { useT } from '../i18n';

/** Whether a side panel stays open across a change of view, and how to change that. */
export interface Pin { pinned: boolean; onPin: () => void }

/** A side panel's pin and close buttons. Unpinned, the panel closes when the view changes (App.tsx). */
export function PanelControls(props: { onClose: () => void; pin?: Pin }) {
  const { t } = useT();
  return (
    <span className="panel-controls">
      {props.pin && (
        <button type="button" className="pin" aria-pressed={props.pin.pinned} onClick={props.pin.onPin} title={t('pinHelp')} data-testid="pin-panel">
          {t('pin')}
        </button>
      )}
      <button type="button" onClick={props.onClose} aria-label={t('close')}>×</button>
    </span>
  );
}
