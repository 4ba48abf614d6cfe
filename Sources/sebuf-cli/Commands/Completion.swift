import ArgumentParser

// Placeholder until the issue that owns `sebuf completion` lands its engine.
struct CompletionCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "completion", abstract: "(in progress)")
  func run() async throws { throw ValidationError("sebuf completion is not available yet") }
}
