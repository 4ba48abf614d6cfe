import Diagnostics
import Dispatch
import SwiftProtobuf

/// Turns parsed files into the descriptors protoc would emit, file by file in
/// dependency order, as protoc's `DescriptorBuilder` does.
///
/// One `Linker` holds the symbols of every file linked so far; `link(_:)` runs the
/// passes below on one file. Each pass lives in its own file:
///
/// 1. `Linker+Symbols.swift`  — packages and every named element enter the symbol
///    table; duplicate names, field-number ranges, reserved and extension ranges.
/// 2. `Linker+Names.swift`    — type names, extendees and method types are resolved
///    with protoc's scoping rules; field numbers clash-checked; enum defaults.
/// 3. `Linker+Fields.swift`   — `json_name` for every field, defaults as protoc
///    re-emits them.
/// 4. `Linker+Options.swift`  — standard and custom options are interpreted and the
///    source info paths of options rewritten.
/// 5. `Linker+Validate.swift` — proto3, enum, map and option validations.
/// 6. Unused imports become warnings.
/// 7. Whole-file checks in protoc's order: `Linker+NamingStyle.swift`
///    (`features.enforce_naming_style`), `Linker+ProtoLimits.swift` (edition 2026's limits),
///    `Linker+Visibility.swift` (STRICT's export rules), then feature lifetimes and targets.
public final class Linker: @unchecked Sendable {
  let pool = SymbolPool()
  /// Index of each linked file by import path.
  var fileIndex: [String: Int] = [:]
  /// Public imports of each linked file.
  var publicDeps: [[Int]] = []
  var syntaxes: [String] = []
  /// Whether each file is `optimize_for = LITE_RUNTIME` (known once it is validated).
  var lite: [LiteFlag] = []
  /// Whether each file imports descriptor.proto, directly or not: only then are the
  /// options messages of this compile (with their extensions) visible to it.
  var reachesDescriptor: [Bool] = []

  final class LiteFlag: @unchecked Sendable { var value = false }

  public init() {}

  /// Links one parsed file whose imports were all linked before.
  public func link(_ parsed: ParsedFile, tracksUnusedImports: Bool = true) -> (
    Google_Protobuf_FileDescriptorProto, [Diagnostic]
  ) {
    linkAll([parsed], tracksUnusedImports: [tracksUnusedImports])[0]
  }

  /// Links files given in dependency order (each after the files it imports). Returns
  /// each file's descriptor (always, possibly incomplete) and diagnostics.
  ///
  /// Pass 1 runs for all files in parallel; their symbols are then merged in order (so
  /// clashes are reported as protoc reports them); passes 2 to 6 run in parallel over
  /// the files whose imports are done, level by level of the import graph.
  public func linkAll(_ files: [ParsedFile], tracksUnusedImports: [Bool]) -> [(
    Google_Protobuf_FileDescriptorProto, [Diagnostic]
  )] {
    var files = files
    return linkAll(consuming: &files, tracksUnusedImports: tracksUnusedImports)
  }

