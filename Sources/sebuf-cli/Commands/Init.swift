import ArgumentParser

// Placeholder until the issue that owns `sebuf init` lands its engine.
struct InitCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "init", abstract: "(in progress)")
  func run() async throws { throw ValidationError("sebuf init is not available yet") }
}
