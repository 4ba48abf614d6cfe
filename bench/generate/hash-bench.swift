// Throughput of the two cache-hash candidates (xxHash64, FNV-1a 64) on ~8 MB of
// generated-code-like bytes. Build and run (see BENCHMARKS.md, "generate"):
//   swiftc -O -parse-as-library bench/generate/hash-bench.swift Sources/Plan/Hashing.swift -o /tmp/hash-bench && /tmp/hash-bench
import Foundation

@main
enum HashBench {
  static func main() {
    // 8 MiB of text resembling generated Go: repetitive identifiers and punctuation.
    var text = ""
    var i = 0
    while text.utf8.count < 8 << 20 {
      text += "func (x *Message\(i)) GetField\(i % 97)() string { return x.field\(i % 13) }\n"
      i += 1
    }
    let bytes = Array(text.utf8)
    func measure(_ name: String, _ body: () -> UInt64) {
      var best = Double.infinity
      var sink: UInt64 = 0
      for _ in 0..<7 {
        let t0 = DispatchTime.now().uptimeNanoseconds
        sink ^= body()
        let t1 = DispatchTime.now().uptimeNanoseconds
        best = min(best, Double(t1 - t0) / 1e9)
      }
      let mbs = Double(bytes.count) / best / 1e6
      print("\(name): best of 7 \(String(format: "%.2f", best * 1000)) ms for \(bytes.count) bytes = \(Int(mbs)) MB/s (\(sink & 1))")
    }
    measure("xxh64   ") { ContentHash.xxh64(bytes) }
    measure("fnv1a64 ") { ContentHash.fnv1a64(bytes) }
  }
}
