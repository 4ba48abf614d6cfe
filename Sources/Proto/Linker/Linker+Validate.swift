import SwiftProtobuf

/// Pass 5: the checks protoc makes once options are known (`ValidateOptions`,
/// `ValidateProto3`, map and enum rules), then unused imports (pass 6).
extension FileLinker {
  func validate() {
    validateFeatures()
    let isLite = file.options.optimizeFor == .liteRuntime
    linker.lite[index].value = isLite
    if !isLite {
      for (i, dep) in file.dependency.enumerated() {
        if let d = linker.fileIndex[dep], d < index, linker.lite[d].value {
          error(
            "Files that do not use optimize_for = LITE_RUNTIME cannot import files which do use this option.  This file is not lite, but it imports \"\(dep)\" which is.",
            at: [3, Int32(i)])
          break
        }
      }
    }
    for i in file.messageType.indices {
      validateMessage(file.messageType[i], topMessages[i], path: [4, Int32(i)])
    }
    for i in file.enumType.indices { validateEnum(file.enumType[i], topEnums[i], path: [5, Int32(i)]) }
    for i in file.extension.indices {
      validateField(file.extension[i], topExtensions[i], path: [7, Int32(i)])
    }
  }

  private func validateMessage(_ m: MessageProto, _ info: MessageInfo, path: [Int32]) {
    for i in m.field.indices { validateField(m.field[i], info.fields[i], path: path + [2, Int32(i)]) }
    for i in m.nestedType.indices { validateMessage(m.nestedType[i], info.nested[i], path: path + [3, Int32(i)]) }
    for i in m.enumType.indices { validateEnum(m.enumType[i], info.enums[i], path: path + [4, Int32(i)]) }
    for i in m.extension.indices { validateField(m.extension[i], info.extensions[i], path: path + [6, Int32(i)]) }
    let msgSet = m.options.messageSetWireFormat
    let maxExt: Int64 = msgSet ? Int64(Int32.max) : Int64(Self.maxFieldNumber)
    // protoc 36 reports this one at the message with a NUMBER location it never has.
    for r in m.extensionRange where Int64(r.end) > maxExt + 1 {
      errorWithoutPosition("Extension numbers cannot be greater than \(maxExt).")
    }
    if isProto3 {
      if !m.extensionRange.isEmpty {
        error("Extension ranges are not allowed in proto3.", at: path + [5, 0])
      }
      if msgSet { error("MessageSet is not supported in proto3.", at: path + [1]) }
    }
    if !m.options.deprecatedLegacyJsonFieldConflicts {
      checkJSONNameUniqueness(m, path: path, useCustom: false)
      checkJSONNameUniqueness(m, path: path, useCustom: true)
    }
  }

  /// protoc 36's `CheckFieldJsonNameUniqueness`, run once on default JSON names (what
  /// field masks use) and once with custom `json_name`s. A clash that involves a
  /// default name is only a warning where the message's `json_format` resolves to
  /// LEGACY_BEST_EFFORT (proto2's default; editions default to ALLOW).
  private func checkJSONNameUniqueness(_ m: MessageProto, path: [Int32], useCustom: Bool) {
    var seen: [String: (name: String, custom: Bool)] = [:]
    var bestEffortCache: Bool?
    // Resolved only on a clash. proto2 and proto3 files imply their format (and resolving
    // would need the edition defaults, which are computed by compiling proto2 files).
    func bestEffort() -> Bool {
      if let known = bestEffortCache { return known }
      let known: Bool
      if file.syntax == "editions" {
        let format = FeatureChain(file: file, defaults: EditionDefaults.bundled).resolve(path, asProtoc: true)
          .value(FeatureNumber.jsonFormat)
        known = format == UInt64(Google_Protobuf_FeatureSet.JsonFormat.legacyBestEffort.rawValue)
      } else {
        known = !isProto3
      }
      bestEffortCache = known
      return known
    }
    for (i, f) in m.field.enumerated() {
      let standard = DescriptorNames.defaultJSONName(f.name)
      let custom = useCustom && f.hasJsonName && f.jsonName != standard
      let json = custom ? f.jsonName : standard
      let at = path + [2, Int32(i), 1]
      if custom && json.hasPrefix("[") && json.hasSuffix("]") {
        error(
          "The custom JSON name of field \"\(f.name)\" (\"\(json)\") is invalid: JSON names may not start with '[' and end with ']'.",
          at: at)
        continue
      }
      guard let match = seen[json] else {
        seen[json] = (f.name, custom)
        continue
      }
      if useCustom && !custom && !match.custom { continue }
      let message =
        "The \(custom ? "custom" : "default") JSON name of field \"\(f.name)\" (\"\(json)\") conflicts with the \(match.custom ? "custom" : "default") JSON name of field \"\(match.name)\"."
      if (!custom || !match.custom) && bestEffort() {
        warning(message, at: at)
      } else {
        error(message, at: at)
      }
    }
  }

