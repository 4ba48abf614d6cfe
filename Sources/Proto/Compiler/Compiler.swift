import Basics
import Diagnostics
import Dispatch
import SwiftProtobuf

/// Compiles a ``SourceSet`` into an ``Image``: finds the target files, reads and
/// parses them and everything they import (in parallel), checks the import graph,
/// links every file in dependency order and returns the files as protoc's
/// `--include_imports` emits them. Never throws: problems are diagnostics, and the
/// image is nil when any of them is an error.
public func compile(_ sources: SourceSet) -> (Image?, [Diagnostic]) {
  Compiler(resolver: SourceSetResolver(sources)).compile(targets: TargetDiscovery.targets(of: sources))
}

/// The compiler with its import resolver made explicit (tests use an in-memory one).
public struct Compiler: Sendable {
  public let resolver: any ImportResolver

  public init(resolver: any ImportResolver) { self.resolver = resolver }

  /// One file as loaded: its source, its parse, its parse diagnostics.
  final class Unit: @unchecked Sendable {
    let source: SourceFile
    var parsed: ParsedFile?
    var diagnostics: [Diagnostic] = []
    init(source: SourceFile) { self.source = source }
    var hasErrors: Bool { diagnostics.hasErrors }
    /// What is kept of a file handed to the linker: its imports and their locations.
    var linkedStub: ParsedFile?

    func release() {
      guard let p = parsed else { return }
      var d = Google_Protobuf_FileDescriptorProto()
      d.dependency = p.descriptor.dependency
      d.optionDependency = p.descriptor.optionDependency
      d.sourceCodeInfo.location = p.descriptor.sourceCodeInfo.location.filter {
        $0.path.first == 3 || $0.path.first == 15
      }
      linkedStub = ParsedFile(descriptor: d, displayPath: p.displayPath, lineTable: p.lineTable)
      parsed = nil
    }
  }

  /// What the stages before linking hand on: every file loaded, the problems so far, and
  /// the files that cannot be linked.
  struct Graph {
    var units: [String: Unit] = [:]
    var diagnostics: [Diagnostic] = []
    /// Every import statement: importer, its source info path, the imported path.
    var imports: [(importer: String, at: [Int32], path: String)] = []
    var failed = Set<String>()
  }

  /// Compiles `targets` (import paths, or `TargetDiscovery` errors) and their imports, in
  /// stages: load (parse in waves), check the import graph, order by dependency, link.
  public func compile(targets: (paths: [String], diagnostics: [Diagnostic])) -> (Image?, [Diagnostic]) {
    var graph = load(targets.paths)
    graph.diagnostics = targets.diagnostics + graph.diagnostics
    checkImports(&graph)
    let order = dependencyOrder(targets.paths, &graph)
    let files = link(order, targets: Set(targets.paths), &graph)
    if !graph.diagnostics.hasErrors { graph.diagnostics += TargetChecks.check(files, order: targets.paths) }
    let normalized = graph.diagnostics.normalized()
    return (normalized.hasErrors ? nil : Image(files: files), normalized)
  }

  /// Stage 1: parses the targets, then the imports they name that are new, and so on, each
  /// wave in parallel.
  func load(_ targets: [String]) -> Graph {
    var graph = Graph()
    var wave: [String] = []
    var requested = Set<String>()
    for t in targets where requested.insert(t).inserted { wave.append(t) }
    var firstWave = true
    while !wave.isEmpty {
      let loaded = parseAll(wave)
      if firstWave {
        let found = Set(loaded.map(\.source.importPath))
        for t in wave where !found.contains(t) {
          graph.diagnostics.append(.error("File \"\(t)\" was not found.", rule: "COMPILE", at: .file(t)))
        }
        firstWave = false
      }
      var next: [String] = []
      for u in loaded {
        graph.units[u.source.importPath] = u
        graph.diagnostics += u.diagnostics
      }
      for u in loaded {
        guard let p = u.parsed else { continue }
        for (at, dep) in p.descriptor.importEdges {
          graph.imports.append((u.source.importPath, at, dep))
          if requested.insert(dep).inserted { next.append(dep) }
        }
      }
      wave = next
    }
    return graph
  }

