import SwiftProtobuf

/// Pass 1: every named element enters the symbol table (protoc's `Build*` methods):
/// duplicate names, invalid identifiers, field-number ranges, reserved names and
/// ranges, extension ranges.
extension FileLinker {
  static let maxFieldNumber: Int32 = 536_870_911
  static let firstReservedNumber: Int32 = 19000
  static let lastReservedNumber: Int32 = 19999

  func registerSymbols() {
    addPackage(file.package)
    let pkg = file.package
    for (i, m) in file.messageType.enumerated() {
      topMessages.append(registerMessage(m, scope: pkg, path: [4, Int32(i)]))
    }
    for (i, e) in file.enumType.enumerated() {
      topEnums.append(registerEnum(e, scope: pkg, path: [5, Int32(i)]))
    }
    for (i, s) in file.service.enumerated() {
      let path: [Int32] = [6, Int32(i)]
      let full = qualify(pkg, s.name)
      validateSymbolName(s.name, full, at: path)
      addSymbol(full, .service(file: index), at: path)
      for (j, m) in s.method.enumerated() {
        let mp = path + [2, Int32(j)]
        validateSymbolName(m.name, full + "." + m.name, at: mp)
        addSymbol(full + "." + m.name, .method(file: index), at: mp)
      }
    }
    for (i, x) in file.extension.enumerated() {
      topExtensions.append(registerField(x, scope: pkg, path: [7, Int32(i)], isExtension: true, parent: nil))
    }
  }

  /// Queues the package and its parents (protoc's `AddPackage`), entered by `mergeSymbols`.
  func addPackage(_ name: String) {
    guard !name.isEmpty else { return }
    if let dot = name.lastIndex(of: ".") {
      addPackage(String(name[..<dot]))
      validateSymbolName(String(name[name.index(after: dot)...]), name, at: [2])
    } else {
      validateSymbolName(name, name, at: [2])
    }
    pending.append(PendingSymbol(name: name, symbol: .package(file: index), errorPath: [2], note: nil))
  }

  func validateSymbolName(_ name: String, _ fullName: String, at path: [Int32]) {
    if name.isEmpty {
      error("Missing name.", at: path + [1])
      return
    }
    for c in name.utf8 {
      let ok = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c == 95
      if !ok {
        error("\"\(name)\" is not a valid identifier.", at: path + [1])
        return
      }
    }
  }

  /// Queues a symbol (protoc's `AddSymbol`); clashes are reported when the files'
  /// symbols are merged in dependency order. `note` is the extra error of an enum
  /// value that clashes outside its enum only.
  func addSymbol(_ fullName: String, _ symbol: Symbol, at path: [Int32], note: String? = nil) {
    pending.append(PendingSymbol(name: fullName, symbol: symbol, errorPath: path + [1], note: note))
  }

  /// Enters this file's queued symbols into the pool, in protoc's order, reporting
  /// names that are already taken. Runs file by file in dependency order.
  func mergeSymbols() {
    for p in pending {
      if case .package = p.symbol {
        if let existing = pool.symbols[p.name] {
          if !existing.isPackage {
            error(
              "\"\(p.name)\" is already defined (as something other than a package) in file \"\(pool.fileNames[existing.file])\".",
              at: p.errorPath)
          }
        } else {
          pool.symbols[p.name] = p.symbol
        }
        continue
      }
      guard let existing = pool.symbols[p.name] else {
        pool.symbols[p.name] = p.symbol
        continue
      }
      let other = existing.file
      let fullName = p.name
      if other == index {
        if let dot = fullName.lastIndex(of: ".") {
          error(
            "\"\(fullName[fullName.index(after: dot)...])\" is already defined in \"\(fullName[..<dot])\".",
            at: p.errorPath)
        } else {
          error("\"\(fullName)\" is already defined.", at: p.errorPath)
        }
      } else {
        error("\"\(fullName)\" is already defined in file \"\(pool.fileNames[other])\".", at: p.errorPath)
      }
      if let note = p.note { error(note, at: p.errorPath) }
    }
    pending = []
  }

