import SwiftProtobuf

/// protoc 36.2's naming-style pass (`ValidateNamingStyle`, which its command line turns on
/// for every file it builds): once a file has no other error, each element whose resolved
/// `features.enforce_naming_style` is STYLE2024 or later must be named in its kind's style
/// (``NamingStyle``), and under STYLE2026 fields, extensions and oneofs must not collide with
/// generated accessors. Elements are visited in protoc's order (`VisitDescriptors`): the
/// file, then each message with its enums (and their values), oneofs, fields, nested
/// messages and then its extensions; the file's enums, extensions, services and methods.
extension FileLinker {
  func validateNamingStyle() {
    // proto2 and proto3 resolve STYLE_LEGACY, and features there are an earlier error.
    // Edition 2023 defaults to STYLE_LEGACY too, but a file that sets STYLE2024 anyway is
    // checked (protoc reports the naming errors and never gets to the feature's lifetime).
    guard file.syntax == "editions" else { return }
    var pass = NamingStylePass(linker: self)
    pass.run()
  }
}

/// One run of the naming-style pass over a file.
private struct NamingStylePass {
  let linker: FileLinker
  let chain: FeatureChain
  let defaults = EditionDefaults.bundled
  /// Per message checked for collisions, its oneof names (fields are `fieldsByName`).
  var oneofNames: [ObjectIdentifier: Set<String>] = [:]

  init(linker: FileLinker) {
    self.linker = linker
    chain = FeatureChain(file: linker.file)
  }

  /// The element's resolved style, by the one feature resolution the linker validates with.
  func style(_ path: [Int32]) -> UInt64? {
    chain.resolve(path, defaults: defaults, asProtoc: true).value(FeatureNumber.enforceNamingStyle)
  }

  mutating func run() {
    let file = linker.file
    if !file.package.isEmpty, NamingStyle.isAtLeast(style([]), .style2024),
      let problem = NamingStyle.lowerSnakeCaseProblem(file.package)
    {
      linker.error("Package name \(file.package) \(problem)\(NamingStyle.optOut)", at: [2])
    }
    for i in file.messageType.indices where i < linker.topMessages.count {
      checkMessageTree(file.messageType[i], linker.topMessages[i], path: [4, Int32(i)])
    }
    for i in file.enumType.indices { checkEnum(file.enumType[i], path: [5, Int32(i)]) }
    for i in file.extension.indices where i < linker.topExtensions.count {
      checkField(file.extension[i].name, linker.topExtensions[i], path: [7, Int32(i)])
    }
    for (i, s) in file.service.enumerated() {
      let path: [Int32] = [6, Int32(i)]
      check("Service", s.name, path, NamingStyle.titleCaseProblem)
      for (j, m) in s.method.enumerated() {
        check("Method", m.name, path + [2, Int32(j)], NamingStyle.titleCaseProblem)
      }
    }
  }

  /// A message and everything in it, pre-order with an explicit stack (nesting depth is
  /// input-bound); a message's extensions come after all its nested messages, as in protoc.
  private mutating func checkMessageTree(_ top: FileLinker.MessageProto, _ topInfo: MessageInfo, path topPath: [Int32])
  {
    enum Step {
      case message(FileLinker.MessageProto, MessageInfo, [Int32])
      case extensions(FileLinker.MessageProto, MessageInfo, [Int32])
    }
    var stack: [Step] = [.message(top, topInfo, topPath)]
    while let step = stack.popLast() {
      switch step {
      case .message(let m, let info, let path):
        check("Message", m.name, path, NamingStyle.titleCaseProblem)
        for (i, e) in m.enumType.enumerated() { checkEnum(e, path: path + [4, Int32(i)]) }
        for (i, o) in m.oneofDecl.enumerated() { checkOneof(o.name, in: info, path: path + [8, Int32(i)]) }
        for i in m.field.indices where i < info.fields.count {
          checkField(m.field[i].name, info.fields[i], path: path + [2, Int32(i)])
        }
        stack.append(.extensions(m, info, path))
        for i in m.nestedType.indices.reversed() where i < info.nested.count {
          stack.append(.message(m.nestedType[i], info.nested[i], path + [3, Int32(i)]))
        }
      case .extensions(let m, let info, let path):
        for i in m.extension.indices where i < info.extensions.count {
          checkField(m.extension[i].name, info.extensions[i], path: path + [6, Int32(i)])
        }
      }
    }
  }

  private func checkEnum(_ e: FileLinker.EnumProto, path: [Int32]) {
    check("Enum", e.name, path, NamingStyle.titleCaseProblem)
    for (i, v) in e.value.enumerated() {
      check("Enum value", v.name, path + [2, Int32(i)], NamingStyle.upperSnakeCaseProblem)
    }
  }

  /// A style error at the element's name, when its style asks for one.
  private func check(_ kind: String, _ name: String, _ path: [Int32], _ rule: (String) -> String?) {
    guard NamingStyle.isAtLeast(style(path), .style2024), let problem = rule(name) else { return }
    linker.error("\(kind) name \(name) \(problem)\(NamingStyle.optOut)", at: path + [1])
  }

  /// A field or extension: lower_snake_case, and under STYLE2026 no collision with a field
  /// or oneof of its message (an extension's: its extendee's).
  private mutating func checkField(_ name: String, _ info: FieldInfo, path: [Int32]) {
    let resolved = style(path)
    guard NamingStyle.isAtLeast(resolved, .style2024) else { return }
    if let problem = NamingStyle.lowerSnakeCaseProblem(name) {
      linker.error("Field name \(name) \(problem)\(NamingStyle.optOut)", at: path + [1])
    }
    if NamingStyle.isAtLeast(resolved, .style2026),
      let problem = NamingStyle.collisionProblem(name, exists: existence(in: info.containing))
    {
      linker.error("Field name \(name) \(problem)\(NamingStyle.collisionsOptOut)", at: path + [1])
    }
  }

  /// A oneof, reported without a position: protoc's parser records none for a oneof's name.
  private mutating func checkOneof(_ name: String, in message: MessageInfo, path: [Int32]) {
    let resolved = style(path)
    guard NamingStyle.isAtLeast(resolved, .style2024) else { return }
    if let problem = NamingStyle.lowerSnakeCaseProblem(name) {
      linker.errorWithoutPosition("Oneof name \(name) \(problem)\(NamingStyle.optOut)")
    }
    if NamingStyle.isAtLeast(resolved, .style2026),
      let problem = NamingStyle.collisionProblem(name, exists: existence(in: message))
    {
      linker.errorWithoutPosition("Oneof name \(name) \(problem)\(NamingStyle.collisionsOptOut)")
    }
  }

  /// Whether `message` has a field or oneof of a given name (protoc's `FindFieldByName` and
  /// `FindOneofByName`), by hash lookups; each message's oneof names are hashed once.
  private mutating func existence(in message: MessageInfo?) -> ((Substring) -> Bool)? {
    guard let message else { return nil }
    let key = ObjectIdentifier(message)
    let oneofs: Set<String>
    if let known = oneofNames[key] {
      oneofs = known
    } else {
      oneofs = Set(message.oneofNames)
      oneofNames[key] = oneofs
    }
    return { name in
      let s = String(name)
      return message.fieldsByName[s] != nil || oneofs.contains(s)
    }
  }
}
