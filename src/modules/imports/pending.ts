/**
 * The rows an import will write, held column-wise until every row has been validated (one bad
 * row and nothing is written, so nothing can be written early). Typed arrays and interned period
 * strings keep a million rows in a few tens of megabytes.
 */
export class PendingRows {
  length = 0;
  private capacity = 1024;
  indicator = new Int32Array(this.capacity);
  value = new Float64Array(this.capacity);
  version = new Int32Array(this.capacity);
  /** The id of the version replaced, or -1. */
  replaces = new Float64Array(this.capacity);
  position = new Int32Array(this.capacity);
  alternate = new Uint8Array(this.capacity);
  period: string[] = [];
  source: (string | null)[] = [];
  note: (string | null)[] = [];
  private periods = new Map<string, string>();

  private grow(): void {
    this.capacity *= 2;
    const more = <T extends Int32Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(this.capacity);
      b.set(a);
      return b;
    };
    this.indicator = more(this.indicator, (n) => new Int32Array(n));
    this.value = more(this.value, (n) => new Float64Array(n));
    this.version = more(this.version, (n) => new Int32Array(n));
    this.replaces = more(this.replaces, (n) => new Float64Array(n));
    this.position = more(this.position, (n) => new Int32Array(n));
    this.alternate = more(this.alternate, (n) => new Uint8Array(n));
  }

  push(r: {
    indicator: number;
    period: string;
    value: number;
    version: number;
    replaces: number | null;
    position: number;
    alternate: boolean;
    source: string | null;
    note: string | null;
  }): void {
    if (this.length === this.capacity) this.grow();
    const i = this.length++;
    this.indicator[i] = r.indicator;
    this.value[i] = r.value;
    this.version[i] = r.version;
    this.replaces[i] = r.replaces ?? -1;
    this.position[i] = r.position;
    this.alternate[i] = r.alternate ? 1 : 0;
    let p = this.periods.get(r.period);
    if (p === undefined) {
      p = r.period;
      this.periods.set(p, p);
    }
    this.period.push(p);
    this.source.push(r.source);
    this.note.push(r.note);
  }
}
