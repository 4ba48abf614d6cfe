import Diagnostics

/// The validated workspace: what `sebuf.yaml` (or buf.yaml + buf.gen.yaml v2) says,
/// with paths checked and defaults applied. Every command reads this one model.
public struct Workspace: Sendable {
  /// Absolute path of the workspace directory (where the config file lives).
  public var root: String
  /// The config file read, relative to `root`; nil when defaults were used.
  public var configFile: String?
  /// Which kind of file configured the workspace.
  public var kind: WorkspaceFileKind = .sebuf
  /// The module roots (at least one; `.` when the file names none).
  public var modules: [Module]
  /// Extra import roots, relative to `root`.
  public var includes: [String]
  /// What goes before a workspace-relative path when it is printed, so that it reads from the
  /// user's current directory as buf prints it (`proto` for `sebuf lint proto`; empty when the
  /// root is the current directory). Set by the CLI; see Diagnostics.ShownPaths.
  public var shownBase: String = ""
  /// buf.yaml `deps` found in buf's local module cache (verified against buf.lock): absolute
  /// directories, compiled from as import-only roots after the includes.
  public var cachedDependencies: [String] = []
  /// `lint:` settings (defaults when absent).
  public var lint: LintConfig
  /// `breaking:` settings (defaults when absent).
  public var breaking: BreakingConfig
  /// `generate:` entries in the order written (run in that order).
  public var generate: [GenerateEntry]
  /// `managed:` settings (off when absent).
  public var managed: ManagedConfig
  /// Where `generate` and `managed` came from when not from the workspace's own files: a
  /// `--template` path (workspace-relative when inside it). The manifest keeps each source's
  /// records apart, so a run of one never removes the outputs of another.
  public var generationSource: String?
  /// buf.yaml with several modules: a module's own `lint:` block, by module path. It replaces
  /// the top-level block for that module's files entirely (buf's rule).
  public var moduleLint: [String: LintConfig] = [:]

  /// The lint settings of the files of the module at `path`.
  public func lintConfig(forModule path: String) -> LintConfig { moduleLint[path] ?? lint }
  /// buf.yaml with several modules: a module's own `breaking:` block, by module path.
  public var moduleBreaking: [String: BreakingConfig] = [:]

  public init(
    root: String, configFile: String? = nil, modules: [Module], includes: [String] = [],
    lint: LintConfig = LintConfig(), breaking: BreakingConfig = BreakingConfig(),
    generate: [GenerateEntry] = [], managed: ManagedConfig = ManagedConfig()
  ) {
    self.root = root
    self.configFile = configFile
    self.modules = modules
    self.includes = includes
    self.lint = lint
    self.breaking = breaking
    self.generate = generate
    self.managed = managed
  }
}

/// A root of `.proto` files that belong to the user: compiled, linted, generated.
public struct Module: Sendable, Hashable {
  /// Path relative to the workspace root (`.` for the root itself).
  public var path: String
  /// Directories relative to the workspace root whose files are left out.
  public var excludes: [String]
  /// buf.yaml's BSR name (`buf.build/owner/repo`), which managed-mode rules may name.
  public var name: String?
  public init(path: String, excludes: [String] = [], name: String? = nil) {
    self.path = path
    self.excludes = excludes
    self.name = name
  }
}

/// `lint:` settings. Rule and category ids are kept as written; Lint resolves them.
public struct LintConfig: Sendable {
  /// Categories or rule ids to run, as written (case/separator-insensitive ids).
  /// sebuf's default adds the HTTP rules to buf's STANDARD; a buf.yaml keeps buf's default.
  public var use: [String] = LintConfig.sebufDefaultUse
  /// Categories or rule ids removed from `use`.
  public var except: [String] = []
  /// Paths (files or directories, relative to the workspace; globs allowed) ignored by every rule.
  public var ignore: [String] = []
  /// Rule or category id → paths ignored for it.
  public var ignoreOnly: [String: [String]] = [:]
  /// Rules reported as warnings: they are printed but do not fail the run.
  public var warn: [String] = []
  /// Whether `// sebuf:lint:ignore RULE` (and `buf:lint:ignore`) comments silence findings.
  public var allowCommentIgnores: Bool = true
  /// Required suffix of enum zero values (ENUM_ZERO_VALUE_SUFFIX).
  public var enumZeroValueSuffix: String = "_UNSPECIFIED"
  /// buf's RPC_REQUEST_RESPONSE_UNIQUE / RPC_*_STANDARD_NAME relaxations.
  public var rpcAllowSameRequestResponse: Bool = false
  public var rpcAllowGoogleProtobufEmptyRequests: Bool = false
  public var rpcAllowGoogleProtobufEmptyResponses: Bool = false
  /// Required suffix of service names (SERVICE_SUFFIX).
  public var serviceSuffix: String = "Service"
  /// buf v2's spelling of `!allowCommentIgnores`.
  public var disallowCommentIgnores: Bool { !allowCommentIgnores }
  /// Where each id in `use`/`except`/`ignore_only`/`warn` was written, for positioned errors.
  public var idSpans: [String: Span] = [:]
  public init() {}
}

