/** Streams a CSV file's records (core/csv.ts) with how many bytes have been read, for progress. */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { CsvParser, type CsvRecord } from '../core/csv.js';

export interface CsvProgressRecord extends CsvRecord {
  bytesRead: number;
}

export async function* readCsvFile(path: string): AsyncGenerator<CsvProgressRecord> {
  const parser = new CsvParser();
  // The decoder keeps a UTF-8 character split across two chunks whole.
  const decoder = new StringDecoder('utf8');
  let bytesRead = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    const bytes = chunk as Buffer;
    bytesRead += bytes.length;
    for (const record of parser.push(decoder.write(bytes))) yield { ...record, bytesRead };
  }
  for (const record of parser.push(decoder.end())) yield { ...record, bytesRead };
  for (const record of parser.finish()) yield { ...record, bytesRead };
}
