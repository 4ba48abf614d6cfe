import Foundation
import SwiftProtobuf

extension ProtoParser {
  /// protoc's `ParseOption`: one option, stored uninterpreted. `statement` is
  /// `option a.(b).c = value;`; otherwise the `a = value` of a `[...]` list.
  /// Locations: `parent`/999/index, then name (2) with one entry per part (each with
  /// its name_part, 1), then the value (same path, plus the value's field once known).
  mutating func parseOption(_ opts: inout [Uninterpreted]?, _ parent: Loc, statement: Bool) -> Bool {
    if opts == nil { opts = [] }
    let loc = location(parent, 999, opts!.count)
    defer { end(loc) }
    if statement {
      guard consume(.option) else { return false }
    }
    var u = Uninterpreted()
    defer { opts!.append(u) }

    do {
      let nameLoc = location(loc, 2)
      defer { end(nameLoc) }
      repeat {
        let partLoc = location(nameLoc, u.name.count)
        defer { end(partLoc) }
        guard parseOptionNamePart(&u, partLoc) else { return false }
      } while tryConsume(.dot)
    }

    guard consume(.equals) else { return false }

    do {
      let vl = location(loc)
      defer { end(vl) }
      let negative = tryConsume(.minus)
      switch cur.kind {
      case .start, .end:
        addError("Unexpected end of stream while parsing option value.")
        return false
      case .identifier:
        addPath(vl, 3)
        guard let id = consumeIdentifier("Expected identifier.") else { return false }
        if negative {
          // protoc 36 reads `-inf` and `-nan` as doubles (keeping the identifier's path).
          switch id {
          case "inf": u.doubleValue = -.infinity
          case "nan": u.doubleValue = .nan
          default:
            addError("Identifier after '-' symbol must be inf or nan.")
            return false
          }
        } else {
          u.identifierValue = id
        }
      case .integer:
        let max = negative ? UInt64(Int64.max) + 1 : UInt64.max
        guard let v = Literals.parseInteger(p, Int(cur.start), Int(cur.end), max: max) else {
          // Too large for an integer: protoc 36 reads it as a floating-point value.
          addPath(vl, 6)
          guard let d = consumeNumber("Expected number.") else { return false }
          u.doubleValue = negative ? -d : d
          break
        }
        next()
        if negative {
          addPath(vl, 5)
          u.negativeIntValue = Int64(bitPattern: 0 &- v)
        } else {
          addPath(vl, 4)
          u.positiveIntValue = v
        }
      case .float:
        addPath(vl, 6)
        guard let v = consumeNumber("Expected number.") else { return false }
        u.doubleValue = negative ? -v : v
      case .string:
        addPath(vl, 7)
        if negative {
          addError("Invalid '-' symbol before string.")
          return false
        }
        guard let b = consumeStringBytes("Expected string.") else { return false }
        u.stringValue = Data(b)
      case .symbol:
        guard looking(at: .lBrace) else {
          addError("Expected option value.")
          return false
        }
        addPath(vl, 8)
        var text: [UInt8] = []
        let ok = parseUninterpretedBlock(&text)
        u.aggregateValue = String(decoding: text, as: UTF8.self)
        guard ok else { return false }
      }
    }

    if statement {
      return consumeEndOfDeclaration(.semicolon, loc)
    }
    return true
  }

  mutating func parseOptionNamePart(_ u: inout Uninterpreted, _ partLoc: Loc) -> Bool {
    var part = Google_Protobuf_UninterpretedOption.NamePart()
    part.isExtension = false
    var name = ""
    defer {
      part.namePart = name
      u.name.append(part)
    }
    if looking(at: .lParen) {
      guard consume(.lParen) else { return false }
      do {
        let l = location(partLoc, 1)
        defer { end(l) }
        if cur.kind == .identifier {
          name += text(cur)
          next()
        }
        while looking(at: .dot) {
          next()
          name += "."
          guard let id = consumeIdentifier("Expected identifier.") else { return false }
          name += id
        }
      }
      guard consume(.rParen) else { return false }
      part.isExtension = true
    } else {
      let l = location(partLoc, 1)
      defer { end(l) }
      guard let id = consumeIdentifier("Expected identifier.") else { return false }
      name = id
    }
    return true
  }

  /// The text of `{ ... }` without its comments and outer braces: tokens joined by a
  /// space, or by a newline where the source starts a new line (protoc 36 pads to the
  /// original lines and columns), so that a `#` (a text-format comment) ends at the line's end.
  mutating func parseUninterpretedBlock(_ out: inout [UInt8]) -> Bool {
    var prevLine = cur.line
    guard consume(.lBrace) else { return false }
    var depth = 1
    while !atEnd {
      let t = cur
      if t.keyword == .lBrace {
        depth += 1
      } else if t.keyword == .rBrace {
        depth -= 1
        if depth == 0 {
          next()
          return true
        }
      }
      if t.line > prevLine {
        out.append(10)
      } else if !out.isEmpty {
        out.append(32)
      }
      prevLine = t.line
      out.append(contentsOf: UnsafeBufferPointer(rebasing: p[Int(t.start)..<Int(t.end)]))
      next()
    }
    addError("Unexpected end of stream while parsing aggregate value.")
    return false
  }
}
