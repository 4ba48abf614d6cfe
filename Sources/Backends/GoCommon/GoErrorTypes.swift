import Proto

/// Which error and header types the Go runtimes use, and `sebuf_errors.pb.go`, the file
/// that names them for the runtimes (`sebufValidationError`, `sebufFieldViolation`,
/// `sebufErrorMessage`, `sebufHTTPHeader`, two helpers).
///
/// By default they are upstream sebuf's, from `github.com/SebastienMelki/sebuf/http`
/// (imported as `sebufhttp`), so a handler returning `*sebufhttp.ValidationError` answers
/// 400 and `errors.As` on a client error matches upstream's types. When the image holds
/// the `sebuf.http` protos with another Go package (vendored into a module), that package
/// is used. With `self_contained=true` the package declares its own (`ValidationError`,
/// `FieldViolation`, `HTTPError`, `HTTPHeader`) and needs no module besides protobuf.
struct GoErrorTypes {
  /// upstream's Go package of the `sebuf.http` protos.
  static let upstreamImportPath = "github.com/SebastienMelki/sebuf/http"

  /// The identifiers the self-contained runtime declares in every package with sebuf output.
  static let selfContainedNames: Set<String> = ["FieldViolation", "ValidationError", "HTTPError", "HTTPHeader"]

  let layout: GoLayout

  var selfContained: Bool { layout.options.flags["self_contained"] == true }

  /// The Go package of the `sebuf.http` types: that of the image's file of package
  /// `sebuf.http` declaring `ValidationError` (a vendored errors.proto) when it resolves,
  /// else upstream's. (annotations.proto alone, e.g. from include_imports, holds no types.)
  func sebufHTTPPackage() -> GoPackage {
    let index = layout.index
    for f in index.image.files
    where f.descriptor.package == "sebuf.http"
      && f.descriptor.messageType.contains(where: { $0.name == "ValidationError" })
    {
      if let pkg = try? layout.package(of: f.name) { return pkg }
    }
    return GoPackage(importPath: Self.upstreamImportPath, name: "http")
  }

  /// The exported identifiers the errors file declares in a package.
  var declaredNames: Set<String> { selfContained ? Self.selfContainedNames : [] }

  /// `sebuf_errors.pb.go` for Go package `package`.
  func render(package: GoPackage) -> String {
    if selfContained { return GoRuntime.errors.text(package: package.name, tool: "") }
    let upstream = sebufHTTPPackage()
    let local = upstream.importPath == package.importPath
    let q = local ? "" : "sebufhttp."
    var p = CodePrinter(indent: "\t")
    p.goFileHeader(tool: "", package: package.name)
    if !local { p.line("import sebufhttp \(GoNamer.quote(upstream.importPath))") }
    if !local { p.blank() }
    p.line("// The runtime's names for the error and header types of upstream sebuf's Go package, so")
    p.line("// that handlers and callers use those very types (self_contained=true declares its own).")
    p.line("type (")
    p.indented { p in
      p.line("sebufValidationError = \(q)ValidationError")
      p.line("sebufFieldViolation  = \(q)FieldViolation")
      p.line("sebufErrorMessage    = \(q)Error")
      p.line("sebufHTTPHeader      = \(q)Header")
    }
    p.line(")")
    p.blank()
    p.line("// sebufNewErrorMessage is the error body for message; upstream's Error carries no status.")
    p.line("func sebufNewErrorMessage(_ int, message string) *sebufErrorMessage {")
    p.indented { $0.line("return &sebufErrorMessage{Message: message}") }
    p.line("}")
    p.blank()
    p.line("// sebufErrorStatus is 0: the status of an Error response is the server's default (500).")
    p.line("func sebufErrorStatus(*sebufErrorMessage) int { return 0 }")
    return p.content
  }
}
