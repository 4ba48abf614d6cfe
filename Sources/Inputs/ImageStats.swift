// `sebuf stats`: counts of what a workspace's files declare, the numbers `buf stats`
// prints (checked against buf 1.75): files, packages, messages (map entries are not
// messages), fields (extensions apart), enums and their values, services and RPCs,
// extensions, and the deprecated messages, enums and RPCs. `types` is buf's sum of
// messages, enums and RPCs.
import Proto
import SwiftProtobuf

public struct ImageStats: Sendable, Equatable {
  public var files = 0
  public var packages = 0
  public var messages = 0
  public var deprecatedMessages = 0
  public var fields = 0
  public var enums = 0
  public var deprecatedEnums = 0
  public var enumValues = 0
  public var services = 0
  public var rpcs = 0
  public var deprecatedRPCs = 0
  public var extensions = 0

  public var types: Int { messages + enums + rpcs }

  /// Counts the image's target files (imports are not counted, as in buf). Nested
  /// messages are walked with an explicit stack.
  public init(_ image: Image) {
    var packages = Set<String>()
    for file in image.files where !file.isImport {
      let d = file.descriptor
      files += 1
      packages.insert(d.package)
      extensions += d.extension.count
      count(enums: d.enumType)
      services += d.service.count
      for s in d.service {
        rpcs += s.method.count
        deprecatedRPCs += s.method.filter { $0.options.deprecated }.count
      }
      var pending = d.messageType
      while let m = pending.popLast() {
        if m.options.mapEntry { continue }
        messages += 1
        if m.options.deprecated { deprecatedMessages += 1 }
        fields += m.field.count
        extensions += m.extension.count
        count(enums: m.enumType)
        pending += m.nestedType
      }
    }
    self.packages = packages.count
  }

  private mutating func count(enums list: [Google_Protobuf_EnumDescriptorProto]) {
    enums += list.count
    for e in list {
      enumValues += e.value.count
      if e.options.deprecated { deprecatedEnums += 1 }
    }
  }

  /// (label, JSON key, value) in buf's order.
  public var rows: [(label: String, key: String, value: Int)] {
    [
      ("Files", "files", files), ("Types", "types", types), ("Packages", "packages", packages),
      ("Messages", "messages", messages), ("Deprecated Messages", "deprecated_messages", deprecatedMessages),
      ("Fields", "fields", fields), ("Enums", "enums", enums),
      ("Deprecated Enums", "deprecated_enums", deprecatedEnums),
      ("Enum Values", "evalues", enumValues), ("Services", "services", services), ("RPCs", "rpcs", rpcs),
      ("Deprecated RPCs", "deprecated_rpcs", deprecatedRPCs), ("Extensions", "extensions", extensions),
    ]
  }
}
