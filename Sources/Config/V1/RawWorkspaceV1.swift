// `sebuf.yaml` version v1 as written: every value keeps its span. Decoding checks shapes
// (keys, types); `WorkspaceValidator` checks meaning (paths, ids, combinations).
import Basics
import Diagnostics
import Yams

/// A `sebuf.yaml` v1 file, decoded but not yet validated.
struct RawWorkspaceV1 {
  var modules: [RawModule]?
  var modulesSpan: Span?
  /// buf.yaml's `deps` (BSR module references), resolved by ``WorkspaceValidator/deps(_:modules:includes:)``.
  var deps: [Located<String>] = []
  /// buf.yaml's top-level `name`: the BSR name of the one module at `.`.
  var rootModuleName: Located<String>?
  var includes: [Located<String>] = []
  var lint: RawChecks?
  var breaking: RawChecks?
  var generate: [RawGenerate] = []
  var managed: RawManaged?

  static let keys = ["version", "modules", "includes", "lint", "breaking", "generate", "managed"]

  /// Decodes the root mapping (its `version` already checked to be v1). Without `generation`,
  /// `generate:` and `managed:` are skipped: only generate and plan read them.
  static func decode(_ fields: Fields, _ r: inout YAMLReader, generation: Bool = true) -> RawWorkspaceV1 {
    var raw = RawWorkspaceV1()
    if let n = fields["modules"] {
      raw.modulesSpan = fields.keySpan("modules")
      raw.modules = r.list(n, "modules")?.compactMap { RawModule.decode($0, &r, allowed: RawModule.keys) } ?? []
    }
    if let n = fields["includes"] { raw.includes = r.stringList(n, "includes") ?? [] }
    if let n = fields["lint"] { raw.lint = RawChecks.decode(n, &r, context: "lint", allowed: RawChecks.lintKeys) }
    if let n = fields["breaking"] {
      raw.breaking = RawChecks.decode(n, &r, context: "breaking", allowed: RawChecks.breakingKeys)
    }
    guard generation else { return raw }
    if let n = fields["generate"], let items = r.list(n, "generate") {
      raw.generate = items.enumerated().compactMap { RawGenerate.decode($1, index: $0, &r) }
    }
    if let n = fields["managed"] { raw.managed = RawManaged.decode(n, &r, context: "managed") }
    return raw
  }
}

/// `modules[]`.
struct RawModule {
  var path: Located<String>?
  /// `path:` was written but is not a usable string (already reported).
  var pathInvalid = false
  var excludes: [Located<String>] = []
  var span: Span
  /// buf.yaml only: `includes` (restricting a module to subdirectories), `lint`, `breaking`.
  var bufIncludes: [Located<String>] = []
  var lint: RawChecks?
  var breaking: RawChecks?
  var name: Located<String>?
  var lintKeySpan: Span?
  var breakingKeySpan: Span?

  static let keys = ["path", "excludes"]

  static func decode(_ node: Node, _ r: inout YAMLReader, allowed: [String]) -> RawModule? {
    guard let f = r.mapping(node, context: "a module", allowed: allowed) else { return nil }
    var m = RawModule(span: r.span(node))
    if let n = f["path"] {
      m.path = r.nonEmptyString(n, "modules[].path")
      m.pathInvalid = m.path == nil
    }
    if let n = f["excludes"] { m.excludes = r.stringList(n, "modules[].excludes") ?? [] }
    if let n = f["includes"] { m.bufIncludes = r.stringList(n, "modules[].includes") ?? [] }
    if let n = f["lint"] {
      m.lintKeySpan = f.keySpan("lint")
      m.lint = RawChecks.decode(n, &r, context: "modules[].lint", allowed: RawChecks.bufLintKeys)
    }
    if let n = f["breaking"] {
      m.breakingKeySpan = f.keySpan("breaking")
      m.breaking = RawChecks.decode(n, &r, context: "modules[].breaking", allowed: RawChecks.bufBreakingKeys)
    }
    if let n = f["name"] { m.name = r.string(n, "modules[].name") }
    return m
  }
}

/// A `lint:` or `breaking:` block (the union of both key sets; each file allows its own).
struct RawChecks {
  var use: [Located<String>]?
  var except: [Located<String>] = []
  var warn: [Located<String>] = []
  var ignore: [Located<String>] = []
  var ignoreOnly: [(key: Located<String>, values: [Located<String>])] = []
  var allowCommentIgnores: Located<Bool>?
  var disallowCommentIgnores: Located<Bool>?
  var disableBuiltin: Located<Bool>?
  var enumZeroValueSuffix: Located<String>?
  var serviceSuffix: Located<String>?
  var rpcAllowSameRequestResponse: Located<Bool>?
  var rpcAllowGoogleProtobufEmptyRequests: Located<Bool>?
  var rpcAllowGoogleProtobufEmptyResponses: Located<Bool>?
  var ignoreUnstablePackages: Located<Bool>?
  var against: Located<String>?

