/** Where a {@link StatusLine} writes: a stream that may be a terminal. */
export interface StatusStream {
  readonly isTTY?: boolean;
  write(text: string): boolean;
}

/**
 * One line of live status. On a terminal (and unless headless) it redraws itself in place; otherwise
 * each new status is printed as a line of its own, so logs and CI output stay readable.
 */
export class StatusLine {
  private last = '';
  private drawn = false;

  constructor(
    private readonly stream: StatusStream,
    private readonly live: boolean,
  ) {}

  /** Shows `text` (nothing happens when it is the text shown already). */
  show(text: string): void {
    if (text === this.last) return;
    this.last = text;
    if (this.live && this.stream.isTTY === true) {
      this.stream.write(`\r\x1b[2K${text}`);
      this.drawn = true;
    } else {
      this.stream.write(`${text}\n`);
    }
  }

  /** Ends a redrawn line so that what follows starts on a fresh one. */
  clear(): void {
    if (this.drawn) this.stream.write('\n');
    this.drawn = false;
  }
}
