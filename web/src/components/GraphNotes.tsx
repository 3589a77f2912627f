import { useT } from '../i18n';
import type { JurisdictionGraphData } from '../lib/jurisdiction-graph';
import { TIES_PER_UNIT } from '../api';

/** What an opened jurisdiction's drawing leaves out, said under it: its less loaded units, its weaker shared-task lines. */
export function GraphNotes({ g }: { g: JurisdictionGraphData }) {
  const { tf } = useT();
  const name = g.jurisdiction?.name ?? '';
  return (
    <>
      {g.more > 0 && <p className="note">{tf('moreUnits', { name, n: g.more })}</p>}
      {g.moreShared > 0 && <p className="note" data-testid="more-shared">{tf('moreShared', { name, n: g.moreShared, k: TIES_PER_UNIT })}</p>}
    </>
  );
}