  /// ``linkAll(_:tracksUnusedImports:)`` that empties `files` once each file's linker
  /// holds its descriptor, so the passes mutate descriptors without copying them.
  public func linkAll(consuming files: inout [ParsedFile], tracksUnusedImports: [Bool]) -> [(
    Google_Protobuf_FileDescriptorProto, [Diagnostic]
  )] {
    let base = pool.fileNames.count
    for p in files {
      fileIndex[p.descriptor.name] = pool.fileNames.count
      pool.fileNames.append(p.descriptor.name)
      pool.filePackages.append(p.descriptor.package)
      syntaxes.append(p.descriptor.syntax)
      lite.append(LiteFlag())
      publicDeps.append([])
    }
    for (k, p) in files.enumerated() {
      let d = p.descriptor
      publicDeps[base + k] = d.publicDependency.compactMap { i in
        i >= 0 && Int(i) < d.dependency.count ? fileIndex[d.dependency[Int(i)]] : nil
      }
      reachesDescriptor.append(
        d.name == "google/protobuf/descriptor.proto"
          || d.importEdges.contains { _, dep in
            if let i = fileIndex[dep], i < base + k { return reachesDescriptor[i] }
            return false
          })
    }
    var made: [FileLinker] = []
    made.reserveCapacity(files.count)
    for k in files.indices {
      let f = FileLinker(linker: self, index: base + k, parsed: files[k])
      f.tracksUnusedImports = k < tracksUnusedImports.count ? tracksUnusedImports[k] : true
      made.append(f)
    }
    files = []
    let linkers = made
    // Pass 1, every file at once: names, numbers, ranges (symbols only queued).
    Self.parallel(linkers.count) { i in
      linkers[i].checkImports()
      linkers[i].registerSymbols()
    }
    // One resize up front instead of many while merging (each rehashes every name).
    pool.symbols.reserveCapacity(pool.symbols.count + linkers.reduce(0) { $0 + $1.pending.count })
    for f in linkers { f.mergeSymbols() }
    // Passes 2-6, level by level: a file's imports are done before it starts.
    var level = [Int](repeating: 0, count: linkers.count)
    var levels: [[Int]] = []
    for (k, f) in linkers.enumerated() {
      var l = 0
      for (_, dep) in f.file.importEdges {
        if let d = fileIndex[dep], d >= base, d - base < k { l = max(l, level[d - base] + 1) }
      }
      level[k] = l
      while levels.count <= l { levels.append([]) }
      levels[l].append(k)
    }
    for batch in levels {
      Self.parallel(batch.count) { j in linkers[batch[j]].runLinkPasses() }
    }
    // Extension numbers across files, in order (a clash with another file is a warning).
    for f in linkers { f.registerExtensionNumbers() }
    for f in linkers { f.rereadOptionsWithClashingExtensions() }
    return linkers.map { ($0.file, $0.diagnostics) }
  }

  static func parallel(_ n: Int, _ body: @Sendable (Int) -> Void) {
    if n == 1 {
      body(0)
    } else if n > 1 {
      DispatchQueue.concurrentPerform(iterations: n, execute: body)
    }
  }
}

/// The state of linking one file.
/// Each instance is used by one thread at a time; files only read each other's
/// state once that state is final (see `Linker.linkAll`).
final class FileLinker: @unchecked Sendable {
  typealias FileProto = Google_Protobuf_FileDescriptorProto
  typealias MessageProto = Google_Protobuf_DescriptorProto
  typealias FieldProto = Google_Protobuf_FieldDescriptorProto
  typealias EnumProto = Google_Protobuf_EnumDescriptorProto

  let linker: Linker
  let pool: SymbolPool
  let index: Int
  var file: FileProto
  let displayPath: String
  let isProto3: Bool
  /// Copies read while `file` is being mutated in place by a pass.
  let fileName: String
  let sourceInfo: Google_Protobuf_SourceCodeInfo
  var diagnostics: [Diagnostic] = []
  var hadErrors = false
  var tracksUnusedImports = true

  /// Files whose symbols this file may use: direct imports and, transitively, their
  /// public imports.
  var dependencies: Set<Int> = []
  /// `import option` files and, transitively, their public imports: only their extensions
  /// resolve (see Linker+Visibility).
  var optionDependencies: Set<Int> = []
  /// The file's `default_symbol_visibility` as pass 1 reads it (see Linker+Visibility).
  let passOneDefaultVisibility: DefaultVisibility
  /// Direct imports not yet seen used, as protoc tracks them.
  var unusedDependencies: Set<Int> = []
  var possibleUndeclaredDependency: Int?
  var possibleUndeclaredDependencyName = ""
  var undefineResolvedName = ""

  /// Infos created by pass 1, parallel to the descriptor tree.
  var topMessages: [MessageInfo] = []
  /// Every element that can carry features, as pass 5 collected them (after the features were
  /// canonicalized); the later feature checks reuse them.
  var featureElements: [FeatureElement]?
  var topEnums: [EnumInfo] = []
  var topExtensions: [FieldInfo] = []

  /// Source info paths of interpreted options: where each uninterpreted option's
  /// location moves to (protoc's `interpreted_paths_`).
  var interpretedPaths: [[Int32]: [Int32]] = [:]
  var repeatedOptionCounts: [[Int32]: Int32] = [:]
  /// The file's own `repeated_field_encoding` (true for PACKED) once `editionsPacked` read it.
  var fileRepeatedEncodingPacked: Bool??
  /// Extensions that option names and aggregate values named, by extendee and number:
  /// what `OptionCanonicalizer` knows besides regular fields (extension numbers are
  /// registered in the extendees only after every file has linked).
  var optionExtensions: [ExtensionKey: FieldInfo] = [:]

