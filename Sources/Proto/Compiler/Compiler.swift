import Diagnostics
import Dispatch
import Foundation
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
      d.sourceCodeInfo.location = p.descriptor.sourceCodeInfo.location.filter { $0.path.first == 3 }
      linkedStub = ParsedFile(descriptor: d, displayPath: p.displayPath, lineTable: p.lineTable)
      parsed = nil
    }
  }

  /// Compiles `targets` (import paths, or `TargetDiscovery` errors) and their imports.
  public func compile(targets: (paths: [String], diagnostics: [Diagnostic])) -> (Image?, [Diagnostic]) {
    var diagnostics = targets.diagnostics
    var units: [String: Unit] = [:]
    var identities: [String: String] = [:]

    // Load the targets.
    var wave: [String] = []
    var waveSet = Set<String>()
    for t in targets.paths where waveSet.insert(t).inserted { wave.append(t) }
    // Parse in waves: the targets, then the imports they name that are new, ...
    var pendingImports: [(importer: String, index: Int, path: String)] = []
    var requested = Set(wave)
    var firstWave = true
    while !wave.isEmpty {
      let loaded = parseAll(wave)
      if firstWave {
        let found = Set(loaded.map(\.source.importPath))
        for t in wave where !found.contains(t) {
          diagnostics.append(.error("File \"\(t)\" was not found.", rule: "COMPILE", at: .file(t)))
        }
        firstWave = false
      }
      var next: [String] = []
      for u in loaded {
        units[u.source.importPath] = u
        diagnostics += u.diagnostics
      }
      for u in loaded {
        guard let p = u.parsed else { continue }
        for (i, dep) in p.descriptor.dependency.enumerated() {
          pendingImports.append((u.source.importPath, i, dep))
          if requested.insert(dep).inserted { next.append(dep) }
        }
      }
      wave = next
    }

    // The import graph: missing files, one file under two names.
    var failed = Set<String>()
    for (importer, i, dep) in pendingImports {
      guard let u = units[importer], let p = u.parsed else { continue }
      guard let d = units[dep] else {
        diagnostics.append(.error("Import \"\(dep)\" was not found.", rule: "COMPILE", at: SourceLocator.span(p, [3, Int32(i)])))
        failed.insert(importer)
        continue
      }
      if d.source.origin != .bundled && d.source.origin != .memory {
        if let other = identities[d.source.identity], other != dep {
          diagnostics.append(
            .error(
              "\"\(dep)\" and \"\(other)\" are the same file (\(d.source.displayPath)); import it by one name only.",
              rule: "COMPILE", at: SourceLocator.span(p, [3, Int32(i)])))
          failed.insert(importer)
        } else {
          identities[d.source.identity] = dep
        }
      }
    }

    // Dependency (post-)order from the targets, as protoc builds and emits files.
    var order: [String] = []
    var state: [String: Int] = [:]  // 1 = on the stack, 2 = done
    var stack: [String] = []
    func visit(_ name: String) {
      guard let u = units[name] else { return }
      state[name] = 1
      stack.append(name)
      if let p = u.parsed {
        for (i, dep) in p.descriptor.dependency.enumerated() {
          switch state[dep] {
          case 1:
            // Reported as protoc does: in the file that starts the cycle, at its
            // import of the next file of the cycle.
            let start = stack.firstIndex(of: dep) ?? 0
            let cycle = stack[start...].joined(separator: " -> ") + " -> " + dep
            let next = start + 1 < stack.count ? stack[start + 1] : dep
            var at = SourceLocator.span(p, [3, Int32(i)])
            if let first = units[dep]?.parsed, let j = first.descriptor.dependency.firstIndex(of: next) {
              at = SourceLocator.span(first, [3, Int32(j)])
            }
            diagnostics.append(.error("File recursively imports itself: \(cycle)", rule: "COMPILE", at: at))
            failed.insert(name)
          case nil:
            visit(dep)
          default:
            break
          }
          if failed.contains(dep) || (units[dep]?.hasErrors ?? false) { failed.insert(name) }
        }
      }
      stack.removeLast()
      state[name] = 2
      order.append(name)
    }
    for t in targets.paths where state[t] == nil { visit(t) }

    // Link in order. Files whose imports failed are not linked, and a file that
    // imports one with errors is dropped with an error at that import (as protoc).
    let targetSet = Set(targets.paths)
    var linkable: [String] = []
    for name in order {
      guard let u = units[name], let p = u.parsed, !u.hasErrors, !failed.contains(name) else { continue }
      if p.descriptor.dependency.contains(where: { failed.contains($0) || (units[$0]?.hasErrors ?? true) }) { continue }
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
        failed.insert(name)
        continue
      }
      let badDeps = p.descriptor.dependency.enumerated().filter { _, dep in
        dep != name && (failed.contains(dep) || (units[dep]?.hasErrors ?? false))
      }
      if !badDeps.isEmpty || linked[name] == nil {
        for (i, dep) in badDeps {
          diagnostics.append(
            .error("Import \"\(dep)\" was not found or had errors.", rule: "COMPILE", at: SourceLocator.span(p, [3, Int32(i)])))
        }
        failed.insert(name)
        continue
      }
      let (descriptor, diags) = linked[name]!
      diagnostics += diags
      if diags.hasErrors { failed.insert(name) }
      files.append(ImageFile(descriptor: descriptor, isImport: !targetSet.contains(name), displayPath: u.source.displayPath))
    }
    let normalized = diagnostics.normalized()
    return (normalized.hasErrors ? nil : Image(files: files), normalized)
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

/// Which files of a ``SourceSet`` are targets.
public enum TargetDiscovery {
  /// The set's explicit targets, or every `.proto` file under its module roots minus
  /// its excludes, sorted by import path.
  public static func targets(of sources: SourceSet) -> (paths: [String], diagnostics: [Diagnostic]) {
    if !sources.targets.isEmpty { return (sources.targets, []) }
    var found: [String: String] = [:]  // import path -> display path
    var diagnostics: [Diagnostic] = []
    for root in sources.roots {
      for rel in protoFiles(under: root.directory) {
        let display = root.displayPrefix.isEmpty ? rel : root.displayPrefix + "/" + rel
        if sources.excludes.contains(where: { display == $0 || display.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }) {
          continue
        }
        if let other = found[rel] {
          diagnostics.append(
            .error(
              "\"\(rel)\" is in two module roots (\(other) and \(display)); import paths must be unique.", rule: "COMPILE",
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
    let fm = FileManager.default
    let base = dir.isEmpty ? "." : dir
    guard let e = fm.enumerator(atPath: base) else { return [] }
    var out: [String] = []
    while let rel = e.nextObject() as? String {
      let last = rel.split(separator: "/").last.map(String.init) ?? rel
      if last.hasPrefix(".") {
        e.skipDescendants()
        continue
      }
      if rel.hasSuffix(".proto") { out.append(rel) }
    }
    return out.sorted()
  }
}
