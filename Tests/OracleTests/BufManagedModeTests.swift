import Foundation
import TestSupport
import Testing

/// buf 1.75 as the oracle for managed mode: the same buf.yaml + buf.gen.yaml v2 run through
/// `buf generate` and `sebuf generate` must hand a `local:` plugin the same options on every
/// file (descriptor by descriptor), the same targets, and exit the same way.
@Suite(.serialized) struct BufManagedModeTests {
  static let protos: [String: String] = [
    "proto/acme/weather/v1/weather_api.proto": """
    syntax = "proto3";
    package acme.weather.v1;
    import "google/protobuf/timestamp.proto";
    import "acme/weather/v1/types.proto";
    message Reading {
      int64 at = 1;
      uint64 count = 2;
      string station = 3;
      google.protobuf.Timestamp taken = 4;
      Kind kind = 5;
      message Sample { sfixed64 raw = 1; int32 small = 2; }
      repeated Sample samples = 6;
    }
    """,
    "proto/acme/weather/v1/types.proto": """
    syntax = "proto3";
    package acme.weather.v1;
    option java_package = "keep.me";
    option optimize_for = CODE_SIZE;
    option cc_enable_arenas = false;
    enum Kind { KIND_UNSPECIFIED = 0; }
    """,
    "proto/gpb/error/thing.proto": """
    syntax = "proto3";
    package gpb.error;
    message Thing { fixed64 id = 1; }
    """,
    "proto/gpb/ext.proto": """
    syntax = "proto2";
    package gpb;
    message Holder { extensions 100 to 200; optional int64 h = 1; message Inner { optional uint64 i = 1; } }
    extend Holder { optional int64 ext_a = 100; optional int32 small = 102; }
    message Scope { extend Holder { optional sint64 ext_b = 101; } }
    """,
    "proto/plain.proto": """
    syntax = "proto3";
    message Plain { int64 n = 1; }
    """,
    "other/fooBar.baz/q-x_y.proto": """
    syntax = "proto3";
    package foo_bar.BAZ.v2beta1;
    import "acme/weather/v1/types.proto";
    message Q { acme.weather.v1.Kind k = 1; int64 z = 2; }
    """,
  ]

  static let bufYAML = """
    version: v2
    modules:
      - path: proto
        name: buf.build/acme/weather
      - path: other
    """

  static func gen(_ managed: String, strategy: String = "directory") -> String {
    """
    version: v2
    plugins:
      - local: bin/protoc-gen-capture
        out: gen
        strategy: \(strategy)
        opt: [a=1, b]
    managed:
    \(managed)
    """
  }

  /// Runs both tools on the repository and compares what the plugin received.
  func compare(_ managed: String, _ comment: Comment, strategy: String = "directory") throws {
    try OracleTools.require(["buf"])
    let dir = try Migration.repo(
      Self.protos.merging(["buf.yaml": Self.bufYAML, "buf.gen.yaml": Self.gen(managed, strategy: strategy)]) { $1 })
    defer { try? FileManager.default.removeItem(at: dir) }
    let buf = try Migration.run("buf", ["generate"], in: dir)
    let sebuf = try Migration.run("sebuf", ["generate"], in: dir)
    #expect(buf.code == 0, "buf: \(buf.stderr)")
    #expect(sebuf.code == buf.code, "\(comment): sebuf exit \(sebuf.code): \(sebuf.stderr)")
    #expect(!buf.requests.isEmpty)
    #expect(Migration.targets(sebuf.requests) == Migration.targets(buf.requests), comment)
    let want = Migration.options(buf.requests)
    let got = Migration.options(sebuf.requests)
    #expect(Set(got.keys) == Set(want.keys), comment)
    for name in want.keys.sorted() {
      #expect(got[name] == want[name], "\(comment): \(name)")
    }
  }

  @Test(.oracle("buf")) func enabledAloneSetsBufsDefaults() throws {
    try compare("  enabled: true", "defaults")
  }

  @Test(.oracle("buf")) func disabledManagedModeChangesNothing() throws {
    try compare(
      """
        enabled: false
        override:
          - file_option: go_package_prefix
            value: example.com/gen
      """, "disabled")
  }

  @Test(.oracle("buf")) func everyFileOptionOverride() throws {
    try compare(
      """
        enabled: true
        override:
          - file_option: go_package_prefix
            value: example.com/gen/
          - file_option: java_package_prefix
            value: net
          - file_option: java_package_suffix
            value: sfx
          - file_option: java_outer_classname
            value: Outer
            path: acme/weather/v1/types.proto
          - file_option: java_multiple_files
            value: false
          - file_option: java_string_check_utf8
            value: true
          - file_option: csharp_namespace_prefix
            value: Pre
          - file_option: objc_class_prefix
            value: OBJ
            path: gpb
          - file_option: php_metadata_namespace_suffix
            value: Meta
          - file_option: ruby_package_suffix
            value: Rb
          - file_option: optimize_for
            value: LITE_RUNTIME
          - file_option: cc_enable_arenas
            value: false
          - file_option: swift_prefix
            value: SW
      """, "every option", strategy: "all")
  }

  @Test(.oracle("buf")) func moduleScopedEmptyValueLeavesAModuleAlone() throws {
    // Upstream sebuf's examples: a prefix for everything, then "" for one module.
    try compare(
      """
        enabled: true
        override:
          - file_option: go_package_prefix
            value: example.com/gen
          - file_option: go_package_prefix
            module: buf.build/acme/weather
            value: ""
          - file_option: go_package
            path: acme/weather/v1/types.proto
            value: example.com/types;types
        disable:
          - module: buf.build/acme/weather
            file_option: java_package
          - path: gpb
      """, "module scoped")
  }

  @Test(.oracle("buf")) func lastOverrideWinsAndDisableBeatsOverride() throws {
    try compare(
      """
        enabled: true
        override:
          - file_option: java_package
            path: acme
            value: first.value
          - file_option: java_package_prefix
            value: org
          - file_option: csharp_namespace
            value: Cs.Value
          - file_option: csharp_namespace_prefix
            path: acme/weather
            value: After
          - file_option: ruby_package
            value: Ruby::Pkg
          - file_option: ruby_package_suffix
            path: acme
            value: Sfx
          - file_option: php_namespace
            path: acme/weather/v1/weather_api.proto
            value: Php\\\\Ns
          - file_option: go_package
            value: example.com/all
          - file_option: go_package_prefix
            path: acme
            value: example.com/pre
          - file_option: java_multiple_files
            value: false
            path: gpb
          - file_option: cc_enable_arenas
            value: true
        disable:
          - file_option: php_namespace
            path: acme/weather/v1/types.proto
          - file_option: java_package_prefix
            path: gpb
          - file_option: objc_class_prefix
          - file_option: java_multiple_files
            path: plain.proto
      """, "precedence")
  }

  @Test(.oracle("buf")) func jstypeByFieldPathAndModule() throws {
    try compare(
      """
        enabled: true
        override:
          - field_option: jstype
            value: JS_STRING
          - field_option: jstype
            field: acme.weather.v1.Reading.count
            value: JS_NUMBER
          - field_option: jstype
            path: gpb/error
            value: JS_NORMAL
          - field_option: jstype
            field: gpb.Scope.ext_b
            value: JS_NUMBER
        disable:
          - field_option: jstype
            field: acme.weather.v1.Reading.Sample.raw
          - field: foo_bar.BAZ.v2beta1.Q.z
      """, "jstype")
  }
}
