import Backends
import Basics
import Config
import Diagnostics
import Dispatch
import Proto
import SwiftProtobuf

/// Turns the workspace's `generate:` entries and the compiled Image into jobs.
/// Pure: reads no files except to locate plugin executables.
public struct Planner: Sendable {
  public var workspace: Workspace
  public var registry: BackendRegistry
  /// PATH, for plugins given by name.
  public var searchPath: String?
  /// Seconds before a hung plugin is killed.
  public var pluginTimeout: Double
  /// sebuf's own identity in cache keys (its version, plus the binary's stamp in the CLI,
  /// so a rebuilt sebuf never reuses outputs of another build).
  public var toolFingerprint: String

  public init(
    workspace: Workspace, registry: BackendRegistry = .native, searchPath: String? = nil,
    pluginTimeout: Double = 120, toolFingerprint: String = SebufVersion.current
  ) {
    self.workspace = workspace
    self.registry = registry
    self.searchPath = searchPath
    self.pluginTimeout = pluginTimeout
    self.toolFingerprint = toolFingerprint
  }

  /// A job before the Image is known: enough to decide whether compiling is needed.
  public struct JobSpec: Sendable {
    public var id: String
    public var index: Int
    public var entry: GenerateEntry
    public var generator: JobGenerator
    public var out: String
    public var strategy: GenerateEntry.Strategy
    public var inputsKey: String
  }

  /// Stage 1: validates every entry (backend known, out inside the workspace and clear of
  /// module roots), applies `--only`, locates plugins. `sourcesKey` digests the sources on
  /// disk (``SourceFingerprint``). Throws every problem at once, each naming its entry.
  public func specs(_ filter: PlanFilter, sourcesKey: String) throws -> (selected: [JobSpec], allIDs: Set<String>) {
    var diagnostics: [Diagnostic] = []
    let ids = jobIDs()
    var selected: [JobSpec] = []

    for name in filter.only where !workspace.generate.contains(where: { Self.matchesOnly(name, $0) }) {
      let labels = workspace.generate.map(\.label)
      diagnostics.append(
        .error(
          "--only \(name) matches no generate entry; entries: \(labels.isEmpty ? "(none)" : labels.joined(separator: ", "))",
          rule: "GENERATE"))
    }

    for (index, entry) in workspace.generate.enumerated() {
      let what = "generate entry \(index + 1) (\(entry.label))"
      var generator: JobGenerator?
      var strategy = entry.strategy ?? .directory
      let isSelected = filter.only.isEmpty || filter.only.contains { Self.matchesOnly($0, entry) }

      switch entry.kind {
      case .backend(let id):
        if let registration = registry.lookup(id) {
          generator = .native(registration.backend)
          strategy = entry.strategy ?? registration.strategy
        } else {
          let known = registry.ids
          diagnostics.append(
            .error(
              "\(what): unknown backend \"\(id)\"; "
                + (known.isEmpty ? "this build has no native backends" : "use one of \(known.joined(separator: ", "))")
                + ", or `plugin:` for a protoc plugin",
              rule: "GENERATE", at: entry.span))
        }
      case .plugin(let name):
        // Only selected plugins must exist: `--only go-http` works without protoc-gen-go.
        if isSelected {
          if let path = PluginRunner.locate(name, relativeTo: workspace.root, searchPath: searchPath) {
            var runner = PluginRunner(name: name, executable: path, timeout: pluginTimeout)
            // A buf.yaml workspace speaks to plugins as buf does: no compiler version.
            runner.sendsCompilerVersion = workspace.kind != .buf
            generator = .plugin(runner)
          } else {
            let hint =
              name.contains("/")
              ? "no executable file at \(name) (relative to the workspace)"
              : "\(PluginRunner(name: name, executable: "").displayName) not found on PATH"
            diagnostics.append(
              .error(
                "\(what): plugin \"\(name)\": \(hint); install it or give its path", rule: "GENERATE", at: entry.span))
          }
        }
      }

      let out = checkOut(entry, what: what, into: &diagnostics)
      guard isSelected, let generator, let out else { continue }
      selected.append(
        JobSpec(
          id: ids[index], index: index, entry: entry, generator: generator, out: out, strategy: strategy,
          inputsKey: inputsKey(
            entry, generator: generator, strategy: strategy, out: out, sourcesKey: sourcesKey, filter: filter)))
    }
    if !diagnostics.isEmpty { throw DiagnosticError(diagnostics) }
    return (selected, Set(ids))
  }