  /// How many times option names and values named an extension (`interpret` compares it).
  var optionExtensionNotes = 0
  /// Each options message that named an extension, as written (before canonicalizing), by
  /// element path, with its type: re-read once every file's extension numbers are known.
  var writtenOptions: [[Int32]: (bytes: [UInt8], type: MessageInfo)] = [:]

  func noteOptionExtension(_ f: FieldInfo) {
    guard f.isExtension, let owner = f.containing else { return }
    optionExtensions[ExtensionKey(extendee: ObjectIdentifier(owner), number: f.number)] = f
    optionExtensionNotes += 1
  }

  /// The field or extension `number` of `message`, as protoc's pool would find it.
  func optionField(_ message: MessageInfo, _ number: Int32) -> FieldInfo? {
    message.fieldsByNumber[number]
      ?? optionExtensions[ExtensionKey(extendee: ObjectIdentifier(message), number: number)]
      ?? message.extensionsByNumber[number]
  }

  /// Symbols of pass 1, entered into the pool by `mergeSymbols`.
  struct PendingSymbol {
    var name: String
    var symbol: Symbol
    var errorPath: [Int32]
    var note: String?
  }
  var pending: [PendingSymbol] = []
  /// Extensions resolved by pass 2, numbered in their extendee afterwards.
  var pendingExtensions: [(FieldInfo, [Int32])] = []
  var ownExtensions: [ExtensionKey: FieldInfo] = [:]

  /// Passes 2 to 6 (see `Linker`).
  func runLinkPasses() {
    resolveNames()  // pass 2
    setJSONNamesAndDefaults()  // pass 3
    if !hadErrors { interpretOptions() }  // pass 4 (protoc skips it after errors)
    if !hadErrors { validate() }  // pass 5
    if !hadErrors { reportUnusedImports() }  // pass 6
    if !hadErrors { reportUnusedOptionImports() }
    if !hadErrors { validateNamingStyle() }  // protoc's order: naming style, proto limits, visibility
    if !hadErrors { validateProtoLimits() }
    if !hadErrors { checkSymbolVisibilityRules() }
    if !hadErrors { validateFeatureLifetimes() }
    if !hadErrors { validateFeatureTargets() }
    featureElements = nil
    normalizeForOutput()
  }

  /// Field-number suggestions requested while registering the current message.
  struct HintRequest {
    var count = 0
    var firstPath: [Int32]?
  }
  var hints = HintRequest()

  private var locationIndex: SourceLocations?

  init(linker: Linker, index: Int, parsed: ParsedFile) {
    self.linker = linker
    self.pool = linker.pool
    self.index = index
    self.file = parsed.descriptor
    self.displayPath = parsed.displayPath
    self.isProto3 = parsed.descriptor.syntax == "proto3"
    self.fileName = parsed.descriptor.name
    self.sourceInfo = parsed.descriptor.sourceCodeInfo
    self.passOneDefaultVisibility = Self.readDefaultVisibility(parsed.descriptor)
  }

  // MARK: Diagnostics

  /// Where protoc's parser recorded an element, by source info path.
  func location(_ path: [Int32]) -> Google_Protobuf_SourceCodeInfo.Location? {
    if locationIndex == nil { locationIndex = SourceLocations(sourceInfo, displayPath: displayPath) }
    return locationIndex!.location(path)
  }

  func span(_ path: [Int32]) -> Span {
    var p = path
    while true {
      if let loc = location(p), let span = SourceLocations.span(loc, file: displayPath) { return span }
      if p.isEmpty { return .file(displayPath) }
      p.removeLast()
    }
  }

  /// Reports an error at the element `path` (plus the sub-path of the part that
  /// is wrong, such as `[3]` for a field's number), as protoc's `AddError`.
  func error(_ message: String, at path: [Int32]) {
    hadErrors = true
    diagnostics.append(.error(message, rule: "COMPILE", at: span(path)))
  }

  /// Reports an error protoc prints without a position (its location lookup finds none).
  func errorWithoutPosition(_ message: String) {
    hadErrors = true
    diagnostics.append(.error(message, rule: "COMPILE", at: .file(displayPath)))
  }

  func warning(_ message: String, rule: String = CompileRule.compile, at path: [Int32]) {
    diagnostics.append(.warning(message, rule: rule, at: span(path)))
  }

  // MARK: Imports

