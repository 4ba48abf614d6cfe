import Proto

/// string fields keep their Java UTF-8 validation.
struct FieldSameJavaUtf8Validation: FieldPairRule {
  static let info = RuleInfo(
    id: "FIELD_SAME_JAVA_UTF8_VALIDATION",
    categories: ["FILE", "PACKAGE"],
    purpose: "string fields keep their Java UTF-8 validation (java_string_check_utf8).",
    examples: [
      .change(
        from: """
          syntax = "proto2";

          package acme.v1;

          message Record {
            optional string id = 1;
          }

          """,
        to: """
          syntax = "proto2";

          package acme.v1;

          ↓option java_string_check_utf8 = true;

          message Record {
            optional string id = 1;
          }

          """,
        [
          #"Field "1" with name "id" on message "Record" changed Java string UTF8 validation from "NONE" to "VERIFY"."#
        ])
    ])

  func check(_ field: FieldNode, _ previous: FieldNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    guard field.type == .string, previous.type == .string else { return }
    let before = validation(previous)
    let after = validation(field)
    guard before != after else { return }
    out.add(
      "\(field.description) changed Java string UTF8 validation from \(quoted(before)) to \(quoted(after)).",
      at: location(field), against: location(previous), file: field.file)
  }

  /// buf's Java validation: `java_string_check_utf8` where it is set or the file is not an
  /// editions file, else `(pb.java).utf8_validation = VERIFY`; otherwise the field's utf8_validation.
  private func validation(_ f: FieldNode) -> String {
    let options = f.file.descriptor.options
    let verify: Bool
    if f.file.syntax != .editions || options.hasJavaStringCheckUtf8 {
      verify = options.javaStringCheckUtf8
    } else {
      verify = f.features.language(.java, field: JavaFeature.utf8Validation) == JavaFeature.verify
    }
    return verify ? "VERIFY" : f.utf8Validation.name
  }

  /// The file's `java_string_check_utf8`, else the field's `(pb.java).utf8_validation`, else the field.
  private func location(_ f: FieldNode) -> Location? {
    f.file.location([8, 27]) ?? f.featureLocation(JavaFeature.extensionNumber, JavaFeature.utf8Validation)
      ?? f.location
  }
}

/// `pb.java` (java_features.proto): the extension and its utf8_validation feature.
enum JavaFeature {
  static let extensionNumber: Int32 = 1001
  static let utf8Validation: Int32 = 2
  static let verify = 2
}