/// `breaking:` settings.
public struct BreakingConfig: Sendable {
  /// Categories or rule ids to run, as written.
  /// sebuf's default adds the HTTP rules to buf's FILE; a buf.yaml keeps buf's default.
  public var use: [String] = BreakingConfig.sebufDefaultUse
  /// Categories or rule ids removed from `use`.
  public var except: [String] = []
  /// Paths (relative to the workspace; globs allowed) no breaking rule checks.
  public var ignore: [String] = []
  /// Rule or category id → paths ignored for it.
  public var ignoreOnly: [String: [String]] = [:]
  /// Skip packages whose last part is alpha/beta/test-like (buf's rule).
  public var ignoreUnstablePackages: Bool = false
  /// Whether `// sebuf:breaking:ignore RULE` comments accept a break.
  public var allowCommentIgnores: Bool = true
  /// Default for `--against`, e.g. `.git#branch=main`.
  public var against: String?
  /// Where each id in `use`/`except`/`ignore_only` was written, for positioned errors.
  public var idSpans: [String: Span] = [:]
  public init() {}
}

/// One `generate:` entry: a native backend or a protoc plugin.
public struct GenerateEntry: Sendable {
  public enum Kind: Sendable, Hashable {
    /// A native backend by id (a ``BackendID`` raw value once validated; tests may
    /// register others with Plan).
    case backend(String)
    /// A protoc plugin: a name (`protoc-gen-go` or `go`) found on PATH, or a path.
    case plugin(String)
  }
  /// `directory`: one run per proto directory; `all`: one run for every file.
  public enum Strategy: String, Sendable { case directory, all }

  /// What runs: a native backend or a protoc plugin.
  public var kind: Kind
  /// Optional name for `--only`.
  public var name: String?
  /// Output directory relative to the workspace root.
  public var out: String
  /// Options as key=value pairs, in the order written.
  public var options: [(key: String, value: String)]
  /// Globs (relative to the workspace) selecting which module files the entry gets.
  public var include: [String]
  /// Globs (relative to the workspace) of module files the entry does not get.
  public var exclude: [String]
  /// nil: the backend's default.
  public var strategy: Strategy?
  /// Also generate the imported files (not the well-known types).
  public var includeImports: Bool
  /// Also generate the well-known types (needs `includeImports`).
  public var includeWKT: Bool
  /// Where the entry was written, for errors that name it.
  public var span: Span?
  /// buf's smart clean (`clean: true` in buf.gen.yaml, or `generate --clean`): every file in
  /// `out` that this run did not produce is removed, with the directories left empty.
  public var clean: Bool = false

  public init(
    kind: Kind, name: String? = nil, out: String, options: [(key: String, value: String)] = [],
    include: [String] = [], exclude: [String] = [], strategy: Strategy? = nil,
    includeImports: Bool = false, includeWKT: Bool = false, span: Span? = nil
  ) {
    self.kind = kind
    self.name = name
    self.out = out
    self.options = options
    self.include = include
    self.exclude = exclude
    self.strategy = strategy
    self.includeImports = includeImports
    self.includeWKT = includeWKT
    self.span = span
  }

  /// The label used in messages and by `--only`: the name, else the backend or plugin.
  public var label: String {
    if let name { return name }
    switch kind {
    case .backend(let b): return b
    case .plugin(let p): return p
    }
  }
}

