/**
 * A streaming RFC 4180 CSV parser: text goes in by chunks of any size (a
 * chunk may end inside a quoted field, even between the two quotes of an
 * escaped quote), records come out with the line they started on. Handles
 * quoted fields with commas, doubled quotes and line breaks, CRLF or LF
 * line ends, and a leading byte-order mark. No I/O: the caller reads.
 *
 * Lenient where files in the wild break the RFC and the meaning is still
 * plain: a quote inside an unquoted field is kept as text. A quoted field
 * still open at the end of input is an error (a truncated file).
 */
export interface CsvRecord {
  /** 1-based line of the file on which the record starts. */
  line: number;
  fields: string[];
}

type State = 'fieldStart' | 'unquoted' | 'quoted' | 'quoteInQuoted' | 'afterCr';

export class CsvParser {
  private state: State = 'fieldStart';
  private field = '';
  private fields: string[] = [];
  private line = 1;
  private recordLine = 1;
  private started = false;

  /** Parses a chunk; returns the records it completed. */
  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let text = chunk;
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    for (let i = 0; i < text.length; i++) {
      const c = text[i] as string; // i < length
      switch (this.state) {
        case 'afterCr':
          // A CR ends the record; an LF right after it belongs to the same line end.
          this.state = 'fieldStart';
          if (c === '\n') continue;
          this.step(c, out);
          break;
        case 'quoted':
          if (c === '"') this.state = 'quoteInQuoted';
          else {
            if (c === '\n') this.line += 1;
            this.field += c;
          }
          break;
        case 'quoteInQuoted':
          if (c === '"') {
            this.field += '"';
            this.state = 'quoted';
          } else {
            this.state = 'unquoted'; // the closing quote; what follows is unquoted (lenient)
            this.step(c, out);
          }
          break;
        case 'fieldStart':
        case 'unquoted':
          this.step(c, out);
          break;
      }
    }
    return out;
  }

  /** Ends the input; returns the last record if the text did not end with a line break. */
  finish(): CsvRecord[] {
    if (this.state === 'quoted') {
      throw new Error(
        `line ${this.recordLine}: a quoted field is not closed before the end of the file`,
      );
    }
    if (this.state === 'afterCr' || (this.state === 'fieldStart' && this.fields.length === 0)) {
      return [];
    }
    const out: CsvRecord[] = [];
    this.endRecord(out);
    return out;
  }

  private step(c: string, out: CsvRecord[]): void {
    if (this.state === 'fieldStart' && this.fields.length === 0 && this.field === '') {
      this.recordLine = this.line;
    }
    if (c === '"' && this.state === 'fieldStart') {
      this.state = 'quoted';
    } else if (c === ',') {
      this.fields.push(this.field);
      this.field = '';
      this.state = 'fieldStart';
    } else if (c === '\n' || c === '\r') {
      this.endRecord(out);
      this.line += 1;
      this.state = c === '\r' ? 'afterCr' : 'fieldStart';
    } else {
      this.field += c;
      this.state = 'unquoted';
    }
  }

  private endRecord(out: CsvRecord[]): void {
    this.fields.push(this.field);
    // A blank line is no record (RFC 4180 has none; files often end with one).
    if (!(this.fields.length === 1 && this.fields[0] === '')) {
      out.push({ line: this.recordLine, fields: this.fields });
    }
    this.fields = [];
    this.field = '';
  }
}
