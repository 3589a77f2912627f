import type { ExtractResult } from './contract';

/** A readable per-document summary for `--format table`. */
export function formatTable(result: ExtractResult): string {
  const unitName = new Map(result.units.map((u) => [u.id, u.name]));
  const out: string[] = [];
  for (const d of result.documents) {
    const assignments = d.tasks.flatMap((t) => t.assignments);
    const count = (role: string) => assignments.filter((a) => a.role === role).length;
    const unitCount = new Set(assignments.map((a) => a.unitId)).size;
    const warnings = result.warnings.filter((w) => w.file === d.file || w.file.endsWith(`/${d.file}`)).length;
    out.push(`${d.file}  ${d.title}`);
    out.push(`  ${d.kind} · ${d.jurisdiction?.name ?? '未知辖区'} · ${d.issuer ?? '-'} · ${d.docNumber ?? '-'} · ${d.date ?? '-'} · lead rule: ${d.leadRule}`);
    out.push(`  tasks ${d.tasks.length} · units ${unitCount} · lead ${count('lead')} · responsible ${count('responsible')} · participant ${count('participant')} · warnings ${warnings}`);
    for (const t of d.tasks) {
      const leads = t.assignments.filter((a) => a.role === 'lead').map((a) => unitName.get(a.unitId) + (a.inferred ? '?' : ''));
      out.push(`    ${t.ref.padEnd(12)} ${t.title.slice(0, 28).padEnd(28, '　')}  牵头: ${leads.join('、') || '—'}`);
    }
    for (const f of d.figures) out.push(`    figure: ${f.label} = ${f.value}${f.unit}`);
    out.push('');
  }
  for (const w of result.warnings) out.push(`warning: ${w.file}: ${w.message}`);
  return out.join('\n');
}
