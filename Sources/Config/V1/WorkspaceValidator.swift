// Raw (as written) → validated `Workspace`: paths normalised and checked against the
// disk, combinations checked, defaults applied. Every problem becomes a diagnostic.
import Basics
import Diagnostics

/// Turns raw config values into a ``Workspace``, collecting every error.
struct WorkspaceValidator {
  /// Absolute workspace root.
  let root: String
  var diagnostics: [Diagnostic] = []

  init(root: String) { self.root = root }

  mutating func error(_ message: String, at span: Span) {
    diagnostics.append(.error(message, rule: "CONFIG", at: span))
  }

  // MARK: Paths

  /// A path relative to the workspace, normalised (`.` for the root); nil with an error
  /// when it is absolute or climbs out with `..`.
  mutating func relativePath(_ p: Located<String>, _ what: String, glob: Bool = false, importPath: Bool = false)
    -> String?
  {
    if p.value.hasPrefix("/") {
      if importPath {
        error(
          "\(what) \"\(p.value)\" is absolute; write an import path (relative to its module, e.g. acme/v1).", at: p.span
        )
      } else {
        error(
          "\(what) \"\(p.value)\" is absolute; write it relative to the workspace (the directory of the config file).",
          at: p.span)
      }
      return nil
    }
    let parts = FilePath.components(p.value)
    if parts.first == ".." {
      if importPath {
        error(
          "\(what) \"\(p.value)\" climbs out of its module; write an import path (relative to its module, e.g. acme/v1).",
          at: p.span)
      } else {
        error(
          "\(what) \"\(p.value)\" is outside the workspace; paths must stay inside the directory of the workspace file.",
          at: p.span)
      }
      return nil
    }
    if !glob && parts.contains(where: { $0.contains("*") || $0.contains("?") }) {
      error("\(what) \"\(p.value)\" must be a plain path; globs are not allowed here.", at: p.span)
      return nil
    }
    return parts.isEmpty ? "." : parts.joined(separator: "/")
  }

  /// A workspace-relative directory that must exist.
  mutating func existingDirectory(_ p: Located<String>, _ what: String) -> String? {
    guard let rel = relativePath(p, what) else { return nil }
    let abs = rel == "." ? root : root + "/" + rel
    switch FileSystem.kind(abs) {
    case .directory: return rel
    case .file:
      error("\(what) \"\(p.value)\" is a file; it must be a directory of .proto files.", at: p.span)
    case .missing:
      error("\(what) \"\(p.value)\" does not exist; create it or fix the path (relative to the workspace).", at: p.span)
    }
    return nil
  }

  /// Whether `inner` is `outer` or lies inside it (both normalised relative paths).
  static func contains(_ outer: String, _ inner: String) -> Bool {
    outer == "." || inner == outer || inner.hasPrefix(outer + "/")
  }

  // MARK: Sections

  mutating func modules(_ raw: [RawModule]?, _ rawSpan: Span?) -> [Module] {
    guard let raw, !raw.isEmpty else { return [Module(path: ".")] }
    var result: [Module] = []
    var seen: [(path: String, span: Span)] = []
    for m in raw where !m.pathInvalid {
      var path = "."
      if let p = m.path {
        guard let dir = existingDirectory(p, "module path") else { continue }
        path = dir
      }
      let span = m.path?.span ?? m.span
      if let other = seen.first(where: { Self.contains($0.path, path) || Self.contains(path, $0.path) }) {
        let how =
          other.path == path ? "is listed twice" : "overlaps module \"\(other.path)\" (line \(other.span.start.line))"
        error(
          "module \"\(path)\" \(how); modules must not nest — use one module with excludes instead.", at: span)
        continue
      }
      seen.append((path, span))
      var excludes: [String] = []
      for e in m.excludes {
        guard let rel = relativePath(e, "exclude") else { continue }
        if rel == path || !Self.contains(path, rel) {
          error(
            "exclude \"\(e.value)\" must lie inside its module \"\(path)\" (excludes are written relative to the workspace, e.g. \"\(path == "." ? "" : path + "/")legacy\").",
            at: e.span)
          continue
        }
        excludes.append(rel)
      }
      result.append(Module(path: path, excludes: excludes, name: m.name?.value))
    }
    return result
  }

