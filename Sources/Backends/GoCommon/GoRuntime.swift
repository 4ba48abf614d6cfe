/// A static Go runtime file the Go backends emit once per Go package.
///
/// Each is a real, gofmt-clean Go file in `Sources/Backends/Runtime/go/<rawValue>.go`
/// (embedded by scripts/embed; the oracle tests run gofmt on the output). It has no
/// per-proto logic: its package clause, `package sebufruntime` and the blank line after
/// it, is the one placeholder, replaced by the header of every sebuf Go file
/// (``CodePrinter/goFileHeader(tool:source:package:)``) for the target package.
public enum GoRuntime: String, CaseIterable, Sendable {
  /// go-http's `<name>_http_binding.pb.go` (of the package's first service file, as
  /// upstream names it): request binding, `BindingMiddleware`, `SSEHandler`, error mapping
  /// and the SSE sender.
  case httpBinding = "sebuf_http_binding"
  /// go-http's `<name>_http_config.pb.go`: the server options.
  case httpConfig = "sebuf_http_config"
  /// go-http's `sebuf_mock.pb.go` with `generate_mock=true`: fills mock responses.
  case mock = "sebuf_mock"
  /// go-client's `sebuf_client.pb.go`: transport, URL and body encoding, error decoding and
  /// the SSE event stream reader.
  case client = "sebuf_client"
  /// `sebuf_json.pb.go`, identical bytes from either backend: applies the sebuf JSON
  /// annotations, read from the descriptors' options at run time, around protojson.
  case json = "sebuf_json"
  /// `sebuf_errors.pb.go` with `self_contained=true`, identical bytes from either backend:
  /// the package's own error and header types. (By default the file aliases upstream's
  /// types instead: ``GoErrorTypes``.)
  case errors = "sebuf_errors"

  /// The package clause (and blank line) the source files start with.
  static let placeholder = "package sebufruntime\n\n"

  /// The output file name, for a runtime emitted once per package under a fixed name.
  public var fileName: String { rawValue + ".pb.go" }

  /// For go-http's files, which upstream names after a proto file: the suffix of
  /// `<name><suffix>` where `<name>` is the package's first file with services.
  public var protoSuffix: String? {
    switch self {
    case .httpBinding: "_http_binding.pb.go"
    case .httpConfig: "_http_config.pb.go"
    case .mock, .client, .json, .errors: nil
    }
  }

  /// The embedded source file, package clause included.
  var source: String { RuntimeFiles.text("go/\(rawValue).go") }

  /// The file's text for Go package `package`; `tool` (if not empty) is named in the header.
  public func text(package: String, tool: String) -> String {
    let source = self.source
    precondition(
      source.hasPrefix(Self.placeholder), "go/\(rawValue).go must start with `package sebufruntime` and a blank line")
    var p = CodePrinter(indent: "\t")
    p.goFileHeader(tool: tool, package: package)
    return p.content + source.dropFirst(Self.placeholder.count)
  }
}
