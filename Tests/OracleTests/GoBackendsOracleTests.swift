import Backends
import Foundation
import Proto
import TestSupport
import Testing

/// go-http and go-client output for the whole Go corpus, checked by the real Go
/// toolchain: it builds, is gofmt-clean, passes go vet, and the end-to-end tests in
/// `Golden/go-http/e2e` (server and client over httptest) pass.
@Suite(.serialized) struct GoBackendsOracleTests {
  static let testsRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  static let golden = testsRoot.appendingPathComponent("BackendsTests/Golden")
  static let bundled = testsRoot.deletingLastPathComponent().appendingPathComponent("Sources/Proto/Bundled")
  static let module = "example.com/corpus"

  /// The corpus image, compiled by sebuf's compiler (protoc only runs protoc-gen-go).
  static func corpus() throws -> Image {
    let dir = golden.appendingPathComponent("go-http/proto")
    let (image, diagnostics) = compile(SourceSet(roots: [.init(directory: dir.path, displayPrefix: "")]))
    return try #require(image, "\(diagnostics)")
  }

  /// A Go module with protoc-gen-go's types and both backends' output for the corpus.
  static func buildModule() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sebuf-go-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try GoToolchain.goMod(module: module).write(
      to: dir.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)
    let image = try corpus()
    let targets = image.targets.map(\.name)
    var protoc = [
      "protoc", "-I", golden.appendingPathComponent("go-http/proto").path, "-I", bundled.path, "-I",
      "/usr/include", "--go_out=.", "--go_opt=module=\(module)",
    ]
    for f in ["annotations", "headers"] { protoc.append("--go_opt=Msebuf/http/\(f).proto=\(module)/sebufhttp") }
    protoc += targets + ["sebuf/http/annotations.proto", "sebuf/http/headers.proto"]
    let generated = try GoToolchain.run(protoc, in: dir)
    guard generated.status == 0 else { throw OracleFailure("protoc-gen-go failed:\n\(generated.output)") }

    // The end-to-end tests use the package's own error types (self-contained mode);
    // GoUpstreamCompatOracleTests covers the default, upstream's sebufhttp types.
    let options: [(key: String, value: String)] = [("module", module), ("self_contained", "true")]
    var written: [String: [UInt8]] = [:]
    for backend in [GoHTTPBackend() as any Backend, GoClientBackend()] {
      for f in try backend.generate(GenerationRequest(image: image, filesToGenerate: targets, options: options)) {
        if let previous = written[f.path], previous != f.contents {
          throw OracleFailure("\(f.path) differs between go-http and go-client")
        }
        written[f.path] = f.contents
        let url = dir.appendingPathComponent(f.path)
        try FileManager.default.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(f.contents).write(to: url)
      }
    }
    return dir
  }

  @Test(.oracle("go", "protoc", "protoc-gen-go", "/usr/share/gocode/src/google.golang.org/protobuf/"))
  func corpusBuildsIsGofmtCleanAndPassesVetAndEndToEndTests() throws {
    try OracleTools.require(["go", "protoc", "protoc-gen-go", "/usr/share/gocode/src/google.golang.org/protobuf/"])
    let dir = try Self.buildModule()
    defer { try? FileManager.default.removeItem(at: dir) }

    let build = try GoToolchain.run(["go", "build", "./..."], in: dir)
    #expect(build.status == 0, "go build:\n\(build.output)")
    let gofmt = try GoToolchain.run([try GoToolchain.gofmt(in: dir), "-l", "."], in: dir)
    #expect(gofmt.status == 0 && gofmt.output.isEmpty, "gofmt -l lists files:\n\(gofmt.output)")
    let vet = try GoToolchain.run(["go", "vet", "./..."], in: dir)
    #expect(vet.status == 0, "go vet:\n\(vet.output)")

    try FileManager.default.copyItem(
      at: Self.golden.appendingPathComponent("go-http/e2e/e2e_test.go"),
      to: dir.appendingPathComponent("api/e2e_test.go"))
    let test = try GoToolchain.run(["go", "test", "-count=1", "./api/"], in: dir)
    #expect(test.status == 0, "go test:\n\(test.output)")
  }
}
