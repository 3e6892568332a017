import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { EXPORT_COLUMNS, type ExportRow } from '@tiergate/usage';

/** CSV with a header row, streamed. */
export function csvStream(rows: AsyncIterable<ExportRow>): Readable {
  return Readable.from(rows).pipe(stringify({ header: true, columns: [...EXPORT_COLUMNS] }));
}

/** A JSON array, streamed one row at a time. */
export function jsonStream(rows: AsyncIterable<ExportRow>): Readable {
  return Readable.from(
    (async function* () {
      yield '[';
      let first = true;
      for await (const row of rows) {
        yield (first ? '' : ',') + JSON.stringify(row);
        first = false;
      }
      yield ']';
    })(),
  );
}

/** An xlsx workbook written row by row with exceljs's streaming writer (nothing held in memory). */
export function xlsxStream(rows: AsyncIterable<ExportRow>): Readable {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useSharedStrings: false,
    useStyles: false,
  });
  const sheet = workbook.addWorksheet('usage');
  sheet.columns = EXPORT_COLUMNS.map((key) => ({ header: key, key }));
  void (async () => {
    try {
      for await (const row of rows) {
        sheet.addRow(row).commit();
        // Respect the reader's pace: wait while the output buffer is full.
        if (output.writableLength > output.writableHighWaterMark)
          await new Promise((resolve) => output.once('drain', resolve));
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      output.destroy(error as Error);
    }
  })();
  return output;
}
