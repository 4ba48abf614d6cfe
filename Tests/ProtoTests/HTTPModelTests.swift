import Foundation
import SwiftProtobuf
import Testing

@testable import Proto

/// Decodes protoc's image of Golden/http/api.proto (regenerate with its regen.sh) and
/// checks every annotation lands in the typed model.
@Suite struct HTTPModelTests {
  static func image() throws -> Image {
    let url = try #require(Bundle.module.url(forResource: "Golden/http/api", withExtension: "pb"))
    let set = try Google_Protobuf_FileDescriptorSet(serializedBytes: try Data(contentsOf: url))
    return Image(files: set.file.map { ImageFile(descriptor: $0, isImport: $0.name != "api.proto") })
  }

  @Test func servicesAndRoutes() throws {
    let api = HTTPAPI.decode(try Self.image())
    #expect(api.services.map(\.fullName) == ["demo.v1.QuoteService"])
    let s = try #require(api.services.first)
    #expect(s.basePath == "/api/v1/")
    #expect(s.headers.map(\.name) == ["X-API-Key", "X-Trace"])
    #expect(s.headers[0].required && s.headers[0].description == "key" && s.headers[0].type == "string")

    let get = s.methods[0]
    #expect(get.name == "GetQuote" && get.hasConfig && get.verb == .get && !get.stream)
    #expect(get.fullPath == "/api/v1/quotes/{symbol}")
    #expect(get.pathParams == ["symbol"])
    #expect(get.inputType == "demo.v1.GetQuoteRequest" && get.outputType == "demo.v1.Quote")
    // The method's X-Trace (required) wins over the service's (optional).
    #expect(get.headers.map(\.name) == ["X-API-Key", "X-Trace"])
    #expect(get.headers[1].required)
    #expect(get.path == [6, 0, 2, 0])

    // Three separate option statements merge into one HttpConfig.
    let stream = s.methods[1]
    #expect(stream.stream && stream.verb == .get && stream.fullPath == "/api/v1/trades/stream")
    #expect(
      stream.queryParams == [
        QueryParam(name: "sym", fieldName: "symbol", fieldNumber: 1, required: true),
        QueryParam(name: "limit", fieldName: "limit", fieldNumber: 2, required: false),
      ])

    let submit = s.methods[2]
    #expect(!submit.hasConfig && submit.verb == .post && submit.methodPath.isEmpty)
  }

  @Test func fieldAnnotations() throws {
    let index = DescriptorIndex(try Self.image())
    let quote = try #require(index.message(".demo.v1.Quote"))
    let f = Dictionary(uniqueKeysWithValues: quote.descriptor.field.map { ($0.name, $0.sebuf) })
    #expect(f["symbol"]?.examples == ["AAPL", "MSFT"])
    #expect(f["volume"]?.int64Encoding == .number)
    #expect(f["side"]?.enumEncoding == .string)
    #expect(f["note"]?.nullable == true)
    #expect(f["at"]?.timestampFormat == .unixMillis)
    #expect(f["raw"]?.bytesEncoding == .hex)
    #expect(f["tags"]?.unwrap == true)
    #expect(f["inner"]?.flatten == true && f["inner"]?.flattenPrefix == "in_")
    #expect(f["inner"]?.emptyBehavior == .omit)
    #expect(f["a"]?.oneofValue == "alpha")
    #expect(f["b"]?.isEmpty == true)
    let oneof = quote.descriptor.oneofDecl.first { $0.name == "kind" }
    #expect(oneof?.sebufOneofConfig == OneofAnnotations(discriminator: "type", flatten: true))
    let side = try #require(index.enumType("demo.v1.Side"))
    #expect(side.descriptor.value.map(\.sebufEnumValue) == [nil, "buy"])
    #expect(index.message("demo.v1.Quote.Inner")?.path == [4, 2, 3, 0])
  }

  @Test func spansAndComments() throws {
    let index = DescriptorIndex(try Self.image())
    let span = try #require(index.span(file: "api.proto", path: [6, 0, 2, 0]))
    #expect(span.start.line == 19 && span.start.column == 3)
    #expect(index.leadingComments(file: "api.proto", path: [6, 0, 2, 0]) == " Fetches one quote.\n")
  }

  @Test func joinsPathsLikeUpstream() {
    #expect(HTTPRoute.join("", "") == "/")
    #expect(HTTPRoute.join("api", "") == "/api")
    #expect(HTTPRoute.join("", "x/{id}") == "/x/{id}")
    #expect(HTTPRoute.join("/api/", "/x") == "/api/x")
    #expect(HTTPRoute.pathVariables("/a/{b}/c/{d}") == ["b", "d"])
  }
}
