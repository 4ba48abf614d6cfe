// Building blocks for the HTTP rules' examples: a small pets API with one knob per example.

enum HTTPExampleFiles {
  /// The example's file, `pets/v1/pets.proto` in module `proto`.
  static let path = "pets/v1/pets.proto"

  /// A pets API: `messages` and the body of `PetService` are the parts examples change.
  static func api(service: String, messages: String = defaultMessages, serviceOptions: String = "") -> [String: String] {
    [
      path: """
      syntax = "proto3";

      package pets.v1;

      import "sebuf/http/annotations.proto";
      import "sebuf/http/headers.proto";

      \(messages)
      service PetService {
      \(serviceOptions)\(service)}

      """
    ]
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