  static let lintKeys = [
    "use", "except", "ignore", "ignore_only", "allow_comment_ignores", "warn", "enum_zero_value_suffix",
    "rpc_allow_same_request_response", "rpc_allow_google_protobuf_empty_requests",
    "rpc_allow_google_protobuf_empty_responses", "service_suffix",
  ]
  static let breakingKeys = [
    "use", "except", "ignore", "ignore_only", "ignore_unstable_packages", "allow_comment_ignores", "against",
  ]
  static let bufLintKeys = [
    "use", "except", "ignore", "ignore_only", "enum_zero_value_suffix", "service_suffix",
    "rpc_allow_same_request_response", "rpc_allow_google_protobuf_empty_requests",
    "rpc_allow_google_protobuf_empty_responses", "disallow_comment_ignores", "disable_builtin",
  ]
  static let bufBreakingKeys = [
    "use", "except", "ignore", "ignore_only", "ignore_unstable_packages", "disable_builtin",
  ]

  static func decode(_ node: Node, _ r: inout YAMLReader, context: String, allowed: [String]) -> RawChecks? {
    guard let f = r.mapping(node, context: context, allowed: allowed) else { return nil }
    var c = RawChecks()
    func name(_ k: String) -> String { "\(context).\(k)" }
    if let n = f["use"] { c.use = r.stringList(n, name("use")) ?? [] }
    if let n = f["except"] { c.except = r.stringList(n, name("except")) ?? [] }
    if let n = f["warn"] { c.warn = r.stringList(n, name("warn")) ?? [] }
    if let n = f["ignore"] { c.ignore = r.stringList(n, name("ignore")) ?? [] }
    if let n = f["ignore_only"] { c.ignoreOnly = r.stringListMap(n, name("ignore_only")) ?? [] }
    if let n = f["allow_comment_ignores"] { c.allowCommentIgnores = r.bool(n, name("allow_comment_ignores")) }
    if let n = f["disallow_comment_ignores"] {
      c.disallowCommentIgnores = r.bool(n, name("disallow_comment_ignores"))
    }
    if let n = f["disable_builtin"] { c.disableBuiltin = r.bool(n, name("disable_builtin")) }
    if let n = f["enum_zero_value_suffix"] {
      c.enumZeroValueSuffix = r.nonEmptyString(n, name("enum_zero_value_suffix"))
    }
    if let n = f["service_suffix"] { c.serviceSuffix = r.nonEmptyString(n, name("service_suffix")) }
    if let n = f["rpc_allow_same_request_response"] {
      c.rpcAllowSameRequestResponse = r.bool(n, name("rpc_allow_same_request_response"))
    }
    if let n = f["rpc_allow_google_protobuf_empty_requests"] {
      c.rpcAllowGoogleProtobufEmptyRequests = r.bool(n, name("rpc_allow_google_protobuf_empty_requests"))
    }
    if let n = f["rpc_allow_google_protobuf_empty_responses"] {
      c.rpcAllowGoogleProtobufEmptyResponses = r.bool(n, name("rpc_allow_google_protobuf_empty_responses"))
    }
    if let n = f["ignore_unstable_packages"] {
      c.ignoreUnstablePackages = r.bool(n, name("ignore_unstable_packages"))
    }
    if let n = f["against"] { c.against = r.nonEmptyString(n, name("against")) }
    return c
  }
}

/// `generate[]`.
struct RawGenerate {
  var span: Span
  var index: Int
  /// How messages name the entry: `generate[0]`, or `plugins[0]` in buf.gen.yaml.
  var context: String
  /// Set when the entry's source was already reported (remote plugins, protoc builtins).
  var sourceReported = false
  var backend: Located<String>?
  var plugin: Located<String>?
  var name: Located<String>?
  var out: Located<String>?
  var outKeyMissing = true
  /// buf.gen.yaml's top-level `clean`.
  var clean = false
  var options: [(key: String, value: String, span: Span)] = []
  var include: [Located<String>] = []
  var exclude: [Located<String>] = []
  var strategy: Located<String>?
  var includeImports: Located<Bool>?
  var includeWKT: Located<Bool>?

  static let keys = [
    "backend", "plugin", "name", "out", "opt", "include", "exclude", "strategy", "include_imports", "include_wkt",
  ]