/// Managed mode: file and field options set at generation time instead of in the `.proto`
/// files. Two forms share this one model:
/// - `.buf` (buf.gen.yaml v2): buf's rules exactly — every file but the well-known types, every
///   option buf manages with buf's defaults, `disable` before `override`, the last matching
///   override winning (``disables``, ``overrides``).
/// - `.sebufV1` (sebuf.yaml v1): `go_package` only, on module files and the bundled sebuf protos
///   (``goPackagePrefix``, ``goPackageOverrides``, ``except``).
public struct ManagedConfig: Sendable {
  public enum Style: String, Sendable { case buf, sebufV1 }
  /// On when the `managed:` block is present (unless `enabled: false`). When off, the
  /// other fields are empty.
  public var enabled: Bool = false
  public var style: Style = .sebufV1
  /// `.buf`: `managed.disable[]` in the order written.
  public var disables: [ManagedRule] = []
  /// `.buf`: `managed.override[]` in the order written (the last that matches wins).
  public var overrides: [ManagedRule] = []
  /// `.sebufV1`: `go_package` = prefix + "/" + the file's directory, for every module file and
  /// the bundled sebuf protos, unless overridden.
  public var goPackagePrefix: String?
  /// `.sebufV1`: per-path (file or directory, relative to the module root) go_package overrides.
  public var goPackageOverrides: [String: String] = [:]
  /// `.sebufV1`: paths (relative to the module root) managed mode leaves alone.
  public var except: [String] = []
  public init() {}

  /// The go_package part of buf.gen.yaml's rules in sebuf.yaml v1's form, with a note for each
  /// thing v1 cannot say; nil when a go_package rule has no v1 form (a module of the workspace,
  /// a prefix per path, one go_package for every file).
  public func sebufV1Conversion() -> (config: ManagedConfig, notes: [String])? {
    guard style == .buf else { return (self, []) }
    var v1 = ManagedConfig()
    v1.enabled = enabled
    var notes = [
      "buf's default java, csharp, objc, php and ruby options are not set: sebuf.yaml manages go_package only."
    ]
    let sebufModule = KnownModules.prefixes[0]
    func isGo(_ o: ManagedRule.Option?) -> Bool { o == nil || o == .file(.goPackage) || o == .file(.goPackagePrefix) }
    for d in disables {
      guard isGo(d.option), d.field == nil else {
        notes.append("disable of \(d.describedOption) dropped.")
        continue
      }
      if let m = d.module {
        // sebuf.yaml leaves imports alone except the bundled sebuf protos.
        if m == sebufModule.module {
          v1.except += sebufModule.prefixes.map { String($0.dropLast()) }
        } else {
          notes.append("disable for module \(m) dropped: sebuf.yaml leaves imported files alone.")
        }
        continue
      }
      guard let p = d.path else { return nil }
      v1.except.append(p)
    }
    for o in overrides {
      guard isGo(o.option), case .string(let value)? = o.value else {
        notes.append("override of \(o.describedOption) dropped.")
        continue
      }
      if let m = o.module {
        if m == sebufModule.module && value.isEmpty && o.option == .file(.goPackagePrefix) {
          v1.except += sebufModule.prefixes.map { String($0.dropLast()) }
        } else if KnownModules.prefixes.contains(where: { $0.module == m }) || value.isEmpty {
          notes.append("override for module \(m) dropped: sebuf.yaml leaves imported files alone.")
        } else {
          return nil
        }
        continue
      }
      switch (o.option, o.path) {
      case (.file(.goPackagePrefix), nil): v1.goPackagePrefix = value.isEmpty ? nil : value
      case (.file(.goPackage), .some(let p)): v1.goPackageOverrides[p] = value
      default: return nil
      }
    }
    return (v1, notes)
  }

  /// Every setting as text, for the generation fingerprint.
  public var fingerprint: String {
    var parts = [enabled ? "on" : "off", style.rawValue, goPackagePrefix ?? ""]
    parts += goPackageOverrides.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    parts += except
    parts += disables.map { "d:" + $0.fingerprint } + overrides.map { "o:" + $0.fingerprint }
    return parts.joined(separator: "\u{1}")
  }
}

/// A file option buf's managed mode sets (buf.gen.yaml's `file_option` names).
public enum ManagedFileOption: String, Sendable, CaseIterable {
  case javaPackage = "java_package"
  case javaPackagePrefix = "java_package_prefix"
  case javaPackageSuffix = "java_package_suffix"
  case javaOuterClassname = "java_outer_classname"
  case javaMultipleFiles = "java_multiple_files"
  case javaStringCheckUtf8 = "java_string_check_utf8"
  case optimizeFor = "optimize_for"
  case goPackage = "go_package"
  case goPackagePrefix = "go_package_prefix"
  case ccEnableArenas = "cc_enable_arenas"
  case objcClassPrefix = "objc_class_prefix"
  case csharpNamespace = "csharp_namespace"
  case csharpNamespacePrefix = "csharp_namespace_prefix"
  case phpNamespace = "php_namespace"
  case phpMetadataNamespace = "php_metadata_namespace"
  case phpMetadataNamespaceSuffix = "php_metadata_namespace_suffix"
  case rubyPackage = "ruby_package"
  case rubyPackageSuffix = "ruby_package_suffix"
  case swiftPrefix = "swift_prefix"

