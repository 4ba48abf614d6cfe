import SwiftProtobuf

extension Google_Protobuf_FileDescriptorProto {
  /// Every file this one names, as protoc loads them: its imports (`[3, i]`), then its option
  /// imports (`import option`, edition 2024: `[15, i]`), each with its statement's source
  /// info path. protoc reads, orders and emits option-imported files like imported ones.
  var importEdges: [(path: [Int32], name: String)] {
    var edges = dependency.enumerated().map { (path: [3, Int32($0.offset)], name: $0.element) }
    for (i, name) in optionDependency.enumerated() { edges.append(([15, Int32(i)], name)) }
    return edges
  }
}
