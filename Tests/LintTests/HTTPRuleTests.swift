import Diagnostics
import Testing

@testable import Lint

/// The HTTP rules on one realistic API: every finding (position, rule, message) is
/// listed, so both what fires and what stays quiet is checked.
@Suite struct HTTPRuleTests {
  static let api = """
    // file: acme/pets/v1/pets.proto
    syntax = "proto3";
    package acme.pets.v1;
    import "sebuf/http/annotations.proto";
    import "google/protobuf/timestamp.proto";

    service PetService {
      option (sebuf.http.service_config) = { base_path: "/api/v1" };
      rpc GetPet(GetPetRequest) returns (Pet) {
        option (sebuf.http.config) = { path: "/pets/{pet_id}" method: HTTP_METHOD_GET };
      }
      rpc FetchPet(FetchPetRequest) returns (Pet) {
        option (sebuf.http.config) = { path: "/pets/{id}" method: HTTP_METHOD_GET };
      }
      rpc ListPets(ListPetsRequest) returns (ListPetsResponse) {
        option (sebuf.http.config) = { path: "/pets" method: HTTP_METHOD_GET };
      }
      rpc WatchPets(ListPetsRequest) returns (Pet) {
        option (sebuf.http.config) = { path: "/pets/watch" stream: true };
      }
      rpc DeletePet(DeletePetRequest) returns (Pet) {
        option (sebuf.http.config) = { path: "/pets/{owner}/{missing}/" method: HTTP_METHOD_DELETE };
      }
      rpc CreatePet(Pet) returns (Pet) {
        option (sebuf.http.config) = { path: "/pets" method: HTTP_METHOD_POST };
      }
      rpc Untouched(Pet) returns (Pet);
    }

    service AdminService {
      option (sebuf.http.service_config) = { base_path: "api//admin" };
      rpc Purge(Pet) returns (Pet) {
        option (sebuf.http.config) = { path: "/pets" method: HTTP_METHOD_POST };
      }
    }

    message GetPetRequest {
      string pet_id = 1 [(sebuf.http.query) = { name: "pet_id" }];
    }
    message FetchPetRequest { string id = 1; }
    message Owner { string name = 1; }
    message DeletePetRequest { Owner owner = 1; }
    message ListPetsRequest {
      int32 limit = 1 [(sebuf.http.query) = { name: "limit" }];
      repeated string tags = 2 [(sebuf.http.query) = { name: "tag" }];
      Owner owner = 3 [(sebuf.http.query) = { name: "owner" }];
      string cursor = 4 [(sebuf.http.query) = { name: "limit" }];
      string note = 5;
    }
    message ListPetsResponse {
      repeated Pet pets = 1 [(sebuf.http.unwrap) = true];
    }
    message Pet {
      string name = 1 [(sebuf.http.unwrap) = true];
      optional string nickname = 2 [(sebuf.http.nullable) = true];
      google.protobuf.Timestamp born = 3 [(sebuf.http.timestamp_format) = TIMESTAMP_FORMAT_DATE];
      int64 born_at = 4 [(sebuf.http.timestamp_format) = TIMESTAMP_FORMAT_DATE];
      bytes photo = 5 [(sebuf.http.bytes_encoding) = BYTES_ENCODING_HEX];
      int32 age = 6 [(sebuf.http.int64_encoding) = INT64_ENCODING_STRING];
      int64 weight = 7 [(sebuf.http.int64_encoding) = INT64_ENCODING_NUMBER];
      Kind kind = 8 [(sebuf.http.enum_encoding) = ENUM_ENCODING_NUMBER];
      Owner owner = 9 [(sebuf.http.empty_behavior) = EMPTY_BEHAVIOR_OMIT, (sebuf.http.flatten) = true];
      string label = 10 [(sebuf.http.empty_behavior) = EMPTY_BEHAVIOR_NULL, (sebuf.http.flatten_prefix) = "x_"];
      oneof detail {
        option (sebuf.http.oneof_config) = { discriminator: "name" flatten: true };
        Owner breeder = 11;
        string shelter = 12;
      }
    }
    enum Kind {
      KIND_UNSPECIFIED = 0;
      KIND_DOG = 1 [(sebuf.http.enum_value) = "dog"];
    }
    """

