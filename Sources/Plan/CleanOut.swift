import Basics
import Config
import Diagnostics

/// buf's smart clean (buf 1.67+), as one step beside the output writer: for every job whose
/// entry cleans, the files in its `out` that this run did not produce are removed too, and the
/// directories that leaves empty. Files the manifest records for jobs that did not run (with
/// `--only`) are kept, so a partial run never deletes another entry's outputs; files written
/// now are compared and rewritten as usual, so unchanged ones keep their mtime.
enum CleanOut {
  /// The outs of the cleaning jobs of this run (workspace-relative, normalised); a `--path`
  /// run cleans nothing (it does not produce every file). Throws for an out of `.`, which
  /// would delete the workspace (buf refuses it too).
  static func outs(_ plan: GenerationPlan, outcomes: [JobOutcome]) throws -> [(out: String, job: String)] {
    var result: [(String, String)] = []
    var seen = Set<String>()
    for o in outcomes where o.job.entry.clean && !o.job.partial {
      let out = PathRules.normalize(o.job.out) ?? o.job.out
      if out == "." {
        throw DiagnosticError(
          .error(
            "generate entry \(o.job.index + 1) (\(o.job.label)): cannot clean its out \".\" (the workspace itself); give the entry its own out directory or drop clean.",
            rule: "GENERATE", at: o.job.entry.span))
      }
      if seen.insert(out).inserted { result.append((out, o.job.id)) }
    }
    return result
  }

  /// Files under the cleaned outs that no job produced now, the manifest does not record,
  /// and no earlier step removes: (path, job charged with it), sorted.
  static func strays(
    outs: [(out: String, job: String)], root: String, produced: Set<String>, manifest: Manifest,
    removing: Set<String>
  ) -> [(path: String, job: String)] {
    var recorded = Set<String>()
    for rec in manifest.jobs.values { recorded.formUnion(rec.files.keys) }
    var result: [(String, String)] = []
    for (out, job) in outs {
      for rel in FileSystem.walkFiles(under: root + "/" + out, includeHidden: true) {
        let path = out + "/" + rel
        if produced.contains(path) || recorded.contains(path) || removing.contains(path) { continue }
        result.append((path, job))
      }
    }
    return result.sorted { $0.0 < $1.0 }
  }

  /// Adds the strays of the cleaning jobs to `work`: removed with the stale files, and reported
  /// as stale under the job charged with them.
  static func addStrays(
    to work: inout OutputWriter.Work, outs: [(out: String, job: String)], root: String, outputs: OutputSet,
    manifest: Manifest
  ) {
    let found = strays(
      outs: outs, root: root, produced: Set(outputs.files.keys), manifest: manifest,
      removing: Set(work.toRemove.map(\.path)))
    for (path, job) in found {
      work.toRemove.append((path, job))
      if let i = work.report.jobs.firstIndex(where: { $0.id == job }) {
        work.report.jobs[i].changes.append(FileChange(path: path, kind: .stale))
        work.report.jobs[i].skipped = false
      }
    }
  }

  /// Removes the directories under each out left empty, deepest first (the out itself stays).
  static func pruneEmptyDirectories(outs: [(out: String, job: String)], root: String) {
    for (out, _) in outs {
      var dirs: [String] = []
      var pending = [root + "/" + out]
      while let dir = pending.popLast() {
        for entry in FileSystem.list(dir) where entry.isDirectory {
          let child = dir + "/" + entry.name
          // A symlinked directory is not entered: what it points to is not the out's.
          guard let real = FileSystem.realPath(child), let parent = FileSystem.realPath(dir),
            real == parent + "/" + entry.name
          else { continue }
          dirs.append(child)
          pending.append(child)
        }
      }
      // Longer paths first: children before their parents.
      for dir in dirs.sorted(by: { $0.count > $1.count }) { FileSystem.removeIfEmptyDirectory(dir) }
    }
  }
}
