import Diagnostics
import Foundation
import Proto
import Testing

/// Parser throughput, printed (never asserted). Runs only with SEBUF_BENCH=1, e.g.
/// `SEBUF_BENCH=1 swift test -c release --filter ParserBenchmark`; set
/// SEBUF_BENCH_DIR to a directory of .proto files (default: the WKTs and the corpus).
@Suite struct ParserBenchmarkTests {
  @Test func parseThroughput() throws {
    let env = ProcessInfo.processInfo.environment
    guard env["SEBUF_BENCH"] == "1" else { return }
    var dirs = [ParserOracleTests.corpus.path, "/usr/include/google/protobuf"]
    if let d = env["SEBUF_BENCH_DIR"] { dirs = [d] }
    var files: [[UInt8]] = []
    for d in dirs {
      let e = FileManager.default.enumerator(atPath: d)
      while let f = e?.nextObject() as? String {
        if f.hasSuffix(".proto") {
          files.append(try [UInt8](Data(contentsOf: URL(fileURLWithPath: d + "/" + f))))
        }
      }
    }
    let target = Int(env["SEBUF_BENCH_FILES"] ?? "2000") ?? 2000
    var inputs: [[UInt8]] = []
    while inputs.count < target { inputs.append(files[inputs.count % files.count]) }
    let bytes = inputs.reduce(0) { $0 + $1.count }
    var best = Double.infinity
    for _ in 0..<5 {
      let start = Self.cpuNanos()
      var locations = 0
      for (i, b) in inputs.enumerated() {
        let (f, _) = parseProto(b, importPath: "f\(i).proto", displayPath: "f\(i).proto")
        locations += f.descriptor.sourceCodeInfo.location.count
      }
      let secs = Double(Self.cpuNanos() - start) / 1e9
      best = min(best, secs)
      #expect(locations > 0)
    }
    print(
      "parser: \(inputs.count) files, \(bytes / 1024) KiB in \(String(format: "%.3f", best)) s "
        + "(\(String(format: "%.1f", Double(bytes) / best / 1_048_576)) MiB/s, "
        + "\(String(format: "%.1f", best / Double(inputs.count) * 1e6)) µs/file), one thread's CPU time")
  }

  /// CPU time of this thread: wall time is meaningless on a loaded machine.
  static func cpuNanos() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
  }
}
