import SwiftProtobuf

/// Pass 2: names written in the file become fully-qualified references (protoc's
/// `CrossLink*`): field types (setting `type` to message or enum), extendees,
/// method input and output types; then fields and extensions are numbered.
extension FileLinker {
  func resolveNames() {
    file.updateEach(\.messageType) { i, m in crossLinkMessage(&m, topMessages[i], path: [4, Int32(i)]) }
    let package = file.package
    file.updateEach(\.extension) { i, f in
      crossLinkField(&f, topExtensions[i], scope: package, path: [7, Int32(i)])
    }
    file.updateEach(\.service) { i, service in
      let svc = qualify(package, service.name)
      service.updateEach(\.method) { j, method in
        let mp: [Int32] = [6, Int32(i), 2, Int32(j)]
        let full = svc + "." + method.name
        if let t = resolveMethodType(method.inputType, full, at: mp + [2]) { method.inputType = t }
        if let t = resolveMethodType(method.outputType, full, at: mp + [3]) { method.outputType = t }
      }
    }
  }

  private func resolveMethodType(_ name: String, _ methodFullName: String, at path: [Int32]) -> String? {
    guard let sym = lookupSymbol(name, relativeTo: methodFullName) else {
      notDefinedError(name, at: path)
      return nil
    }
    guard case .message(let m) = sym else {
      error("\"\(name)\" is not a message type.", at: path)
      return nil
    }
    guard checkVisible(sym, at: path) else { return nil }
    return "." + m.fullName
  }

  private func crossLinkMessage(_ m: inout MessageProto, _ info: MessageInfo, path: [Int32]) {
    m.updateEach(\.nestedType) { i, n in crossLinkMessage(&n, info.nested[i], path: path + [3, Int32(i)]) }
    m.updateEach(\.field) { i, f in
      crossLinkField(&f, info.fields[i], scope: info.fullName, path: path + [2, Int32(i)])
    }
    m.updateEach(\.extension) { i, f in
      crossLinkField(&f, info.extensions[i], scope: info.fullName, path: path + [6, Int32(i)])
    }
    // Oneof members must be consecutive, and every oneof needs a member.
    var counts = [Int](repeating: 0, count: m.oneofDecl.count)
    for (i, f) in m.field.enumerated() where f.hasOneofIndex {
      let o = Int(f.oneofIndex)
      guard o >= 0 && o < counts.count else { continue }
      if counts[o] > 0 && (!m.field[i - 1].hasOneofIndex || m.field[i - 1].oneofIndex != f.oneofIndex) {
        error(
          "Fields in the same oneof must be defined consecutively. \"\(m.field[i - 1].name)\" cannot be defined before the completion of the \"\(m.oneofDecl[o].name)\" oneof definition.",
          at: path + [2, Int32(i - 1), 6])
      }
      counts[o] += 1
    }
    for (i, c) in counts.enumerated() where c == 0 {
      error("Oneof must have at least one field.", at: path + [8, Int32(i), 1])
    }
  }