  func registerMessage(_ m: MessageProto, scope: String, path: [Int32]) -> MessageInfo {
    let full = qualify(scope, m.name)
    validateSymbolName(m.name, full, at: path)
    let info = MessageInfo(fullName: full, file: index, isProto3: isProto3)
    info.localReason = localReason(m.visibility, nested: path.count > 2)
    info.isMapEntry = m.options.mapEntry || Self.uninterpretedBool(m.options.uninterpretedOption, "map_entry") == true
    info.messageSetWireFormat =
      Self.uninterpretedBool(m.options.uninterpretedOption, "message_set_wire_format") ?? m.options.messageSetWireFormat
    addSymbol(full, .message(info), at: path)
    let outerHints = hints
    hints = HintRequest()
    defer { hints = outerHints }
    detectMapConflicts(m, path: path)

    for (i, o) in m.oneofDecl.enumerated() {
      let op = path + [8, Int32(i)]
      validateSymbolName(o.name, full + "." + o.name, at: op)
      addSymbol(full + "." + o.name, .oneof(file: index), at: op)
      info.oneofNames.append(o.name)
    }
    for (i, f) in m.field.enumerated() {
      let fi = registerField(f, scope: full, path: path + [2, Int32(i)], isExtension: false, parent: info)
      info.fields.append(fi)
      info.fieldsByName[fi.name] = info.fieldsByName[fi.name] ?? fi
    }
    for (i, n) in m.nestedType.enumerated() {
      info.nested.append(registerMessage(n, scope: full, path: path + [3, Int32(i)]))
    }
    for (i, e) in m.enumType.enumerated() {
      info.enums.append(registerEnum(e, scope: full, path: path + [4, Int32(i)]))
    }
    info.reservedRanges = m.reservedRange.map { ($0.start, $0.end) }
    for (i, r) in m.extensionRange.enumerated() {
      info.extensionRanges.append((r.start, r.end))
      if r.start <= 0 {
        requestHint(path + [5, Int32(i)], count: Int(r.end) - Int(r.start))
        error("Extension numbers must be positive integers.", at: path + [5, Int32(i)])
      } else if r.end <= r.start {
        error("Extension range end number must be greater than start number.", at: path + [5, Int32(i)])
      }
    }
    let fieldHints = hints
    hints = HintRequest()
    for (i, x) in m.extension.enumerated() {
      info.extensions.append(
        registerField(x, scope: full, path: path + [6, Int32(i)], isExtension: true, parent: info))
    }
    hints = fieldHints
    for (i, r) in m.reservedRange.enumerated() where r.end <= r.start {
      error("Reserved range end number must be greater than start number.", at: path + [9, Int32(i)])
    }
    checkMessageRanges(m, info, path: path)
    suggestFieldNumbers(m, full)
    return info
  }

  /// protoc's `RequestHintOnFieldNumbers`.
  func requestHint(_ path: [Int32], count: Int = 1) {
    func fit(_ v: Int) -> Int { min(max(v, 0), Int(Self.maxFieldNumber)) }
    hints.count = fit(hints.count + fit(count))
    if hints.firstPath == nil { hints.firstPath = path }
  }

  /// "Suggested field numbers for M: …": the first free numbers, as many as errors
  /// asked for, as protoc suggests them.
  private func suggestFieldNumbers(_ m: MessageProto, _ full: String) {
    guard hints.count > 0, let at = hints.firstPath else { return }
    // protoc never suggests more than three.
    let wanted = min(hints.count, 3)
    var used: [(Int, Int)] = []
    let maxN = Int(Self.maxFieldNumber)
    func addOrdinal(_ n: Int) {
      guard n > 0 && n <= maxN else { return }
      if let last = used.last, last.1 == n { used[used.count - 1].1 = n + 1 } else { used.append((n, n + 1)) }
    }
    func addRange(_ a: Int, _ b: Int) {
      let from = max(0, min(maxN + 1, a))
      let to = max(0, min(maxN + 1, b))
      if from < to { used.append((from, to)) }
    }
    for f in m.field { addOrdinal(Int(f.number)) }
    for x in m.extension { addOrdinal(Int(x.number)) }
    for r in m.reservedRange { addRange(Int(r.start), Int(r.end)) }
    for r in m.extensionRange { addRange(Int(r.start), Int(r.end)) }
    used.append((maxN, Int(Int32.max)))
    used.append((Int(Self.firstReservedNumber), Int(Self.lastReservedNumber)))
    used.sort { $0 < $1 }
    var current = 1
    var left = wanted
    var ids: [String] = []
    for r in used {
      while current < r.0 && left > 0 {
        ids.append(String(current))
        current += 1
        left -= 1
      }
      if left == 0 { break }
      current = max(current, r.1)
    }
    error("Suggested field numbers for \(full): " + ids.joined(separator: ", "), at: at)
  }