  /// Stage 2: the jobs with their invocations over `image` (managed mode applied).
  public func plan(_ filter: PlanFilter, specs: [JobSpec], allIDs: Set<String>, image: Image) -> GenerationPlan {
    let managed = ManagedMode.apply(
      workspace.managed, to: image, moduleOf: ManagedMode.moduleNames(workspace, image))
    let index = ImageIndex(managed)
    var jobs: [Job] = []
    for spec in specs {
      let files = targetFiles(spec.entry, filter: filter, index: index)
      var groups: [(id: String, files: [String])] = []
      switch spec.strategy {
      case .all:
        if !files.isEmpty { groups = [("*", files)] }
      case .directory:
        var byDir: [String: [String]] = [:]
        for f in files { byDir[PathRules.directory(of: f), default: []].append(f) }
        groups = byDir.keys.sorted().map { ($0, byDir[$0]!) }
      }
      let invocations = groups.map { group -> Invocation in
        let closure = index.closure(of: group.files)
        var key = KeyBuilder("sebuf-invocation-v1")
        key.add(toolFingerprint)
        key.add(spec.generator.identity)
        key.add(Self.optionsText(spec.entry.options))
        key.add(spec.strategy.rawValue)
        key.add(group.id)
        for f in group.files { key.add(f) }
        for i in closure {
          key.add(managed.files[i].name)
          key.add(managed.files[i].isImport ? 1 : 0)
          key.add(index.digest(i))
        }
        var encoded: [String: [UInt8]] = [:]
        if spec.generator.isPlugin {
          for i in closure { encoded[managed.files[i].name] = index.encoded(i) }
        }
        return Invocation(
          id: group.id, filesToGenerate: group.files, image: Image(files: closure.map { managed.files[$0] }),
          key: key.hex, encodedFiles: encoded)
      }
      jobs.append(
        Job(
          id: spec.id, index: spec.index, entry: spec.entry, generator: spec.generator, out: spec.out,
          strategy: spec.strategy, invocations: invocations, partial: filter.limitsFiles, inputsKey: spec.inputsKey,
          source: workspace.generationSource))
    }
    return GenerationPlan(
      jobs: jobs, allJobIDs: allIDs, isPartial: filter.limitsFiles || !filter.only.isEmpty,
      source: workspace.generationSource)
  }

  /// Both stages at once (for callers that already have an Image).
  public func plan(_ filter: PlanFilter, image: Image, sourcesKey: String = "") throws -> GenerationPlan {
    let (specs, ids) = try self.specs(filter, sourcesKey: sourcesKey)
    return plan(filter, specs: specs, allIDs: ids, image: image)
  }

  /// Stable job ids: `label → out`, with `#2`, `#3` for repeats; a template's entries are
  /// prefixed with the template's path (`buf.gen.go.yaml: protoc-gen-go → gen/go`), so an
  /// entry of a template and one of the workspace never share a manifest record.
  public func jobIDs() -> [String] {
    var seen: [String: Int] = [:]
    let prefix = workspace.generationSource.map { $0 + ": " } ?? ""
    return workspace.generate.map { entry in
      let out = PathRules.normalize(entry.out) ?? entry.out
      let base = "\(prefix)\(entry.label) → \(out)"
      let n = (seen[base] ?? 0) + 1
      seen[base] = n
      return n == 1 ? base : "\(base) #\(n)"
    }
  }

  /// Whether `--only name` selects `entry`: its name, backend id or plugin name.
  static func matchesOnly(_ name: String, _ entry: GenerateEntry) -> Bool {
    if entry.name == name { return true }
    switch entry.kind {
    case .backend(let id): return id == name
    case .plugin(let p):
      let base = PluginRunner(name: p, executable: "").displayName
      return p == name || base == name || base == "protoc-gen-" + name
    }
  }

