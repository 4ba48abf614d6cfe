/// Compact JSON (as SwiftProtobuf writes it) re-written as block-style YAML with the keys
/// in their JSON order: `sebuf build -o image.yaml`, as buf writes its YAML images.
///
/// Strings stay JSON double-quoted scalars (every JSON escape is a YAML escape), keys that
/// are plain identifiers go unquoted, numbers, booleans and null as they are. One pass
/// over the tokens with an explicit stack of open containers: linear, no recursion.
public enum JSONToYAML {
  public struct InvalidJSON: Error, CustomStringConvertible {
    public var description: String { "not a JSON document (a sebuf bug: it converts only its own JSON)" }
  }

  public static func convert(_ json: [UInt8]) throws -> String {
    let tokens = try tokenize(json)
    var out = ""
    // Open containers: whether each is an object, and the indentation of its lines.
    var stack: [(isObject: Bool, indent: Int)] = []
    // Replaces the indentation of the next line (`- ` of an array item whose value is a
    // container: its first line goes on the dash's line).
    var lead: String?
    var i = 0
    func lineStart(_ indent: Int) -> String {
      if let l = lead {
        lead = nil
        return l
      }
      return String(repeating: " ", count: indent)
    }
    func isEmptyContainer(at i: Int) -> Bool {
      i + 1 < tokens.count && (tokens[i + 1] == "}" || tokens[i + 1] == "]")
    }
    while i < tokens.count {
      let token = tokens[i]
      if token == "," || token == ":" {
        i += 1
        continue
      }
      if token == "}" || token == "]" {
        guard !stack.isEmpty else { throw InvalidJSON() }
        stack.removeLast()
        i += 1
        continue
      }
      // A value: the root, an array item, or (after a key) an object member.
      var prefix: String?
      var inArray = false
      var indent = 0
      if let top = stack.last {
        indent = top.indent
        if top.isObject {
          guard i + 2 < tokens.count, tokens[i + 1] == ":" else { throw InvalidJSON() }
          prefix = lineStart(indent) + key(token) + ":"
          i += 2
        } else {
          prefix = lineStart(indent) + "-"
          inArray = true
        }
      }
      let value = tokens[i]
      if value == "{" || value == "[" {
        let isObject = value == "{"
        if isEmptyContainer(at: i) {
          out += (prefix.map { $0 + " " } ?? "") + (isObject ? "{}" : "[]") + "\n"
          i += 2
          continue
        }
        if let prefix {
          if inArray {
            lead = prefix + " "
          } else {
            out += prefix + "\n"
          }
          stack.append((isObject, indent + 2))
        } else {
          stack.append((isObject, 0))
        }
      } else {
        out += (prefix.map { $0 + " " } ?? "") + value + "\n"
      }
      i += 1
    }
    guard stack.isEmpty else { throw InvalidJSON() }
    return out
  }

  /// A key without quotes when it is a plain identifier.
  private static func key(_ token: String) -> String {
    let inner = token.dropFirst().dropLast()
    guard token.hasPrefix("\""), let first = inner.first, first.isLetter || first == "_",
      inner.allSatisfy({ ($0.isLetter || $0.isNumber || $0 == "_") && $0.isASCII })
    else { return token }
    return String(inner)
  }

  /// Punctuation as one-character tokens; strings with their quotes and escapes as
  /// written; other scalars (numbers, true, false, null) whole.
  private static func tokenize(_ json: [UInt8]) throws -> [String] {
    var tokens: [String] = []
    var i = 0
    while i < json.count {
      let c = json[i]
      switch c {
      case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
        i += 1
      case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: ":"),
        UInt8(ascii: ","):
        tokens.append(String(UnicodeScalar(c)))
        i += 1
      case UInt8(ascii: "\""):
        var j = i + 1
        while j < json.count && json[j] != UInt8(ascii: "\"") {
          j += json[j] == UInt8(ascii: "\\") ? 2 : 1
        }
        guard j < json.count else { throw InvalidJSON() }
        tokens.append(String(decoding: json[i...j], as: UTF8.self))
        i = j + 1
      default:
        var j = i
        while j < json.count, !" \n\r\t{}[]:,\"".utf8.contains(json[j]) { j += 1 }
        guard j > i else { throw InvalidJSON() }
        tokens.append(String(decoding: json[i..<j], as: UTF8.self))
        i = j
      }
    }
    return tokens
  }
}
