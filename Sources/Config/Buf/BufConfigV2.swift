// buf.yaml v2 and buf.gen.yaml v2, read into the same raw form as sebuf.yaml v1 so that one
// validator checks both. What sebuf cannot honour is an error at its line, never skipped.
import Basics
import Diagnostics
import Yams

/// Reads buf's v2 files into a ``RawWorkspaceV1``.
enum BufConfigV2 {
  /// Native backend ids by the upstream sebuf protoc plugin they replace.
  static let pluginBackends = Dictionary(
    uniqueKeysWithValues: BackendID.allCases.map { ($0.bufPluginName, $0.rawValue) })

  static let bufYAMLKeys = ["version", "name", "modules", "deps", "lint", "breaking", "plugins", "policies"]
  static let moduleKeys = ["path", "name", "includes", "excludes", "lint", "breaking"]

  /// Decodes a buf.yaml v2 root mapping into `raw`.
  static func decodeBufYAML(_ fields: Fields, _ r: inout YAMLReader, into raw: inout RawWorkspaceV1) {
    if let n = fields["name"] { raw.rootModuleName = r.string(n, "name") }
    if let n = fields["modules"], let items = r.list(n, "modules") {
      raw.modulesSpan = fields.keySpan("modules")
      var modules: [RawModule] = []
      for item in items {
        guard let m = RawModule.decode(item, &r, allowed: moduleKeys) else { continue }
        if let first = m.bufIncludes.first {
          r.error(
            "modules[].includes (limiting a module to some subdirectories) is not supported; make each directory its own module, or use excludes.",
            at: first.span)
        }
        modules.append(m)
      }
      raw.modules = modules
      // The one module's lint/breaking blocks are the workspace's; with several modules each
      // block applies to its module (Workspace.moduleLint, moduleBreaking).
      if modules.count == 1 {
        if let l = modules[0].lint { raw.lint = l }
        if let b = modules[0].breaking { raw.breaking = b }
      }
    }
    if let n = fields["deps"], let deps = r.stringList(n, "deps") { raw.deps = deps }
    if let n = fields["lint"] {
      let l = RawChecks.decode(n, &r, context: "lint", allowed: RawChecks.bufLintKeys)
      if raw.lint == nil { raw.lint = l }
    }
    if let n = fields["breaking"] {
      let b = RawChecks.decode(n, &r, context: "breaking", allowed: RawChecks.bufBreakingKeys)
      if raw.breaking == nil { raw.breaking = b }
    }
    for key in ["plugins", "policies"] {
      guard let n = fields[key] else { continue }
      if case .sequence(let s) = n, s.isEmpty { continue }
      r.error(
        "buf.yaml \(key) (check plugins and BSR policies) are not supported by sebuf; remove them or keep running them with buf.",
        at: fields.keySpan(key) ?? r.span(n))
    }
  }

  static let inputKeys = [
    "directory", "module", "git_repo", "tarball", "zip_archive", "proto_file", "binary_image", "json_image",
    "text_image", "yaml_image", "types", "exclude_types", "paths", "exclude_paths", "compression",
    "strip_components", "subdir", "branch", "commit", "tag", "ref", "depth", "recurse_submodules",
    "include_package_files",
  ]
  static let genKeys = ["version", "clean", "plugins", "managed", "inputs"]
  static let pluginKeys = [
    "remote", "local", "protoc_builtin", "revision", "protoc_path", "out", "opt", "strategy", "include_imports",
    "include_wkt", "types", "exclude_types",
  ]

  /// Decodes a buf.gen.yaml v2 root mapping into `raw.generate` and `raw.managed`.
  static func decodeBufGenYAML(
    _ fields: Fields, _ r: inout YAMLReader, modules: [RawModule]?, into raw: inout RawWorkspaceV1
  ) {
    let clean = fields["clean"].flatMap { r.bool($0, "clean") }?.value ?? false
    if let n = fields["plugins"], let items = r.list(n, "plugins") {
      for (i, item) in items.enumerated() {
        if var g = decodePlugin(item, index: i, &r) {
          g.clean = clean
          raw.generate.append(g)
        }
      }
    }
    if let n = fields["managed"] { raw.managed = decodeManaged(n, &r) }
    if let n = fields["inputs"], let items = r.list(n, "inputs") {
      let modulePaths = Set(
        (modules ?? []).compactMap { $0.path.map { FilePath.components($0.value).joined(separator: "/") } })
      for item in items {
        guard let f = r.mapping(item, context: "inputs[]", allowed: inputKeys) else { continue }
        if let other = f.order.first(where: { $0 != "directory" }) {
          r.error(
            "input \"\(other)\" is not supported: sebuf generates for the workspace's modules; remove the inputs or use directory inputs naming modules.",
            at: f.keySpan(other) ?? r.span(item))
          continue
        }
        guard let d = f["directory"].flatMap({ r.nonEmptyString($0, "inputs[].directory") }) else { continue }
        let norm = FilePath.components(d.value).joined(separator: "/")
        let ok = norm.isEmpty || modulePaths.contains(norm) || (modulePaths.isEmpty && norm.isEmpty)
        if !ok {
          r.error(
            "inputs directory \"\(d.value)\" is not a module of buf.yaml; sebuf generates for the workspace's modules, so list it under modules instead.",
            at: d.span)
        }
      }
    }
  }

