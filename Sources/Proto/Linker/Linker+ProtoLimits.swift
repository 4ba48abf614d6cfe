import SwiftProtobuf

/// protoc 36.2's proto-limits pass (`ValidateProtoLimits`, on for every file its command
/// line builds): where `features.enforce_proto_limits` resolves to anything but
/// LEGACY_NO_EXPLICIT_LIMITS (edition 2026's default is PROTO_LIMITS2026), a message may
/// hold at most 1,500 fields and 1,000 oneofs, a oneof 1,200 fields and an enum 1,700
/// values. It runs after the naming-style pass, in protoc's visit order.
extension FileLinker {
  /// Edition 2026's limits (protobuf's `kLimit2026…` constants).
  enum ProtoLimit {
    static let fieldsPerMessage = 1500
    static let oneofsPerMessage = 1000
    static let fieldsPerOneof = 1200
    static let valuesPerEnum = 1700
    static let optOut =
      " (features.enforce_proto_limits = LEGACY_NO_EXPLICIT_LIMITS can be used to opt out of this check)"
  }

  func validateProtoLimits() {
    // Only editions files can resolve anything but LEGACY_NO_EXPLICIT_LIMITS.
    guard file.syntax == "editions" else { return }
    let chain = FeatureChain(file: file, defaults: EditionDefaults.bundled)
    let legacy = UInt64(1)  // LEGACY_NO_EXPLICIT_LIMITS
    func enforced(_ path: [Int32]) -> Bool {
      chain.resolve(path, asProtoc: true).value(FeatureNumber.enforceProtoLimits) ?? 0 != legacy
    }
    // Members per oneof of the message just visited (its oneofs come right after it),
    // counted in one pass over its fields, and only when the limit can be exceeded.
    var oneofMembers: [Int] = []
    visitInProtocOrder { element in
      switch element {
      case .message(let m, _, let path):
        oneofMembers = []
        if m.field.count > ProtoLimit.fieldsPerOneof {
          oneofMembers = Array(repeating: 0, count: m.oneofDecl.count)
          for f in m.field where f.hasOneofIndex && Int(f.oneofIndex) < oneofMembers.count && f.oneofIndex >= 0 {
            oneofMembers[Int(f.oneofIndex)] += 1
          }
        }
        // Cheap counts first: resolving features per element is not free.
        let tooManyFields = m.field.count > ProtoLimit.fieldsPerMessage
        let tooManyOneofs = m.oneofDecl.count > ProtoLimit.oneofsPerMessage  // editions have no synthetic oneofs
        guard tooManyFields || tooManyOneofs, enforced(path) else { return }
        if tooManyFields {
          error(
            "Message name \(m.name) should not contain more than \(ProtoLimit.fieldsPerMessage) fields\(ProtoLimit.optOut)",
            at: path + [1])
        }
        if tooManyOneofs {
          error(
            "Message name \(m.name) should not contain more than \(ProtoLimit.oneofsPerMessage) oneofs\(ProtoLimit.optOut)",
            at: path + [1])
        }
      case .oneof(let m, _, let index, let path):
        guard index < oneofMembers.count, oneofMembers[index] > ProtoLimit.fieldsPerOneof, enforced(path) else {
          return
        }
        // No position: protoc's parser records none for a oneof's name.
        errorWithoutPosition(
          "Oneof name \(m.oneofDecl[index].name) should not contain more than \(ProtoLimit.fieldsPerOneof) fields\(ProtoLimit.optOut)"
        )
      case .enumType(let e, let path):
        guard e.value.count > ProtoLimit.valuesPerEnum, enforced(path) else { return }
        error(
          "Enum name \(e.name) should not contain more than \(ProtoLimit.valuesPerEnum) values\(ProtoLimit.optOut)",
          at: path + [1])
      case .enumValue, .field, .service, .method:
        return
      }
    }
  }
}
