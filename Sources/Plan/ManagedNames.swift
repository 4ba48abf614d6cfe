import Basics
import Proto

/// The option values buf's managed mode derives from a file's package and path
/// (`acme.weather.v1` in `acme/weather/v1/weather_api.proto`).
struct ManagedNames {
  let package: String
  let path: String

  private var parts: [String] { package.split(separator: ".", omittingEmptySubsequences: false).map(String.init) }

  /// `WeatherApiProto`: the PascalCase of the file's base name, `.proto` included.
  var javaOuterClassname: String { Self.pascalCase(PathRules.baseName(path)) }

  /// `com.acme.weather.v1` (prefix, package, suffix); empty without a package.
  func javaPackage(prefix: String, suffix: String) -> String {
    guard !package.isEmpty else { return "" }
    var p = package
    if !prefix.isEmpty { p = prefix + "." + p }
    if !suffix.isEmpty { p += "." + suffix }
    return p
  }

  /// `<prefix>/<directory>;weatherv1`: the package name joins the last two components when
  /// the last is a version (buf's rule), else Go's default (the directory) is left to apply.
  func goPackage(prefix: String) -> String {
    var p = prefix
    while p.hasSuffix("/") && p.count > 1 { p.removeLast() }
    let dir = PathRules.directory(of: path)
    var importPath = dir == "." ? p : (p.isEmpty ? dir : p + "/" + dir)
    if PackageVersion(package: package) != nil, parts.count >= 2 {
      importPath += ";" + parts[parts.count - 2] + parts[parts.count - 1]
    }
    return importPath
  }

  /// `AWX`: the first letter of each non-version component, padded with X to three; GPB
  /// (protobuf's own) becomes GPX. Empty without a package.
  var objcClassPrefix: String {
    guard !package.isEmpty else { return "" }
    let versioned = PackageVersion(package: package) != nil
    var letters = ""
    for (i, part) in parts.enumerated() {
      if i == parts.count - 1 && versioned { continue }
      if let first = part.first { letters += String(first).uppercased() }
    }
    while letters.count < 3 { letters += "X" }
    return letters == "GPB" ? "GPX" : letters
  }

  /// `Acme.Weather.V1`, after `prefix.` when given; empty without a package.
  func csharpNamespace(prefix: String) -> String {
    let ns = csharpNamespace
    guard !ns.isEmpty, !prefix.isEmpty else { return ns }
    return prefix + "." + ns
  }

  var csharpNamespace: String {
    package.isEmpty ? "" : parts.map(Self.pascalCase).joined(separator: ".")
  }

  /// `Acme\Weather\V1`; a PHP reserved word gets `_` appended.
  var phpNamespace: String {
    guard !package.isEmpty else { return "" }
    return parts.map { part in
      let p = Self.pascalCase(part)
      return Self.phpReserved.contains(part.lowercased()) ? p + "_" : p
    }.joined(separator: "\\")
  }

  /// `Acme\Weather\V1\GPBMetadata` (the namespace, then the suffix when given).
  func phpMetadataNamespace(suffix: String) -> String {
    let ns = phpNamespace
    guard !ns.isEmpty, !suffix.isEmpty else { return ns }
    return ns + "\\" + suffix
  }

  /// `Acme::Weather::V1`, then `::suffix` when given.
  func rubyPackage(suffix: String) -> String {
    guard !package.isEmpty else { return "" }
    let p = parts.map(Self.pascalCase).joined(separator: "::")
    return suffix.isEmpty ? p : p + "::" + suffix
  }

  var rubyPackage: String { rubyPackage(suffix: "") }

  /// buf's PascalCase: delimiters (`.`, `-`, `_`, whitespace) dropped, the first letter and each
  /// letter after a delimiter upper-cased, capitals kept, other letters lower-cased.
  static func pascalCase(_ s: String) -> String {
    let delimiters: Set<Character> = [".", "-", "_", " ", "\t", "\n", "\r"]
    var out = ""
    var previous: Character?
    for c in s.trimmingWhitespace() {
      if !delimiters.contains(c) {
        if previous == nil || delimiters.contains(previous!) || c.isUppercase {
          out += c.uppercased()
        } else {
          out += c.lowercased()
        }
      }
      previous = c
    }
    return out
  }

  /// Names PHP reserves (keywords and classes) that buf's heuristic must not produce.
  static let phpReserved: Set<String> = [
    "directory", "exception", "errorexception", "closure", "generator", "arithmeticerror", "assertionerror",
    "divisionbyzeroerror", "error", "throwable", "parseerror", "typeerror", "abstract", "and", "array", "as", "break",
    "callable", "case", "catch", "class", "clone", "const", "continue", "declare", "default", "die", "do", "echo",
    "else", "elseif", "empty", "enddeclare", "endfor", "endforeach", "endif", "endswitch", "endwhile", "eval", "exit",
    "extends", "final", "finally", "fn", "for", "foreach", "function", "global", "goto", "if", "implements", "include",
    "include_once", "instanceof", "insteadof", "interface", "isset", "list", "match", "namespace", "new", "or",
    "print", "private", "protected", "public", "require", "require_once", "return", "static", "switch", "throw",
    "trait", "try", "unset", "use", "var", "while", "xor", "yield", "int", "float", "bool", "string", "true", "false",
    "null", "void", "iterable",
  ]
}

extension String {
  fileprivate func trimmingWhitespace() -> Substring {
    let ws: Set<Character> = [" ", "\t", "\n", "\r"]
    var s = Substring(self)
    while let f = s.first, ws.contains(f) { s.removeFirst() }
    while let l = s.last, ws.contains(l) { s.removeLast() }
    return s
  }
}