  /// The entry's `out` for advice, or a placeholder.
  private static func outHint(_ f: Fields) -> String {
    guard let out = f["out"]?.string, !out.isEmpty else { return "OUT_DIR" }
    return out
  }

  static func decodePlugin(_ node: Node, index: Int, _ r: inout YAMLReader) -> RawGenerate? {
    let ctx = "plugins[\(index)]"
    guard let f = r.mapping(node, context: ctx, allowed: pluginKeys) else { return nil }
    var g = RawGenerate(span: r.span(node), index: index, context: ctx)
    g.sourceReported = true
    let sources = ["remote", "local", "protoc_builtin"].filter { f.has($0) }
    if sources.isEmpty {
      r.error("\(ctx) needs local: (a protoc plugin on PATH or a path).", at: g.span)
    } else if sources.count > 1 {
      r.error("\(ctx) must have only one of remote, local or protoc_builtin.", at: f.keySpan(sources[1]) ?? g.span)
    }
    if let n = f["remote"], let s = r.string(n, "\(ctx).remote") {
      r.error(
        "remote plugin \"\(s.value)\" cannot run: sebuf does not call the BSR. Install the plugin and use local:, or use a native backend (\(GenerateEntry.nativeBackends.joined(separator: ", "))).",
        at: s.span)
    }
    if let n = f["protoc_builtin"], let s = r.string(n, "\(ctx).protoc_builtin") {
      r.error(
        "protoc_builtin \"\(s.value)\" is a generator built into protoc (there is no protoc-gen-\(s.value) to install), and sebuf does not run protoc; move this entry to a separate buf.gen.yaml for `buf generate --template` (or run `protoc --\(s.value)_out=\(outHint(f))`), and generate the rest with sebuf.",
        at: s.span)
    }
    if let n = f["local"] {
      var name: Located<String>?
      switch n {
      case .sequence(let seq):
        if seq.count == 1 {
          name = r.nonEmptyString(seq[0], "\(ctx).local")
        } else {
          r.error(
            "\(ctx).local with arguments (\(seq.count) items) is not supported; wrap the command in a script and name that script.",
            at: r.span(n))
        }
      default:
        name = r.nonEmptyString(n, "\(ctx).local")
      }
      if let name {
        let base = String(name.value.split(separator: "/").last ?? "")
        if let backend = pluginBackends[base] {
          g.backend = Located(backend, name.span)
        } else {
          g.plugin = name
        }
      }
    }
    for key in ["revision", "protoc_path", "types", "exclude_types"] {
      if let s = f.keySpan(key) { r.error("\(ctx).\(key) is not supported by sebuf; remove it.", at: s) }
    }
    if let n = f["out"] {
      g.outKeyMissing = false
      g.out = r.nonEmptyString(n, "\(ctx).out")
    }
    if let n = f["opt"] {
      if case .mapping = n {
        r.error("\(ctx).opt must be a string or a list of strings in buf.gen.yaml.", at: r.span(n))
      } else {
        g.options = RawGenerate.decodeOptions(n, "\(ctx).opt", &r)
      }
    }
    if let n = f["strategy"] { g.strategy = r.nonEmptyString(n, "\(ctx).strategy") }
    if let n = f["include_imports"] { g.includeImports = r.bool(n, "\(ctx).include_imports") }
    if let n = f["include_wkt"] { g.includeWKT = r.bool(n, "\(ctx).include_wkt") }
    return g
  }

  static let disableKeys = ["module", "path", "file_option", "field_option", "field"]
  static let overrideKeys = ["module", "path", "file_option", "field_option", "field", "value"]

