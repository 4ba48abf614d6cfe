// Building blocks for the HTTP rules' examples: a small pets API with one knob per example.
// The result is an example source (RuleExample notation): `↓` in the parts passed in marks
// where a finding is expected.

enum HTTPExampleFiles {
  /// The example's file.
  static let path = "pets/v1/pets.proto"

  /// A pets API: `messages` and the body of `PetService` are the parts examples change;
  /// `markService` marks the service declaration (line 17 with the default messages).
  static func api(
    service: String, messages: String = defaultMessages, serviceOptions: String = "", markService: Bool = false
  ) -> String {
    """
    // file: \(path)
    syntax = "proto3";

    package pets.v1;

    import "sebuf/http/annotations.proto";
    import "sebuf/http/headers.proto";

    \(messages)
    \(markService ? "↓" : "")service PetService {
    \(serviceOptions)\(service)}

    """
  }

  static let defaultMessages = """
    message GetPetRequest {
      string id = 1;
    }

    message Pet {
      string id = 1;
      string name = 2;
    }

    """
}