  /// Stage 2: imports that name no file, and one file imported under two names.
  func checkImports(_ graph: inout Graph) {
    var identities: [String: String] = [:]
    for (importer, at, dep) in graph.imports {
      guard let u = graph.units[importer], let p = u.parsed else { continue }
      guard let d = graph.units[dep] else {
        graph.diagnostics.append(
          .error("Import \"\(dep)\" was not found.", rule: "COMPILE", at: SourceLocator.span(p, at)))
        graph.failed.insert(importer)
        continue
      }
      if d.source.origin != .bundled && d.source.origin != .memory {
        if let other = identities[d.source.identity], other != dep {
          graph.diagnostics.append(
            .error(
              "\"\(dep)\" and \"\(other)\" are the same file (\(d.source.displayPath)); import it by one name only.",
              rule: "COMPILE", at: SourceLocator.span(p, at)))
          graph.failed.insert(importer)
        } else {
          identities[d.source.identity] = dep
        }
      }
    }
  }

  /// Stage 3: dependency post-order from the targets, as protoc builds and emits files;
  /// cycles are reported and a file whose imports failed fails. A depth-first walk with an
  /// explicit stack: an import chain thousands of files deep costs no recursion.
  func dependencyOrder(_ targets: [String], _ graph: inout Graph) -> [String] {
    var order: [String] = []
    var state: [String: Int] = [:]  // 1 = on the stack, 2 = done
    var frames: [(name: String, next: Int)] = []
    func dependencies(_ name: String) -> [(path: [Int32], name: String)] {
      graph.units[name]?.parsed?.descriptor.importEdges ?? []
    }
    func propagate(from dep: String, to importer: String) {
      if graph.failed.contains(dep) || (graph.units[dep]?.hasErrors ?? false) { graph.failed.insert(importer) }
    }
    for t in targets where state[t] == nil && graph.units[t] != nil {
      state[t] = 1
      frames.append((t, 0))
      while let (name, i) = frames.last {
        let deps = dependencies(name)
        guard i < deps.count else {
          frames.removeLast()
          state[name] = 2
          order.append(name)
          if let parent = frames.last { propagate(from: name, to: parent.name) }
          continue
        }
        frames[frames.count - 1].next = i + 1
        let dep = deps[i].name
        switch state[dep] {
        case 1:
          // Reported as protoc does: in the file that starts the cycle, at its import of
          // the next file of the cycle.
          let start = frames.firstIndex { $0.name == dep } ?? 0
          let cycle = frames[start...].map(\.name).joined(separator: " -> ") + " -> " + dep
          let next = start + 1 < frames.count ? frames[start + 1].name : dep
          var at = SourceLocator.span(graph.units[name]!.parsed!, deps[i].path)
          if let first = graph.units[dep]?.parsed,
            let e = first.descriptor.importEdges.first(where: { $0.name == next })
          {
            at = SourceLocator.span(first, e.path)
          }
          graph.diagnostics.append(.error("File recursively imports itself: \(cycle)", rule: "COMPILE", at: at))
          graph.failed.insert(name)
          propagate(from: dep, to: name)
        case nil where graph.units[dep] != nil:
          state[dep] = 1
          frames.append((dep, 0))  // `propagate` runs when it is done
        default:
          propagate(from: dep, to: name)
        }
      }
    }
    return order
  }

  /// Stage 4: links the files in order. Files whose imports failed are not linked, and a
  /// file that imports one with errors is dropped with an error at that import (as protoc).
  func link(_ order: [String], targets targetSet: Set<String>, _ graph: inout Graph) -> [ImageFile] {
    let units = graph.units
    var linkable: [String] = []
    for name in order {
      guard let u = units[name], let p = u.parsed, !u.hasErrors, !graph.failed.contains(name) else { continue }
      if p.descriptor.importEdges.contains(where: {
        graph.failed.contains($0.name) || (units[$0.name]?.hasErrors ?? true)
      }) {
        continue
      }
      linkable.append(name)
    }
    let linker = Linker()
    // The units let go of the parsed files so that linking mutates them in place.
    var toLink = linkable.map { units[$0]!.parsed! }
    for name in linkable { units[name]!.release() }
    let results = linker.linkAll(consuming: &toLink, tracksUnusedImports: linkable.map { targetSet.contains($0) })
    var linked: [String: (Google_Protobuf_FileDescriptorProto, [Diagnostic])] = [:]
    for (name, r) in zip(linkable, results) { linked[name] = r }
    var files: [ImageFile] = []
    for name in order {
      guard let u = units[name], let p = u.parsed ?? u.linkedStub, !u.hasErrors else {
        graph.failed.insert(name)
        continue
      }
      let badDeps = p.descriptor.importEdges.filter { _, dep in
        dep != name && (graph.failed.contains(dep) || (units[dep]?.hasErrors ?? false))
      }
      guard badDeps.isEmpty, let (descriptor, diags) = linked[name] else {
        for (at, dep) in badDeps {
          graph.diagnostics.append(
            .error(
              "Import \"\(dep)\" was not found or had errors.", rule: "COMPILE",
              at: SourceLocator.span(p, at)))
        }
        graph.failed.insert(name)
        continue
      }
      graph.diagnostics += diags
      if diags.hasErrors { graph.failed.insert(name) }
      files.append(
        ImageFile(descriptor: descriptor, isImport: !targetSet.contains(name), displayPath: u.source.displayPath))
    }
    return files
  }

