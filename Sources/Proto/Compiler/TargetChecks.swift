import Diagnostics
import SwiftProtobuf

/// The checks protoc 36's command line makes on the files it was asked to compile once
/// every file has built without errors: a warning for generic services (at the file, as
/// protoc), and an error for each field or extension numbered in 19000–19999, the range
/// the protobuf runtime keeps for itself. protoc prints the latter without a position;
/// ours points at the number. Then, if all that passed, a target whose edition is beyond
/// protoc's maximum (UNSTABLE: sebuf has no `--experimental_editions`).
enum TargetChecks {
  static let firstReservedNumber: Int32 = 19000
  static let lastReservedNumber: Int32 = 19999

  static func check(_ files: [ImageFile], order targets: [String] = []) -> [Diagnostic] {
    var out = checkEach(files)
    if !out.hasErrors, let e = beyondMaximumEdition(files, order: targets) { out.append(e) }
    return out
  }

  /// protoc's `EnforceProtocEditionsSupport`, run once the other checks pass: the first
  /// target (in the order given) whose edition is later than protoc's maximum is an error
  /// at the file, and protoc stops there. Only UNSTABLE gets this far (the descriptor
  /// builder rejects the others); files protoc exempts by path are skipped, imports too.
  static func beyondMaximumEdition(_ files: [ImageFile], order targets: [String]) -> Diagnostic? {
    let byName = Dictionary(files.filter { !$0.isImport }.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    let ordered = targets.isEmpty ? files.filter { !$0.isImport } : targets.compactMap { byName[$0] }
    for f in ordered where !exemptFromEditionCheck(f.name) {
      let edition = Google_Protobuf_Edition(of: f.descriptor)
      guard edition.rawValue > EditionDefaults.protocMaximum.rawValue else { continue }
      return .error(
        "is a file using edition \(edition.protocName), which is later than the protoc maximum supported edition \(EditionDefaults.protocMaximum.protocName).",
        rule: CompileRule.compile, at: .file(f.displayPath))
    }
    return nil
  }

  /// protoc's `CanSkipEditionCheck`: its own trees and test protos.
  static func exemptFromEditionCheck(_ name: String) -> Bool {
    ["google/protobuf/", "upb/", "com/google/protobuf/", "conformance/test_protos/", "test_messages_edition_unstable"]
      .contains { name.hasPrefix($0) }
  }

  static func checkEach(_ files: [ImageFile]) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for f in files where !f.isImport {
      let d = f.descriptor
      let at = Span.file(f.displayPath)
      if d.options.ccGenericServices || d.options.javaGenericServices || d.options.pyGenericServices {
        out.append(
          .warning(
            "Generic services (cc_generic_services, java_generic_services, and py_generic_services) are deprecated in favor of using plugins that generate code specific to your particular RPC system. Additional code generator options may be required to enable generic services and total removal of these options is planned in future breaking releases.",
            rule: CompileRule.compile, at: at))
      }
      var locations: SourceLocations?
      for (_, path) in fieldNumbers(d) {
        if locations == nil { locations = SourceLocations(f) }
        let span = locations?.location(path + [3]).flatMap { SourceLocations.span($0, file: f.displayPath) } ?? at
        out.append(
          .error(
            "Field numbers \(firstReservedNumber) through \(lastReservedNumber) are reserved for the protocol buffer library implementation.",
            rule: CompileRule.compile, at: span))
      }
    }
    return out
  }

  /// The fields and extensions of a file numbered in 19000–19999, with their source
  /// info paths (a queue over nested messages; paths are built only for hits).
  static func fieldNumbers(_ d: Google_Protobuf_FileDescriptorProto) -> [(Int32, [Int32])] {
    func reserved(_ n: Int32) -> Bool { n >= firstReservedNumber && n <= lastReservedNumber }
    var hits: [(Int32, [Int32])] = []
    for (i, e) in d.extension.enumerated() where reserved(e.number) { hits.append((e.number, [7, Int32(i)])) }
    var paths: [[Int32]] = d.messageType.indices.map { [4, Int32($0)] }
    var messages = d.messageType
    // `messages[k]` has path `paths[k]`; nested messages are appended as they are found.
    var k = 0
    while k < messages.count {
      let path = paths[k]
      for (i, f) in messages[k].field.enumerated() where reserved(f.number) {
        hits.append((f.number, path + [2, Int32(i)]))
      }
      for (i, f) in messages[k].extension.enumerated() where reserved(f.number) {
        hits.append((f.number, path + [6, Int32(i)]))
      }
      for (i, n) in messages[k].nestedType.enumerated() {
        messages.append(n)
        paths.append(path + [3, Int32(i)])
      }
      k += 1
    }
    return hits
  }
}
