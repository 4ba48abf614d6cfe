// Static helper code of every client module, kept as real TypeScript in
// Sources/Backends/Runtime/ts/client_*.ts and embedded by scripts/embed (module-private, so barrels never export it):
// error decoding, and the Server-Sent Events reader. The reader follows the WHATWG event-stream
// rules: lines end in LF, CR or CRLF (also split across chunks), `:` lines are comments,
// several `data:` lines join with "\n", `event:` names the frame, and a last frame without a
// trailing blank line still counts. Stopping early cancels the reader.

enum ClientRuntime {
  /// `throwResponseError(resp)`: 400 with `violations` → ValidationError, else ApiError.
  static func throwResponseError(_ p: inout CodePrinter) {
    p.lines(ofFile: RuntimeFiles.text("ts/client_errors.ts"))
  }

  /// The SSE frame parser and `readEvents`, emitted only into modules with a streaming method.
  static func sse(_ p: inout CodePrinter) {
    p.lines(ofFile: RuntimeFiles.text("ts/client_sse.ts"))
  }
}
