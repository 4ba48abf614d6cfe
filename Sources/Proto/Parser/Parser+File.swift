import SwiftProtobuf

/// The parts of a file under construction, kept as plain stored properties so that two
/// of them can be passed `inout` at once (an `extend` block adds to both `extension`
/// and, for groups, `messageType`).
struct FileParts {
  var package: String?
  var dependency: [String] = []
  var publicDependency: [Int32] = []
  var weakDependency: [Int32] = []
  var optionDependency: [String] = []
  var messageType: [MessageProto] = []
  var enumType: [EnumProto] = []
  var service: [ServiceProto] = []
  var `extension`: [FieldProto] = []
  var options: [Uninterpreted]?
}

extension ProtoParser {
  /// protoc's `Parser::Parse`.
  mutating func parseFile() -> FileProto {
    var parts = FileParts()
    var file = FileProto()
    if badByteOrderMark {
      // protoc's tokenizer stays before the first token: its first statement fails
      // at 1:1 and is skipped.
      let root = rootLocation()
      records[root].span = (0, 0, 0, 0)
      addError(at: Self.startToken, "Expected top-level statement (e.g. \"message\").")
      syntax = "proto2"
      skipStatement()
      skipUnmatchedBrace()
      parseStatements(&parts, root, afterSyntax: true)
      finish(&file, parts, root)
      return file
    }
    startComments()
    let root = rootLocation()
    parseStatements(&parts, root, afterSyntax: false)
    finish(&file, parts, root)
    return file
  }

  private mutating func parseStatements(_ parts: inout FileParts, _ root: Loc, afterSyntax: Bool) {
    if afterSyntax {
    } else if looking(at: .syntax) || looking(at: .edition) {
      guard parseSyntax(root) else { return }
    } else {
      syntax = "proto2"
    }

    while !atEnd {
      if !parseTopLevelStatement(&parts, root) {
        skipStatement()
        skipUnmatchedBrace()
      }
    }
  }

  private mutating func skipUnmatchedBrace() {
    if looking(at: .rBrace) {
      addError("Unmatched \"}\".")
      let g = nextWithComments()
      upcomingDetachedComments = g.detached
      upcomingDocComments = g.leading
    }
  }

  private mutating func finish(_ file: inout FileProto, _ parts: FileParts, _ root: Loc) {
    end(root)
    if let pkg = parts.package { file.package = pkg }
    file.dependency = parts.dependency
    file.publicDependency = parts.publicDependency
    file.weakDependency = parts.weakDependency
    file.optionDependency = parts.optionDependency
    file.messageType = parts.messageType
    file.enumType = parts.enumType
    file.service = parts.service
    file.extension = parts.extension
    if let opts = parts.options { file.options.uninterpretedOption = opts }
    if syntax == "proto3" { file.syntax = syntax }
    if isEditions {
      file.syntax = syntax
      file.edition = edition
    }
    file.sourceCodeInfo = sourceCodeInfo()
  }

  mutating func parseSyntax(_ root: Loc) -> Bool {
    let loc = location(root, 12)
    defer { end(loc) }
    let hasEdition = tryConsume(.edition)
    guard
      hasEdition
        || consume(.syntax, "File must begin with an edition or syntax statement, e.g. 'edition = \"2023\";'.")
    else { return false }
    guard consume(.equals) else { return false }
    let token = cur
    guard let value = consumeString("Expected syntax identifier.") else { return false }
    guard consumeEndOfDeclaration(.semicolon, loc) else { return false }
    if hasEdition { return acceptEdition(value, at: token) }
    syntax = value
    if value != "proto2" && value != "proto3" {
      addError(
        at: token,
        "Unrecognized syntax identifier \"\(value)\".  This parser only recognizes \"proto2\" and \"proto3\"."
      )
      return false
    }
    return true
  }

  mutating func parseTopLevelStatement(_ parts: inout FileParts, _ root: Loc) -> Bool {
    var visibility = Google_Protobuf_SymbolVisibility.visibilityUnset
    if looking(at: .export) || looking(at: .local) {
      guard parseVisibility(&visibility) else { return false }
    }
    switch cur.keyword {
    case .semicolon:
      _ = tryConsumeEndOfDeclaration(.semicolon, nil)
      return true
    case .message:
      let loc = location(root, 4, parts.messageType.count)
      defer { end(loc) }
      var m = MessageProto()
      let ok = parseMessageDefinition(&m, loc)
      if ok && visibility != .visibilityUnset { m.visibility = visibility }
      parts.messageType.append(m)
      return ok
    case .enum:
      let loc = location(root, 5, parts.enumType.count)
      defer { end(loc) }
      var e = EnumProto()
      let ok = parseEnumDefinition(&e, loc)
      if ok && visibility != .visibilityUnset { e.visibility = visibility }
      parts.enumType.append(e)
      return ok
    case .service:
      let loc = location(root, 6, parts.service.count)
      defer { end(loc) }
      var s = ServiceProto()
      let ok = parseServiceDefinition(&s, loc)
      parts.service.append(s)
      return ok
    case .extend:
      let loc = location(root, 7)
      defer { end(loc) }
      return parseExtend(&parts.extension, &parts.messageType, root, 4, loc)
    case .import:
      return parseImport(&parts, root)
    case .package:
      return parsePackage(&parts, root)
    case .option:
      let loc = location(root, 8)
      defer { end(loc) }
      return parseOption(&parts.options, loc, statement: true)
    default:
      addError("Expected top-level statement (e.g. \"message\").")
      return false
    }
  }

  mutating func parsePackage(_ parts: inout FileParts, _ root: Loc) -> Bool {
    if parts.package != nil {
      addError("Multiple package definitions.")
      parts.package = nil
    }
    let loc = location(root, 2)
    defer { end(loc) }
    guard consume(.package) else { return false }
    var pkg = ""
    while true {
      guard let id = consumeIdentifier("Expected identifier.") else {
        if !pkg.isEmpty { parts.package = pkg }
        return false
      }
      pkg += id
      if !tryConsume(.dot) { break }
      pkg += "."
    }
    parts.package = pkg
    return consumeEndOfDeclaration(.semicolon, loc)
  }

  mutating func parseImport(_ parts: inout FileParts, _ root: Loc) -> Bool {
    let start = cur
    guard consume(.import) else { return false }
    if looking(at: .option) { return parseOptionImport(&parts, root, start: start) }
    let loc = location(root, 3, parts.dependency.count)
    defer { end(loc) }
    startAt(loc, start)
    checkEditionsImport(parts)
    if looking(at: .public) {
      let l = location(root, 10, parts.publicDependency.count)
      defer { end(l) }
      guard consume(.public) else { return false }
      parts.publicDependency.append(Int32(parts.dependency.count))
    } else if looking(at: .weak) {
      let l = location(root, 11, parts.weakDependency.count)
      defer { end(l) }
      guard consume(.weak) else { return false }
      parts.weakDependency.append(Int32(parts.dependency.count))
    }
    guard let path = consumeString("Expected a string naming the file to import.") else {
      return false
    }
    parts.dependency.append(path)
    return consumeEndOfDeclaration(.semicolon, loc)
  }
}
