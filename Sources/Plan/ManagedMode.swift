import Basics
import Config
import Inputs
import Proto
import SwiftProtobuf

/// Managed mode: file and field options set on the Image every job sees, so outputs get
/// package names and import paths without options in the `.proto` files.
/// `.buf` follows buf's rules (see ``ManagedConfig``); `.sebufV1` sets `go_package` only.
public enum ManagedMode {
  /// Whether `config` changes anything.
  public static func isActive(_ config: ManagedConfig) -> Bool {
    switch config.style {
    case .buf: return config.enabled
    case .sebufV1: return config.goPackagePrefix != nil || !config.goPackageOverrides.isEmpty
    }
  }

  /// The Image with managed mode applied. `moduleOf` names the BSR module of a file (by its
  /// import path), for rules that name a `module`; nil when it has none.
  public static func apply(
    _ config: ManagedConfig, to image: Image, moduleOf: (String) -> String? = { _ in nil }
  ) -> Image {
    guard isActive(config) else { return image }
    var result = image
    for i in result.files.indices {
      switch config.style {
      case .buf:
        let name = result.files[i].name
        // buf never changes the well-known types (google/protobuf/…).
        if name.hasPrefix("google/protobuf/") { continue }
        let rules = ManagedRules(config: config, path: name, module: moduleOf(name))
        rules.applyFileOptions(to: &result.files[i].descriptor)
        rules.applyFieldOptions(to: &result.files[i].descriptor)
      case .sebufV1:
        let file = result.files[i]
        let managed = !file.isImport || file.name.hasPrefix("sebuf/http/")
        guard managed, let value = goPackage(for: file.name, config) else { continue }
        result.files[i].descriptor.options.goPackage = value
      }
    }
    return result
  }

  /// The BSR module of each file, for rules that name a `module`: buf.yaml's `name` for the
  /// files of a named module, the known modules' names for imported files.
  public static func moduleNames(_ workspace: Workspace, _ image: Image) -> (String) -> String? {
    let wanted =
      workspace.managed.disables.contains { $0.module != nil }
      || workspace.managed.overrides.contains { $0.module != nil }
    guard wanted else { return { _ in nil } }
    var local: [String: String] = [:]
    let named = workspace.modules.filter { $0.name != nil }
    if !named.isEmpty {
      for file in workspace.moduleFiles() {
        let owner = named.first { $0.path == "." || PathRules.contains($0.path, file.displayPath) }
        if let name = owner?.name { local[file.importPath] = name }
      }
    }
    let imports = Set(image.files.filter(\.isImport).map(\.name))
    return { path in
      if let name = local[path] { return name }
      return imports.contains(path) ? KnownModules.module(ofImport: path) : nil
    }
  }

  /// `.sebufV1`: the `go_package` managed mode gives `name`, or nil to leave it alone.
  public static func goPackage(for name: String, _ config: ManagedConfig) -> String? {
    if config.except.contains(where: { PathRules.matches($0, name) }) { return nil }
    let dir = PathRules.directory(of: name)
    // An override names a file or a directory (import paths); the most specific wins and
    // its value is the go_package itself (buf's `override: go_package`).
    let override = config.goPackageOverrides
      .filter { PathRules.matches($0.key, name) }
      .max { $0.key.count < $1.key.count }
    if let (_, value) = override { return value }
    guard let prefix = config.goPackagePrefix else { return nil }
    var p = prefix
    while p.hasSuffix("/") { p.removeLast() }
    return dir == "." ? p : p + "/" + dir
  }
}

/// buf's managed-mode rules as they apply to one file.
struct ManagedRules {
  let config: ManagedConfig
  let path: String
  let module: String?

  /// Whether `rule` selects this file (its path equals or contains the file; its module is the file's).
  func matches(_ rule: ManagedRule) -> Bool {
    if let p = rule.path, !PathRules.contains(p, path) { return false }
    if let m = rule.module, m != module { return false }
    return true
  }

  /// Whether a disable rule turns `option` off for this file. A rule that names a field option
  /// is about fields only; one that names no option turns every file option off, even with a
  /// `field` (buf matches files by path and module alone).
  func disabled(_ option: ManagedFileOption) -> Bool {
    config.disables.contains { d in
      guard matches(d) else { return false }
      switch d.option {
      case nil: return true
      case .file(let o): return o == option
      case .field: return false
      }
    }
  }

