import ArgumentParser

// Placeholder until the issue that owns `sebuf lint` lands its engine.
struct LintCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "lint", abstract: "(in progress)")
  func run() async throws { throw ValidationError("sebuf lint is not available yet") }
}
