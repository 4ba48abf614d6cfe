import Diagnostics
import Foundation
import Proto
import SwiftProtobuf
import Testing

/// What the parser puts in descriptors (the oracle suite compares whole files with
/// protoc; these pin the parser-only parts the linker relies on).
@Suite struct ParserTests {
  func parse(_ s: String) -> (Google_Protobuf_FileDescriptorProto, [Diagnostic]) {
    let (f, d) = parseProto(Array(s.utf8), importPath: "x/a.proto", displayPath: "proto/x/a.proto")
    return (f.descriptor, d)
  }

  @Test func fileHeader() {
    let (f, d) = parse(
      "syntax = \"proto3\";\npackage a.b;\nimport \"x.proto\";\nimport public \"y.proto\";\nimport weak \"z.proto\";\n"
    )
    #expect(d.isEmpty)
    #expect(f.name == "x/a.proto")
    #expect(f.syntax == "proto3")
    #expect(f.package == "a.b")
    #expect(f.dependency == ["x.proto", "y.proto", "z.proto"])
    #expect(f.publicDependency == [1])
    #expect(f.weakDependency == [2])
  }

  @Test func proto2LeavesSyntaxUnset() {
    #expect(!parse("syntax = \"proto2\";").0.hasSyntax)
    #expect(!parse("message M {}").0.hasSyntax)
  }

  @Test func fieldsKeepNamedTypesUnresolved() {
    let (f, d) = parse(
      "syntax = \"proto3\"; message M { .a.B x = 1; Foo.Bar y = 2; string z = 3 [json_name = \"zed\"]; }")
    #expect(d.isEmpty)
    let fields = f.messageType[0].field
    #expect(!fields[0].hasType && fields[0].typeName == ".a.B")
    #expect(!fields[1].hasType && fields[1].typeName == "Foo.Bar")
    #expect(fields[2].type == .string && !fields[2].hasTypeName)
    #expect(!fields[0].hasJsonName && fields[2].jsonName == "zed")
    #expect(fields.allSatisfy { $0.label == .optional })
  }

  @Test func mapsBecomeEntryMessages() {
    let (f, _) = parse("syntax = \"proto3\"; message M { map<string, Foo> foo_bar = 1 [enforce_utf8 = false]; }")
    let m = f.messageType[0]
    #expect(m.field[0].label == .repeated && m.field[0].typeName == "FooBarEntry")
    let e = m.nestedType[0]
    #expect(e.name == "FooBarEntry" && e.options.mapEntry)
    #expect(e.field.map(\.name) == ["key", "value"])
    #expect(e.field[0].type == .string && e.field[1].typeName == "Foo")
    #expect(e.field[0].options.uninterpretedOption[0].identifierValue == "false")
    #expect(!e.field[1].hasOptions)
  }

  @Test func proto3OptionalGetsSyntheticOneofs() {
    let (f, _) = parse(
      "syntax = \"proto3\"; message M { oneof o { int32 a = 1; } optional int32 b = 2; optional int32 _b = 3; oneof _c { int32 d = 4; } optional int32 c = 5; }"
    )
    let m = f.messageType[0]
    #expect(m.oneofDecl.map(\.name) == ["o", "_c", "X_b", "XX_b", "X_c"])
    #expect(m.field[1].proto3Optional && m.field[1].oneofIndex == 2)
  }

  @Test func groups() {
    let (f, d) = parse("message M { optional group Item = 1 { required int32 x = 1; } }")
    #expect(d.isEmpty)
    let m = f.messageType[0]
    #expect(m.field[0].name == "item" && m.field[0].type == .group && m.field[0].typeName == "Item")
    #expect(m.nestedType[0].name == "Item" && m.nestedType[0].field[0].label == .required)
  }