  /// The string overrides of a value option with its prefix/suffix options, folded in order
  /// (buf: a value resets prefix and suffix; a prefix or suffix clears the value).
  struct StringSetting: Equatable {
    var value = ""
    var prefix = ""
    var suffix = ""
    var isEmpty: Bool { value.isEmpty && prefix.isEmpty && suffix.isEmpty }
  }

  func stringSetting(
    _ option: ManagedFileOption, prefix: ManagedFileOption?, suffix: ManagedFileOption?, start: StringSetting
  ) -> StringSetting? {
    if disabled(option) { return nil }
    var s = start
    let usePrefix = prefix.map { !disabled($0) } ?? false
    let useSuffix = suffix.map { !disabled($0) } ?? false
    // A disabled prefix or suffix drops its default too (java_package's `com`).
    if !usePrefix { s.prefix = "" }
    if !useSuffix { s.suffix = "" }
    for o in config.overrides where matches(o) {
      guard case .file(let target)? = o.option, case .string(let v)? = o.value else { continue }
      if target == option {
        s = StringSetting(value: v)
      } else if target == prefix && usePrefix {
        s.prefix = v
        s.value = ""
      } else if target == suffix && useSuffix {
        s.suffix = v
        s.value = ""
      }
    }
    return s
  }

  /// The last override of a bool or enum option for this file, else `start`.
  func scalar(_ option: ManagedFileOption, start: ManagedValue) -> ManagedValue? {
    if disabled(option) { return nil }
    var value = start
    for o in config.overrides where matches(o) {
      if case .file(let target)? = o.option, target == option, let v = o.value { value = v }
    }
    return value
  }

  func applyFileOptions(to d: inout Google_Protobuf_FileDescriptorProto) {
    let pkg = d.package
    let names = ManagedNames(package: pkg, path: path)
    func setString(
      _ option: ManagedFileOption, prefix: ManagedFileOption? = nil, suffix: ManagedFileOption? = nil,
      start: StringSetting, derive: (StringSetting) -> String,
      get: (Google_Protobuf_FileOptions) -> String, set: (inout Google_Protobuf_FileOptions, String) -> Void
    ) {
      guard let s = stringSetting(option, prefix: prefix, suffix: suffix, start: start), !s.isEmpty else { return }
      let value = s.value.isEmpty ? derive(s) : s.value
      guard !value.isEmpty, get(d.options) != value else { return }
      set(&d.options, value)
    }
    setString(
      .javaOuterClassname, start: StringSetting(value: names.javaOuterClassname),
      derive: { _ in names.javaOuterClassname }, get: { $0.javaOuterClassname }, set: { $0.javaOuterClassname = $1 })
    setString(
      .javaPackage, prefix: .javaPackagePrefix, suffix: .javaPackageSuffix, start: StringSetting(prefix: "com"),
      derive: { names.javaPackage(prefix: $0.prefix, suffix: $0.suffix) }, get: { $0.javaPackage },
      set: { $0.javaPackage = $1 })
    setString(
      .goPackage, prefix: .goPackagePrefix, start: StringSetting(),
      derive: { names.goPackage(prefix: $0.prefix) }, get: { $0.goPackage }, set: { $0.goPackage = $1 })
    setString(
      .objcClassPrefix, start: StringSetting(value: names.objcClassPrefix),
      derive: { _ in names.objcClassPrefix }, get: { $0.objcClassPrefix }, set: { $0.objcClassPrefix = $1 })
    setString(
      .csharpNamespace, prefix: .csharpNamespacePrefix, start: StringSetting(value: names.csharpNamespace),
      derive: { names.csharpNamespace(prefix: $0.prefix) }, get: { $0.csharpNamespace },
      set: { $0.csharpNamespace = $1 })
    setString(
      .phpNamespace, start: StringSetting(value: names.phpNamespace),
      derive: { _ in names.phpNamespace }, get: { $0.phpNamespace }, set: { $0.phpNamespace = $1 })
    setString(
      .phpMetadataNamespace, suffix: .phpMetadataNamespaceSuffix,
      start: StringSetting(value: names.phpMetadataNamespace(suffix: "GPBMetadata")),
      derive: { names.phpMetadataNamespace(suffix: $0.suffix) }, get: { $0.phpMetadataNamespace },
      set: { $0.phpMetadataNamespace = $1 })
    setString(
      .rubyPackage, suffix: .rubyPackageSuffix, start: StringSetting(value: names.rubyPackage),
      derive: { names.rubyPackage(suffix: $0.suffix) }, get: { $0.rubyPackage }, set: { $0.rubyPackage = $1 })
    setString(
      .swiftPrefix, start: StringSetting(), derive: { _ in "" }, get: { $0.swiftPrefix },
      set: { $0.swiftPrefix = $1 })

    // Bool and enum options: buf's default, else the last override; written only when the
    // file's value (or the option's own default) differs.
    if case .bool(let v)? = scalar(.ccEnableArenas, start: .bool(true)), d.options.ccEnableArenas != v {
      d.options.ccEnableArenas = v
    }
    if case .bool(let v)? = scalar(.javaMultipleFiles, start: .bool(true)), d.options.javaMultipleFiles != v {
      d.options.javaMultipleFiles = v
    }
    if case .bool(let v)? = scalar(.javaStringCheckUtf8, start: .bool(false)), d.options.javaStringCheckUtf8 != v {
      d.options.javaStringCheckUtf8 = v
    }
    if case .optimizeMode(let n)? = scalar(.optimizeFor, start: .optimizeMode(1)),
      let mode = Google_Protobuf_FileOptions.OptimizeMode(rawValue: n), d.options.optimizeFor != mode
    {
      d.options.optimizeFor = mode
    }
  }