  static func decode(_ node: Node, index: Int, _ r: inout YAMLReader) -> RawGenerate? {
    let ctx = "generate[\(index)]"
    guard let f = r.mapping(node, context: ctx, allowed: keys) else { return nil }
    var g = RawGenerate(span: r.span(node), index: index, context: ctx)
    if let n = f["backend"] { g.backend = r.nonEmptyString(n, "\(ctx).backend") }
    if let n = f["plugin"] { g.plugin = r.nonEmptyString(n, "\(ctx).plugin") }
    if let n = f["name"] { g.name = r.nonEmptyString(n, "\(ctx).name") }
    if let n = f["out"] {
      g.outKeyMissing = false
      g.out = r.nonEmptyString(n, "\(ctx).out")
    }
    if let n = f["opt"] { g.options = decodeOptions(n, "\(ctx).opt", &r) }
    if let n = f["include"] { g.include = r.stringList(n, "\(ctx).include") ?? [] }
    if let n = f["exclude"] { g.exclude = r.stringList(n, "\(ctx).exclude") ?? [] }
    if let n = f["strategy"] { g.strategy = r.nonEmptyString(n, "\(ctx).strategy") }
    if let n = f["include_imports"] { g.includeImports = r.bool(n, "\(ctx).include_imports") }
    if let n = f["include_wkt"] { g.includeWKT = r.bool(n, "\(ctx).include_wkt") }
    return g
  }

  /// `opt` as a mapping (`{paths: source_relative}`), a list of `key=value` strings, or
  /// one comma-separated string (`\,` is a comma inside a value, ``PluginParameter``). A bare
  /// word (no `=`) keeps an empty value. Mapping values are taken as written.
  static func decodeOptions(_ node: Node, _ what: String, _ r: inout YAMLReader)
    -> [(key: String, value: String, span: Span)]
  {
    var out: [(key: String, value: String, span: Span)] = []
    func split(_ s: Located<String>) {
      for item in PluginParameter.split(s.value) {
        if item.hasValue, item.key.isEmpty {
          r.error("\(what): \"=\(item.value)\" has no key before \"=\"; write key=value.", at: s.span)
          continue
        }
        out.append((item.key, item.value, s.span))
      }
    }
    switch node {
    case .mapping(let m):
      for (k, v) in m {
        guard let key = r.nonEmptyString(k, "each key of \(what)") else { continue }
        guard case .scalar(let vs) = v, !vs.isNull else {
          r.error(
            "\(what).\(key.value) must be a string, number or boolean, found \(YAMLReader.describe(v)).",
            at: r.span(v))
          continue
        }
        out.append((key.value, vs.string, key.span))
      }
    case .sequence(let seq):
      for item in seq {
        if let s = r.nonEmptyString(item, "each item of \(what)") { split(s) }
      }
    case .scalar:
      if let s = r.nonEmptyString(node, what) { split(s) }
    case .alias:
      r.error("\(what) must be a mapping or a list of key=value strings, found an alias.", at: r.span(node))
    }
    return out
  }
}

/// `managed:`.
struct RawManaged {
  var span: Span
  var enabled: Located<Bool>?
  var goPackagePrefix: Located<String>?
  var overrides: [(path: Located<String>, goPackage: Located<String>)] = []
  var except: [Located<String>] = []
  /// `.buf` for buf.gen.yaml's form, whose rules are ``disables`` and ``bufOverrides``.
  var style: ManagedConfig.Style = .sebufV1
  var disables: [ManagedRule] = []
  var bufOverrides: [ManagedRule] = []

  static let keys = ["enabled", "go_package_prefix", "override", "except"]

  static func decode(_ node: Node, _ r: inout YAMLReader, context: String) -> RawManaged? {
    guard let f = r.mapping(node, context: context, allowed: keys) else { return nil }
    var m = RawManaged(span: r.span(node))
    if let n = f["enabled"] { m.enabled = r.bool(n, "managed.enabled") }
    if let n = f["go_package_prefix"] { m.goPackagePrefix = r.nonEmptyString(n, "managed.go_package_prefix") }
    if let n = f["except"] { m.except = r.stringList(n, "managed.except") ?? [] }
    if let n = f["override"], let items = r.list(n, "managed.override") {
      for item in items {
        guard let o = r.mapping(item, context: "managed.override[]", allowed: ["path", "go_package"]) else { continue }
        let path = o["path"].flatMap { r.nonEmptyString($0, "managed.override[].path") }
        let pkg = o["go_package"].flatMap { r.nonEmptyString($0, "managed.override[].go_package") }
        if o["path"] == nil {
          r.error("managed.override[] needs a path (a file or directory of a module).", at: r.span(item))
        }
        if o["go_package"] == nil { r.error("managed.override[] needs a go_package value.", at: r.span(item)) }
        if let path, let pkg { m.overrides.append((path, pkg)) }
      }
    }
    return m
  }
}
