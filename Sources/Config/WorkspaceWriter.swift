// Writing workspace files: the commented starter `sebuf init` writes, and a validated
// Workspace rendered back as sebuf.yaml (what `sebuf init --from-buf` writes).
import Basics
import Diagnostics

extension Workspace {
  /// The starter `sebuf.yaml` with the module at `.`.
  public static var initTemplate: String { initTemplate(modulePath: ".") }

  /// The starter `sebuf.yaml`: every section explained, generation commented out.
  public static func initTemplate(modulePath: String) -> String {
    """
    # sebuf workspace file. Reference: README.md, "Workspace file".
    version: v1

    # Roots of your .proto files: compiled, linted and generated. Paths are relative
    # to this file; a file's import path is its path relative to its module.
    modules:
      - path: \(modulePath)
        # excludes: [\(modulePath == "." ? "" : modulePath + "/")legacy]

    # Extra import roots (vendored protos): compiled as imports only.
    # includes: [third_party/proto]

    lint:
      use: [STANDARD, HTTP]        # categories or rule ids
      # except: [PACKAGE_VERSION_SUFFIX]
      # ignore: [\(modulePath == "." ? "" : modulePath + "/")legacy]
      allow_comment_ignores: true  # `// sebuf:lint:ignore RULE` on the line above

    breaking:
      use: [FILE, HTTP]
      against: .git#branch=main    # default for `sebuf breaking`

    # What `sebuf generate` writes. Backends: \(BackendID.allCases.map(\.rawValue).joined(separator: ", "));
    # `plugin:` runs any protoc plugin.
    # generate:
    #   - backend: go-http
    #     out: gen/go
    #     opt: { paths: source_relative }
    #   - backend: ts-client
    #     out: gen/ts
    #     opt: { paths: source_relative }
    #   - backend: openapi
    #     out: docs/openapi
    #     opt: { format: yaml }
    #   - plugin: protoc-gen-go
    #     out: gen/go
    #     opt: [paths=source_relative]

    # managed:
    #   go_package_prefix: example.com/app/gen/go

    """
  }

  /// Reads buf.yaml (+ buf.gen.yaml) v2 in `directory` and returns the same workspace as
  /// sebuf.yaml text. Throws ``DiagnosticError`` for what cannot be converted.
  public static func convertFromBuf(directory: String) throws -> String {
    let root = FilePath.absolute(directory)
    let bufYAML = FilePath.join(root, "buf.yaml")
    guard FileSystem.isFile(bufYAML), let text = FileSystem.readText(bufYAML) else {
      throw DiagnosticError(
        .error("no buf.yaml in \(directory); --from-buf converts buf.yaml (and buf.gen.yaml) v2.", rule: "CONFIG"))
    }
    let genPath = FilePath.join(root, "buf.gen.yaml")
    let gen = FileSystem.isFile(genPath) ? FileSystem.readText(genPath) : nil
    var ws = try parse(bufYAML: text, bufGenYAML: gen, root: root)
    var notes: [String] = []
    if ws.managed.enabled && ws.managed.style == .buf {
      guard let (v1, dropped) = ws.managed.sebufV1Conversion() else {
        throw DiagnosticError(
          .error(
            "buf.gen.yaml's managed go_package rules (for a module of this workspace, a prefix per path, or one go_package for every file) have no sebuf.yaml form; keep buf.yaml and buf.gen.yaml: sebuf reads them as they are.",
            rule: "CONFIG", at: .file("buf.gen.yaml")))
      }
      ws.managed = v1
      notes = dropped
    }
    return "# Converted from buf.yaml\(gen == nil ? "" : " and buf.gen.yaml") by `sebuf init --from-buf`.\n"
      + notes.map { "# managed mode: \($0)\n" }.joined() + ws.yamlText()
  }

