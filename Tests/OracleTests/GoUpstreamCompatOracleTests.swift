import Backends
import Foundation
import Proto
import TestSupport
import Testing

/// go-http and go-client in their default mode, which uses upstream sebuf's Go error and
/// header types (`github.com/SebastienMelki/sebuf/http`), checked with the real Go
/// toolchain. The tests cannot download that module, so they build it: protoc-gen-go over
/// the bundled sebuf/http/*.proto plus `Golden/go-http/upstream/errors_impl.go` (this
/// project's file with upstream's public API). Then user code in upstream's style
/// (`upstream_style_test.go`, using `generate_mock=true`'s mocks too) runs over real HTTP, and the package's public API, printed
/// by a go/ast program (`upstream/surface`), must contain every line of the recorded
/// facts (`go-http.facts`, `go-client.facts`).
@Suite(.serialized) struct GoUpstreamCompatOracleTests {
  static let upstream = GoBackendsOracleTests.golden.appendingPathComponent("go-http/upstream")
  static let needs = ["go", "protoc", "protoc-gen-go", "/usr/share/gocode/src/google.golang.org/protobuf/"]

  /// A module with the corpus, both backends' default output, and upstream's sebufhttp
  /// package built from the bundled protos (a `replace`d module beside it).
  static func buildModule() throws -> URL {
    let fm = FileManager.default
    let dir = fm.temporaryDirectory.appendingPathComponent("sebuf-go-upstream-\(UUID().uuidString)")
    let sebufmod = dir.appendingPathComponent("sebufmod")
    try fm.createDirectory(at: sebufmod, withIntermediateDirectories: true)
    let module = GoBackendsOracleTests.module
    let goMod = GoToolchain.goMod(module: module).replacingOccurrences(
      of: "replace (\n",
      with:
        "require github.com/SebastienMelki/sebuf v0.0.0\n\nreplace (\n\tgithub.com/SebastienMelki/sebuf => ./sebufmod\n"
    )
    try goMod.write(to: dir.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)
    try """
    module github.com/SebastienMelki/sebuf

    go 1.22

    require google.golang.org/protobuf v1.28.1

    """.write(to: sebufmod.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)

    let bundled = GoBackendsOracleTests.bundled.path
    let sebufProtos = ["annotations", "headers", "errors"].map { "sebuf/http/\($0).proto" }
    let built = try GoToolchain.run(
      [
        "protoc", "-I", bundled, "-I", "/usr/include", "--go_out=sebufmod",
        "--go_opt=module=github.com/SebastienMelki/sebuf",
      ]
        + sebufProtos, in: dir)
    guard built.status == 0 else { throw OracleFailure("protoc-gen-go (sebuf/http) failed:\n\(built.output)") }
    try fm.copyItem(
      at: upstream.appendingPathComponent("errors_impl.go"),
      to: sebufmod.appendingPathComponent("http/errors_impl.go"))

    let image = try GoBackendsOracleTests.corpus()
    let targets = image.targets.map(\.name)
    let corpus = GoBackendsOracleTests.golden.appendingPathComponent("go-http/proto").path
    let generated = try GoToolchain.run(
      ["protoc", "-I", corpus, "-I", bundled, "-I", "/usr/include", "--go_out=.", "--go_opt=module=\(module)"]
        + targets,
      in: dir)
    guard generated.status == 0 else { throw OracleFailure("protoc-gen-go failed:\n\(generated.output)") }

    var written: [String: [UInt8]] = [:]
    for (backend, options) in [
      (GoHTTPBackend() as any Backend, [("module", module), ("generate_mock", "true")]),
      (GoClientBackend(), [("module", module)]),
    ] {
      let request = GenerationRequest(image: image, filesToGenerate: targets, options: options)
      for f in try backend.generate(request) {
        if let previous = written[f.path], previous != f.contents {
          throw OracleFailure("\(f.path) differs between go-http and go-client")
        }
        written[f.path] = f.contents
        let url = dir.appendingPathComponent(f.path)
        try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(f.contents).write(to: url)
      }
    }
    return dir
  }

  @Test(.oracle("go", "protoc", "protoc-gen-go", "/usr/share/gocode/src/google.golang.org/protobuf/"))
  func upstreamStyleUserCodeBuildsAndRunsOverHTTP() throws {
    try OracleTools.require(Self.needs)
    let dir = try Self.buildModule()
    defer { try? FileManager.default.removeItem(at: dir) }

    let build = try GoToolchain.run(["go", "build", "./..."], in: dir)
    #expect(build.status == 0, "go build:\n\(build.output)")
    let gofmt = try GoToolchain.run([try GoToolchain.gofmt(in: dir), "-l", "api"], in: dir)
    #expect(gofmt.status == 0 && gofmt.output.isEmpty, "gofmt -l lists files:\n\(gofmt.output)")
    let vet = try GoToolchain.run(["go", "vet", "./api/"], in: dir)
    #expect(vet.status == 0, "go vet:\n\(vet.output)")

    try FileManager.default.copyItem(
      at: Self.upstream.appendingPathComponent("upstream_style_test.go"),
      to: dir.appendingPathComponent("api/upstream_style_test.go"))
    let test = try GoToolchain.run(["go", "test", "-count=1", "-run", "UpstreamStyle", "./api/"], in: dir)
    #expect(test.status == 0, "go test:\n\(test.output)")
  }

