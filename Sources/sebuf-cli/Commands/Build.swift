import ArgumentParser

// Placeholder until the issue that owns `sebuf build` lands its engine.
struct BuildCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "build", abstract: "(in progress)")
  func run() async throws { throw ValidationError("sebuf build is not available yet") }
}