  @Test func findings() throws {
    let (files, _) = ExampleCompiler.split(Self.api)
    let image = try ExampleCompiler.compile(files)
    let settings = LintSettings(rules: LintCatalog.catalog.expand("HTTP"))
    let found = Linter.lint(image, settings: settings).map {
      "\($0.span!.start.line):\($0.span!.start.column) \($0.rule!) \($0.message)"
    }
    let expected = [
      #"12:5 HTTP_ROUTE_UNIQUE Route GET /api/v1/pets/{id} of RPC "acme.pets.v1.PetService.FetchPet" is already served by RPC "acme.pets.v1.PetService.GetPet" (acme/pets/v1/pets.proto:9:5); routes must be unique across all services."#,
      #"15:5 HTTP_BODYLESS_FIELDS_BOUND GET RPC "ListPets" has request fields bound to neither the path nor the query: "note"; GET requests have no body, so annotate them with (sebuf.http.query), add them to the path, or use POST, PUT or PATCH."#,
      #"18:5 STREAM_METHODS_MUST_USE_GET RPC "WatchPets" streams Server-Sent Events over POST, but stream methods must use GET (EventSource can only send GET); set method: HTTP_METHOD_GET."#,
      #"21:5 HTTP_PATH_FORMAT Path "/pets/{owner}/{missing}/" of RPC "DeletePet" must not end with "/"."#,
      #"21:5 HTTP_PATH_VARIABLE_DEFINED Path variable "{missing}" of RPC "DeletePet" has no matching field in request message "acme.pets.v1.DeletePetRequest"; add a field named "missing" or fix the variable name."#,
      #"21:5 HTTP_PATH_VARIABLE_SCALAR Path variable "{owner}" of RPC "DeletePet" is bound to field "owner" of type "message acme.pets.v1.Owner", but path variables must be singular scalars or enums (string, integers, bool, float, double, enum); change the field type or remove it from the path."#,
      #"30:3 HTTP_PATH_FORMAT Base path "api//admin" of service "AdminService" must start with "/"."#,
      #"37:22 HTTP_PATH_QUERY_CONFLICT Field "pet_id" of "acme.pets.v1.GetPetRequest" is both a path variable of RPC "GetPet" and a query parameter; remove its (sebuf.http.query) annotation or the path variable."#,
      #"45:20 HTTP_QUERY_PARAM_TYPE Query parameter "owner" is bound to field "owner" of type "message acme.pets.v1.Owner"; query parameters must be scalars, enums, or repeated scalars or enums."#,
      #"46:22 HTTP_QUERY_PARAM_UNIQUE Query parameter name "limit" of field "cursor" is already used by field "limit" of "acme.pets.v1.ListPetsRequest"; query parameter names must be unique."#,
      #"53:20 HTTP_UNWRAP_VALID Field "name" of "acme.pets.v1.Pet" has (sebuf.http.unwrap), which is only valid on repeated or map fields."#,
      #"56:22 HTTP_TIMESTAMP_FORMAT_VALID Field "born_at" of "acme.pets.v1.Pet" has (sebuf.http.timestamp_format), which is only valid on google.protobuf.Timestamp fields."#,
      #"58:18 HTTP_INT64_ENCODING_VALID Field "age" of "acme.pets.v1.Pet" has (sebuf.http.int64_encoding), which is only valid on int64, uint64, sint64, fixed64 and sfixed64 fields."#,
      #"60:18 HTTP_ENUM_ENCODING_VALID Field "kind" of "acme.pets.v1.Pet" has (sebuf.http.enum_encoding) = ENUM_ENCODING_NUMBER, but enum "Kind" sets (sebuf.http.enum_value) names; use ENUM_ENCODING_STRING or drop the enum_value names."#,
      #"62:22 HTTP_EMPTY_BEHAVIOR_VALID Field "label" of "acme.pets.v1.Pet" has (sebuf.http.empty_behavior), which is only valid on message fields."#,
      #"62:73 HTTP_FLATTEN_VALID Field "label" of "acme.pets.v1.Pet" has (sebuf.http.flatten_prefix) = "x_" without (sebuf.http.flatten) = true; set flatten or drop the prefix."#,
      #"64:5 HTTP_ONEOF_CONFIG_VALID Oneof "acme.pets.v1.Pet.detail" has flatten = true, so variant "shelter" must be a message type (got string)."#,
      #"64:5 HTTP_ONEOF_CONFIG_VALID Oneof "acme.pets.v1.Pet.detail" uses discriminator "name", which collides with field "name" (JSON: "name"); pick another discriminator name."#,
    ]
    #expect(found == expected)
  }
  /// An explicit default (`*_UNSPECIFIED`, `false`, `""`) means "not set", as in every
  /// backend: no HTTP rule fires on a field the annotation could not otherwise be on.
  /// The same fields with real values each get one finding (so the check can fail).
  @Test func explicitDefaultsAreNotSet() throws {
    func findings(_ values: [String]) throws -> [String] {
      let options = [
        "int64_encoding", "enum_encoding", "empty_behavior", "timestamp_format", "bytes_encoding", "nullable",
        "flatten", "flatten_prefix", "unwrap",
      ]
      var body = "syntax = \"proto3\";\npackage acme.v1;\nimport \"sebuf/http/annotations.proto\";\nmessage Plain {\n"
      for (i, (option, value)) in zip(options, values).enumerated() {
        body += "  string f\(i + 1) = \(i + 1) [(sebuf.http.\(option)) = \(value)];\n"
      }
      body += "}\n"
      let image = try ExampleCompiler.compile([("acme/v1/plain.proto", body)])
      let settings = LintSettings(rules: LintCatalog.catalog.expand("HTTP"))
      return Linter.lint(image, settings: settings).map { "\($0.span!.start.line) \($0.rule!)" }
    }
    let defaults = try findings([
      "INT64_ENCODING_UNSPECIFIED", "ENUM_ENCODING_UNSPECIFIED", "EMPTY_BEHAVIOR_UNSPECIFIED",
      "TIMESTAMP_FORMAT_UNSPECIFIED", "BYTES_ENCODING_UNSPECIFIED", "false", "false", "\"\"", "false",
    ])
    #expect(defaults == [])
    let set = try findings([
      "INT64_ENCODING_STRING", "ENUM_ENCODING_STRING", "EMPTY_BEHAVIOR_OMIT", "TIMESTAMP_FORMAT_DATE",
      "BYTES_ENCODING_HEX", "true", "true", "\"p_\"", "true",
    ])
    #expect(
      set == [
        "5 HTTP_INT64_ENCODING_VALID", "6 HTTP_ENUM_ENCODING_VALID", "7 HTTP_EMPTY_BEHAVIOR_VALID",
        "8 HTTP_TIMESTAMP_FORMAT_VALID", "9 HTTP_BYTES_ENCODING_VALID", "10 HTTP_NULLABLE_VALID",
        "11 HTTP_FLATTEN_VALID", "12 HTTP_FLATTEN_VALID", "13 HTTP_UNWRAP_VALID",
      ])
  }
}