  func checkImports() {
    var seen = Set<String>()
    for (i, dep) in file.dependency.enumerated() {
      if !seen.insert(dep).inserted {
        error("Import \"\(dep)\" was listed twice.", at: [3, Int32(i)])
        continue
      }
      guard let d = linker.fileIndex[dep] else { continue }
      dependencies.insert(d)
      addPublicDependencies(of: d)
      if tracksUnusedImports && linker.publicDeps[d].isEmpty { unusedDependencies.insert(d) }
    }
    addOptionDependencies()
    for p in file.publicDependency {
      guard p >= 0, Int(p) < file.dependency.count else {
        error("Invalid public dependency index.", at: [])
        continue
      }
      if let d = linker.fileIndex[file.dependency[Int(p)]] { unusedDependencies.remove(d) }
    }
  }

  private func addPublicDependencies(of d: Int) {
    for p in linker.publicDeps[d] where dependencies.insert(p).inserted {
      addPublicDependencies(of: p)
    }
  }

  // MARK: Lookup (protoc's FindSymbol / LookupSymbol)

  /// A symbol by full name, only if this file may see it.
  func findSymbol(_ name: String) -> Symbol? {
    // Files later in the order are not built yet as far as this file is concerned.
    guard let s = pool.lookup(name), s.file <= index else { return nil }
    let f = s.file
    if f == index || dependencies.contains(f) || (optionDependencies.contains(f) && s.isField) {
      unusedDependencies.remove(f)
      return s
    }
    if s.isPackage {
      if pool.isInPackage(file: index, name) { return s }
      for d in dependencies where pool.isInPackage(file: d, name) { return s }
      for d in optionDependencies where pool.isInPackage(file: d, name) { return s }
    }
    possibleUndeclaredDependency = f
    possibleUndeclaredDependencyName = name
    return nil
  }

  enum ResolveMode { case all, types }

  /// Resolves `name` as written inside the element whose full name is `relativeTo`,
  /// searching the innermost scope first, as protoc does.
  func lookupSymbol(_ name: String, relativeTo: String, mode: ResolveMode = .all) -> Symbol? {
    possibleUndeclaredDependency = nil
    undefineResolvedName = ""
    if name.hasPrefix(".") { return findSymbol(String(name.dropFirst())) }
    let firstPart: Substring
    if let dot = name.firstIndex(of: ".") { firstPart = name[..<dot] } else { firstPart = name[...] }
    var scope = relativeTo
    while true {
      guard let dot = scope.lastIndex(of: ".") else { return findSymbol(name) }
      scope = String(scope[..<dot])
      let candidate = scope + "." + firstPart
      if let result = findSymbol(candidate) {
        if firstPart.count < name.count {
          if result.isAggregate {
            let full = scope + "." + name
            let r = findSymbol(full)
            if r == nil { undefineResolvedName = full }
            return r
          }
        } else if mode == .types && !result.isType {
          // not a type: keep looking outward
        } else {
          return result
        }
      }
    }
  }

  /// protoc's `AddNotDefinedError`.
  func notDefinedError(_ symbol: String, at path: [Int32]) {
    if possibleUndeclaredDependency == nil && undefineResolvedName.isEmpty {
      errorAtTypeName("\"\(symbol)\" is not defined.", at: path)
      return
    }
    if let dep = possibleUndeclaredDependency {
      errorAtTypeName(
        "\"\(possibleUndeclaredDependencyName)\" seems to be defined in \"\(pool.fileNames[dep])\", which is not imported by \"\(fileName)\".  To use it here, please add the necessary import.",
        at: path)
    }
    if !undefineResolvedName.isEmpty {
      errorAtTypeName(
        "\"\(symbol)\" is resolved to \"\(undefineResolvedName)\", which is not defined. The innermost scope is searched first in name resolution. Consider using a leading '.'(i.e., \".\(symbol)\") to start from the outermost scope.",
        at: path)
    }
  }

  // MARK: Output

  /// What protoc's `FileDescriptor::CopyTo` leaves out or normalizes.
  func normalizeForOutput() {
    if file.syntax != "proto3" && file.syntax != "editions" { file.clearSyntax() }
    if file.hasPackage && file.package.isEmpty { file.clearPackage() }
    file.updateEach(\.service) { _, service in
      service.updateEach(\.method) { _, method in
        if method.hasClientStreaming && !method.clientStreaming { method.clearClientStreaming() }
        if method.hasServerStreaming && !method.serverStreaming { method.clearServerStreaming() }
      }
    }
  }
}