  func detectMapConflicts(_ m: MessageProto, path: [Int32]) {
    var seen: [String: MessageProto] = [:]
    for n in m.nestedType {
      if let prev = seen[n.name] {
        if prev.options.mapEntry || n.options.mapEntry {
          error("Expanded map entry type \(n.name) conflicts with an existing nested message type.", at: path + [1])
          break
        }
      } else {
        seen[n.name] = n
      }
    }
    for f in m.field {
      if let t = seen[f.name], t.options.mapEntry {
        error("Expanded map entry type \(t.name) conflicts with an existing field.", at: path + [1])
      }
    }
    for e in m.enumType {
      if let t = seen[e.name], t.options.mapEntry {
        error("Expanded map entry type \(t.name) conflicts with an existing enum type.", at: path + [1])
      }
    }
    for o in m.oneofDecl {
      if let t = seen[o.name], t.options.mapEntry {
        error("Expanded map entry type \(t.name) conflicts with an existing oneof type.", at: path + [1])
      }
    }
  }

  private func validateField(_ f: FieldProto, _ info: FieldInfo, path: [Int32]) {
    let tp = typePath(f, path)
    if (f.options.lazy || f.options.unverifiedLazy) && f.type != .message {
      error("[lazy = true] can only be specified for submessage fields.", at: tp)
    }
    if f.options.unverifiedLazy && info.isExtension {
      error("Extensions cannot be marked as unverified_lazy.", at: tp)
    }
    if f.options.packed && !(f.label == .repeated && f.type.isPackable) {
      error("[packed = true] can only be specified for repeated primitive fields.", at: tp)
    }
    if let owner = info.containing, owner.messageSetWireFormat {
      if info.isExtension {
        if f.label != .optional || f.type != .message {
          error("Extensions of MessageSets must be optional messages.", at: tp)
        }
      } else {
        error("MessageSets cannot have fields, only extensions.", at: path + [1])
      }
    }
    if let m = info.message, m.isMapEntry, f.type == .message {
      if !validateMapField(f, info, m, path: path) {
        error("map_entry should not be set explicitly. Use map<KeyType, ValueType> instead.", at: typePath(f, path))
      }
    }
    if info.isExtension && f.hasJsonName && f.jsonName != DescriptorNames.defaultJSONName(f.name) {
      error("option json_name is not allowed on extension fields.", at: path + [10])
    }
    if isProto3 {
      if info.isExtension, let ext = info.containing, !Self.proto3Extendees.contains(ext.fullName) {
        error("Extensions in proto3 are only allowed for defining options.", at: path + [2])
      }
      if f.label == .required { error("Required fields are not allowed in proto3.", at: tp) }
      if f.hasDefaultValue { error("Explicit default values are not allowed in proto3.", at: path + [7]) }
      if let e = info.enumType, e.file < linker.syntaxes.count, !isOpenEnum(e),
        case .enumType(let pe)? = pool.lookup(e.fullName), pe === e
      {
        error(
          "Enum type \"\(e.fullName)\" is not an open enum, but is used in \"\(info.containing?.fullName ?? "")\" which is a proto3 message type.",
          at: tp)
      }
      if f.type == .group { error("Groups are not supported in proto3 syntax.", at: tp) }
    }
  }

