/** One frame of an event stream. */
interface SSEFrame {
  event: string;
  data: string;
}

/** Incremental event-stream parser; feed it decoded text, it returns complete frames. */
class SSEParser {
  private buffer = "";
  private scanned = 0;
  private data: string[] = [];
  private event = "";

  push(text: string): SSEFrame[] {
    this.buffer += text;
    const frames: SSEFrame[] = [];
    let start = 0;
    let i = this.scanned;
    while (i < this.buffer.length) {
      const c = this.buffer.charCodeAt(i);
      if (c !== 10 && c !== 13) {
        i++;
        continue;
      }
      // A CR at the end of the text may be the first half of a CRLF: wait for more.
      if (c === 13 && i + 1 === this.buffer.length) break;
      this.line(this.buffer.slice(start, i), frames);
      i += c === 13 && this.buffer.charCodeAt(i + 1) === 10 ? 2 : 1;
      start = i;
    }
    this.buffer = this.buffer.slice(start);
    this.scanned = i - start;
    return frames;
  }

  /** The stream ended: a last line or frame without its terminator still counts. */
  finish(): SSEFrame[] {
    const frames: SSEFrame[] = [];
    let rest = this.buffer;
    if (rest.endsWith("\r")) rest = rest.slice(0, -1);
    this.buffer = "";
    this.scanned = 0;
    if (rest.length > 0) this.line(rest, frames);
    this.line("", frames);
    return frames;
  }

  private line(line: string, frames: SSEFrame[]): void {
    if (line === "") {
      if (this.data.length > 0) frames.push({ event: this.event || "message", data: this.data.join("\n") });
      this.data = [];
      this.event = "";
      return;
    }
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") this.data.push(value);
    else if (field === "event") this.event = value;
  }
}

/** The error an `event: error` frame carries: `{"message": …}`, a JSON string, or raw text. */
function streamError(data: string): StreamError {
  let message = data;
  try {
    const parsed: unknown = JSON.parse(data);
    if (typeof parsed === "string") {
      message = parsed;
    } else if (typeof parsed === "object" && parsed !== null) {
      const m = (parsed as { message?: unknown }).message;
      if (typeof m === "string") message = m;
    }
  } catch {
    // Not JSON: the raw text is the message.
  }
  return new StreamError(message, data);
}

/**
 * Yields the JSON payload of every frame. Stopping early cancels the body; `signal`
 * aborting cancels it too (even with a fetch that ignores signals) and throws its reason.
 */
async function* readEvents<T>(body: ReadableStream<Uint8Array>, signal: AbortSignal): AsyncGenerator<T> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new SSEParser();
  const onAbort = (): void => {
    reader.cancel(signal.reason).catch(() => undefined);
  };
  signal.addEventListener("abort", onAbort);
  let finished = false;
  try {
    for (;;) {
      if (signal.aborted) throw signal.reason;
      const { done, value } = await reader.read();
      if (signal.aborted) throw signal.reason;
      const frames = done
        ? parser.push(decoder.decode()).concat(parser.finish())
        : parser.push(decoder.decode(value, { stream: true }));
      for (const frame of frames) {
        if (frame.event === "error") throw streamError(frame.data);
        yield JSON.parse(frame.data) as T;
      }
      if (done) {
        finished = true;
        return;
      }
    }
  } finally {
    signal.removeEventListener("abort", onAbort);
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