  @Test(.oracle("go", "protoc", "protoc-gen-go", "/usr/share/gocode/src/google.golang.org/protobuf/"))
  func publicSurfaceContainsUpstreamsDeclarations() throws {
    try OracleTools.require(Self.needs)
    let dir = try Self.buildModule()
    defer { try? FileManager.default.removeItem(at: dir) }
    let tool = dir.appendingPathComponent("surface")
    try FileManager.default.copyItem(at: Self.upstream.appendingPathComponent("surface"), to: tool)
    let printed = try GoToolchain.run(["go", "run", ".", dir.appendingPathComponent("api").path], in: tool)
    try #require(printed.status == 0, "surface:\n\(printed.output)")
    let actual = Set(printed.output.split(separator: "\n").map(String.init))
    for facts in ["go-http.facts", "go-client.facts"] {
      let text = try String(contentsOf: Self.upstream.appendingPathComponent(facts), encoding: .utf8)
      let expected = text.split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }
      #expect(!expected.isEmpty)
      let missing = expected.filter { !actual.contains($0) }
      #expect(missing.isEmpty, "\(facts): missing from the generated API:\n\(missing.joined(separator: "\n"))")
    }
  }

  /// A module that vendors sebuf/http/*.proto (generating them into its own package, as
  /// teams without the BSR do) builds, and its servers and clients use that package.
  @Test(.oracle("go", "protoc", "protoc-gen-go", "/usr/share/gocode/src/google.golang.org/protobuf/"))
  func vendoredSebufHTTPProtosBuildAndServe() throws {
    try OracleTools.require(Self.needs)
    let fm = FileManager.default
    let dir = fm.temporaryDirectory.appendingPathComponent("sebuf-go-vendored-\(UUID().uuidString)")
    defer { try? fm.removeItem(at: dir) }
    let protoRoot = dir.appendingPathComponent("proto")
    try fm.createDirectory(at: protoRoot.appendingPathComponent("sebuf"), withIntermediateDirectories: true)
    try fm.copyItem(
      at: GoBackendsOracleTests.golden.appendingPathComponent("go-http/proto/api"),
      to: protoRoot.appendingPathComponent("api"))
    try fm.copyItem(
      at: GoBackendsOracleTests.golden.appendingPathComponent("go-http/proto/other"),
      to: protoRoot.appendingPathComponent("other"))
    try fm.copyItem(
      at: GoBackendsOracleTests.bundled.appendingPathComponent("sebuf/http"),
      to: protoRoot.appendingPathComponent("sebuf/http"))
    let module = GoBackendsOracleTests.module
    try GoToolchain.goMod(module: module).write(
      to: dir.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)

    let (image, diagnostics) = compile(SourceSet(roots: [.init(directory: protoRoot.path, displayPrefix: "")]))
    let compiled = try #require(image, "\(diagnostics)")
    let targets = compiled.targets.map(\.name)
    #expect(targets.contains("sebuf/http/errors.proto"))
    let mappings = ["annotations", "headers", "errors"].map {
      ("Msebuf/http/\($0).proto", "\(module)/sebuf/http;http")
    }
    let generated = try GoToolchain.run(
      ["protoc", "-I", protoRoot.path, "-I", "/usr/include", "--go_out=.", "--go_opt=module=\(module)"]
        + mappings.map { "--go_opt=\($0.0)=\($0.1)" } + targets, in: dir)
    guard generated.status == 0 else { throw OracleFailure("protoc-gen-go failed:\n\(generated.output)") }
    for backend in [GoHTTPBackend() as any Backend, GoClientBackend()] {
      let request = GenerationRequest(
        image: compiled, filesToGenerate: targets, options: [("module", module)] + mappings)
      for f in try backend.generate(request) {
        let url = dir.appendingPathComponent(f.path)
        try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(f.contents).write(to: url)
      }
    }
    #expect(fm.fileExists(atPath: dir.appendingPathComponent("sebuf/http/errors_error_impl.pb.go").path))
    let build = try GoToolchain.run(["go", "build", "./..."], in: dir)
    #expect(build.status == 0, "go build:\n\(build.output)")
    let gofmt = try GoToolchain.run([try GoToolchain.gofmt(in: dir), "-l", "api", "sebuf"], in: dir)
    #expect(gofmt.status == 0 && gofmt.output.isEmpty, "gofmt -l lists files:\n\(gofmt.output)")
    try fm.copyItem(
      at: Self.upstream.appendingPathComponent("vendored_test.go"),
      to: dir.appendingPathComponent("api/vendored_test.go"))
    let test = try GoToolchain.run(["go", "test", "-count=1", "-run", "Vendored", "./api/"], in: dir)
    #expect(test.status == 0, "go test:\n\(test.output)")
  }
}