  private func checkMessageRanges(_ m: MessageProto, _ info: MessageInfo, path: [Int32]) {
    let rr = m.reservedRange
    for i in rr.indices {
      for j in (i + 1)..<max(i + 1, rr.count) where rr[i].end > rr[j].start && rr[j].end > rr[i].start {
        error(
          "Reserved range \(rr[j].start) to \(rr[j].end - 1) overlaps with already-defined range \(rr[i].start) to \(rr[i].end - 1).",
          at: path + [9, Int32(i)])
      }
    }
    var names = Set<String>()
    for n in m.reservedName where !names.insert(n).inserted {
      error("Field name \"\(n)\" is reserved multiple times.", at: path + [1])
    }
    for (i, f) in m.field.enumerated() {
      for (j, r) in m.extensionRange.enumerated() where r.start <= f.number && f.number < r.end {
        requestHint(path + [5, Int32(j)])
        error(
          "Extension range \(r.start) to \(r.end - 1) includes field \"\(f.name)\" (\(f.number)).",
          at: path + [5, Int32(j)])
      }
      for (j, r) in rr.enumerated() where r.start <= f.number && f.number < r.end {
        requestHint(path + [9, Int32(j)])
        error("Field \"\(f.name)\" uses reserved number \(f.number).", at: path + [9, Int32(j)])
      }
      if names.contains(f.name) {
        error("Field name \"\(f.name)\" is reserved.", at: path + [2, Int32(i), 1])
      }
    }
    let er = m.extensionRange
    for (i, a) in er.enumerated() {
      for b in rr where a.end > b.start && b.end > a.start {
        error(
          "Extension range \(a.start) to \(a.end - 1) overlaps with reserved range \(b.start) to \(b.end - 1).",
          at: path + [5, Int32(i)])
      }
      for j in (i + 1)..<max(i + 1, er.count) where a.end > er[j].start && er[j].end > a.start {
        error(
          "Extension range \(er[j].start) to \(er[j].end - 1) overlaps with already-defined range \(a.start) to \(a.end - 1).",
          at: path + [5, Int32(i)])
      }
    }
  }

  func registerField(_ f: FieldProto, scope: String, path: [Int32], isExtension: Bool, parent: MessageInfo?)
    -> FieldInfo
  {
    let full = qualify(scope, f.name)
    validateSymbolName(f.name, full, at: path)
    let info = FieldInfo(
      name: f.name, fullName: full, number: f.number, file: index, label: f.label,
      type: f.hasType ? f.type : nil, isExtension: isExtension, isProto3File: isProto3)
    info.proto3Optional = f.proto3Optional
    info.inOneof = f.hasOneofIndex
    info.oneofIndex = f.hasOneofIndex ? f.oneofIndex : -1
    info.packedOption = Self.uninterpretedBool(f.options.uninterpretedOption, "packed")
    if file.syntax == "editions" {
      info.packedOption = editionsPacked(f)
      info.legacyRequired = Self.isLegacyRequired(f)
    }
    if !isExtension { info.containing = parent }
    if f.number <= 0 {
      if !isExtension { requestHint(path + [3]) }
      error("Field numbers must be positive integers.", at: path + [3])
    } else if !isExtension && f.number > Self.maxFieldNumber {
      requestHint(path + [3])
      error("Field numbers cannot be greater than \(Self.maxFieldNumber).", at: path + [3])
    }
    if f.hasOneofIndex, let p = parent, f.oneofIndex < 0 || Int(f.oneofIndex) >= p.oneofNames.count {
      error(
        "FieldDescriptorProto.oneof_index \(f.oneofIndex) is out of range for type \"\(p.fullName)\".", at: path + [1])
    }
    addSymbol(full, .field(info), at: path)
    return info
  }