  /// Reads and parses files concurrently.
  func parseAll(_ paths: [String]) -> [Unit] {
    let results = UnsafeMutableBufferPointer<Unit?>.allocate(capacity: paths.count)
    results.initialize(repeating: nil)
    defer { results.deallocate() }
    let resolver = self.resolver
    let box = UnsafeSendable(results)
    DispatchQueue.concurrentPerform(iterations: paths.count) { i in
      guard let src = resolver.resolve(paths[i]) else { return }
      let u = Unit(source: src)
      let (parsed, diags) = parseProto(src.bytes, importPath: src.importPath, displayPath: src.displayPath)
      u.parsed = parsed
      u.diagnostics = diags
      box.value[i] = u
    }
    return results.compactMap { $0 }
  }
}

/// Lets a buffer whose slots are written by distinct iterations cross into
/// `concurrentPerform`.
struct UnsafeSendable<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}

/// Turns a source info path of a parsed file into a span, as the linker does.
enum SourceLocator {
  static func span(_ file: ParsedFile, _ path: [Int32]) -> Span {
    var p = path
    while true {
      if let loc = file.descriptor.sourceCodeInfo.location.first(where: { $0.path == p }),
        let span = SourceLocations.span(loc, file: file.displayPath)
      {
        return span
      }
      if p.isEmpty { return .file(file.displayPath) }
      p.removeLast()
    }
  }
}

/// Rule ids of the compiler's own diagnostics, so callers can tell them apart without
/// reading message text.
public enum CompileRule {
  /// Errors and warnings of parsing and linking.
  public static let compile = "COMPILE"
  /// protoc's "Import … is unused" warning: buf leaves it to the IMPORT_USED lint rule, so
  /// commands other than lint drop it by this id.
  public static let unusedImport = "COMPILE_UNUSED_IMPORT"
}

/// Which files of a ``SourceSet`` are targets.
public enum TargetDiscovery {
  /// The set's explicit targets, or every `.proto` file under its module roots minus
  /// its excludes, sorted by import path.
  public static func targets(of sources: SourceSet) -> (paths: [String], diagnostics: [Diagnostic]) {
    if !sources.targets.isEmpty { return (sources.targets, []) }
    var found: [String: String] = [:]  // import path -> display path
    var diagnostics: [Diagnostic] = []
    let excludes = sources.excludes.map(Glob.init)
    for root in sources.roots {
      for rel in protoFiles(under: root.directory) {
        let display = root.displayPrefix.isEmpty ? rel : root.displayPrefix + "/" + rel
        if excludes.contains(where: { $0.matches(display) }) {
          continue
        }
        if let other = found[rel] {
          diagnostics.append(
            .error(
              "\"\(rel)\" is in two module roots (\(other) and \(display)); import paths must be unique.",
              rule: "COMPILE",
              at: .file(display)))
          continue
        }
        found[rel] = display
      }
    }
    for path in sources.overlay.keys where path.hasSuffix(".proto") && found[path] == nil {
      found[path] = path
    }
    return (found.keys.sorted(), diagnostics)
  }

  /// `.proto` files under a directory, as paths relative to it (skipping hidden
  /// directories).
  public static func protoFiles(under dir: String) -> [String] {
    FileSystem.walkFiles(under: dir.isEmpty ? "." : dir) { $0.hasSuffix(".proto") }
  }
}
