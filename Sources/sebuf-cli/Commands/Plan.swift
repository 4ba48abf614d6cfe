import ArgumentParser

/// `sebuf plan`: what `sebuf generate` would do, without doing it.
struct PlanCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan",
    abstract: "Show the generation jobs and what each would write, without writing.",
    discussion: """
      Each file is marked new, changed, unchanged or stale (would be removed); jobs whose \
      inputs did not change are shown as up to date. Same as `sebuf generate --dry-run`.
      """)

  @OptionGroup var run: GenerateRunOptions

  @Flag(help: "Ignore the manifest: show every job's files as if all had to run.")
  var force = false

  func run() async throws {
    try GenerateDriver(options: run).execute(force: force, dryRun: true)
  }
}