  mutating func includes(_ raw: [Located<String>], modules: [Module]) -> [String] {
    var out: [String] = []
    for inc in raw {
      guard let dir = existingDirectory(inc, "include") else { continue }
      if let m = modules.first(where: { Self.contains($0.path, dir) || Self.contains(dir, $0.path) }) {
        error(
          "include \"\(dir)\" overlaps module \"\(m.path)\"; an import root must be separate from the modules.",
          at: inc.span)
        continue
      }
      out.append(dir)
    }
    return out
  }

  /// Records the ids of a list in `idSpans` and returns them as written.
  func ids(_ list: [Located<String>], into spans: inout [String: Span]) -> [String] {
    for id in list where spans[id.value] == nil { spans[id.value] = id.span }
    return list.map(\.value)
  }

  mutating func paths(_ list: [Located<String>], _ what: String) -> [String] {
    list.compactMap { relativePath($0, what, glob: true) }
  }

  mutating func lint(_ raw: RawChecks?) -> LintConfig {
    var c = LintConfig()
    guard let raw else { return c }
    if let use = raw.use, !use.isEmpty { c.use = ids(use, into: &c.idSpans) }
    c.except = ids(raw.except, into: &c.idSpans)
    c.warn = ids(raw.warn, into: &c.idSpans)
    c.ignore = paths(raw.ignore, "lint.ignore path")
    for (key, values) in raw.ignoreOnly {
      _ = ids([key], into: &c.idSpans)
      c.ignoreOnly[key.value, default: []] += paths(values, "lint.ignore_only path")
    }
    if let v = raw.allowCommentIgnores { c.allowCommentIgnores = v.value }
    if let v = raw.disallowCommentIgnores { c.allowCommentIgnores = !v.value }
    if let v = raw.enumZeroValueSuffix { c.enumZeroValueSuffix = v.value }
    if let v = raw.serviceSuffix { c.serviceSuffix = v.value }
    if let v = raw.rpcAllowSameRequestResponse { c.rpcAllowSameRequestResponse = v.value }
    if let v = raw.rpcAllowGoogleProtobufEmptyRequests { c.rpcAllowGoogleProtobufEmptyRequests = v.value }
    if let v = raw.rpcAllowGoogleProtobufEmptyResponses { c.rpcAllowGoogleProtobufEmptyResponses = v.value }
    if let v = raw.disableBuiltin, v.value {
      error(
        "disable_builtin: true turns off every built-in rule; sebuf has no check plugins, so remove it.", at: v.span)
    }
    return c
  }

  mutating func breaking(_ raw: RawChecks?) -> BreakingConfig {
    var c = BreakingConfig()
    guard let raw else { return c }
    if let use = raw.use, !use.isEmpty { c.use = ids(use, into: &c.idSpans) }
    c.except = ids(raw.except, into: &c.idSpans)
    c.ignore = paths(raw.ignore, "breaking.ignore path")
    for (key, values) in raw.ignoreOnly {
      _ = ids([key], into: &c.idSpans)
      c.ignoreOnly[key.value, default: []] += paths(values, "breaking.ignore_only path")
    }
    if let v = raw.ignoreUnstablePackages { c.ignoreUnstablePackages = v.value }
    if let v = raw.allowCommentIgnores { c.allowCommentIgnores = v.value }
    if let v = raw.against { c.against = v.value }
    if let v = raw.disableBuiltin, v.value {
      error(
        "disable_builtin: true turns off every built-in rule; sebuf has no check plugins, so remove it.", at: v.span)
    }
    return c
  }

