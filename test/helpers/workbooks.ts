// Workbooks for tests, built with the libraries at test time: a log sheet from rows
// (exceljs), and hostile ZIP files (JSZip): a zip bomb, and one whose headers lie about
// how large its part is.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export type Cell = string | number | boolean | Date | null | { formula: string; result: unknown };

/** A workbook of sheets given as rows of cells. */
export async function workbook(sheets: Record<string, Cell[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row as never);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A ZIP whose one part inflates to `bytes` of zeros: honest about it in its headers, or (`lie`) claiming 1 KB. */
export async function zipBomb(bytes: number, lie = false): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(bytes));
  const out = Buffer.from(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }));
  if (lie) {
    // uncompressed size: at offset 22 of each local header, 24 of each central directory entry
    for (let at = out.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04])); at >= 0; at = out.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), at + 4)) if (out.readUInt32LE(at + 22) === bytes) out.writeUInt32LE(1024, at + 22);
    for (let at = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) if (out.readUInt32LE(at + 24) === bytes) out.writeUInt32LE(1024, at + 24);
  }
  return out;
}
