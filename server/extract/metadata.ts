import type { Gazetteer, Region } from './gazetteer';

export interface DocumentMeta {
  title: string;
  /** True when the file has no title line and the title was taken from the text. */
  titleInferred: boolean;
  issuer: string | null;
  docNumber: string | null;
  date: string | null;
  kind: 'plan' | 'report';
  jurisdiction: { code: string; name: string; evidence: string } | null;
}

const DOC_NUMBER = /[\u4e00-\u9fff]{1,10}〔(?:19|20)\d{2}〕\d{1,4}号/g;
const DATE_CN = /((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日/;
const DATE_ISO = /((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})/;
const TITLE_LINE = /(行动方案|实施方案|工作方案|行动计划|实施意见|方案|规划|意见|要点|报告)(\([^()]{1,20}\))?$/;
const NOTICE = /关于印发|的通知$|^各.{1,20}:$/;
const ISSUER_OF_NOTICE = /^(.{2,20}?(?:人民政府办公厅|人民政府办公室|人民政府|政府办公室|政府办公厅))\s*关于印发/;
const FIRST_PART = /\n\s*(一、|●)/;

function pad2(n: string): string {
  return n.padStart(2, '0');
}

export function readMeta(text: string, gaz: Gazetteer, hasNotes: boolean): DocumentMeta {
  const headerEnd = (() => {
    const m = FIRST_PART.exec(text);
    return m ? m.index : Math.min(text.length, 2000);
  })();
  const header = text.slice(0, headerEnd);
  const lines = header.split('\n').map((l) => l.trim()).filter(Boolean);

  // Document number: a line of its own first (the notice's number), else the first in the header.
  const numbers = [...header.matchAll(DOC_NUMBER)].map((m) => m[0]);
  const docNumber = lines.find((l) => /^[\u4e00-\u9fff]{1,10}〔\d{4}〕\d{1,4}号$/.test(l)) ?? numbers[0] ?? null;

  let date: string | null = null;
  for (const l of lines) {
    const m = DATE_CN.exec(l) ?? DATE_ISO.exec(l);
    const before = m ? l.slice(0, m.index) : '';
    // A date inside a cited title (《…2019年…》) is not the document's.
    if (m && (before.match(/《/g) ?? []).length <= (before.match(/》/g) ?? []).length) {
      date = `${m[1]}-${pad2(m[2]!)}-${pad2(m[3]!)}`;
      break;
    }
  }

  const titleLine = lines.find((l) => l.length <= 80 && TITLE_LINE.test(l) && !NOTICE.test(l));
  const noticeTitle = /关于印发《([^》]{4,80})》/.exec(header)?.[1];
  const reportTopic = /将“([^”]{4,60})”作为/.exec(text)?.[1];
  const isReport = !hasNotes && /调研报告|调研组|调查报告|研究报告|议政性课题|专题调研/.test(text);
  const title = (titleLine ?? noticeTitle ?? reportTopic ?? lines[0] ?? '').replace(/\s+/g, ' ').slice(0, 120);
  const titleInferred = !titleLine && !noticeTitle;

  const issuerLine = lines.map((l) => ISSUER_OF_NOTICE.exec(l)?.[1]).find(Boolean) ?? null;

  const jurisdiction = findJurisdiction(text, title, issuerLine, gaz) ?? countyIssuer(lines, title, gaz) ?? nationalIssuer(lines, title);
  let issuer = issuerLine;
  if (!issuer && jurisdiction) {
    const organ = isReport ? /(政协|人大常委会|人大)/.exec(text)?.[1] : null;
    issuer = `${jurisdiction.name}${organ ?? '人民政府'}`;
  }

  return { title, titleInferred, issuer, docNumber, date, kind: isReport ? 'report' : 'plan', jurisdiction };
}

/** A county-level government opening a heading line or the title: 海盐县人民政府办公室关于…, 陇县脱贫…工作方案. */
const COUNTY_HEAD = /^([\u4e00-\u9fff]{1,8}?[县区市旗])(?=人民政府|政府|委员会|[^\s]{0,30}(?:方案|计划|意见|通知|要点))/;

/**
 * The county whose government issued the document, when a heading line or the title opens with
 * its full name and no other county in the country has that name (朝阳区 is two: no answer).
 */
function countyIssuer(lines: string[], title: string, gaz: Gazetteer): DocumentMeta['jurisdiction'] {
  for (const l of [title, ...lines.slice(0, 12)]) {
    const m = COUNTY_HEAD.exec(l.replace(/^\s+/, ''));
    if (!m) continue;
    const found = gaz.lookup(m[1]!).filter((r) => r.level === 'county');
    if (found.length === 1) return { code: found[0]!.id, name: found[0]!.name, evidence: `issuer: ${l.slice(0, 40)}` };
  }
  return null;
}

/** The central government, as a jurisdiction: code 100000 (the national code, as 430000 is 湖南省's), name 中央. */
export const NATIONAL = { code: '100000', name: '中央' } as const;
/** Who issues for the whole country: the State Council, its office, the Party centre, a ministry or national bureau. */
const NATIONAL_ORGAN = /^(?:国务院(?:办公厅)?|中共中央(?:办公厅)?|中央[\u4e00-\u9fff]{0,8}(?:委员会|办公室)|国家[\u4e00-\u9fff]{2,12}(?:委员会|委|局|署|院)|[\u4e00-\u9fff]{1,10}部|海关总署|[\u4e00-\u9fff]{2,8}总(?:局|署))(?:[、\s]|关于|印发|$)/;
const NATIONAL_NUMBER = /^国(?:发|办发|办函|函)〔(?:19|20)\d{2}〕\d{1,4}号$/;

/**
 * A document the central government issued: its number on a line of its own (国发〔2020〕6号), or
 * a heading line that opens with a national organ (国务院关于…, 国家发展改革委 财政部关于印发…), or a
 * title that does. A plan that only cites such a document (根据《国务院…》) is not national.
 */
function nationalIssuer(lines: string[], title: string): DocumentMeta['jurisdiction'] {
  const head = lines.slice(0, 12);
  const evidence = head.find((l) => NATIONAL_NUMBER.test(l))
    ?? head.find((l) => l.length <= 80 && NATIONAL_ORGAN.test(l) && /关于|印发|通知|意见|方案|计划/.test(l))
    ?? (NATIONAL_ORGAN.test(title) ? title : undefined);
  return evidence ? { ...NATIONAL, evidence: `national issuer: ${evidence}` } : null;
}

/**
 * The region whose government issued the document: from the issuer (湖南省人民政府), else from
 * the title (邵阳市对接…), else from the place the text names most often when it speaks of
 * 我市/市委 (a city-level document with no heading, like 004).
 */
function findJurisdiction(text: string, title: string, issuer: string | null, gaz: Gazetteer): DocumentMeta['jurisdiction'] {
  const scanner = gaz.scannerFor(null);
  const first = (s: string): Region | undefined => {
    const m = scanner.scan(s)[0];
    let r = m && m.start === 0 && m.ids.length === 1 ? gaz.get(m.ids[0]!) : undefined;
    // 北京市西城区人民政府, 济南市钢城区…: the division named right after its parent is the issuer.
    for (let end = m?.end ?? 0, depth = 0; r && r.level !== 'area' && r.level !== 'county' && depth < 2; depth++) {
      const next = gaz.scannerFor(r.id).scan(s.slice(end))[0];
      const inner = next && next.start === 0 && next.ids.length === 1 ? gaz.get(next.ids[0]!) : undefined;
      if (!inner || inner.id === r.id || !gaz.isWithin(inner.id, r.id)) break;
      r = inner;
      end += next!.end;
    }
    return r;
  };
  const fromIssuer = issuer ? first(issuer) : undefined;
  if (fromIssuer && fromIssuer.level !== 'area') return { code: fromIssuer.id, name: fromIssuer.name, evidence: `issuer: ${issuer}` };
  const fromTitle = first(title);
  if (fromTitle && fromTitle.level !== 'area') return { code: fromTitle.id, name: fromTitle.name, evidence: `title: ${title}` };

  const level = /我市|市委|市政府|市政协|全市/.test(text) ? 'prefecture' : /我省|省委|省政府|全省/.test(text) ? 'province' : null;
  if (!level) return null;
  const counts = new Map<string, { n: number; examples: string[] }>();
  for (const m of scanner.scan(text)) {
    if (m.ids.length !== 1) continue;
    const r = gaz.get(m.ids[0]!)!;
    if (r.level !== level) continue;
    // A bare 邵阳 glued to 市 (邵阳市) counts like any other mention; keep a little context as evidence.
    const c = counts.get(r.id) ?? { n: 0, examples: [] };
    c.n++;
    if (c.examples.length < 3) c.examples.push(text.slice(Math.max(0, m.start - 3), m.end + 4).replace(/\s+/g, ''));
    counts.set(r.id, c);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1].n - a[1].n);
  const best = ranked[0];
  if (!best || (ranked[1] && ranked[1][1].n === best[1].n)) return null;
  const r = gaz.get(best[0])!;
  const others = ranked.slice(1, 3).map(([id, c]) => `${gaz.get(id)!.name} ${c.n}`).join(', ');
  return {
    code: r.id,
    name: r.name,
    evidence: `inferred: the text speaks of ${level === 'prefecture' ? '我市/市委' : '我省/省委'} and names ${r.name} ${best[1].n} times (${best[1].examples.join('; ')})${others ? `, others fewer (${others})` : ''}`,
  };
}