  /// buf.gen.yaml's `managed:` as buf reads it: every rule kept in order, checked as buf
  /// checks it (a known option, a value of the option's type, a normalised path).
  static func decodeManaged(_ node: Node, _ r: inout YAMLReader) -> RawManaged? {
    guard let f = r.mapping(node, context: "managed", allowed: ["enabled", "disable", "override"]) else { return nil }
    var m = RawManaged(span: r.span(node))
    m.style = .buf
    m.enabled = f["enabled"].flatMap { r.bool($0, "managed.enabled") }
    if m.enabled == nil { m.enabled = Located(false, r.span(node)) }
    if let n = f["disable"], let items = r.list(n, "managed.disable") {
      for item in items {
        guard let d = r.mapping(item, context: "managed.disable[]", allowed: disableKeys) else { continue }
        if d.order.isEmpty {
          r.error(
            "managed.disable[] must set at least one of module, path, file_option, field_option or field.",
            at: r.span(item))
          continue
        }
        if let rule = decodeRule(d, item, &r, context: "managed.disable[]", override: false) { m.disables.append(rule) }
      }
    }
    if let n = f["override"], let items = r.list(n, "managed.override") {
      for item in items {
        guard let o = r.mapping(item, context: "managed.override[]", allowed: overrideKeys) else { continue }
        if let rule = decodeRule(o, item, &r, context: "managed.override[]", override: true) {
          m.bufOverrides.append(rule)
        }
      }
    }
    return m
  }

  private static func decodeRule(_ f: Fields, _ node: Node, _ r: inout YAMLReader, context: String, override: Bool)
    -> ManagedRule?
  {
    var rule = ManagedRule(option: nil)
    var ok = true
    if f.has("file_option") && f.has("field_option") {
      r.error(
        "\(context) sets both file_option and field_option; keep one.",
        at: f.keySpan("field_option") ?? r.span(node))
      return nil
    }
    if let n = f["file_option"], let s = r.string(n, "\(context).file_option") {
      if let o = ManagedFileOption(rawValue: s.value) {
        rule.option = .file(o)
      } else {
        r.error(unknown("file_option", s.value, ManagedFileOption.allCases.map(\.rawValue)), at: s.span)
        ok = false
      }
    }
    if let n = f["field_option"], let s = r.string(n, "\(context).field_option") {
      if let o = ManagedFieldOption(rawValue: s.value) {
        rule.option = .field(o)
      } else {
        r.error(unknown("field_option", s.value, ManagedFieldOption.allCases.map(\.rawValue)), at: s.span)
        ok = false
      }
    }
    if let n = f["module"], let s = r.nonEmptyString(n, "\(context).module") { rule.module = s.value }
    if let n = f["path"], let s = r.nonEmptyString(n, "\(context).path") {
      if s.value.hasPrefix("/") || PathRules.normalize(s.value) == nil {
        r.error(
          "\(context).path \"\(s.value)\" must be a relative import path (a file or directory inside its module).",
          at: s.span)
        ok = false
      } else {
        rule.path = PathRules.normalize(s.value)
      }
    }
    if let n = f["field"], let s = r.nonEmptyString(n, "\(context).field") {
      if case .file = rule.option {
        r.error("\(context).field applies to field options only; use field_option: jstype.", at: s.span)
        ok = false
      }
      rule.field = s.value.hasPrefix(".") ? String(s.value.dropFirst()) : s.value
    }
    guard override else { return ok ? rule : nil }
    guard let option = rule.option else {
      if ok { r.error("\(context) needs a file_option or a field_option.", at: r.span(node)) }
      return nil
    }
    guard let vnode = f["value"] else {
      r.error("\(context) must set value for an override.", at: r.span(node))
      return nil
    }
    let kind: ManagedValue.Kind
    switch option {
    case .file(let o): kind = o.valueKind
    case .field: kind = .jsType
    }
    switch kind {
    case .bool:
      guard let b = r.bool(vnode, "\(context).value") else { return nil }
      rule.value = .bool(b.value)
    case .string:
      guard let v = r.string(vnode, "\(context).value") else { return nil }
      rule.value = .string(v.value)
    case .optimizeMode, .jsType:
      let table = kind == .jsType ? ManagedValue.jsTypes : ManagedValue.optimizeModes
      guard let v = r.string(vnode, "\(context).value") else { return nil }
      guard let number = table[v.value] else {
        let names = table.sorted { $0.value < $1.value }.map(\.key)
        r.error("\(context).value \"\(v.value)\" is not one of \(names.joined(separator: ", ")).", at: v.span)
        return nil
      }
      rule.value = kind == .jsType ? .jsType(number) : .optimizeMode(number)
    }
    return ok ? rule : nil
  }

  private static func unknown(_ key: String, _ value: String, _ known: [String]) -> String {
    var msg = "unknown \(key) \"\(value)\""
    if let guess = DidYouMean.best(value, in: known) { msg += "; did you mean \"\(guess)\"?" } else { msg += "." }
    return msg + " Known: \(known.joined(separator: ", "))."
  }
}
