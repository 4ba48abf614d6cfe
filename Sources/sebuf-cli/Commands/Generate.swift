import ArgumentParser

// Placeholder until the issue that owns `sebuf generate` lands its engine.
struct GenerateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "generate", abstract: "(in progress)")
  func run() async throws { throw ValidationError("sebuf generate is not available yet") }
}
