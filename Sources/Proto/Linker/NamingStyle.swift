import SwiftProtobuf

/// The rules behind `features.enforce_naming_style` (edition 2024 on), as protoc 36.2
/// applies them: what each kind of name must look like, and the STYLE2026 names that
/// collide with generated accessors. Each rule answers the problem protoc names (the
/// text after "… name X "), or nil when the name passes. Names are ASCII identifiers
/// (the lexer allows nothing else), so the rules work on UTF-8 bytes.
/// (Lint's `Casing` converts names buf's way; these only judge them, protoc's way.)
enum NamingStyle {
  typealias Style = Google_Protobuf_FeatureSet.EnforceNamingStyle

  /// protoc's `IsStyleOrGreater`: STYLE_LEGACY sorts after STYLE2024 in the enum but
  /// opts out of everything; an unset or unknown value checks nothing.
  static func isAtLeast(_ resolved: UInt64?, _ style: Style) -> Bool {
    guard let resolved else { return false }
    return resolved >= UInt64(style.rawValue) && resolved != UInt64(Style.styleLegacy.rawValue)
  }

  /// Appended to every style error.
  static let optOut = " (features.enforce_naming_style = STYLE_LEGACY can be used to opt out of this check)"
  /// Appended to every STYLE2026 collision error.
  static let collisionsOptOut = " (features.enforce_naming_style = STYLE2024 can be used to opt out of this check)"

  /// Messages, enums, services and methods: letters and digits, a capital first.
  static func titleCaseProblem(_ name: String) -> String? {
    let bytes = name.utf8
    guard let first = bytes.first else { return "is empty" }
    if !bytes.allSatisfy({ isUpper($0) || isLower($0) || isDigit($0) }) { return "should be TitleCase" }
    if !isUpper(first) { return "should begin with a capital letter" }
    return nil
  }

  /// Fields, oneofs, extensions and the package (whose dots are allowed).
  static func lowerSnakeCaseProblem(_ name: String) -> String? {
    let bytes = name.utf8
    guard let first = bytes.first else { return "is empty" }
    if !bytes.allSatisfy({ isLower($0) || isDigit($0) || $0 == underscore || $0 == dot }) {
      return "should be lower_snake_case"
    }
    if !isLower(first) { return "should begin with a lower case letter" }
    if hasBadUnderscores(bytes) { return "contains style violating underscores" }
    return nil
  }

  /// Enum values.
  static func upperSnakeCaseProblem(_ name: String) -> String? {
    let bytes = name.utf8
    guard let first = bytes.first else { return "is empty" }
    if !bytes.allSatisfy({ isUpper($0) || isDigit($0) || $0 == underscore }) { return "should be UPPER_SNAKE_CASE" }
    if !isUpper(first) { return "should begin with an upper case letter" }
    if hasBadUnderscores(bytes) { return "contains style violating underscores" }
    return nil
  }

  /// STYLE2026's check of a field, extension or oneof `name` against the fields and oneofs
  /// of the message it belongs to (an extension: its extendee), which `exists` answers in
  /// constant time: `has_x`, `get_x`, `set_x`, `clear_x` and `x_value` next to an `x`, and
  /// the name `descriptor`. At most one problem, the prefix first, as protoc.
  static func collisionProblem(_ name: String, exists: ((Substring) -> Bool)?) -> String? {
    if let exists {
      for prefix in collidingPrefixes where name.hasPrefix(prefix) {
        let rest = name.dropFirst(prefix.count)
        if exists(rest) { return "should not begin with \(prefix) if a field named \(rest) exists." + collides }
      }
      if name.hasSuffix(collidingSuffix) {
        let rest = name.dropLast(collidingSuffix.count)
        if exists(rest) { return "should not end with \(collidingSuffix) if a field named \(rest) exists." + collides }
      }
    }
    if name == "descriptor" { return "should not be named descriptor." + collides }
    return nil
  }

  /// No two of these start the same way, so at most one matches a name.
  private static let collidingPrefixes = ["has_", "get_", "set_", "clear_"]
  private static let collidingSuffix = "_value"
  private static let collides = " This can cause collisions in generated code."

  /// protoc's `ContainsBadUnderscores`: an underscore first or last, or one followed by
  /// anything but a letter.
  private static func hasBadUnderscores(_ bytes: String.UTF8View) -> Bool {
    if bytes.first == underscore || bytes.last == underscore { return true }
    var previous: UInt8 = 0
    for b in bytes {
      if previous == underscore && !(isUpper(b) || isLower(b)) { return true }
      previous = b
    }
    return false
  }

  private static let underscore = UInt8(ascii: "_")
  private static let dot = UInt8(ascii: ".")
  private static func isUpper(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }
  private static func isLower(_ b: UInt8) -> Bool { b >= 97 && b <= 122 }
  private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
}
