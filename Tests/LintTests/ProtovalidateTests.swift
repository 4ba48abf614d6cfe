import Diagnostics
import Testing

@testable import Lint

/// PROTOVALIDATE on a wider set of field types than the catalog examples: every message
/// it reports, and silence for matching rules.
@Suite struct ProtovalidateTests {
  /// A test copy of the parts of protovalidate's schema these cases use (same numbers).
  static let validate = """
    syntax = "proto2";
    package buf.validate;
    import "google/protobuf/descriptor.proto";
    extend google.protobuf.FieldOptions { optional FieldRules field = 1159; }
    message FieldRules {
      optional bool required = 25;
      oneof type {
        FloatRules float = 1;
        DoubleRules double = 2;
        Int32Rules int32 = 3;
        Int64Rules int64 = 4;
        BytesRules bytes = 15;
        StringRules string = 14;
        EnumRules enum = 16;
        RepeatedRules repeated = 18;
        MapRules map = 19;
        AnyRules any = 20;
        DurationRules duration = 21;
      }
    }
    message FloatRules { optional float lt = 2; optional float gt = 4; }
    message DoubleRules { optional double lte = 3; optional double gte = 5; }
    message Int32Rules { optional int32 lt = 2; optional int32 lte = 3; optional int32 gt = 4; optional int32 gte = 5; }
    message Int64Rules { optional int64 lt = 2; optional int64 gt = 4; }
    message BytesRules { optional uint64 min_len = 2; optional uint64 max_len = 3; }
    message StringRules { optional uint64 min_len = 2; optional uint64 max_len = 3; }
    message EnumRules { optional bool defined_only = 2; }
    message RepeatedRules { optional uint64 min_items = 1; optional uint64 max_items = 2; }
    message MapRules { optional uint64 min_pairs = 1; optional uint64 max_pairs = 2; }
    message AnyRules { repeated string in = 2; }
    message DurationRules { optional bool required = 1; }
    """

  func lint(_ body: String) throws -> [String] {
    let source = """
      syntax = "proto3";
      package acme.v1;
      import "buf/validate/validate.proto";
      import "google/protobuf/any.proto";
      import "google/protobuf/duration.proto";
      import "google/protobuf/wrappers.proto";
      enum Kind { KIND_UNSPECIFIED = 0; }
      message Other {}
      message M {
      \(body)
      }
      """
    let image = try ExampleCompiler.compile([
      ("buf/validate/validate.proto", Self.validate), ("acme/v1/m.proto", source),
    ])
    return Linter.lint(image, settings: LintSettings(rules: ["PROTOVALIDATE"])).map(\.message)
  }

  @Test func matchingRulesPass() throws {
    let found = try lint(
      """
        float f = 1 [(buf.validate.field).float.gt = 1, (buf.validate.field).float.lt = 2];
        double d = 2 [(buf.validate.field).double.gte = 1, (buf.validate.field).double.lte = 1.5];
        int32 i = 3 [(buf.validate.field).int32.gt = 10, (buf.validate.field).int32.lt = 5];
        bytes b = 4 [(buf.validate.field).bytes.min_len = 2, (buf.validate.field).bytes.max_len = 3];
        repeated string l = 11 [(buf.validate.field).repeated.min_items = 2, (buf.validate.field).repeated.max_items = 2];
        Kind k = 5 [(buf.validate.field).enum.defined_only = true];
        map<string, int32> m = 6 [(buf.validate.field).map.min_pairs = 1, (buf.validate.field).map.max_pairs = 3];
        google.protobuf.Any a = 7 [(buf.validate.field).any.in = "x"];
        google.protobuf.Duration t = 8 [(buf.validate.field).duration.required = true];
        google.protobuf.Int64Value w = 9 [(buf.validate.field).int64.gt = 0];
        Other o = 10 [(buf.validate.field).required = true];
      """)
    #expect(found == [])
  }

