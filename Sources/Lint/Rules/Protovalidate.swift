import Proto
import SwiftProtobuf

/// buf's PROTOVALIDATE checks `(buf.validate.field)` rules. sebuf checks the deterministic
/// part without CEL: the rule group must fit the field's type, and bounds set together in
/// one group must leave some value valid. Rules are read from the option's wire bytes, so
/// any copy of protovalidate's `buf/validate/validate.proto` works.
struct Protovalidate: LintRule {
  static let info = RuleInfo(
    id: "PROTOVALIDATE",
    categories: ["STANDARD"],
    purpose:
      "Checks that protovalidate field rules match the field's type and that their bounds are not contradictory (CEL expressions are not compiled).",
    good: [
      Self.validateProto
        + "// file: acme/v1/pet.proto\nsyntax = \"proto3\";\npackage acme.v1;\nimport \"buf/validate/validate.proto\";\nimport \"google/protobuf/timestamp.proto\";\nmessage Pet {\n  string name = 1 [(buf.validate.field).string.min_len = 1, (buf.validate.field).string.max_len = 64];\n  int32 legs = 2 [(buf.validate.field).int32.gte = 0, (buf.validate.field).int32.lt = 9];\n  repeated string tags = 3 [(buf.validate.field).repeated.max_items = 5];\n  google.protobuf.Timestamp born = 4 [(buf.validate.field).timestamp.lt_now = true];\n}\n"
    ],
    bad: [
      Self.validateProto
        + "// file: acme/v1/pet.proto\nsyntax = \"proto3\";\npackage acme.v1;\nimport \"buf/validate/validate.proto\";\nimport \"google/protobuf/timestamp.proto\";\nmessage Pet {\n  int32 legs = 1 [↓(buf.validate.field).string.min_len = 1];\n  int64 weight = 2 [↓(buf.validate.field).int32.gt = 0];\n  string name = 3 [↓(buf.validate.field).repeated.min_items = 1];\n  Pet parent = 4 [↓(buf.validate.field).timestamp.lt_now = true];\n  string nick = 5 [↓(buf.validate.field).string.min_len = 9, ↓(buf.validate.field).string.max_len = 3];\n  repeated string tags = 6 [↓(buf.validate.field).repeated.min_items = 4, ↓(buf.validate.field).repeated.max_items = 2];\n  uint32 age = 7 [↓(buf.validate.field).uint32.gt = 5, ↓(buf.validate.field).uint32.lt = 5];\n}\n"
    ])

  /// The smallest `buf/validate/validate.proto` the examples need (field numbers as in
  /// protovalidate's schema).
  static let validateProto = """
    // file: buf/validate/validate.proto
    syntax = "proto2";
    package buf.validate;
    import "google/protobuf/descriptor.proto";
    extend google.protobuf.FieldOptions { optional FieldRules field = 1159; }
    message FieldRules {
      oneof type {
        Int32Rules int32 = 3;
        UInt32Rules uint32 = 5;
        StringRules string = 14;
        RepeatedRules repeated = 18;
        TimestampRules timestamp = 22;
      }
    }
    message Int32Rules { optional int32 lt = 2; optional int32 lte = 3; optional int32 gt = 4; optional int32 gte = 5; }
    message UInt32Rules { optional uint32 lt = 2; optional uint32 gt = 4; }
    message StringRules { optional uint64 min_len = 2; optional uint64 max_len = 3; }
    message RepeatedRules { optional uint64 min_items = 1; optional uint64 max_items = 2; }
    message TimestampRules { optional bool lt_now = 7; }

    """

  /// `buf.validate.field` on `google.protobuf.FieldOptions`.
  static let extensionNumber: Int32 = 1159

  func check(_ context: LintContext, _ out: inout FindingSink) {
    guard Self.protovalidateLoaded(context) else { return }
    for field in context.fields {
      let data = field.descriptor.options.unknownFields.data
      guard !data.isEmpty, let rules = WireFields([UInt8](data)).mergedMessage(Self.extensionNumber) else { continue }
      check(field, rules: WireFields(rules), context, &out)
    }
  }

