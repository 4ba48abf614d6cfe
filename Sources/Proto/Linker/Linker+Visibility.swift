import SwiftProtobuf

/// Symbol visibility as protoc 36.2 enforces it (edition 2024 on): which messages and enums
/// other files may use (`Symbol::GetEffectiveVisibility` / `IsVisibleFrom`), the error
/// where they are used anyway (`GetVisibilityError`), and STRICT's file-wide rules
/// (`SymbolChecker::CheckSymbolVisibilityRules`). Each use costs one lookup of the reason
/// stored on the symbol in pass 1; the STRICT rules walk the file once.
extension FileLinker {
  typealias DefaultVisibility = Google_Protobuf_FeatureSet.VisibilityFeature.DefaultSymbolVisibility

  /// `import option` files (edition 2024) and their public imports, as protoc's
  /// `RecordPublicOptionDependencies`: `findSymbol` finds only their fields (extensions, for
  /// option names) and packages; a message or enum of theirs is "not imported" as protoc says.
  /// Like a regular import, an option import may not repeat another import, and is
  /// reported when nothing of it is used.
  func addOptionDependencies() {
    var seen = Set(file.dependency)
    for (i, dep) in file.optionDependency.enumerated() {
      if !seen.insert(dep).inserted {
        error("Import \"\(dep)\" was listed twice.", at: [15, Int32(i)])
        continue
      }
      guard let d = linker.fileIndex[dep] else { continue }
      if tracksUnusedImports && linker.publicDeps[d].isEmpty { unusedDependencies.insert(d) }
      var stack = [d]
      while let f = stack.popLast() {
        guard optionDependencies.insert(f).inserted else { continue }
        stack.append(contentsOf: linker.publicDeps[f])
      }
    }
  }

  /// protoc's unused-import warning for `import option` files (at the statement).
  func reportUnusedOptionImports() {
    guard tracksUnusedImports, !unusedDependencies.isEmpty else { return }
    for (i, dep) in file.optionDependency.enumerated() {
      if let d = linker.fileIndex[dep], unusedDependencies.contains(d) {
        warning("Import \"\(dep)\" is unused.", rule: CompileRule.unusedImport, at: [15, Int32(i)])
      }
    }
  }

  /// The file's `default_symbol_visibility` read before options are interpreted (pass 1
  /// needs it for every message and enum): the file's `features.default_symbol_visibility`
  /// in either option form (``featureSetting(_:_:)``), else its edition's default (EXPORT_TOP_LEVEL in
  /// 2024, STRICT in 2026). Before edition 2024 everything is exported.
  static func readDefaultVisibility(_ file: FileProto) -> DefaultVisibility {
    let edition = Google_Protobuf_Edition(of: file)
    guard file.syntax == "editions", edition.rawValue >= Google_Protobuf_Edition.edition2024.rawValue else {
      return .exportAll
    }
    let name = featureSetting(file.options.uninterpretedOption, "default_symbol_visibility")
    if let name, let v = DefaultVisibility.allCases.first(where: { DefaultVisibility.protocName($0) == name }) {
      return v
    }
    return EditionDefaults.bundled.features(for: edition)?.defaultSymbolVisibility ?? .exportAll
  }

  /// protoc's `Symbol::GetEffectiveVisibility` for a message or enum of this file: nil when
  /// other files may use it, else the reason `GetVisibilityError` gives.
  func localReason(_ keyword: Google_Protobuf_SymbolVisibility, nested: Bool) -> String? {
    switch keyword {
    case .visibilityExport: return nil
    case .visibilityLocal: return "It is explicitly marked 'local'"
    default: break
    }
    let local: Bool
    switch passOneDefaultVisibility {
    case .exportTopLevel: local = nested
    case .localAll, .strict: local = true
    default: local = false
    }
    guard local else { return nil }
    return
      "It defaulted to local from file-level 'option features.default_symbol_visibility = '\(DefaultVisibility.protocName(passOneDefaultVisibility))';"
  }

  /// protoc's `IsVisibleFrom` check where a type is used (field types, extendees, method
  /// input and output types): reports the error and returns false when `sym` is a message
  /// or enum of another file that is not exported (protoc then stops linking that use).
  func checkVisible(_ sym: Symbol, usage: String = "", at path: [Int32]) -> Bool {
    let reason: String?
    let fullName: String
    let owner: Int
    switch sym {
    case .message(let m): (reason, fullName, owner) = (m.localReason, m.fullName, m.file)
    case .enumType(let e): (reason, fullName, owner) = (e.localReason, e.fullName, e.file)
    default: return true
    }
    guard owner != index, let reason else { return true }
    let message =
      "Symbol \"\(fullName)\", defined in \"\(pool.fileNames[owner])\" \(usage) is not visible from \"\(fileName)\". \(reason) and cannot be accessed outside its own file"
    errorAtTypeName(message, at: path)
    return false
  }

  /// protoc's `SymbolChecker::CheckSymbolVisibilityRules`, run once the file has no other
  /// error: under STRICT, a nested message may not be `export`, nor a nested enum unless
  /// it is namespaced (`local message N { export enum E {…} reserved 1 to max; }`).
  /// protoc reports each at the file, nested messages first, both in its descriptor
  /// visiting order (a message, its enums, then its nested messages, depth first).
  func checkSymbolVisibilityRules() {
    let resolved =
      file.options.features.hasDefaultSymbolVisibility
      ? file.options.features.defaultSymbolVisibility : passOneDefaultVisibility
    guard resolved == .strict else { return }
    var messageErrors: [String] = []
    var enumErrors: [String] = []
    // (message, its full name, whether top-level); children pushed in reverse for pre-order.
    var stack: [(MessageProto, String, Bool)] = file.messageType.reversed().map {
      ($0, qualify(file.package, $0.name), true)
    }
    while let (m, full, topLevel) = stack.popLast() {
      if !topLevel && m.visibility == .visibilityExport {
        messageErrors.append(
          "\"\(full)\" is a nested message and cannot be `export` with STRICT default_symbol_visibility. It must be moved to top-level, ideally in its own file in order to be `export`."
        )
      }
      let namespace = topLevel && m.visibility != .visibilityExport && Self.reservesAllNumbers(m)
      for e in m.enumType where e.visibility == .visibilityExport && !namespace {
        let name = full + "." + e.name
        enumErrors.append(
          "\"\(name)\" is a nested enum and cannot be marked `export` with STRICT default_symbol_visibility. It must be moved to top-level, ideally in its own file in order to be `export`. For C++ namespacing of enums in a messages use: `local message <OuterNamespace> { export enum \(name) {...} reserved 1 to max; }`"
        )
      }
      for n in m.nestedType.reversed() { stack.append((n, full + "." + n.name, false)) }
    }
    for message in messageErrors + enumErrors { errorWithoutPosition(message) }
  }

  /// `reserved 1 to max;` and no other reserved number range (protoc's
  /// `IsEnumNamespaceMessage`; reserved names do not count).
  private static func reservesAllNumbers(_ m: MessageProto) -> Bool {
    guard m.reservedRange.count == 1, let r = m.reservedRange.first else { return false }
    return r.start == 1 && Int64(r.end) == Int64(maxFieldNumber) + 1
  }
}
