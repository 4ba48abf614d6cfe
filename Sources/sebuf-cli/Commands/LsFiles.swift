import ArgumentParser

// Placeholder until the issue that owns `sebuf ls-files` lands its engine.
struct LsFilesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "ls-files", abstract: "(in progress)")
  func run() async throws { throw ValidationError("sebuf ls-files is not available yet") }
}
