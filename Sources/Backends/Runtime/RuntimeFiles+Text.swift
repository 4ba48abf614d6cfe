extension RuntimeFiles {
  /// The text of the runtime file at `path` (relative to `Sources/Backends/Runtime`).
  /// Every path the backends ask for is a file of the tree; RuntimeFilesTests checks both.
  static func text(_ path: String) -> String {
    guard let text = all[path] else { preconditionFailure("\(path) is not embedded; run scripts/embed") }
    return text
  }
}