  static func optionsText(_ options: [(key: String, value: String)]) -> String {
    options.map { "\($0.key)=\($0.value)" }.joined(separator: "\u{1}")
  }

  /// Every entry's out dir by job id (entries whose out is invalid are left out): what the
  /// untrusted manifest is checked against (``ManifestTrust``).
  public func jobOuts() -> [String: String] {
    var outs: [String: String] = [:]
    for (id, entry) in zip(jobIDs(), workspace.generate) {
      if case .relative(let out) = relativeOut(entry.out) { outs[id] = out }
    }
    return outs
  }

  enum OutLocation: Equatable {
    case relative(String)
    case outsideWorkspace
    case climbsOut
  }

  /// `out` as a normalised workspace-relative path (an absolute one inside the workspace
  /// is made relative).
  func relativeOut(_ out: String) -> OutLocation {
    var raw = out
    let root = PathRules.normalize(workspace.root) ?? workspace.root
    if raw.hasPrefix("/") {
      let abs = PathRules.normalize(raw) ?? raw
      if PathRules.contains(root, abs) && abs != root {
        raw = String(abs.dropFirst(root == "/" ? 1 : root.count + 1))
      } else if abs == root {
        raw = "."
      } else {
        return .outsideWorkspace
      }
    }
    guard let normal = PathRules.normalize(raw) else { return .climbsOut }
    return .relative(normal)
  }

  /// The out dir normalised relative to the workspace, or nil after reporting why not.
  private func checkOut(_ entry: GenerateEntry, what: String, into diagnostics: inout [Diagnostic]) -> String? {
    let located = relativeOut(entry.out)
    if located == .outsideWorkspace {
      diagnostics.append(
        .error(
          "\(what): out \"\(entry.out)\" is outside the workspace; use a directory inside \(workspace.root)",
          rule: "GENERATE", at: entry.span))
      return nil
    }
    guard case .relative(let out) = located else {
      diagnostics.append(
        .error(
          "\(what): out \"\(entry.out)\" leaves the workspace; use a directory inside it", rule: "GENERATE",
          at: entry.span))
      return nil
    }
    if PathRules.contains(".sebuf", out) {
      diagnostics.append(
        .error(
          "\(what): out \"\(entry.out)\" is inside .sebuf, sebuf's cache; choose another directory", rule: "GENERATE",
          at: entry.span))
      return nil
    }
    let roots = workspace.modules.map { ("module", $0.path) } + workspace.includes.map { ("import root", $0) }
    for (kind, path) in roots {
      guard let r = PathRules.normalize(path) else { continue }
      // A root of `.` is the whole workspace: only writing into `.` itself overlaps it.
      let overlaps = out == r || PathRules.contains(out, r) || (r != "." && PathRules.contains(r, out))
      if overlaps {
        diagnostics.append(
          .error(
            "\(what): out \"\(entry.out)\" overlaps the \(kind) \"\(path)\"; generated files must not mix with .proto sources, use a separate directory such as gen/",
            rule: "GENERATE", at: entry.span))
        return nil
      }
    }
    if let problem = OutDirCheck.problem(root: workspace.root, out: out) {
      diagnostics.append(
        .error("\(what): out \"\(entry.out)\" \(problem)", rule: "GENERATE", at: entry.span))
      return nil
    }
    return out
  }