  mutating func generate(_ raw: [RawGenerate]) -> [GenerateEntry] {
    var out: [GenerateEntry] = []
    var names: [String: Span] = [:]
    for g in raw {
      let ctx = g.context
      var kind: GenerateEntry.Kind?
      switch (g.backend, g.plugin) {
      case (nil, nil):
        if g.sourceReported { break }
        error(
          "\(ctx) needs `backend:` (one of \(GenerateEntry.nativeBackends.joined(separator: ", "))) or `plugin:` (a protoc plugin).",
          at: g.span)
      case (.some(let b), .some):
        error("\(ctx) has both backend and plugin; keep one.", at: b.span)
      case (.some(let b), nil):
        if GenerateEntry.nativeBackends.contains(b.value) {
          kind = .backend(b.value)
        } else {
          var msg = "unknown backend \"\(b.value)\""
          if let guess = DidYouMean.best(b.value, in: GenerateEntry.nativeBackends) {
            msg += "; did you mean \"\(guess)\"?"
          } else {
            msg += "."
          }
          msg +=
            " Backends: \(GenerateEntry.nativeBackends.joined(separator: ", ")); use `plugin:` for a protoc plugin."
          error(msg, at: b.span)
        }
      case (nil, .some(let p)):
        kind = .plugin(p.value)
      }
      var outDir: String?
      if g.outKeyMissing {
        error("\(ctx) needs `out:`, the directory to write into (relative to the workspace).", at: g.span)
      } else if let o = g.out {
        outDir = relativePath(o, "out")
      }
      if let n = g.name {
        if let prev = names[n.value] {
          error(
            "generate name \"\(n.value)\" is already used on line \(prev.start.line); names must be unique.", at: n.span
          )
        } else {
          names[n.value] = n.span
        }
      }
      var strategy: GenerateEntry.Strategy?
      if let s = g.strategy {
        if let v = GenerateEntry.Strategy(rawValue: s.value) {
          strategy = v
        } else {
          error("unknown strategy \"\(s.value)\"; use directory (one run per directory) or all (one run).", at: s.span)
        }
      }
      if let w = g.includeWKT, w.value, g.includeImports?.value != true {
        error("include_wkt: true needs include_imports: true as well.", at: w.span)
      }
      let include = paths(g.include, "include")
      let exclude = paths(g.exclude, "exclude")
      guard let kind, let outDir else { continue }
      out.append(
        GenerateEntry(
          kind: kind, name: g.name?.value, out: outDir, options: g.options.map { ($0.key, $0.value) },
          include: include, exclude: exclude, strategy: strategy,
          includeImports: g.includeImports?.value ?? false, includeWKT: g.includeWKT?.value ?? false,
          span: g.span))
      out[out.count - 1].clean = g.clean
    }
    return out
  }

  mutating func managed(_ raw: RawManaged?) -> ManagedConfig {
    var c = ManagedConfig()
    guard let raw else { return c }
    c.enabled = raw.enabled?.value ?? true
    c.style = raw.style
    c.disables = raw.disables
    c.overrides = raw.bufOverrides
    if let p = raw.goPackagePrefix {
      if p.value.contains(" ") || p.value.hasSuffix("/") || p.value.contains(";") {
        error(
          "go_package_prefix \"\(p.value)\" must be a Go import path prefix like example.com/app/gen/go (no spaces, `;` or trailing /).",
          at: p.span)
      } else {
        c.goPackagePrefix = p.value
      }
    }
    for (path, pkg) in raw.overrides {
      guard let rel = relativePath(path, "managed.override path", importPath: true) else { continue }
      c.goPackageOverrides[rel] = pkg.value
    }
    c.except = raw.except.compactMap { relativePath($0, "managed.except path", importPath: true) }
    // Disabled managed mode changes nothing: drop its values so no consumer applies them.
    if !c.enabled { c = ManagedConfig() }
    return c
  }
}
