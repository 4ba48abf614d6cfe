import ArgumentParser

// Placeholder until the issue that owns `sebuf plan` lands its engine.
struct PlanCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "plan", abstract: "(in progress)")
  func run() async throws { throw ValidationError("sebuf plan is not available yet") }
}