  /// `jstype` on 64-bit integer fields and extensions: set only by an override (buf has no default).
  func applyFieldOptions(to d: inout Google_Protobuf_FileDescriptorProto) {
    let jsOverrides = config.overrides.filter { o in
      if case .field(.jstype)? = o.option { return matches(o) }
      return false
    }
    guard !jsOverrides.isEmpty else { return }
    /// The jstype to write on a field named `fullName`, or nil to leave it.
    func jstype(_ field: Google_Protobuf_FieldDescriptorProto, _ fullName: String) -> Google_Protobuf_FieldOptions
      .JSType?
    {
      guard Self.is64Bit(field.type), !jsDisabled(fullName) else { return nil }
      var value: Int?
      for o in jsOverrides where o.field == nil || o.field == fullName {
        if case .jsType(let n)? = o.value { value = n }
      }
      // Unlike file options, an unset jstype is written even when the value is the default.
      guard let n = value, let js = Google_Protobuf_FieldOptions.JSType(rawValue: n),
        !(field.options.hasJstype && field.options.jstype == js)
      else { return nil }
      return js
    }
    let prefix = d.package.isEmpty ? "" : d.package + "."
    for e in d.extension.indices {
      if let js = jstype(d.extension[e], prefix + d.extension[e].name) { d.extension[e].options.jstype = js }
    }
    // Messages are visited with an explicit stack; the parser caps nesting at 100 levels, which
    // bounds withMessage's descent.
    var stack: [(path: [Int], scope: String)] = d.messageType.indices.map { ([$0], prefix) }
    while let (path, scope) = stack.popLast() {
      let m = message(at: path, in: d)
      let name = scope + m.name
      for f in m.field.indices {
        guard let js = jstype(m.field[f], name + "." + m.field[f].name) else { continue }
        withMessage(at: path, in: &d) { $0.field[f].options.jstype = js }
      }
      for e in m.extension.indices {
        guard let js = jstype(m.extension[e], name + "." + m.extension[e].name) else { continue }
        withMessage(at: path, in: &d) { $0.extension[e].options.jstype = js }
      }
      for n in m.nestedType.indices { stack.append((path + [n], name + ".")) }
    }
  }

  private func jsDisabled(_ fullName: String) -> Bool {
    config.disables.contains { dis in
      guard matches(dis) else { return false }
      if let f = dis.field, f != fullName { return false }
      switch dis.option {
      case nil, .field(.jstype)?: return true
      case .file: return false
      }
    }
  }

  private static func is64Bit(_ t: Google_Protobuf_FieldDescriptorProto.TypeEnum) -> Bool {
    switch t {
    case .int64, .uint64, .sint64, .fixed64, .sfixed64: return true
    default: return false
    }
  }

  private func message(at path: [Int], in d: Google_Protobuf_FileDescriptorProto) -> Google_Protobuf_DescriptorProto {
    var m = d.messageType[path[0]]
    for i in path.dropFirst() { m = m.nestedType[i] }
    return m
  }

  private func withMessage(
    at path: [Int], in d: inout Google_Protobuf_FileDescriptorProto,
    _ body: (inout Google_Protobuf_DescriptorProto) -> Void
  ) {
    func descend(_ m: inout Google_Protobuf_DescriptorProto, _ rest: ArraySlice<Int>) {
      guard let i = rest.first else { return body(&m) }
      descend(&m.nestedType[i], rest.dropFirst())
    }
    descend(&d.messageType[path[0]], path.dropFirst())
  }
}