  @Test func rangesAndReserved() {
    let (f, d) = parse(
      """
      message M { extensions 10 to 20, 30 to max [(a) = 1]; reserved 1, 2 to 3, 100 to max; reserved "x", "y"; }
      message S { option message_set_wire_format = true; extensions 4 to max; }
      enum E { A = 0; reserved -3 to -1, 5, 9 to max; reserved "B"; }
      """)
    #expect(d.isEmpty)
    let m = f.messageType[0]
    #expect(m.extensionRange.map { [$0.start, $0.end] } == [[10, 21], [30, 536_870_912]])
    #expect(m.extensionRange.allSatisfy { $0.options.uninterpretedOption[0].positiveIntValue == 1 })
    #expect(m.reservedRange.map { [$0.start, $0.end] } == [[1, 2], [2, 4], [100, 536_870_912]])
    #expect(m.reservedName == ["x", "y"])
    #expect(f.messageType[1].extensionRange[0].end == 2_147_483_647)
    let e = f.enumType[0]
    #expect(e.reservedRange.map { [$0.start, $0.end] } == [[-3, -1], [5, 5], [9, 2_147_483_647]])
    #expect(e.reservedName == ["B"])
  }

  @Test func optionValues() {
    let (f, d) = parse(
      """
      option (a.b).c = -5;
      option x = 18446744073709551615;
      option y = -1.5;
      option z = ident;
      option s = "a" 'b' "\\x41";
      option (agg) = { k: "v" n { m: [1, 2] } };
      """)
    #expect(d.isEmpty)
    let o = f.options.uninterpretedOption
    #expect(o[0].name.map(\.namePart) == ["a.b", "c"] && o[0].name.map(\.isExtension) == [true, false])
    #expect(o[0].negativeIntValue == -5)
    #expect(o[1].positiveIntValue == .max)
    #expect(o[2].doubleValue == -1.5)
    #expect(o[3].identifierValue == "ident")
    #expect(o[4].stringValue == Data("abA".utf8))
    #expect(o[5].aggregateValue == "k : \"v\" n { m : [ 1 , 2 ] }")
  }

  @Test func defaults() {
    let (f, d) = parse(
      """
      message M {
        optional int32 a = 1 [default = -0x10];
        optional double b = 2 [default = -inf];
        optional float c = 3 [default = 1e10];
        optional bytes e = 4 [default = "\\001a\\""];
        optional string s = 5 [default = "x" "y"];
        optional Enum en = 6 [default = VALUE];
        optional bool t = 7 [default = true];
        optional uint64 u = 8 [default = 010];
      }
      """)
    #expect(d.isEmpty)
    #expect(
      f.messageType[0].field.map(\.defaultValue) == [
        "-16", "-inf", "10000000000", "\\001a\\\"", "xy", "VALUE", "true", "8",
      ])
  }

  @Test func servicesAndStreaming() {
    let (f, d) = parse(
      "service S { rpc A(stream X) returns (stream .p.Y) { option deprecated = true; } rpc B(X) returns (Y); }")
    #expect(d.isEmpty)
    let m = f.service[0].method
    #expect(m[0].clientStreaming && m[0].serverStreaming && m[0].inputType == "X" && m[0].outputType == ".p.Y")
    #expect(m[0].options.uninterpretedOption.count == 1)
    #expect(!m[1].clientStreaming && !m[1].hasOptions)
  }

  @Test func editionsAreRecordedAndUnknownOnesRejected() {
    let (f, d) = parse("edition = \"2024\";\nexport message M { local enum E { E_ZERO = 0; } reserved foo; }\n")
    #expect(d.isEmpty)
    #expect(f.syntax == "editions" && f.edition == .edition2024)
    #expect(f.messageType[0].visibility == .visibilityExport)
    #expect(f.messageType[0].enumType[0].visibility == .visibilityLocal)
    #expect(f.messageType[0].reservedName == ["foo"])
    let (_, bad) = parse("edition = \"2025\";\nmessage M {}\n")
    #expect(bad.map(\.message) == ["Unknown edition \"2025\"."])
    #expect(bad[0].span?.start.line == 1 && bad[0].span?.start.column == 11)
  }

  @Test func recoversAndReportsSeveralErrors() {
    let (f, d) = parse("syntax = \"proto3\";\nmessage A { int32 = 1; }\nmessage B { int32 b = 1 }\nmessage C {}\n")
    #expect(d.map { "\($0.span!.start.line):\($0.span!.start.column)" } == ["2:19", "3:25"])
    #expect(f.messageType.map(\.name) == ["A", "B", "C"])
  }
}