  /// Whether the image declares protovalidate's field extension (so field 1159 of
  /// FieldOptions means `buf.validate.field`, not someone else's option).
  static func protovalidateLoaded(_ context: LintContext) -> Bool {
    context.image.files.contains { f in
      f.descriptor.package == "buf.validate"
        && f.descriptor.extension.contains {
          $0.number == extensionNumber && $0.extendee == ".google.protobuf.FieldOptions"
        }
    }
  }

  func check(_ field: FieldElement, rules: WireFields, _ context: LintContext, _ out: inout FindingSink) {
    let expected = Self.expectedGroup(field.descriptor, context)
    var seen = Set<Int32>()
    for f in rules where f.wireType == 2 && RuleGroup.name[f.number] != nil && seen.insert(f.number).inserted {
      let group = f.number
      let name = RuleGroup.name[group]!
      guard group == expected else {
        // The compiler records `(buf.validate.field).string.min_len` at its full path.
        let inner = WireFields([UInt8](f.bytes)).map { [group, $0.number] }
        let path = optionPath(field, [[group]] + inner, context)
        let what = context.typeDescription(field.descriptor)
        let fix =
          expected.map { "use \(RuleGroup.name[$0]!) rules instead" }
          ?? "remove them or use rules that apply to every field (required, ignore, cel)"
        out.report(
          "Field \(q(field.name)) has type \(what) but has \(name) rules; \(fix).", file: field.file, path: path)
        continue
      }
      guard let body = rules.mergedMessage(group) else { continue }
      checkBounds(field, group: group, body: WireFields(body), context, &out)
    }
  }

  /// Contradictory bounds inside one matching group.
  func checkBounds(
    _ field: FieldElement, group: Int32, body: WireFields, _ context: LintContext, _ out: inout FindingSink
  ) {
    let name = RuleGroup.name[group]!
    func counts(_ minN: Int32, _ maxN: Int32, _ minName: String, _ maxName: String, exact: String? = nil) {
      guard let lo = body.lastScalar(minN), let hi = body.lastScalar(maxN), lo >= hi else { return }
      if lo == hi {
        // Strings and bytes have a rule for one exact length; lists and maps don't.
        guard let exact else { return }
        for n in [minN, maxN] {
          out.report(
            "Field \(q(field.name)) has equal \(name).\(minName) and \(name).\(maxName); use \(name).\(exact) instead.",
            file: field.file, path: optionPath(field, [[group, n]], context))
        }
        return
      }
      // Like buf, at both options, so either one's line shows the clash.
      for n in [minN, maxN] {
        out.report(
          "Field \(q(field.name)) has \(name).\(minName) (\(lo)) greater than \(name).\(maxName) (\(hi)), so no value is valid; lower \(minName) or raise \(maxName).",
          file: field.file, path: optionPath(field, [[group, n]], context))
      }
    }
    switch group {
    case RuleGroup.string, RuleGroup.bytes: counts(2, 3, "min_len", "max_len", exact: "len")
    case RuleGroup.repeated: counts(1, 2, "min_items", "max_items")
    case RuleGroup.map: counts(1, 2, "min_pairs", "max_pairs")
    case let g where RuleGroup.numeric.contains(g):
      // protovalidate reads a lower bound above the upper one as an exclusive range, so
      // only equal bounds are certainly wrong (buf agrees): empty when either is exclusive, a single
      // value (better written `const`) when both are inclusive.
      let lower = [(Int32(4), "gt"), (Int32(5), "gte")].compactMap { n, s in body.lastScalar(n).map { (n, s, $0) } }
      let upper = [(Int32(2), "lt"), (Int32(3), "lte")].compactMap { n, s in body.lastScalar(n).map { (n, s, $0) } }
      for l in lower {
        for u in upper where RuleGroup.equal(l.2, u.2, group: g) {
          let inclusive = l.0 == 5 && u.0 == 3
          let why =
            inclusive ? "only one value is valid; use \(name).const instead" : "no value is valid; widen the range"
          for n in [l.0, u.0] {
            out.report(
              "Field \(q(field.name)) has \(name).\(l.1) equal to \(name).\(u.1), so \(why).",
              file: field.file, path: optionPath(field, [[g, n]], context))
          }
        }
      }
    default: break
    }
  }

