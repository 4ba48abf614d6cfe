import SwiftProtobuf

/// protoc 36.2's naming-style pass (`ValidateNamingStyle`, which its command line turns on
/// for every file it builds): once a file has no other error, each element whose resolved
/// `features.enforce_naming_style` is STYLE2024 or later must be named in its kind's style
/// (``NamingStyle``), and under STYLE2026 fields, extensions and oneofs must not collide with
/// generated accessors. Elements are visited in protoc's order (``FileLinker/visitInProtocOrder(_:)``).
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
  /// Per message checked for collisions, its oneof names (fields are `fieldsByName`).
  var oneofNames: [ObjectIdentifier: Set<String>] = [:]

  init(linker: FileLinker) {
    self.linker = linker
    chain = FeatureChain(file: linker.file, defaults: EditionDefaults.bundled)
  }

  /// The element's resolved style, by the one feature resolution the linker validates with.
  func style(_ path: [Int32]) -> UInt64? {
    chain.resolve(path, asProtoc: true).value(FeatureNumber.enforceNamingStyle)
  }

  mutating func run() {
    let file = linker.file
    if !file.package.isEmpty, NamingStyle.isAtLeast(style([]), .style2024),
      let problem = NamingStyle.lowerSnakeCaseProblem(file.package)
    {
      linker.error("Package name \(file.package) \(problem)\(NamingStyle.optOut)", at: [2])
    }
    linker.visitInProtocOrder { element in
      switch element {
      case .message(let m, _, let path): check("Message", m.name, path, NamingStyle.titleCaseProblem)
      case .enumType(let e, let path): check("Enum", e.name, path, NamingStyle.titleCaseProblem)
      case .enumValue(let name, let path): check("Enum value", name, path, NamingStyle.upperSnakeCaseProblem)
      case .oneof(let m, let info, let index, let path): checkOneof(m.oneofDecl[index].name, in: info, path: path)
      case .field(let name, let info, let path): checkField(name, info, path: path)
      case .service(let name, let path): check("Service", name, path, NamingStyle.titleCaseProblem)
      case .method(let name, let path): check("Method", name, path, NamingStyle.titleCaseProblem)
      }
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
