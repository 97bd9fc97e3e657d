/** A task-division table in a real .docx (merged cells included) reads like the same table as text. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType } from 'docx';
import { extractTaskRows } from '../../domain/extract/tasks';
import { decodeDocument } from './decode';
import { docxHtmlToText } from './docx-html';

const cell = (text: string, merge?: 'restart' | 'continue') =>
  new TableCell({
    children: [new Paragraph(text)],
    ...(merge
      ? { verticalMerge: merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE }
      : {}),
  });

describe('.docx task tables', () => {
  it('reads each row as one line, repeating a lead department merged down two rows', async () => {
    const table = new Table({
      rows: [
        new TableRow({
          children: ['序号', '工作任务', '牵头单位', '配合单位', '完成时限'].map((t) => cell(t)),
        }),
        new TableRow({
          children: [
            cell('1'),
            cell('完成老旧小区改造100万平方米'),
            cell('区住房城乡建委', 'restart'),
            cell('区财政局'),
            cell('2026年12月底前'),
          ],
        }),
        new TableRow({
          children: [
            cell('2'),
            cell('建成社区嵌入式服务设施20个'),
            cell('', 'continue'),
            cell('区民政局'),
            cell('2026年6月底前'),
          ],
        }),
      ],
    });
    const doc = new Document({ sections: [{ children: [new Paragraph('附件：重点任务分解表'), table] }] });
    const decoded = await decodeDocument(new Uint8Array(await Packer.toBuffer(doc)), 'tasks.docx');
    assert.ok(decoded.ok, decoded.ok ? '' : decoded.reason);
    assert.match(decoded.text, /^附件：重点任务分解表\n序号\t工作任务\t牵头单位\t配合单位\t完成时限\n/);
    assert.deepEqual(
      extractTaskRows(decoded.text).map((r) => [r.row, r.title, r.lead, r.co, r.due]),
      [
        [1, '完成老旧小区改造100万平方米', '区住房城乡建委', ['区财政局'], '2026-12-31'],
        [2, '建成社区嵌入式服务设施20个', '区住房城乡建委', ['区民政局'], '2026-06-30'],
      ],
    );
  });

  it('keeps columns aligned across a cell merged over two columns, and decodes entities', () => {
    const html =
      '<p>A &amp; B</p><table><tr><td colspan="2"><p>合并</p></td><td>c</td></tr><tr><td>1</td><td>2</td><td>3</td></tr></table>';
    assert.equal(docxHtmlToText(html), 'A & B\n合并\t\tc\n1\t2\t3');
  });

  it('refuses an encrypted .docx with one clear line', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const r = await decodeDocument(ole, 'secret.docx');
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.reason, /password-protected \(encrypted\)/);
  });
});