  @Test func mismatchedGroups() throws {
    let found = try lint(
      """
        int32 count = 1 [(buf.validate.field).string.min_len = 1];
        Kind k = 2 [(buf.validate.field).int32.gt = 0];
        map<string, int32> m = 3 [(buf.validate.field).repeated.min_items = 1];
        repeated string r = 4 [(buf.validate.field).string.min_len = 1];
        Other o = 5 [(buf.validate.field).any.in = "x"];
        google.protobuf.Duration d = 6 [(buf.validate.field).map.min_pairs = 1];
        google.protobuf.StringValue s = 7 [(buf.validate.field).bytes.min_len = 1];
      """)
    #expect(
      found == [
        #"Field "count" has type int32 but has string rules; use int32 rules instead."#,
        #"Field "k" has type enum acme.v1.Kind but has int32 rules; use enum rules instead."#,
        #"Field "m" has type map but has repeated rules; use map rules instead."#,
        #"Field "r" has type repeated string but has string rules; use repeated rules instead."#,
        #"Field "o" has type message acme.v1.Other but has any rules; remove them or use rules that apply to every field (required, ignore, cel)."#,
        #"Field "d" has type message google.protobuf.Duration but has map rules; use duration rules instead."#,
        #"Field "s" has type message google.protobuf.StringValue but has bytes rules; use string rules instead."#,
      ])
  }

  @Test func contradictoryBounds() throws {
    let found = try lint(
      """
        bytes b = 1 [(buf.validate.field).bytes.min_len = 5, (buf.validate.field).bytes.max_len = 4];
        map<string, int32> m = 2 [(buf.validate.field).map.min_pairs = 3, (buf.validate.field).map.max_pairs = 1];
        int32 i = 3 [(buf.validate.field).int32.gte = -7, (buf.validate.field).int32.lte = -7];
        int64 j = 4 [(buf.validate.field).int64.gt = 3, (buf.validate.field).int64.lt = 3];
        float f = 5 [(buf.validate.field).float.gt = 0.5, (buf.validate.field).float.lt = 0.5];
        string s = 6 [(buf.validate.field).string.min_len = 2, (buf.validate.field).string.max_len = 2];
      """)
    #expect(
      found == [
        #"Field "b" has bytes.min_len (5) greater than bytes.max_len (4), so no value is valid; lower min_len or raise max_len."#,
        #"Field "b" has bytes.min_len (5) greater than bytes.max_len (4), so no value is valid; lower min_len or raise max_len."#,
        #"Field "m" has map.min_pairs (3) greater than map.max_pairs (1), so no value is valid; lower min_pairs or raise max_pairs."#,
        #"Field "m" has map.min_pairs (3) greater than map.max_pairs (1), so no value is valid; lower min_pairs or raise max_pairs."#,
        #"Field "i" has int32.gte equal to int32.lte, so only one value is valid; use int32.const instead."#,
        #"Field "i" has int32.gte equal to int32.lte, so only one value is valid; use int32.const instead."#,
        #"Field "j" has int64.gt equal to int64.lt, so no value is valid; widen the range."#,
        #"Field "j" has int64.gt equal to int64.lt, so no value is valid; widen the range."#,
        #"Field "f" has float.gt equal to float.lt, so no value is valid; widen the range."#,
        #"Field "f" has float.gt equal to float.lt, so no value is valid; widen the range."#,
        #"Field "s" has equal string.min_len and string.max_len; use string.len instead."#,
        #"Field "s" has equal string.min_len and string.max_len; use string.len instead."#,
      ])
  }

  /// Field 1159 of FieldOptions means nothing without protovalidate's extension.
  @Test func otherExtensionAtSameNumberIgnored() throws {
    let other = """
      syntax = "proto2";
      package acme.opts;
      import "google/protobuf/descriptor.proto";
      message R { optional uint64 min_len = 14; }
      extend google.protobuf.FieldOptions { optional R rules = 1159; }
      """
    let source = """
      syntax = "proto3";
      package acme.v1;
      import "acme/opts/opts.proto";
      message M { int32 n = 1 [(acme.opts.rules).min_len = 1]; }
      """
    let image = try ExampleCompiler.compile([("acme/opts/opts.proto", other), ("acme/v1/m.proto", source)])
    #expect(Linter.lint(image, settings: LintSettings(rules: ["PROTOVALIDATE"])).isEmpty)
  }

  /// Positions as buf 1.75 reports them for the same file (checked by hand against
  /// `buf lint` with this schema copy): every option taking part, reversed ranges quiet.
  @Test func positionsMatchBuf() throws {
    let source = """
      syntax = "proto3";
      package acme.v1;
      import "buf/validate/validate.proto";
      message Pet {
        int32 legs = 1 [(buf.validate.field).string.min_len = 1];
        string nick = 5 [(buf.validate.field).string.min_len = 9, (buf.validate.field).string.max_len = 3];
        int32 a = 7 [(buf.validate.field).int32.gt = 5, (buf.validate.field).int32.lt = 5];
        int32 b = 8 [(buf.validate.field).int32.gt = 9, (buf.validate.field).int32.lt = 5];
        int32 c = 9 [(buf.validate.field).int32.gte = 5, (buf.validate.field).int32.lte = 5];
        int32 d = 10 [(buf.validate.field).int32.gte = 9, (buf.validate.field).int32.lte = 5];
        int32 e = 11 [(buf.validate.field).int32.gte = 5, (buf.validate.field).int32.lt = 5];
      }
      """
    let (schema, _) = ExampleCompiler.split(Protovalidate.validateProto)
    let image = try ExampleCompiler.compile(schema + [("acme/v1/pet.proto", source)])
    let at = Linter.lint(image, settings: LintSettings(rules: ["PROTOVALIDATE"])).map {
      "\($0.span!.start.line):\($0.span!.start.column)"
    }
    #expect(Set(at) == ["5:19", "6:20", "6:61", "7:16", "7:51", "9:16", "9:52", "11:17", "11:53"])
    #expect(at.count == 9)
  }
}
