// `sebuf build --type NAME`: the image cut down to the named types and what they need,
// as buf build's --type. A message needs the types of its fields, the extensions that
// extend it, and the message it is nested in; a service all its methods; a method its
// request and response types; an extension its extendee and its type; a package
// (`pkg`, or `pkg.**` with its sub-packages) everything declared in it. Files keep only
// what is needed, drop the imports they no longer use (and their source info, whose
// paths would no longer match), and files that keep nothing are left out.
import Proto
import SwiftProtobuf

public enum ImageTypeFilter {
  public struct UnknownType: Error, CustomStringConvertible, Sendable {
    public var names: [String]
    public var reason = "no such message, enum, service, method, extension or package in the workspace"
    public var description: String { "--type \(names.joined(separator: ", ")): \(reason)" }
  }

  public static func filter(_ image: Image, types: [String]) throws -> Image {
    let table = SymbolTable(image)
    var needed = Set<String>()
    var queue: [String] = []
    func need(_ name: String) {
      let n = name.hasPrefix(".") ? String(name.dropFirst()) : name
      if table.kinds[n] != nil, needed.insert(n).inserted { queue.append(n) }
    }
    var unknown: [String] = []
    for t in types {
      if t.hasSuffix(".**") {
        let pkg = String(t.dropLast(3))
        let found = table.byPackage.filter { $0.key == pkg || $0.key.hasPrefix(pkg + ".") }
        if found.isEmpty { unknown.append(t) }
        for (_, names) in found { names.forEach(need) }
      } else if table.imported.contains(t) {
        throw UnknownType(
          names: [t], reason: "is declared in an imported file, not the workspace's (as buf refuses it)")
      } else if table.kinds[t] != nil {
        need(t)
      } else if let names = table.byPackage[t] {
        names.forEach(need)
      } else {
        unknown.append(t)
      }
    }
    if !unknown.isEmpty { throw UnknownType(names: unknown) }
    while let name = queue.popLast() {
      for dep in table.references[name] ?? [] { need(dep) }
      for ext in table.extensionsOf[name] ?? [] { need(ext) }
    }
    // What a needed declaration is nested in stays as a shell: a message with only its
    // name and the nested declarations kept, a service with only the methods kept.
    var containers = Set<String>()
    for name in needed {
      var parent = table.parents[name]
      while let p = parent, !needed.contains(p), containers.insert(p).inserted { parent = table.parents[p] }
    }
    return prune(image, keeping: needed, containers: containers)
  }

  /// Every declaration by full name (no leading dot), what each refers to, and where it sits.
  struct SymbolTable {
    enum Kind { case message, enumType, service, method, extensionField }
    var kinds: [String: Kind] = [:]
    var references: [String: [String]] = [:]
    var parents: [String: String] = [:]
    var extensionsOf: [String: [String]] = [:]
    var byPackage: [String: [String]] = [:]
    /// Declarations of imported files: they come along when needed but cannot be named.
    var imported = Set<String>()

    init(_ image: Image) {
      for file in image.files {
        let d = file.descriptor
        let before = Set(kinds.keys)
        defer { if file.isImport { imported.formUnion(Set(kinds.keys).subtracting(before)) } }
        let prefix = d.package.isEmpty ? "" : d.package + "."
        var top: [String] = []
        var pending: [(Google_Protobuf_DescriptorProto, String, String?)] = d.messageType.map {
          ($0, prefix + $0.name, nil)
        }
        for e in d.enumType {
          top.append(prefix + e.name)
          kinds[prefix + e.name] = .enumType
        }
        for e in d.extension {
          addExtension(e, name: prefix + e.name, parent: nil)
          top.append(prefix + e.name)
        }
        for s in d.service {
          let sname = prefix + s.name
          kinds[sname] = .service
          top.append(sname)
          for m in s.method {
            let mname = sname + "." + m.name
            kinds[mname] = .method
            parents[mname] = sname
            references[mname] = [m.inputType, m.outputType]
            references[sname, default: []].append(mname)
          }
        }
        while let (m, name, parent) = pending.popLast() {
          kinds[name] = .message
          // A package is everything declared in it, nested declarations included.
          top.append(name)
          if let parent { parents[name] = parent }
          references[name] = m.field.filter { $0.hasTypeName }.map(\.typeName)
          for e in m.enumType {
            kinds[name + "." + e.name] = .enumType
            parents[name + "." + e.name] = name
            top.append(name + "." + e.name)
          }
          for e in m.extension {
            addExtension(e, name: name + "." + e.name, parent: name)
            top.append(name + "." + e.name)
          }
          pending += m.nestedType.map { ($0, name + "." + $0.name, name) }
        }
        if !file.isImport { byPackage[d.package, default: []] += top }
      }
    }

    private mutating func addExtension(_ e: Google_Protobuf_FieldDescriptorProto, name: String, parent: String?) {
      kinds[name] = .extensionField
      if let parent { parents[name] = parent }
      references[name] = [e.extendee] + (e.hasTypeName ? [e.typeName] : [])
      let extendee = e.extendee.hasPrefix(".") ? String(e.extendee.dropFirst()) : e.extendee
      extensionsOf[extendee, default: []].append(name)
    }
  }

