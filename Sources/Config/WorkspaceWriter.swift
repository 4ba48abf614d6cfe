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
    try convertingFromBuf(directory: directory).text
  }

  /// What `sebuf init --from-buf` writes, and what it changed on the way.
  public struct BufConversion: Sendable {
    /// The sebuf.yaml text, with the user's comments next to the keys they were written on.
    public var text: String
    /// One line per change ("buf.gen.yaml plugins[0] protoc-gen-go-http → backend: go-http").
    public var changes: [String]
  }

  /// Converts buf.yaml (+ buf.gen.yaml) v2 in `directory`, keeping the files' comments.
  public static func convertingFromBuf(directory: String) throws -> BufConversion {
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
    let bufComments = YAMLComments(text)
    let genComments = gen.map(YAMLComments.init) ?? YAMLComments("")
    var conversion = BufCommentPlacer(lines: ws.yamlLines())
    // Plugins become generate entries in order; each entry remembers the line it came from.
    var pluginEntry: [Int: Int] = [:]
    for (path, line) in genComments.anchors {
      guard let i = BufCommentPlacer.pluginIndex(path) else { continue }
      if let j = ws.generate.firstIndex(where: { $0.span?.start.line == line }) { pluginEntry[i] = j }
    }
    conversion.place(bufComments, file: "buf.yaml") { $0 }
    conversion.place(genComments, file: "buf.gen.yaml") { path in
      // A go_package_prefix override is written as managed.go_package_prefix.
      if path.hasPrefix("managed.override["), let close = path.firstIndex(of: "]"),
        genComments.scalars[path[...close] + ".file_option"] == "go_package_prefix"
      {
        return "managed.go_package_prefix"
      }
      guard let i = BufCommentPlacer.pluginIndex(path) else { return path }
      guard let j = pluginEntry[i] else { return nil }
      let rest = path.drop { $0 != "]" }.dropFirst()
      if rest.hasPrefix(".local") || rest.hasPrefix(".remote") || rest.hasPrefix(".protoc_builtin") {
        return "generate[\(j)]"
      }
      return "generate[\(j)]" + rest
    }
    let header =
      "# Converted from buf.yaml\(gen == nil ? "" : " and buf.gen.yaml") by `sebuf init --from-buf`.\n"
      + notes.map { "# managed mode: \($0)\n" }.joined()
    let changes = Self.bufChanges(
      ws, buf: bufComments, gen: gen == nil ? nil : genComments, pluginEntry: pluginEntry, managedNotes: notes)
    return BufConversion(text: header + conversion.render(), changes: changes)
  }

  /// What the conversion changed, in file order: renamed keys, plugins that became backends,
  /// managed rules and what has no sebuf.yaml form.
  static func bufChanges(
    _ ws: Workspace, buf: YAMLComments, gen: YAMLComments?, pluginEntry: [Int: Int], managedNotes: [String]
  ) -> [String] {
    var out = ["buf.yaml version: v2 → version: v1"]
    if let n = buf.scalars["name"] { out.append("buf.yaml name: \(n) → not written (sebuf.yaml names no module)") }
    for (path, _) in buf.anchors where path.hasPrefix("deps[") {
      out.append("buf.yaml \(path) \(buf.scalars[path] ?? "") → not written (sebuf.yaml has no deps key)")
    }
    for (path, _) in buf.anchors
    where path.hasPrefix("modules[") && (path.hasSuffix("].lint") || path.hasSuffix("].breaking")) {
      let key = path.hasSuffix("].lint") ? "lint" : "breaking"
      out.append("buf.yaml \(path) → not written (sebuf.yaml has one \(key) block for every module)")
    }
    guard let gen else { return out }
    for (path, _) in gen.anchors {
      guard let i = BufCommentPlacer.pluginIndex(path), path == "plugins[\(i)]", let j = pluginEntry[i] else {
        continue
      }
      let local = gen.scalars[path + ".local"] ?? gen.scalars[path + ".local[0]"] ?? ""
      switch ws.generate[j].kind {
      case .backend(let b): out.append("buf.gen.yaml \(path) \(local) → backend: \(b)")
      case .plugin(let p): out.append("buf.gen.yaml \(path) local: \(local) → plugin: \(p)")
      }
    }
    if gen.scalars["clean"].map({ ["true", "yes", "on"].contains($0.lowercased()) }) == true {
      out.append("buf.gen.yaml clean: true → not written (sebuf.yaml has no clean key; run `sebuf generate --clean`)")
    }
    if gen.anchors.contains(where: { $0.path == "inputs" }) {
      out.append("buf.gen.yaml inputs → not written (sebuf generates every module of the workspace)")
    }
    if gen.anchors.contains(where: { $0.path == "managed" }) {
      let m = ws.managed
      if !m.enabled {
        out.append("buf.gen.yaml managed → not written (managed mode is off)")
      } else {
        if let p = m.goPackagePrefix {
          out.append("buf.gen.yaml managed go_package_prefix → managed.go_package_prefix: \(p)")
        }
        for (path, pkg) in m.goPackageOverrides.sorted(by: { $0.key < $1.key }) {
          out.append("buf.gen.yaml managed go_package for \(path) → managed.override path: \(path) go_package: \(pkg)")
        }
        for p in m.except { out.append("buf.gen.yaml managed disable path \(p) → managed.except: \(p)") }
        out += managedNotes.map { "buf.gen.yaml managed: \($0)" }
      }
    }
    return out
  }

  /// The workspace as `sebuf.yaml` v1 text (defaults left out).
  public func yamlText() -> String { yamlLines().map { $0.text + "\n" }.joined() }

  /// The lines of ``yamlText()``, each with the node paths it writes (`lint.use`,
  /// `generate[1].out`), so converted comments can be put next to their keys.
  func yamlLines() -> [(paths: [String], text: String)] {
    var out: [(paths: [String], text: String)] = [(["version"], "version: v1"), (["modules"], "modules:")]
    for (i, m) in modules.enumerated() {
      out.append((["modules[\(i)]", "modules[\(i)].path"], "  - path: \(yamlScalar(m.path))"))
      if !m.excludes.isEmpty { out.append((["modules[\(i)].excludes"], "    excludes: \(yamlList(m.excludes))")) }
    }
    if !includes.isEmpty { out.append((["includes"], "includes: \(yamlList(includes))")) }

    let dl = LintConfig()
    var lintLines: [(String, String)] = []
    lintLines.append(("use", "use: \(yamlList(lint.use))"))
    if !lint.except.isEmpty { lintLines.append(("except", "except: \(yamlList(lint.except))")) }
    if !lint.ignore.isEmpty { lintLines.append(("ignore", "ignore: \(yamlList(lint.ignore))")) }
    lintLines += ignoreOnlyLines(lint.ignoreOnly)
    if !lint.warn.isEmpty { lintLines.append(("warn", "warn: \(yamlList(lint.warn))")) }
    lintLines.append(("allow_comment_ignores", "allow_comment_ignores: \(lint.allowCommentIgnores)"))
    if lint.enumZeroValueSuffix != dl.enumZeroValueSuffix {
      lintLines.append(("enum_zero_value_suffix", "enum_zero_value_suffix: \(yamlScalar(lint.enumZeroValueSuffix))"))
    }
    if lint.serviceSuffix != dl.serviceSuffix {
      lintLines.append(("service_suffix", "service_suffix: \(yamlScalar(lint.serviceSuffix))"))
    }
    for (on, key) in [
      (lint.rpcAllowSameRequestResponse, "rpc_allow_same_request_response"),
      (lint.rpcAllowGoogleProtobufEmptyRequests, "rpc_allow_google_protobuf_empty_requests"),
      (lint.rpcAllowGoogleProtobufEmptyResponses, "rpc_allow_google_protobuf_empty_responses"),
    ] where on {
      lintLines.append((key, "\(key): true"))
    }
    out.append((["lint"], "lint:"))
    out += lintLines.map { (["lint." + $0.0], "  " + $0.1) }

    var br: [(String, String)] = [("use", "use: \(yamlList(breaking.use))")]
    if !breaking.except.isEmpty { br.append(("except", "except: \(yamlList(breaking.except))")) }
    if !breaking.ignore.isEmpty { br.append(("ignore", "ignore: \(yamlList(breaking.ignore))")) }
    br += ignoreOnlyLines(breaking.ignoreOnly)
    if breaking.ignoreUnstablePackages { br.append(("ignore_unstable_packages", "ignore_unstable_packages: true")) }
    if !breaking.allowCommentIgnores { br.append(("allow_comment_ignores", "allow_comment_ignores: false")) }
    if let a = breaking.against { br.append(("against", "against: \(yamlScalar(a))")) }
    out.append((["breaking"], "breaking:"))
    out += br.map { (["breaking." + $0.0], "  " + $0.1) }

    if !generate.isEmpty {
      out.append((["generate"], "generate:"))
      for (i, g) in generate.enumerated() {
        let p = "generate[\(i)]"
        switch g.kind {
        case .backend(let b): out.append(([p], "  - backend: \(b)"))
        case .plugin(let pl): out.append(([p], "  - plugin: \(yamlScalar(pl))"))
        }
        func add(_ key: String, _ value: String) { out.append(([p + "." + key], "    \(key): \(value)")) }
        if let n = g.name { add("name", yamlScalar(n)) }
        add("out", yamlScalar(g.out))
        if !g.options.isEmpty {
          add("opt", yamlList(g.options.map { $0.value.isEmpty ? $0.key : "\($0.key)=\($0.value)" }))
        }
        if !g.include.isEmpty { add("include", yamlList(g.include)) }
        if !g.exclude.isEmpty { add("exclude", yamlList(g.exclude)) }
        if let s = g.strategy { add("strategy", s.rawValue) }
        if g.includeImports { add("include_imports", "true") }
        if g.includeWKT { add("include_wkt", "true") }
      }
    }
    if managed.enabled
      && (managed.goPackagePrefix != nil || !managed.goPackageOverrides.isEmpty || !managed.except.isEmpty)
    {
      out.append((["managed"], "managed:"))
      if let p = managed.goPackagePrefix {
        out.append((["managed.go_package_prefix"], "  go_package_prefix: \(yamlScalar(p))"))
      }
      if !managed.goPackageOverrides.isEmpty {
        out.append((["managed.override"], "  override:"))
        for (path, pkg) in managed.goPackageOverrides.sorted(by: { $0.key < $1.key }) {
          out.append(([], "    - path: \(yamlScalar(path))"))
          out.append(([], "      go_package: \(yamlScalar(pkg))"))
        }
      }
      if !managed.except.isEmpty { out.append((["managed.except"], "  except: \(yamlList(managed.except))")) }
    }
    return out
  }

  private func ignoreOnlyLines(_ map: [String: [String]]) -> [(String, String)] {
    guard !map.isEmpty else { return [] }
    var lines = [("ignore_only", "ignore_only:")]
    for (id, paths) in map.sorted(by: { $0.key < $1.key }) {
      lines.append(("ignore_only.\(id)", "  \(yamlScalar(id)): \(yamlList(paths))"))
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

/// Puts a buf file's comments on the sebuf.yaml lines written from the same keys. A key
/// sebuf.yaml does not write gives its comments to the nearest enclosing key it does write,
/// and a top-level one to the header, so no comment is lost.
struct BufCommentPlacer {
  private var lines: [(paths: [String], text: String)]
  private var above: [[String]]
  private var after: [String?]
  private var header: [String] = []
  private var footer: [String] = []
  private var lineOf: [String: Int] = [:]

  init(lines: [(paths: [String], text: String)]) {
    self.lines = lines
    above = Array(repeating: [], count: lines.count)
    after = Array(repeating: nil, count: lines.count)
    for (i, l) in lines.enumerated() {
      for p in l.paths where lineOf[p] == nil { lineOf[p] = i }
    }
  }

  /// `plugins[3]…` → 3.
  static func pluginIndex(_ path: String) -> Int? {
    guard path.hasPrefix("plugins["), let close = path.firstIndex(of: "]") else { return nil }
    return Int(path[path.index(path.startIndex, offsetBy: 8)..<close])
  }

  /// The written line for `path`, walking up to its enclosing keys.
  private func line(for path: String) -> Int? {
    var p = Substring(path)
    while !p.isEmpty {
      if let i = lineOf[String(p)] { return i }
      guard let cut = p.lastIndex(where: { $0 == "." || $0 == "[" }) else { return nil }
      p = p[..<cut]
    }
    return nil
  }

  /// Places one file's comments; `rename` maps its paths to sebuf.yaml's (nil: not written).
  /// A comment whose key is not written stays in the header, saying where it was.
  mutating func place(_ c: YAMLComments, file: String, rename: (String) -> String?) {
    header += c.header
    func unplaced(_ path: String, _ text: String) -> String {
      "# (\(file) \(path)) " + text.dropFirst().drop { $0 == " " }
    }
    for (path, text) in c.leading {
      if let i = rename(path).flatMap(line(for:)) { above[i].append(text) } else { header.append(unplaced(path, text)) }
    }
    for (path, text) in c.trailing {
      guard let i = rename(path).flatMap(line(for:)) else {
        header.append(unplaced(path, text))
        continue
      }
      if after[i] == nil { after[i] = text } else { above[i].append(text) }
    }
    footer += c.footer
  }

  func render() -> String {
    var out = header.map { $0 + "\n" }.joined()
    for (i, l) in lines.enumerated() {
      let indent = String(l.text.prefix { $0 == " " })
      out += above[i].map { indent + $0 + "\n" }.joined()
      out += l.text + (after[i].map { "  " + $0 } ?? "") + "\n"
    }
    return out + footer.map { $0 + "\n" }.joined()
  }
}
