// The extra type names a message with oneofs declares in its type module (upstream's helper
// types `<Msg><Oneof>` and `<Msg>Base`), and the check that none of them is already the name
// of another declaration of the same module — two `export type X` would not compile.

import Diagnostics
import Proto

enum TSHelperNames {
  /// The helper type names of `m`, in declaration order (none without real oneofs).
  static func of(_ m: MessageEntry, schema: ProtoSchema) -> [String] {
    let name = Naming.hoisted(fullName: m.fullName, package: m.package)
    let fields = schema.fields(of: m)
    var out: [String] = []
    for (i, decl) in m.descriptor.oneofDecl.enumerated()
    where fields.contains(where: { $0.isRealOneofMember && $0.proto.oneofIndex == Int32(i) }) {
      out.append(name + TSTypeMapper.upperCamel(snake: decl.name))
    }
    if !out.isEmpty, fields.contains(where: { !$0.isRealOneofMember }) { out.append(name + "Base") }
    return out
  }

  /// One error per helper name that another message, enum or helper of its file already takes.
  static func collisions(in reachable: Reachability, schema: ProtoSchema) -> [Diagnostic] {
    var taken: [String: Set<String>] = [:]  // file -> declared names
    for m in reachable.messages {
      taken[m.file, default: []].insert(Naming.hoisted(fullName: m.fullName, package: m.package))
    }
    for e in reachable.enums {
      taken[e.file, default: []].insert(Naming.hoisted(fullName: e.fullName, package: e.package))
    }
    var out: [Diagnostic] = []
    for m in reachable.messages {
      for helper in of(m, schema: schema) {
        if !taken[m.file, default: []].insert(helper).inserted {
          out.append(
            .error(
              "message '\(m.descriptor.name)' needs the TypeScript type '\(helper)' for its oneofs (upstream's helper-type name), but another declaration of this file is already named '\(helper)'; rename the message or the oneof",
              at: schema.span(file: m.file, path: m.path)))
        }
      }
    }
    return out
  }
}
