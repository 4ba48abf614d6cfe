import SwiftProtobuf

/// The editions syntax of protoc 36.2's parser: `edition = "…";`, the labels and groups
/// editions remove, reserved identifiers, `import option` and `export`/`local` visibility.
/// The shared statement parsers call these where protoc's make the same checks.
extension ProtoParser {
  var isEditions: Bool { syntax == "editions" }

  /// protoc's `Edition_Parse("EDITION_" + name)` minus the names a file may not use
  /// (PROTO2, PROTO3, UNKNOWN): what `edition = "name"` accepts before the range check.
  static func edition(named name: String) -> Google_Protobuf_Edition? {
    switch name {
    case "LEGACY": .legacy
    case "2023": .edition2023
    case "2024": .edition2024
    case "2026": .edition2026
    case "UNSTABLE": .unstable
    case "1_TEST_ONLY": .edition1TestOnly
    case "2_TEST_ONLY": .edition2TestOnly
    case "99997_TEST_ONLY": .edition99997TestOnly
    case "99998_TEST_ONLY": .edition99998TestOnly
    case "99999_TEST_ONLY": .edition99999TestOnly
    case "MAX": .max
    default: nil
    }
  }

  /// The value of an `edition` statement; false (the file is not parsed further, as in
  /// protoc) for a name that is no edition.
  mutating func acceptEdition(_ value: String, at token: Token) -> Bool {
    guard let e = Self.edition(named: value) else {
      addError(at: token, "Unknown edition \"\(value)\".")
      return false
    }
    syntax = "editions"
    edition = e
    return true
  }

  /// protoc's `ParseVisibility`: `export`/`local` before a message or enum, from edition 2024
  /// (earlier files leave the word to be read as whatever comes next).
  mutating func parseVisibility(_ out: inout Google_Protobuf_SymbolVisibility) -> Bool {
    guard isEditions, edition.rawValue > Google_Protobuf_Edition.edition2023.rawValue else { return true }
    if tryConsume(.export) {
      out = .visibilityExport
    } else if tryConsume(.local) {
      out = .visibilityLocal
    }
    if out != .visibilityUnset && !looking(at: .message) && !looking(at: .enum) {
      addError("'local' and 'export' visibility modifiers are valid only on 'message' and 'enum'")
      return false
    }
    return true
  }

  /// The labels editions remove (reported, then parsed as before).
  mutating func checkEditionsLabel() {
    guard isEditions else { return }
    if looking(at: .optional) {
      addError(
        "Label \"optional\" is not supported in editions. By default, all singular fields have presence unless features.field_presence is set."
      )
    } else if looking(at: .required) {
      addError("Label \"required\" is not supported in editions, use features.field_presence = LEGACY_REQUIRED.")
    }
  }

  /// The group type editions remove (reported, then parsed as before).
  mutating func checkEditionsGroup() {
    guard isEditions, looking(at: .group) else { return }
    addError(
      "Group syntax is no longer supported in editions. To get group behavior you can specify features.message_encoding = DELIMITED on a message field."
    )
  }

  /// `reserved` followed by a string or an identifier: editions take identifiers, the
  /// others strings. Parses identifiers (at `namesField`) and returns the statement's result,
  /// or nil when the statement is a string list or numbers for the caller to parse.
  mutating func parseReservedIdentifiers(
    _ names: inout [String], _ parentLoc: Loc, namesField: Int, start: Token
  ) -> Bool? {
    if cur.kind == .string {
      guard isEditions else { return nil }
      addError("Reserved names must be identifiers in editions, not string literals.")
      return false
    }
    guard cur.kind == .identifier else { return nil }
    guard isEditions else {
      addError("Reserved names must be string literals. (Only editions supports identifiers.)")
      return false
    }
    let loc = location(parentLoc, namesField)
    defer { end(loc) }
    startAt(loc, start)
    repeat {
      let l = location(loc, names.count)
      defer { end(l) }
      names.append("")
      guard let s = consumeIdentifier("Expected field name identifier.") else { return false }
      names[names.count - 1] = s
    } while tryConsume(.comma)
    return consumeEndOfDeclaration(.semicolon, loc)
  }

  /// `import option "file";` (edition 2024 on), after `import`: recorded in
  /// `option_dependency` (field 15).
  mutating func parseOptionImport(_ parts: inout FileParts, _ root: Loc, start: Token) -> Bool {
    if edition.rawValue < Google_Protobuf_Edition.edition2024.rawValue {
      addError("option import is not supported before edition 2024.")
    }
    let loc = location(root, 15, parts.optionDependency.count)
    defer { end(loc) }
    startAt(loc, start)
    guard consume(.option) else { return false }
    guard let path = consumeString("Expected a string naming the file to import.") else { return false }
    parts.optionDependency.append(path)
    return consumeEndOfDeclaration(.semicolon, loc)
  }

  /// The import checks editions add: plain imports first, no `weak` from 2024.
  mutating func checkEditionsImport(_ parts: FileParts) {
    if !parts.optionDependency.isEmpty {
      addError("imports should precede any option imports to ensure proto files can roundtrip.")
    }
    if looking(at: .weak), edition.rawValue >= Google_Protobuf_Edition.edition2024.rawValue {
      addError("weak import is not supported in edition 2024 and above. Consider using option import instead.")
    }
  }
}
