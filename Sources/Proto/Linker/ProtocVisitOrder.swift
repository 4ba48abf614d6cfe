import SwiftProtobuf

/// One element of a file, as protoc's `VisitDescriptors` hands it to the whole-file
/// validations that run after linking (naming style, proto limits): their diagnostics come
/// out in this order, so every such pass walks the file through ``FileLinker/visitInProtocOrder(_:)``.
enum ProtocVisit {
  case message(FileLinker.MessageProto, MessageInfo, path: [Int32])
  case enumType(FileLinker.EnumProto, path: [Int32])
  case enumValue(name: String, path: [Int32])
  /// A oneof of `message`, the `index`th of its declarations.
  case oneof(FileLinker.MessageProto, MessageInfo, index: Int, path: [Int32])
  /// A field or an extension (top level or nested).
  case field(name: String, FieldInfo, path: [Int32])
  case service(name: String, path: [Int32])
  case method(name: String, path: [Int32])
}

extension FileLinker {
  /// Calls `body` for every element in protoc's order: each top-level message with, in
  /// turn, its enums (each followed by its values), oneofs, fields, nested messages (the
  /// same way, depth first) and then its extensions; then the file's enums, extensions,
  /// services and methods. Nesting depth is input-bound, so messages go on an explicit stack.
  func visitInProtocOrder(_ body: (ProtocVisit) -> Void) {
    func visitEnum(_ e: EnumProto, _ path: [Int32]) {
      body(.enumType(e, path: path))
      for (i, v) in e.value.enumerated() { body(.enumValue(name: v.name, path: path + [2, Int32(i)])) }
    }
    enum Step {
      case message(MessageProto, MessageInfo, [Int32])
      case extensions(MessageProto, MessageInfo, [Int32])
    }
    for top in file.messageType.indices where top < topMessages.count {
      var stack: [Step] = [.message(file.messageType[top], topMessages[top], [4, Int32(top)])]
      while let step = stack.popLast() {
        switch step {
        case .message(let m, let info, let path):
          body(.message(m, info, path: path))
          for (i, e) in m.enumType.enumerated() { visitEnum(e, path + [4, Int32(i)]) }
          for i in m.oneofDecl.indices { body(.oneof(m, info, index: i, path: path + [8, Int32(i)])) }
          for i in m.field.indices where i < info.fields.count {
            body(.field(name: m.field[i].name, info.fields[i], path: path + [2, Int32(i)]))
          }
          stack.append(.extensions(m, info, path))
          for i in m.nestedType.indices.reversed() where i < info.nested.count {
            stack.append(.message(m.nestedType[i], info.nested[i], path + [3, Int32(i)]))
          }
        case .extensions(let m, let info, let path):
          for i in m.extension.indices where i < info.extensions.count {
            body(.field(name: m.extension[i].name, info.extensions[i], path: path + [6, Int32(i)]))
          }
        }
      }
    }
    for (i, e) in file.enumType.enumerated() { visitEnum(e, [5, Int32(i)]) }
    for i in file.extension.indices where i < topExtensions.count {
      body(.field(name: file.extension[i].name, topExtensions[i], path: [7, Int32(i)]))
    }
    for (i, s) in file.service.enumerated() {
      body(.service(name: s.name, path: [6, Int32(i)]))
      for (j, m) in s.method.enumerated() { body(.method(name: m.name, path: [6, Int32(i), 2, Int32(j)])) }
    }
  }
}