  private func crossLinkField(_ f: inout FieldProto, _ info: FieldInfo, scope: String, path: [Int32]) {
    if f.hasExtendee {
      guard let sym = lookupSymbol(f.extendee, relativeTo: info.fullName) else {
        notDefinedError(f.extendee, at: path + [2])
        return
      }
      guard case .message(let ext) = sym else {
        error("\"\(f.extendee)\" is not a message type.", at: path + [2])
        return
      }
      guard checkVisible(sym, usage: "target of extend", at: path + [2]) else { return }
      info.containing = ext
      f.extendee = "." + ext.fullName
      if !ext.extensionRangeContains(f.number) {
        error("\"\(ext.fullName)\" does not declare \(f.number) as an extension number.", at: path + [3])
      }
    }

    if f.hasTypeName {
      let expectingEnum = (f.hasType && f.type == .enum) || f.hasDefaultValue
      _ = expectingEnum
      guard let sym = lookupSymbol(f.typeName, relativeTo: info.fullName, mode: .types) else {
        notDefinedError(f.typeName, at: typePath(f, path))
        return
      }
      guard checkVisible(sym, at: typePath(f, path)) else { return }
      if !f.hasType {
        switch sym {
        case .message: f.type = .message
        case .enumType: f.type = .enum
        default:
          error("\"\(f.typeName)\" is not a type.", at: typePath(f, path))
          return
        }
        info.type = f.type
      }
      switch f.type {
      case .message, .group:
        guard case .message(let m) = sym else {
          error("\"\(f.typeName)\" is not a message type.", at: typePath(f, path))
          return
        }
        info.message = m
        f.typeName = "." + m.fullName
        if f.hasDefaultValue {
          error("Messages can't have default values.", at: path + [7])
        }
      case .enum:
        guard case .enumType(let e) = sym else {
          error("\"\(f.typeName)\" is not an enum type.", at: typePath(f, path))
          return
        }
        info.enumType = e
        f.typeName = "." + e.fullName
        if f.hasDefaultValue { checkEnumDefault(f, e, path: path) }
      default:
        error("Field with primitive type has type_name.", at: typePath(f, path))
      }
    } else if f.hasType && (f.type == .message || f.type == .group || f.type == .enum) {
      error("Field with message or enum type missing type_name.", at: typePath(f, path))
    }

    // Number the field in its message (or extension in its extendee).
    guard let owner = info.containing else { return }
    if info.isExtension {
      let key = ExtensionKey(extendee: ObjectIdentifier(owner), number: info.number)
      if let other = ownExtensions[key] {
        error(
          "Extension number \(info.number) has already been used in \"\(owner.fullName)\" by extension \"\(other.fullName)\".",
          at: path + [3])
      } else {
        ownExtensions[key] = info
        pendingExtensions.append((info, path))
      }
    } else if let other = owner.fieldsByNumber[info.number] {
      let next = owner.nextAvailableFieldNumber(max: Int64(Self.maxFieldNumber))
      error(
        "Field number \(info.number) has already been used in \"\(owner.fullName)\" by field \"\(other.name)\". "
          + (next.map { "Next available field number is \($0)." } ?? "There are no available field numbers."),
        at: path + [3])
    } else {
      owner.fieldsByNumber[info.number] = info
    }
  }

  struct ExtensionKey: Hashable {
    var extendee: ObjectIdentifier
    var number: Int32
  }

  /// Numbers this file's extensions in their extendees (after every file's pass 2,
  /// in order): a number another file already took is a warning, as in protoc.
  func registerExtensionNumbers() {
    for (info, path) in pendingExtensions {
      guard let owner = info.containing else { continue }
      if let other = owner.extensionsByNumber[info.number], other !== info {
        warning(
          "Extension number \(info.number) has already been used in \"\(owner.fullName)\" by extension \"\(other.fullName)\" defined in \(pool.fileNames[other.file]).",
          at: path + [3])
      } else {
        owner.extensionsByNumber[info.number] = info
      }
    }
    pendingExtensions = []
  }

  func typePath(_ f: FieldProto, _ path: [Int32]) -> [Int32] {
    f.hasTypeName ? path + [6] : path + [5]
  }

  private func checkEnumDefault(_ f: FieldProto, _ e: EnumInfo, path: [Int32]) {
    guard Self.isIdentifier(f.defaultValue) else {
      error("Default value for an enum field must be an identifier.", at: path + [7])
      return
    }
    let sym = lookupSymbol(f.defaultValue, relativeTo: e.fullName)
    if case .enumValue(let v)? = sym, v.enumType === e { return }
    error("Enum type \"\(e.fullName)\" has no value named \"\(f.defaultValue)\".", at: path + [7])
  }

  static func isIdentifier(_ s: String) -> Bool {
    guard let first = s.utf8.first else { return false }
    if first >= 48 && first <= 57 { return false }
    return s.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 95 }
  }
}