  /// The workspace as `sebuf.yaml` v1 text (defaults left out).
  public func yamlText() -> String {
    var out = "version: v1\n"
    out += "modules:\n"
    for m in modules {
      out += "  - path: \(yamlScalar(m.path))\n"
      if !m.excludes.isEmpty { out += "    excludes: \(yamlList(m.excludes))\n" }
    }
    if !includes.isEmpty { out += "includes: \(yamlList(includes))\n" }

    let dl = LintConfig()
    var lintLines: [String] = []
    lintLines.append("use: \(yamlList(lint.use))")
    if !lint.except.isEmpty { lintLines.append("except: \(yamlList(lint.except))") }
    if !lint.ignore.isEmpty { lintLines.append("ignore: \(yamlList(lint.ignore))") }
    lintLines += ignoreOnlyLines(lint.ignoreOnly)
    if !lint.warn.isEmpty { lintLines.append("warn: \(yamlList(lint.warn))") }
    lintLines.append("allow_comment_ignores: \(lint.allowCommentIgnores)")
    if lint.enumZeroValueSuffix != dl.enumZeroValueSuffix {
      lintLines.append("enum_zero_value_suffix: \(yamlScalar(lint.enumZeroValueSuffix))")
    }
    if lint.serviceSuffix != dl.serviceSuffix { lintLines.append("service_suffix: \(yamlScalar(lint.serviceSuffix))") }
    if lint.rpcAllowSameRequestResponse { lintLines.append("rpc_allow_same_request_response: true") }
    if lint.rpcAllowGoogleProtobufEmptyRequests { lintLines.append("rpc_allow_google_protobuf_empty_requests: true") }
    if lint.rpcAllowGoogleProtobufEmptyResponses {
      lintLines.append("rpc_allow_google_protobuf_empty_responses: true")
    }
    out += "lint:\n" + lintLines.map { "  " + $0 + "\n" }.joined()

    var br: [String] = ["use: \(yamlList(breaking.use))"]
    if !breaking.except.isEmpty { br.append("except: \(yamlList(breaking.except))") }
    if !breaking.ignore.isEmpty { br.append("ignore: \(yamlList(breaking.ignore))") }
    br += ignoreOnlyLines(breaking.ignoreOnly)
    if breaking.ignoreUnstablePackages { br.append("ignore_unstable_packages: true") }
    if !breaking.allowCommentIgnores { br.append("allow_comment_ignores: false") }
    if let a = breaking.against { br.append("against: \(yamlScalar(a))") }
    out += "breaking:\n" + br.map { "  " + $0 + "\n" }.joined()

    if !generate.isEmpty {
      out += "generate:\n"
      for g in generate {
        switch g.kind {
        case .backend(let b): out += "  - backend: \(b)\n"
        case .plugin(let p): out += "  - plugin: \(yamlScalar(p))\n"
        }
        if let n = g.name { out += "    name: \(yamlScalar(n))\n" }
        out += "    out: \(yamlScalar(g.out))\n"
        if !g.options.isEmpty {
          out += "    opt: \(yamlList(g.options.map { $0.value.isEmpty ? $0.key : "\($0.key)=\($0.value)" }))\n"
        }
        if !g.include.isEmpty { out += "    include: \(yamlList(g.include))\n" }
        if !g.exclude.isEmpty { out += "    exclude: \(yamlList(g.exclude))\n" }
        if let s = g.strategy { out += "    strategy: \(s.rawValue)\n" }
        if g.includeImports { out += "    include_imports: true\n" }
        if g.includeWKT { out += "    include_wkt: true\n" }
      }
    }
    if managed.enabled
      && (managed.goPackagePrefix != nil || !managed.goPackageOverrides.isEmpty || !managed.except.isEmpty)
    {
      out += "managed:\n"
      if let p = managed.goPackagePrefix { out += "  go_package_prefix: \(yamlScalar(p))\n" }
      if !managed.goPackageOverrides.isEmpty {
        out += "  override:\n"
        for (path, pkg) in managed.goPackageOverrides.sorted(by: { $0.key < $1.key }) {
          out += "    - path: \(yamlScalar(path))\n      go_package: \(yamlScalar(pkg))\n"
        }
      }
      if !managed.except.isEmpty { out += "  except: \(yamlList(managed.except))\n" }
    }
    return out
  }

  private func ignoreOnlyLines(_ map: [String: [String]]) -> [String] {
    guard !map.isEmpty else { return [] }
    var lines = ["ignore_only:"]
    for (id, paths) in map.sorted(by: { $0.key < $1.key }) {
      lines.append("  \(yamlScalar(id)): \(yamlList(paths))")
    }
    return lines
  }
}

/// A YAML scalar, quoted when plain style would change its meaning.
func yamlScalar(_ s: String) -> String {
  let special: Set<Character> = [":", "#", "[", "]", "{", "}", ",", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`"]
  let reserved = ["", "true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"]
  let needsQuote =
    reserved.contains(s.lowercased()) || s.contains(where: { special.contains($0) }) || s.first == " "
    || s.last == " " || s.first == "-" || s.first == "?" || Double(s) != nil
  guard needsQuote else { return s }
  return JSONString.quote(s)
}

/// A flow-style YAML list.
func yamlList(_ items: [String]) -> String {
  "[" + items.map(yamlScalar).joined(separator: ", ") + "]"
}