  /// The rule group a field accepts, or nil for message fields that take none.
  static func expectedGroup(_ f: Google_Protobuf_FieldDescriptorProto, _ context: LintContext) -> Int32? {
    if context.isMap(f) { return RuleGroup.map }
    if f.label == .repeated { return RuleGroup.repeated }
    switch f.type {
    case .float: return 1
    case .double: return 2
    case .int32: return 3
    case .int64: return 4
    case .uint32: return 5
    case .uint64: return 6
    case .sint32: return 7
    case .sint64: return 8
    case .fixed32: return 9
    case .fixed64: return 10
    case .sfixed32: return 11
    case .sfixed64: return 12
    case .bool: return 13
    case .string: return RuleGroup.string
    case .bytes: return RuleGroup.bytes
    case .enum: return 16
    default: return RuleGroup.messageGroup[LintContext.trimDot(f.typeName)]
    }
  }

  /// Where to point: the first recorded of `suffixes` under the option, else the option,
  /// else the field.
  func optionPath(_ field: FieldElement, _ suffixes: [[Int32]], _ context: LintContext) -> [Int32] {
    let base = field.path + [8, Self.extensionNumber]
    return context.bestPath(file: field.file, suffixes.map { base + $0 } + [base, field.path])
  }
}

/// protovalidate's `FieldRules.type` oneof, by field number.
enum RuleGroup {
  static let string: Int32 = 14
  static let bytes: Int32 = 15
  static let repeated: Int32 = 18
  static let map: Int32 = 19
  static let numeric: ClosedRange<Int32> = 1...12

  static let name: [Int32: String] = [
    1: "float", 2: "double", 3: "int32", 4: "int64", 5: "uint32", 6: "uint64", 7: "sint32", 8: "sint64",
    9: "fixed32", 10: "fixed64", 11: "sfixed32", 12: "sfixed64", 13: "bool", 14: "string", 15: "bytes",
    16: "enum", 18: "repeated", 19: "map", 20: "any", 21: "duration", 22: "timestamp", 28: "field_mask",
  ]

  /// Message types with their own group: the WKTs and the wrappers (which take the
  /// rules of the value they wrap).
  static let messageGroup: [String: Int32] = [
    "google.protobuf.Any": 20, "google.protobuf.Duration": 21, "google.protobuf.Timestamp": 22,
    "google.protobuf.FieldMask": 28,
    "google.protobuf.FloatValue": 1, "google.protobuf.DoubleValue": 2, "google.protobuf.Int32Value": 3,
    "google.protobuf.Int64Value": 4, "google.protobuf.UInt32Value": 5, "google.protobuf.UInt64Value": 6,
    "google.protobuf.BoolValue": 13, "google.protobuf.StringValue": 14, "google.protobuf.BytesValue": 15,
  ]

  /// Equality of two raw bound values of a numeric group. Integers compare by encoding
  /// (each kind's encoding is one-to-one); floats by value, so -0 equals 0 and NaN nothing.
  static func equal(_ a: UInt64, _ b: UInt64, group: Int32) -> Bool {
    switch group {
    case 1: return Float(bitPattern: UInt32(truncatingIfNeeded: a)) == Float(bitPattern: UInt32(truncatingIfNeeded: b))
    case 2: return Double(bitPattern: a) == Double(bitPattern: b)
    default: return a == b
    }
  }
}