  static func prune(_ image: Image, keeping needed: Set<String>, containers: Set<String>) -> Image {
    var kept: [ImageFile] = []
    for file in image.files {
      var d = file.descriptor
      let prefix = d.package.isEmpty ? "" : d.package + "."
      d.messageType = pruneMessages(d.messageType, prefix: prefix, needed: needed, containers: containers)
      d.enumType = d.enumType.filter { needed.contains(prefix + $0.name) }
      d.extension = d.extension.filter { needed.contains(prefix + $0.name) }
      d.service = d.service.compactMap { s in
        let sname = prefix + s.name
        guard needed.contains(sname) || containers.contains(sname) else { return nil }
        var s = s
        s.method = s.method.filter { needed.contains(sname + "." + $0.name) }
        return s
      }
      guard !(d.messageType.isEmpty && d.enumType.isEmpty && d.extension.isEmpty && d.service.isEmpty) else { continue }
      if d.hasSourceCodeInfo { d.clearSourceCodeInfo() }
      kept.append(ImageFile(descriptor: d, isImport: file.isImport, displayPath: file.displayPath))
    }
    // Imports: only those still present and still used by what the file keeps.
    let present = Set(kept.map(\.name))
    var owner: [String: String] = [:]
    for f in kept {
      let prefix = f.descriptor.package.isEmpty ? "" : f.descriptor.package + "."
      var pending = f.descriptor.messageType.map { (prefix + $0.name, $0) }
      for e in f.descriptor.enumType { owner[prefix + e.name] = f.name }
      while let (name, m) = pending.popLast() {
        owner[name] = f.name
        for e in m.enumType { owner[name + "." + e.name] = f.name }
        pending += m.nestedType.map { (name + "." + $0.name, $0) }
      }
    }
    for i in kept.indices {
      var d = kept[i].descriptor
      var used = Set<String>()
      var pending = d.messageType
      var refs: [String] = d.extension.flatMap { [$0.extendee, $0.typeName] }
      for s in d.service { for m in s.method { refs += [m.inputType, m.outputType] } }
      while let m = pending.popLast() {
        refs += m.field.map(\.typeName) + m.extension.flatMap { [$0.extendee, $0.typeName] }
        pending += m.nestedType
      }
      for r in refs where !r.isEmpty {
        if let file = owner[r.hasPrefix(".") ? String(r.dropFirst()) : r], file != d.name { used.insert(file) }
      }
      let old = d.dependency
      let publicSet = Set(d.publicDependency.map { old[Int($0)] })
      let weakSet = Set(d.weakDependency.map { old[Int($0)] })
      d.dependency = old.filter { present.contains($0) && used.contains($0) }
      d.publicDependency = d.dependency.indices.filter { publicSet.contains(d.dependency[$0]) }.map { Int32($0) }
      d.weakDependency = d.dependency.indices.filter { weakSet.contains(d.dependency[$0]) }.map { Int32($0) }
      kept[i].descriptor = d
    }
    return Image(files: kept)
  }

  /// Messages (and their nested messages and enums) that are needed, nesting kept; a
  /// post-order walk with an explicit stack.
  static func pruneMessages(
    _ messages: [Google_Protobuf_DescriptorProto], prefix: String, needed: Set<String>, containers: Set<String>
  ) -> [Google_Protobuf_DescriptorProto] {
    func keeps(_ name: String) -> Bool { needed.contains(name) || containers.contains(name) }
    struct Frame {
      var message: Google_Protobuf_DescriptorProto
      var name: String
      var next = 0
      var kept: [Google_Protobuf_DescriptorProto] = []
    }
    var result: [Google_Protobuf_DescriptorProto] = []
    for top in messages where keeps(prefix + top.name) {
      var stack = [Frame(message: top, name: prefix + top.name)]
      while !stack.isEmpty {
        let i = stack.count - 1
        if stack[i].next < stack[i].message.nestedType.count {
          let child = stack[i].message.nestedType[stack[i].next]
          stack[i].next += 1
          let childName = stack[i].name + "." + child.name
          if keeps(childName) { stack.append(Frame(message: child, name: childName)) }
          continue
        }
        var done = stack.removeLast()
        if !needed.contains(done.name) {
          // A shell: only the name and what is kept inside it.
          var shell = Google_Protobuf_DescriptorProto()
          shell.name = done.message.name
          shell.enumType = done.message.enumType
          shell.extension = done.message.extension
          done.message = shell
        }
        done.message.nestedType = done.kept
        done.message.enumType = done.message.enumType.filter { needed.contains(done.name + "." + $0.name) }
        done.message.extension = done.message.extension.filter { needed.contains(done.name + "." + $0.name) }
        if stack.isEmpty { result.append(done.message) } else { stack[stack.count - 1].kept.append(done.message) }
      }
    }
    return result
  }
}
