import Foundation
import Proto
import SwiftProtobuf

/// Every (non-public) import is used by a type reference, an extendee, a custom option, or a
/// language feature (`features.(pb.cpp).string_type` uses cpp_features.proto).
struct ImportUsed: LintRule {
  static let info = RuleInfo(
    id: "IMPORT_USED",
    categories: ["BASIC", "STANDARD"],
    purpose: "Checks that imports are used.",
    good: [
      "syntax = \"proto3\";\npackage acme.v1;\nimport \"google/protobuf/empty.proto\";\nmessage Pet { google.protobuf.Empty e = 1; }\n"
    ],
    bad: ["syntax = \"proto3\";\npackage acme.v1;\n↓import \"google/protobuf/empty.proto\";\nmessage Pet {}\n"])

  func check(_ context: LintContext, _ out: inout FindingSink) {
    let byName = Dictionary(context.image.files.map { ($0.name, $0.descriptor) }, uniquingKeysWith: { a, _ in a })
    for file in context.files {
      let deps = file.descriptor.dependency
      guard !deps.isEmpty else { continue }
      let used = UsedFiles.of(file.descriptor, context)
      let publicSet = Set(file.descriptor.publicDependency)
      for (i, dep) in deps.enumerated() where !publicSet.contains(Int32(i)) {
        if !UsedFiles.reaches(dep, used: used, files: byName) {
          out.report("Import \(q(dep)) is unused.", file: file.index, path: [3, Int32(i)])
        }
      }
    }
  }
}

/// The files a file's declarations draw symbols from.
enum UsedFiles {
  static func of(_ fd: Google_Protobuf_FileDescriptorProto, _ context: LintContext) -> Set<String> {
    var used = Set<String>()
    func symbol(_ name: String) {
      guard !name.isEmpty, let f = context.fileDeclaring(LintContext.trimDot(name)) else { return }
      used.insert(f)
    }
    func extensions(_ unknown: UnknownStorage, _ type: String) {
      for field in WireFields([UInt8](unknown.data)) {
        if let f = context.fileDeclaring("\(type)#\(field.number)") { used.insert(f) }
      }
    }
    func options(_ o: some SwiftProtobuf.Message & FeatureOptions, _ type: String) {
      extensions(o.unknownFields, type)
      if o.hasFeatures { extensions(o.features.unknownFields, "google.protobuf.FeatureSet") }
    }
    func field(_ f: Google_Protobuf_FieldDescriptorProto) {
      symbol(f.typeName)
      symbol(f.extendee)
      if f.hasOptions { options(f.options, "google.protobuf.FieldOptions") }
    }
    func enumType(_ e: Google_Protobuf_EnumDescriptorProto) {
      if e.hasOptions { options(e.options, "google.protobuf.EnumOptions") }
      for v in e.value where v.hasOptions { options(v.options, "google.protobuf.EnumValueOptions") }
    }
    func message(_ m: Google_Protobuf_DescriptorProto) {
      if m.hasOptions { options(m.options, "google.protobuf.MessageOptions") }
      m.field.forEach(field)
      m.extension.forEach(field)
      for o in m.oneofDecl where o.hasOptions { options(o.options, "google.protobuf.OneofOptions") }
      for r in m.extensionRange where r.hasOptions {
        options(r.options, "google.protobuf.ExtensionRangeOptions")
      }
      m.nestedType.forEach(message)
      m.enumType.forEach(enumType)
    }
    if fd.hasOptions { options(fd.options, "google.protobuf.FileOptions") }
    fd.messageType.forEach(message)
    fd.enumType.forEach(enumType)
    fd.extension.forEach(field)
    for s in fd.service {
      if s.hasOptions { options(s.options, "google.protobuf.ServiceOptions") }
      for m in s.method {
        symbol(m.inputType)
        symbol(m.outputType)
        if m.hasOptions { options(m.options, "google.protobuf.MethodOptions") }
      }
    }
    return used
  }

  /// Whether `dep` is used directly or re-exports (through `import public`) a used file.
  static func reaches(_ dep: String, used: Set<String>, files: [String: Google_Protobuf_FileDescriptorProto]) -> Bool {
    var seen = Set<String>()
    var stack = [dep]
    while let f = stack.popLast() {
      guard seen.insert(f).inserted else { continue }
      if used.contains(f) { return true }
      guard let d = files[f] else { continue }
      for i in d.publicDependency where Int(i) < d.dependency.count { stack.append(d.dependency[Int(i)]) }
    }
    return false
  }
}
