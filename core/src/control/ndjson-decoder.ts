/**
 * Splits a stream of text chunks into lines of newline-delimited JSON. Chunks may cut lines
 * anywhere; a line is only returned once its newline has arrived. Blank lines are skipped.
 */
export class NdjsonLineSplitter {
  private buffer = '';

  /** Adds a chunk and returns the complete lines it finished, without their newlines. */
  push(chunk: string): string[] {
    this.buffer += chunk;
    const parts = this.buffer.split('\n');
    this.buffer = parts.pop() ?? '';
    return parts.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line)).filter((line) => line.length > 0);
  }

  /** Text received after the last newline (an incomplete line). */
  get rest(): string {
    return this.buffer;
  }
}
