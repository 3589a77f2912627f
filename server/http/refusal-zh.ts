/**
 * Upload refusals in Chinese (issue 21, item 9): the readers' reasons are English sentences made
 * deep in the readers (and in worker processes, as plain strings), so they are put into Chinese
 * here, by their shape. A reason no pattern knows keeps its English text in brackets, so nothing
 * the server said is lost. The `code` beside each stays the stable key clients use.
 */
const READER_REASONS: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^the file is empty$/, () => '文件是空的'],
  [/^the file is ([\d.]+) MB, over the (\d+) MB limit/, (m) => `文件有 ${m[1]} MB，超过单个文件 ${m[2]} MB 的上限`],
  [/^the file is over the (\d+) MB limit/, (m) => `文件超过单个文件 ${m[1]} MB 的上限`],
  [/^the file is binary \(it contains NUL bytes\)/, () => '文件是二进制文件（含 NUL 字节），不是文本文档'],
  [/^the file is binary or in an unknown encoding/, () => '文件是二进制文件，或其编码无法识别'],
  [/password-protected/, () => '文件有密码保护，请另存一份未加密的副本'],
  [/^the PDF has no text layer/, () => 'PDF 没有文字层（可能是扫描图片），暂不支持文字识别（OCR）'],
  [/^the PDF has no text$/, () => 'PDF 中没有文字'],
  [/^the Word file has no text/, () => 'Word 文件中没有文字（只有图片或空白页？），暂不支持文字识别（OCR）'],
  [/^the Excel file has no cells with text/, () => 'Excel 文件的各工作表中都没有含文字的单元格'],
  [/^the web page has no (body|text in its body)/, () => '网页没有正文'],
  [/^the web page nests its elements/, () => '网页元素嵌套过深，真实网页不会如此，已拒绝'],
  [/PowerPoint presentation/, () => '文件是 PowerPoint 演示文稿，不是方案文件；请另存为 .docx 或 PDF'],
  [/Office \(OLE\) file of an unknown kind/, () => '文件是无法识别的 Office 文件；请另存为 .docx 或 .xlsx'],
  [/OpenDocument file/, () => '文件是 OpenDocument 格式（.odt/.ods），暂不支持；请另存为 .docx 或 .xlsx'],
  [/zip archive but not a Word/, () => '文件是 zip 压缩包，但不是 Word（.docx）或 Excel（.xlsx）文件'],
  [/zip bomb|over \d+ entries/, () => '文件解压后过大或部件过多（疑似压缩炸弹），已拒绝'],
  [/LibreOffice, which is not installed|LibreOffice could not be started/, () => '旧版 Office 文件（.doc/.xls/.wps/.et）需要 LibreOffice 读取，而服务器上没有安装；请另存为 .docx 或 .xlsx'],
  [/^LibreOffice could not convert/, () => 'LibreOffice 无法转换该文件（文件损坏、不完整或有密码保护？）'],
  [/took over ([\d.]+) s/, (m) => `读取文件超过 ${m[1]} 秒，已放弃（文件可能有误，或太大无法及时读完）`],
  [/needed over (\d+) MB of memory/, (m) => `读取文件需要超过 ${m[1]} MB 内存，已拒绝`],
  [/DOCTYPE or XML entities/, () => '文件内含 DOCTYPE 或 XML 实体声明（Office 文件从不如此），出于安全考虑已拒绝'],
  [/corrupt|truncated|not well-formed/, () => '文件已损坏或不完整'],
];

/** A reader's English reason (InputError) in Chinese; unknown ones keep the English in brackets. */
export function readerReasonZh(en: string): string {
  for (const [re, zh] of READER_REASONS) {
    const m = re.exec(en);
    if (m) return zh(m);
  }
  return `无法读取（${en}）`;
}

const EXTENSIONS = '.docx、.doc、.xlsx、.xls、.pdf、.html、.htm、.wps、.et 或 .txt';

/** The Chinese of each refusal the upload route makes, by code, with what the English says. */
export const REFUSAL_ZH = {
  badFilename: (file: string) => `${file}：文件名不能用作文档编号：请去掉 / \\ : * ? " < > |，并以 ${EXTENSIONS} 结尾`,
  busy: () => '服务器正忙，请稍后重试',
  unreadable: (file: string, en: string) => `${file} 无法读取：${readerReasonZh(en)}`,
  tooManyTasks: (file: string, n: number, max: number) => `${file} 有 ${n} 项任务，超过单个文件 ${max} 项的上限（真实方案最多几百项）：请拆分为多个文件`,
  noTasks: (file: string, why: string | null) => `${file} 没有任务：${why ?? '没有任何条目带有牵头或责任单位说明'}`,
  storeUnavailable: (file: string) => `${file} 未导入，也没有写入任何内容：数据库暂时不可用，请稍后重试`,
  loadFailed: (file: string) => `导入 ${file} 失败，没有写入任何内容`,
  storageFull: (file: string) => `${file} 未导入：服务器磁盘空间已满`,
  duplicate: (file: string, earlier: string, id: string) => `${file} 与 ${earlier} 会成为同一个文档“${id}”：请改名其中一个，或分开上传`,
  disabled: () => '服务器未开启上传：需要设置 INGEST_TOKEN',
  noToken: () => '上传需要导入令牌（Authorization: Bearer <INGEST_TOKEN>）',
  wrongToken: () => '导入令牌与服务器的 INGEST_TOKEN 不符',
  fileTooLarge: (file: string, limit: string) => `${file} 超过单个文件 ${limit} 的上限：本次上传的文件都未导入`,
  requestTooLarge: (limit: string) => `上传的内容超过 ${limit} 的上限：请分多次上传；本次都未导入`,
  tooManyFiles: (max: number) => `一次上传超过 ${max} 个文件：请每次最多上传 ${max} 个；本次都未导入`,
  badField: (file: string, field: string) => `${file} 放在表单字段“${field}”中：每个文件都应放在名为“file”的字段中`,
  badMultipart: (file: string | undefined) => `无法读取上传的内容${file ? `（在 ${file} 处）` : ''}`,
  notMultipart: () => '请以 multipart/form-data 发送文件，每个文件放在名为“file”的字段中',
  noFiles: () => '请求中没有文件：每个文件都应放在名为“file”的 multipart 字段中',
} as const;
