/// Services are not deleted from a file.
struct ServiceNoDelete: FilePairRule {
  static let info = RuleInfo(
    id: "SERVICE_NO_DELETE",
    categories: ["FILE"],
    purpose: "Services are not deleted from a file, since their clients stop working.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          message GetPetRequest {
            string id = 1;
          }

          message GetPetResponse {
            string name = 1;
          }

          service PetService {
            rpc GetPet(GetPetRequest) returns (GetPetResponse);
          }

          service AdminService {
            rpc Reset(GetPetRequest) returns (GetPetResponse);
          }

          """,
        to: """
          ↓syntax = "proto3";

          package acme.v1;

          message GetPetRequest {
            string id = 1;
          }

          message GetPetResponse {
            string name = 1;
          }

          service PetService {
            rpc GetPet(GetPetRequest) returns (GetPetResponse);
          }

          """,
        [
          #"Previously present service "AdminService" was deleted from file."#
        ])
    ])

  func check(_ file: FileNode, _ previous: FileNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    let current = Set(file.services.map(\.name))
    for s in previous.services where !current.contains(s.name) {
      out.add(
        "Previously present service \(quoted(s.name)) was deleted from file.", at: nil, against: s.location,
        file: file)
    }
  }
}