  /// The files a job generates for: module files through include/exclude and `--path`,
  /// then (with include_imports) the files they import, WKTs only with include_wkt.
  private func targetFiles(_ entry: GenerateEntry, filter: PlanFilter, index: ImageIndex) -> [String] {
    // Patterns match the workspace-relative path or the import path.
    func anyMatches(_ globs: [Glob], _ file: ImageFile) -> Bool {
      globs.contains { $0.matches(file.displayPath) || $0.matches(file.name) }
    }
    let include = entry.include.map(Glob.init)
    let exclude = entry.exclude.map(Glob.init)
    let paths = filter.paths.map(Glob.init)
    let excludedPaths = filter.excludePaths.map(Glob.init)
    var selected: [Int] = []
    for (i, file) in index.image.files.enumerated() where !file.isImport {
      if !include.isEmpty && !anyMatches(include, file) { continue }
      if anyMatches(exclude, file) { continue }
      if !paths.isEmpty && !anyMatches(paths, file) { continue }
      if anyMatches(excludedPaths, file) { continue }
      selected.append(i)
    }
    var names = selected.map { index.image.files[$0].name }
    if entry.includeImports {
      let chosen = Set(selected)
      for i in index.closure(of: names) where !chosen.contains(i) {
        let name = index.image.files[i].name
        if name.hasPrefix("google/protobuf/") && !entry.includeWKT { continue }
        // An excluded module file stays untouched even when a target imports it.
        if anyMatches(excludedPaths, index.image.files[i]) { continue }
        names.append(name)
      }
    }
    return names.sorted()
  }

  private func inputsKey(
    _ entry: GenerateEntry, generator: JobGenerator, strategy: GenerateEntry.Strategy, out: String,
    sourcesKey: String, filter: PlanFilter
  ) -> String {
    var key = KeyBuilder("sebuf-job-inputs-v1")
    key.add(toolFingerprint)
    key.add(sourcesKey)
    key.add(generator.identity)
    key.add(out)
    key.add(strategy.rawValue)
    key.add(Self.optionsText(entry.options))
    key.add(entry.include.joined(separator: "\u{1}"))
    key.add(entry.exclude.joined(separator: "\u{1}"))
    key.add(entry.includeImports ? "imports" : "")
    key.add(entry.includeWKT ? "wkt" : "")
    key.add(workspace.managed.fingerprint)
    key.add(filter.paths.joined(separator: "\u{1}"))
    key.add(filter.excludePaths.joined(separator: "\u{1}"))
    key.add(workspace.generationSource ?? "")
    return key.hex
  }
}

/// Per-file serialized descriptors of one Image and their digests (computed once, in
/// parallel); names and dependency closures come from Proto's ``DescriptorIndex``.
final class ImageIndex: @unchecked Sendable {
  let descriptors: DescriptorIndex
  private let encodings: [[UInt8]]
  private let digests: [UInt64]

  var image: Image { descriptors.image }

  init(_ image: Image) {
    descriptors = DescriptorIndex(image)
    let count = image.files.count
    let slots = UnsafeMutableBufferPointer<[UInt8]>.allocate(capacity: count)
    slots.initialize(repeating: [])
    let files = image.files
    let shared = SendableBuffer(slots)
    let failed = Locked<Set<Int>>([])
    DispatchQueue.concurrentPerform(iterations: count) { i in
      do {
        shared.buffer[i] = try PluginRequest.encode(files[i].descriptor)
      } catch {
        _ = failed.withLock { $0.insert(i) }
      }
    }
    let encoded = Array(slots)
    slots.deinitialize()
    slots.deallocate()
    encodings = encoded
    // A file that cannot be serialized gets a digest no manifest can hold, so every
    // invocation that includes it runs (and its backend reports the error) instead of
    // being skipped on the digest of empty bytes.
    let unencodable = failed.withLock { $0 }
    digests = encoded.indices.map { i in
      unencodable.contains(i) ? UInt64.random(in: .min ... .max) : ContentHash.xxh64(encoded[i])
    }
  }

  /// Indexes of `names` and everything they import, in Image (dependency) order.
  func closure(of names: [String]) -> [Int] { descriptors.dependencyClosure(of: names) }

  /// The file's descriptor as a plugin receives it (json names, source info), serialized.
  func encoded(_ i: Int) -> [UInt8] { encodings[i] }

  /// xxHash64 of ``encoded(_:)``.
  func digest(_ i: Int) -> UInt64 { digests[i] }
}

/// Lets concurrent iterations write disjoint slots of one buffer.
private struct SendableBuffer: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<[UInt8]>
  init(_ buffer: UnsafeMutableBufferPointer<[UInt8]>) { self.buffer = buffer }
}
