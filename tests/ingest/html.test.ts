/** Saved web pages: charset from the meta tag, the article found and the site's chrome dropped, tables as tables. */
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extract } from '../../server/extract/extract';
import { readDocument } from '../../server/ingest/read';
import { seedFiles } from '../support/seeds';
import { cells, seedLines } from './fixtures';

/** Seed 000 as its government site would serve it: GB2312, with navigation, breadcrumb, sidebar, footer and scripts. */
export function seed000Page(): Buffer {
  const lines = seedLines('000');
  // The seed was copied from such a page: its first line is the breadcrumb, the next the title.
  expect(lines[0]).toBe('首页 > 政策解读');
  const [, title, ...body] = lines;
  const html = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>${title}_政策解读_邵阳市人民政府门户网站</title>
<script>var _hmt = _hmt || []; document.write("统计代码");</script><style>.nav{color:red}</style></head>
<body>
<div class="top"><div class="logo">邵阳市人民政府门户网站</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/bsfw">办事服务</a></li><li><a href="/hdjl">互动交流</a></li><li><a href="/zjsy">走进邵阳</a></li></ul></div>
<div class="position">当前位置:<a href="/">首页</a> &gt; <a href="/zcjd">政策解读</a></div>
<table width="1000" align="center"><tr>
<td width="240" valign="top" class="left"><div class="sidebar"><h3>相关链接</h3><ul><li><a href="/a">湖南省人民政府</a></li><li><a href="/b">邵阳新闻网</a></li></ul></div></td>
<td valign="top">
<h1 class="title">${title}</h1>
<div class="zoom"><div class="TRS_Editor">
${body.map((l) => `<p style="text-indent:2em">\n  ${l}\n</p>`).join('\n')}
</div></div>
<div class="share">分享到:<a href="#">微信</a> <a href="#">微博</a> 【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
</td></tr></table>
<div class="footer"><p>主办:邵阳市人民政府办公室 承办:邵阳市信息中心</p><p>网站标识码:4305000001 湘ICP备05001573号</p></div>
<script type="text/javascript">document.write(unescape("%3Cspan id='cnzz'%3E%3C/span%3E"));</script>
</body></html>`;
  return iconv.encode(html, 'gbk');
}

describe('a saved .html page with navigation and a GBK charset (seed 000)', () => {
  it('decodes by the meta charset and keeps only the article, paragraph per line', async () => {
    const bytes = seed000Page();
    const source = await readDocument({ file: 'page.html', bytes });
    expect(source.format).toBe('html');
    expect(source.encoding).toBe('gb18030');
    expect(source.text.trimEnd().split('\n')).toEqual(seedLines('000').slice(1));
    for (const chrome of ['首页', '政务公开', '相关链接', '分享到', '网站标识码', '统计代码', '当前位置']) expect(source.text).not.toContain(chrome);
  });

  it('extracts the same tasks, units and roles as the .txt', async () => {
    const source = await readDocument({ file: '000.html', bytes: seed000Page() });
    const fromHtml = extract([{ file: '000.html', bytes: new Uint8Array(), source }]);
    const fromTxt = extract([{ file: '000.html', bytes: readFileSync(seedFiles().find((f) => f.includes('/000_'))!) }]);
    // By hand: 1.加速连接大湾区铁路大通道 … (责任单位:市发展和改革委员会、各县市区,排第一的为牵头单位,下同)
    const t = fromHtml.documents[0]!.tasks.find((x) => x.title === '加速连接大湾区铁路大通道')!;
    expect(t.assignments.map((a) => [a.surface, a.role, a.inferred])).toEqual([['市发展和改革委员会', 'lead', false], ['各县市区', 'responsible', false]]);
    const summary = (r: typeof fromTxt) => r.documents[0]!.tasks.map((x) => [x.ref, x.title, x.assignments.map((a) => [a.surface, a.role, a.inferred])]);
    expect(summary(fromHtml)).toEqual(summary(fromTxt));
    expect(summary(fromHtml)).toHaveLength(23);
  });
});

/** What an "Excel" export from a government site often is: an HTML table named .xls. */
const XLS_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><!--[if gte mso 9]><xml><x:ExcelWorkbook></x:ExcelWorkbook></xml><![endif]--></head>
<body><table border=1>
<tr><td colspan=4>萍乡对接粤港澳大湾区建设行动方案重点任务分解表</td></tr>
<tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>责任单位</td></tr>
<tr><td>15</td><td>强化组织领导</td><td></td><td rowspan=2>市直有关部门、有关县区人民政府、<br>萍乡经开区管委会、武功山景区管委会</td></tr>
<tr><td>16</td><td>抓好任务落实</td><td></td></tr>
<tr><td>17</td><td>加强跟踪协调</td><td>市发改委</td><td>市直有关部门、有关县区人民政府、萍乡经开区管委会、武功山景区管委会</td></tr>
</table></body></html>`;

describe('a .xls that is really an HTML table', () => {
  it('is read as HTML, rowspan and colspan repeated, a <br> in a cell a space', async () => {
    const source = await readDocument({ file: '任务分解表.xls', bytes: Buffer.from(XLS_HTML) });
    expect(source.format).toBe('html');
    const units = '市直有关部门、有关县区人民政府、萍乡经开区管委会、武功山景区管委会';
    expect(cells(source)).toEqual([
      Array(4).fill('萍乡对接粤港澳大湾区建设行动方案重点任务分解表'),
      ['序号', '重点任务', '牵头单位', '责任单位'],
      ['15', '强化组织领导', '', '市直有关部门、有关县区人民政府、 萍乡经开区管委会、武功山景区管委会'],
      ['16', '抓好任务落实', '', '市直有关部门、有关县区人民政府、 萍乡经开区管委会、武功山景区管委会'],
      ['17', '加强跟踪协调', '市发改委', units],
    ]);
  });
});
