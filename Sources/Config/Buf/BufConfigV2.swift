// buf.yaml v2 and buf.gen.yaml v2, read into the same raw form as sebuf.yaml v1 so that one
// validator checks both. What sebuf cannot honour is an error at its line, never skipped.
import Basics
import Diagnostics
import Yams

/// Reads buf's v2 files into a ``RawWorkspaceV1``.
enum BufConfigV2 {
  /// Native backend ids by the upstream sebuf protoc plugin they replace.
  static let pluginBackends = Dictionary(uniqueKeysWithValues: BackendID.allCases.map { ($0.bufPluginName, $0.rawValue) })
  /// The BSR module whose protos sebuf bundles.
  static let bundledModule = "buf.build/sebmelki/sebuf"

  static let bufYAMLKeys = ["version", "name", "modules", "deps", "lint", "breaking", "plugins", "policies"]
  static let moduleKeys = ["path", "name", "includes", "excludes", "lint", "breaking"]

  /// Decodes a buf.yaml v2 root mapping into `raw`.
  static func decodeBufYAML(_ fields: Fields, _ r: inout YAMLReader, into raw: inout RawWorkspaceV1) {
    if let n = fields["name"] { _ = r.string(n, "name") }
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
      // Per-module lint/breaking: honoured when there is one module, else an error.
      for m in modules {
        if let s = m.lintKeySpan, modules.count > 1 {
          r.error("per-module lint settings are not supported with several modules; move them to the top-level lint.", at: s)
        }
        if let s = m.breakingKeySpan, modules.count > 1 {
          r.error(
            "per-module breaking settings are not supported with several modules; move them to the top-level breaking.",
            at: s)
        }
      }
      if modules.count == 1 {
        if let l = modules[0].lint { raw.lint = l }
        if let b = modules[0].breaking { raw.breaking = b }
      }
    }
    if let n = fields["deps"], let deps = r.stringList(n, "deps") {
      for d in deps {
        let name = String(d.value.split(separator: ":", maxSplits: 1).first ?? "")
        if name != bundledModule {
          r.error(
            "dependency \"\(d.value)\" cannot be fetched: sebuf does not download BSR modules. Vendor its .proto files into a directory and list it under includes in sebuf.yaml (only \(bundledModule) is bundled).",
            at: d.span)
        }
      }
    }
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
    if let n = fields["clean"] { _ = r.bool(n, "clean") }
    if let n = fields["plugins"], let items = r.list(n, "plugins") {
      for (i, item) in items.enumerated() {
        if let g = decodePlugin(item, index: i, &r) { raw.generate.append(g) }
      }
    }
    if let n = fields["managed"] { raw.managed = decodeManaged(n, &r) }
    if let n = fields["inputs"], let items = r.list(n, "inputs") {
      let modulePaths = Set((modules ?? []).compactMap { $0.path.map { FilePath.components($0.value).joined(separator: "/") } })
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
        "protoc_builtin \"\(s.value)\" needs protoc, which sebuf replaces; install protoc-gen-\(s.value) and use local: instead.",
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

  static func decodeManaged(_ node: Node, _ r: inout YAMLReader) -> RawManaged? {
    guard let f = r.mapping(node, context: "managed", allowed: ["enabled", "disable", "override"]) else { return nil }
    var m = RawManaged(span: r.span(node))
    m.enabled = f["enabled"].flatMap { r.bool($0, "managed.enabled") }
    if m.enabled == nil { m.enabled = Located(false, r.span(node)) }
    if let n = f["disable"], let items = r.list(n, "managed.disable") {
      for item in items {
        guard
          let d = r.mapping(
            item, context: "managed.disable[]", allowed: ["module", "path", "file_option", "field_option", "field"])
        else { continue }
        let option = d["file_option"].flatMap { r.string($0, "managed.disable[].file_option") }
        let path = d["path"].flatMap { r.nonEmptyString($0, "managed.disable[].path") }
        let unsupported = ["module", "field_option", "field"].compactMap { d.keySpan($0) }
        if let s = unsupported.first {
          r.error("managed.disable[] by module or field is not supported; disable by path only.", at: s)
        } else if let option, option.value != "go_package" && option.value != "go_package_prefix" {
          // Only go_package is ever managed by sebuf, so disabling another option is a no-op.
          continue
        } else if let path {
          m.except.append(path)
        } else {
          // Disabling go_package everywhere: managed mode has nothing left to do.
          m.enabled = Located(false, r.span(item))
        }
      }
    }
    if let n = f["override"], let items = r.list(n, "managed.override") {
      for item in items {
        guard
          let o = r.mapping(
            item, context: "managed.override[]",
            allowed: ["file_option", "field_option", "value", "module", "path", "field"])
        else { continue }
        guard let option = o["file_option"].flatMap({ r.string($0, "managed.override[].file_option") }) else {
          let s = o.keySpan("field_option") ?? r.span(item)
          r.error("managed.override[] needs a file_option; field options (jstype) are not supported.", at: s)
          continue
        }
        guard let value = o["value"].flatMap({ r.nonEmptyString($0, "managed.override[].value") }) else {
          r.error("managed.override[] needs a value.", at: r.span(item))
          continue
        }
        if let s = o.keySpan("module") {
          r.error("managed.override[].module is not supported; use path.", at: s)
          continue
        }
        let path = o["path"].flatMap { r.nonEmptyString($0, "managed.override[].path") }
        switch (option.value, path) {
        case ("go_package_prefix", nil):
          m.goPackagePrefix = value
        case ("go_package", .some(let p)):
          m.overrides.append((p, value))
        case ("go_package_prefix", .some):
          r.error(
            "a go_package_prefix override for one path is not supported; override go_package for that path instead.",
            at: option.span)
        default:
          r.error(
            "managed file_option \"\(option.value)\" is not honoured by sebuf (only go_package_prefix, and go_package per path); remove it.",
            at: option.span)
        }
      }
    }
    return m
  }
}