  /// protoc's `ValidateMapEntry`: false when the entry is not one `map<K, V>` makes.
  private func validateMapField(_ f: FieldProto, _ info: FieldInfo, _ entry: MessageInfo, path: [Int32]) -> Bool {
    guard entry.extensions.isEmpty, f.label == .repeated, entry.extensionRanges.isEmpty, entry.nested.isEmpty,
      entry.enums.isEmpty, entry.fields.count == 2, entry.name == Self.camelCase(f.name) + "Entry",
      !info.isExtension, entry.fullName.parentScope == info.containing?.fullName
    else { return false }
    let key = entry.fields[0]
    let value = entry.fields[1]
    guard key.label == .optional, key.number == 1, key.name == "key", value.label == .optional, value.number == 2,
      value.name == "value"
    else { return false }
    switch key.type {
    case .enum?:
      error("Key in map fields cannot be enum types.", at: typePath(f, path))
    case .float?, .double?, .message?, .group?, .bytes?:
      error("Key in map fields cannot be float/double, bytes or message types.", at: typePath(f, path))
    default: break
    }
    if let e = value.enumType, let first = e.values.first, first.number != 0 {
      error("Enum value in map must define 0 as the first value.", at: typePath(f, path))
    }
    return true
  }

  /// protoc's `ToCamelCase(name, lower_first: false)`.
  static func camelCase(_ name: String) -> String {
    var out: [UInt8] = []
    var upper = true
    for c in name.utf8 {
      if c == 95 {
        upper = true
      } else if upper {
        out.append((c >= 97 && c <= 122) ? c - 32 : c)
        upper = false
      } else {
        out.append(c)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  static let proto3Extendees: Set<String> = [
    "google.protobuf.FileOptions", "google.protobuf.MessageOptions", "google.protobuf.FieldOptions",
    "google.protobuf.EnumOptions", "google.protobuf.EnumValueOptions", "google.protobuf.ServiceOptions",
    "google.protobuf.MethodOptions", "google.protobuf.OneofOptions", "google.protobuf.ExtensionRangeOptions",
  ]

  private func validateEnum(_ e: EnumProto, _ info: EnumInfo, path: [Int32]) {
    if isProto3, let first = e.value.first, first.number != 0 {
      error("The first enum value must be zero for open enums.", at: path + [2, 0, 2])
    }
    if !e.options.allowAlias {
      var used: [Int32: String] = [:]
      let numbers = Set(info.values.map { Int64($0.number) })
      for (i, v) in info.values.enumerated() {
        if let prev = used[v.number] {
          // protoc 36 suggests the first free number above the duplicate.
          var next = Int64(v.number) + 1
          while numbers.contains(next) { next += 1 }
          error(
            "\"\(v.fullName)\" uses the same enum value as \"\(prev)\". If this is intended, set 'option allow_alias = true;' to the enum definition."
              + (next < Int64(Int32.max) ? " The next available enum value is \(next)." : ""),
            at: path + [2, Int32(i), 2])
        } else {
          used[v.number] = v.fullName
        }
      }
    } else {
      let distinct = Set(e.value.map(\.number))
      if distinct.count == e.value.count {
        error(
          "\"\(info.name)\" declares support for enum aliases but no enum values share field numbers. Please remove the unnecessary 'option allow_alias = true;' declaration.",
          at: path + [1])
      }
    }
  }

  func reportUnusedImports() {
    guard tracksUnusedImports, !unusedDependencies.isEmpty else { return }
    for (i, dep) in file.dependency.enumerated() {
      if let d = linker.fileIndex[dep], unusedDependencies.contains(d) {
        warning("Import \"\(dep)\" is unused.", rule: CompileRule.unusedImport, at: [3, Int32(i)])
      }
    }
  }
}