  /// The kind of value an override must give.
  public var valueKind: ManagedValue.Kind {
    switch self {
    case .javaMultipleFiles, .javaStringCheckUtf8, .ccEnableArenas: return .bool
    case .optimizeFor: return .optimizeMode
    default: return .string
    }
  }
}

/// A field option buf's managed mode sets (`field_option`).
public enum ManagedFieldOption: String, Sendable, CaseIterable {
  case jstype
}

/// An override's value, typed as its option needs.
public enum ManagedValue: Sendable, Equatable {
  public enum Kind: Sendable { case string, bool, optimizeMode, jsType }
  case string(String)
  case bool(Bool)
  /// `SPEED`, `CODE_SIZE` or `LITE_RUNTIME` as the enum's number (1, 2, 3).
  case optimizeMode(Int)
  /// `JS_NORMAL`, `JS_STRING` or `JS_NUMBER` as the enum's number (0, 1, 2).
  case jsType(Int)

  public static let optimizeModes = ["SPEED": 1, "CODE_SIZE": 2, "LITE_RUNTIME": 3]
  public static let jsTypes = ["JS_NORMAL": 0, "JS_STRING": 1, "JS_NUMBER": 2]
}

/// One `managed.disable[]` or `managed.override[]` entry of buf.gen.yaml v2.
public struct ManagedRule: Sendable {
  public enum Option: Sendable, Equatable {
    case file(ManagedFileOption)
    case field(ManagedFieldOption)
  }
  /// nil only in a disable: every option.
  public var option: Option?
  /// BSR module name (`buf.build/owner/repo`) the file must belong to.
  public var module: String?
  /// Import path (file or directory, relative to its module) the file must equal or be inside.
  public var path: String?
  /// Fully-qualified field name (`pkg.Msg.field`) for field options.
  public var field: String?
  /// Overrides only.
  public var value: ManagedValue?

  public init(
    option: Option?, module: String? = nil, path: String? = nil, field: String? = nil, value: ManagedValue? = nil
  ) {
    self.option = option
    self.module = module
    self.path = path
    self.field = field
    self.value = value
  }

  /// `file_option java_package` / `field_option jstype` / `every option`, for messages.
  public var describedOption: String {
    switch option {
    case .file(let f): return "file_option \(f.rawValue)"
    case .field(let f): return "field_option \(f.rawValue)"
    case nil: return "every option"
    }
  }

  var fingerprint: String {
    let o: String
    switch option {
    case .file(let f): o = f.rawValue
    case .field(let f): o = f.rawValue
    case nil: o = "*"
    }
    return [o, module ?? "", path ?? "", field ?? "", value.map { "\($0)" } ?? ""].joined(separator: "\u{2}")
  }
}

extension LintConfig {
  /// `use` when sebuf.yaml (or no file) says nothing: buf's STANDARD plus sebuf's HTTP rules.
  public static let sebufDefaultUse = ["STANDARD", "HTTP"]
  /// `use` when a buf.yaml says nothing: buf's own default (the HTTP rules are added to every
  /// configuration, see ``withHTTPRules()``), so findings on plain protos match buf's.
  public static let bufDefaultUse = ["STANDARD"]

  /// sebuf's HTTP rules are on in every configuration — they fire only on sebuf-annotated APIs,
  /// so a plain buf repository sees no change: `HTTP` is added to `use` unless `use` or
  /// `except` already names it (`except: [HTTP]` turns them off).
  public func withHTTPRules() -> LintConfig {
    let named = (use + except).contains { $0.uppercased() == "HTTP" }
    guard !named else { return self }
    var c = self
    c.use.append("HTTP")
    return c
  }
}

extension BreakingConfig {
  /// `use` when sebuf.yaml (or no file) says nothing: buf's FILE plus sebuf's HTTP rules.
  public static let sebufDefaultUse = ["FILE", "HTTP"]
  /// `use` when a buf.yaml says nothing: buf's own default.
  public static let bufDefaultUse = ["FILE"]
}