  func registerEnum(_ e: EnumProto, scope: String, path: [Int32]) -> EnumInfo {
    let full = qualify(scope, e.name)
    validateSymbolName(e.name, full, at: path)
    let info = EnumInfo(fullName: full, file: index)
    info.localReason = localReason(e.visibility, nested: path.count > 2)
    addSymbol(full, .enumType(info), at: path)
    if e.value.isEmpty {
      error("Enums must contain at least one value.", at: path + [1])
    }
    var inner = Set<String>()
    for (i, v) in e.value.enumerated() {
      let vp = path + [2, Int32(i)]
      let vfull = qualify(scope, v.name)
      validateSymbolName(v.name, vfull, at: vp)
      let vi = EnumValueInfo(name: v.name, fullName: vfull, number: v.number, enumType: info)
      info.values.append(vi)
      if info.valuesByName[v.name] == nil { info.valuesByName[v.name] = vi }
      var note: String?
      if inner.insert(v.name).inserted {
        let outerScope = scope.isEmpty ? "the global scope" : "\"\(scope)\""
        note =
          "Note that enum values use C++ scoping rules, meaning that enum values are siblings of their type, not children of it.  Therefore, \"\(v.name)\" must be unique within \(outerScope), not just within \"\(e.name)\"."
      }
      addSymbol(vfull, .enumValue(vi), at: vp, note: note)
    }
    // Reserved ranges of enums are inclusive.
    let rr = e.reservedRange
    for i in rr.indices {
      if rr[i].end < rr[i].start {
        error("Reserved range end number must be greater than start number.", at: path + [4, Int32(i)])
      }
      for j in (i + 1)..<max(i + 1, rr.count) where rr[i].end >= rr[j].start && rr[j].end >= rr[i].start {
        error(
          "Reserved range \(rr[j].start) to \(rr[j].end) overlaps with already-defined range \(rr[i].start) to \(rr[i].end).",
          at: path + [4, Int32(i)])
      }
    }
    var names = Set<String>()
    for n in e.reservedName where !names.insert(n).inserted {
      error("Enum value \"\(n)\" is reserved multiple times.", at: path + [1])
    }
    for (i, v) in e.value.enumerated() {
      for (j, r) in rr.enumerated() where r.start <= v.number && v.number <= r.end {
        error("Enum value \"\(v.name)\" uses reserved number \(v.number).", at: path + [4, Int32(j)])
      }
      if names.contains(v.name) {
        error("Enum value \"\(v.name)\" is reserved.", at: path + [2, Int32(i), 1])
      }
    }
    checkEnumValueUniqueness(e, path: path, scope: scope)
    return info
  }

  /// Values must stay distinct once the enum-name prefix is stripped and case ignored.
  private func checkEnumValueUniqueness(_ e: EnumProto, path: [Int32], scope: String) {
    var seen: [String: Google_Protobuf_EnumValueDescriptorProto] = [:]
    for (i, v) in e.value.enumerated() {
      let stripped = Self.enumValueToPascalCase(Self.removePrefix(e.name, from: v.name))
      if let prev = seen[stripped] {
        if prev.name != v.name && prev.number != v.number {
          let msg =
            "Enum name \(v.name) has the same name as \(prev.name) if you ignore case and strip out the enum name prefix (if any). (If you are using allow_alias, please assign the same number to each enum value name.)"
          // protoc 36 keeps only a warning for proto2 enums that opt into legacy JSON conflicts.
          if !isProto3 && e.options.deprecatedLegacyJsonFieldConflicts {
            warning(msg, at: path + [2, Int32(i), 1])
          } else {
            error(msg, at: path + [2, Int32(i), 1])
          }
        }
      } else {
        seen[stripped] = v
      }
    }
  }

  /// protoc's `PrefixRemover::MaybeRemove`.
  static func removePrefix(_ enumName: String, from value: String) -> String {
    let prefix = Array(enumName.utf8.filter { $0 != 95 }.map { lower($0) })
    let v = Array(value.utf8)
    var i = 0
    var j = 0
    while i < v.count && j < prefix.count {
      if v[i] == 95 {
        i += 1
        continue
      }
      if lower(v[i]) != prefix[j] { return value }
      i += 1
      j += 1
    }
    if j < prefix.count { return value }
    while i < v.count && v[i] == 95 { i += 1 }
    if i == v.count { return value }
    return String(decoding: v[i...], as: UTF8.self)
  }

  static func lower(_ c: UInt8) -> UInt8 { (c >= 65 && c <= 90) ? c + 32 : c }

  /// protoc's `EnumValueToPascalCase`.
  static func enumValueToPascalCase(_ s: String) -> String {
    var out: [UInt8] = []
    var next = true
    for c in s.utf8 {
      if c == 95 {
        next = true
      } else if next {
        out.append((c >= 97 && c <= 122) ? c - 32 : c)
        next = false
      } else {
        out.append(lower(c))
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The value of a simple boolean option as written (`[packed = false]`), before
  /// options are interpreted.
  static func uninterpretedBool(_ opts: [Google_Protobuf_UninterpretedOption], _ name: String) -> Bool? {
    var result: Bool?
    for o in opts where o.name.count == 1 && !o.name[0].isExtension && o.name[0].namePart == name {
      if o.identifierValue == "true" { result = true } else if o.identifierValue == "false" { result = false }
    }
    return result
  }
}
