import ArgumentParser

// Placeholder until the issue that owns `sebuf breaking` lands its engine.
struct BreakingCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "breaking", abstract: "(in progress)")
  func run() async throws { throw ValidationError("sebuf breaking is not available yet") }
}
