import Basics
import Testing

@Suite struct JSONToYAMLTests {
  @Test func nestedObjectsAndArraysKeepTheirOrder() throws {
    let json = #"{"file":[{"name":"a.proto","dependency":[],"span":[0,1],"options":{}},[["x"]]],"b\"q":"v","n":null}"#
    let yaml = try JSONToYAML.convert(Array(json.utf8))
    #expect(
      yaml == """
        file:
          - name: "a.proto"
            dependency: []
            span:
              - 0
              - 1
            options: {}
          - - - "x"
        "b\\"q": "v"
        n: null

        """)
  }

  @Test func scalarsAndEmptyDocuments() throws {
    #expect(try JSONToYAML.convert(Array("{}".utf8)) == "{}\n")
    #expect(try JSONToYAML.convert(Array("[]".utf8)) == "[]\n")
    #expect(try JSONToYAML.convert(Array(#"{"a":"x\ny"}"#.utf8)) == "a: \"x\\ny\"\n")
  }

  @Test func malformedJSONThrows() {
    #expect(throws: JSONToYAML.InvalidJSON.self) { try JSONToYAML.convert(Array(#"{"a":"#.utf8)) }
    #expect(throws: JSONToYAML.InvalidJSON.self) { try JSONToYAML.convert(Array(#"{"a":"x"#.utf8)) }
  }
}
