import Basics
import Diagnostics
import Foundation

/// What a run did (or, in a dry run, would do) to each file.
public struct FileChange: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable {
    case new, changed, unchanged, stale
  }
  /// Relative to the workspace.
  public var path: String
  public var kind: Kind
}

/// One job's part of the report.
public struct JobReport: Sendable {
  public var id: String
  public var label: String
  /// Every invocation was up to date: the backend did not run.
  public var skipped: Bool
  public var changes: [FileChange]
}

/// The writer's result: a value tests assert on and the CLI prints.
public struct WriteReport: Sendable {
  public var jobs: [JobReport]
  /// Files of removed `generate:` entries (not part of any job's report).
  public var orphanRemovals: [FileChange]
  public var notes: [String]

  public var wrote: Int { count(.new) + count(.changed) }
  public var unchanged: Int { count(.unchanged) }
  public var removed: Int { count(.stale) }
  public var skippedJobs: Int { jobs.filter(\.skipped).count }

  private func count(_ kind: FileChange.Kind) -> Int {
    jobs.reduce(0) { $0 + $1.changes.filter { $0.kind == kind }.count }
      + orphanRemovals.filter { $0.kind == kind }.count
  }
}

/// Brings the out dirs to the planned state: writes only files whose bytes differ
/// (atomically), removes files the jobs wrote last time and not this time, never touches
/// files sebuf did not write, and records everything in the manifest.
public struct OutputWriter {
  /// Absolute workspace root.
  public var root: String
  public var manifestPath: String { root + "/.sebuf/manifest.json" }

  public init(root: String) { self.root = root }

  /// Compares `outputs` with the disk and (unless `dryRun`) applies the difference, in
  /// phases: classify every file (nothing touched yet), mark the affected jobs dirty in
  /// the manifest, write and remove, then record the final manifest and drop directories
  /// the jobs created that are now empty. Every path is checked before anything is
  /// written: one that would leave its job's out dir through a symlink aborts the run.
  public func write(
    _ outputs: OutputSet, outcomes: [JobOutcome], plan: GenerationPlan, manifest old: Manifest, dryRun: Bool
  ) throws -> (WriteReport, Manifest) {
    var work = try classify(outputs, outcomes: outcomes, plan: plan, manifest: old)
    let cleaning = try CleanOut.outs(plan, outcomes: outcomes)
    CleanOut.addStrays(to: &work, outs: cleaning, root: root, outputs: outputs, manifest: old)
    if dryRun { return (work.report, old) }
    try markDirty(work, outputs: outputs, outcomes: outcomes, manifest: old)
    // Only outs of jobs in the current configuration (the vetted manifest's records of
    // those carry the out sebuf.yaml gives them), and only while inside the workspace.
    let sweep = Set(old.jobs.filter { $0.value.dirty && plan.allJobIDs.contains($0.key) }.map(\.value.out))
    let realRoot = FileSystem.realPath(root) ?? root
    for out in sweep where PathRules.contains(realRoot, resolve(root + "/" + out)) {
      sweepTempFiles(root + "/" + out)
    }
    if !sweep.isEmpty { sweepTempFiles(root + "/.sebuf") }
    try apply(&work, outputs: outputs)
    CleanOut.pruneEmptyDirectories(outs: cleaning, root: root)
    let manifest = try finish(work, outputs: outputs, outcomes: outcomes, manifest: old)
    return (work.report, manifest)
  }

  /// What one run does to the disk, decided before anything is touched.
  struct Work {
    var report: WriteReport
    var toWrite: [(path: String, bytes: [UInt8], job: String)] = []
    var toRemove: [(path: String, job: String)] = []
    /// Manifest records of the files that end up on disk, by path.
    var records: [String: Manifest.FileRecord] = [:]
    /// Jobs of removed `generate:` entries.
    var orphanJobs: [String] = []
    /// Directories each job created in this run (workspace-relative).
    var created: [String: [String]] = [:]

    var touchedJobs: Set<String> { Set(toWrite.map(\.job) + toRemove.map(\.job)) }
  }

  /// Phase 1: new, changed, unchanged and stale files of every job, and of entries removed
  /// from sebuf.yaml. Reads the disk, writes nothing; throws every unsafe path at once.
  func classify(_ outputs: OutputSet, outcomes: [JobOutcome], plan: GenerationPlan, manifest old: Manifest) throws
    -> Work
  {
    var problems: [Diagnostic] = []
    var work = Work(report: WriteReport(jobs: [], orphanRemovals: [], notes: []))
    let claimed = outputs.files
    for outcome in outcomes {
      let job = outcome.job
      let realOut = resolve(root + "/" + job.out)
      var changes: [FileChange] = []
      for path in outputs.order {
        guard let file = claimed[path], file.job == job.id else { continue }
        guard let bytes = file.contents else {
          if let rec = old.jobs[job.id]?.files[path] { work.records[path] = rec }
          continue
        }
        let abs = root + "/" + path
        let realParent = resolve(PathRules.directory(of: abs))
        if !PathRules.contains(realOut, realParent) {
          problems.append(
            .error(
              "generate entry \(job.index + 1) (\(job.label)): refusing to write \(path): it resolves to \(realParent), outside the out dir \(job.out) (a symlink leads out of it); nothing was written",
              rule: "GENERATE", at: job.entry.span))
          continue
        }
        let owner = old.jobs.values.first { $0.files[path] != nil }
        let previous = owner?.files[path]
        // By content, never by size and mtime: an edit that kept both is still seen.
        let kind: FileChange.Kind
        let disk = FileSystem.read(abs)
        if let disk, disk == bytes {
          kind = .unchanged
          if let stamp = FileSystem.stamp(abs) {
            work.records[path] = Manifest.FileRecord(hash: file.hash, size: stamp.size, mtime: stamp.mtime)
          }
        } else if let disk {
          kind = .changed
          if let previous {
            // After an interrupted run (dirty) either version may be on disk: no edit to report.
            if owner?.dirty != true && ContentHash.hex(disk) != previous.hash {
              work.report.notes.append(
                "overwriting \(path): it was edited since sebuf generated it (edits to generated files are lost; change the .proto or the generator's options instead)"
              )
            }
          } else {
            work.report.notes.append(
              "overwriting \(path), which sebuf did not generate (it is not in .sebuf/manifest.json); it is a generated file from now on"
            )
          }
        } else {
          kind = FileSystem.exists(abs) ? .changed : .new
        }
        if kind != .unchanged { work.toWrite.append((path, bytes, job.id)) }
        changes.append(FileChange(path: path, kind: kind))
      }
      // Stale: written last time by this job, not claimed by anyone now (nor recorded by a
      // job of another config sharing the out, whose file it is as well).
      if !job.partial, let rec = old.jobs[job.id] {
        for path in rec.files.keys.sorted() where claimed[path] == nil {
          if recordedByOtherConfig(path, config: job.source, in: old) { continue }
          if let file = rec.files[path], removable(path, file, realOut: realOut, into: &work.report.notes) {
            work.toRemove.append((path, job.id))
          }
          changes.append(FileChange(path: path, kind: .stale))
        }
      }
      work.report.jobs.append(
        JobReport(id: job.id, label: job.label, skipped: outcome.skipped && changes.isEmpty, changes: changes))
    }
    // Entries removed from this run's config: a full run removes what they wrote. Records
    // of other configs (the workspace's own versus a `--template`) are left alone.
    if !plan.isPartial {
      for (id, rec) in old.jobs.sorted(by: { $0.key < $1.key })
      where !plan.allJobIDs.contains(id) && Manifest.belongs(rec, to: plan.source) {
        work.orphanJobs.append(id)
        let realOut = resolve(root + "/" + rec.out)
        for path in rec.files.keys.sorted() where claimed[path] == nil {
          if recordedByOtherConfig(path, config: rec.config, in: old) { continue }
          if let file = rec.files[path], removable(path, file, realOut: realOut, into: &work.report.notes) {
            work.toRemove.append((path, id))
          }
          work.report.orphanRemovals.append(FileChange(path: path, kind: .stale))
        }
      }
    }
    problems += layoutProblems(work, outcomes: outcomes)
    if !problems.isEmpty { throw DiagnosticError(problems) }
    return work
  }

  /// A job's manifest record after the run.
  func finalRecord(for outcome: JobOutcome, _ work: Work, outputs: OutputSet, manifest old: Manifest)
    -> Manifest.JobRecord
  {
    let job = outcome.job
    let previous = old.jobs[job.id]
    var rec = Manifest.JobRecord(out: job.out, inputs: job.inputsKey, config: job.source)
    let mine = outputs.order.filter { outputs.files[$0]?.job == job.id }
    for path in mine { if let r = work.records[path] { rec.files[path] = r } }
    let perInv = outputs.invocationFiles[job.id] ?? [:]
    for inv in outcome.invocations {
      let inserts =
        inv.files == nil
        ? previous?.invocations[inv.invocation.id]?.inserts
        : outputs.invocationInserts[job.id]?[inv.invocation.id]
      rec.invocations[inv.invocation.id] = Manifest.InvocationRecord(
        key: inv.invocation.key, files: perInv[inv.invocation.id] ?? [], inserts: inserts)
    }
    rec.dirs = (previous?.dirs ?? []) + (work.created[job.id] ?? [])
    if job.partial {
      // --path: merge with what the full run recorded; nothing of it is reusable as is.
      rec.inputs = ""
      for (path, r) in previous?.files ?? [:] where rec.files[path] == nil { rec.files[path] = r }
      var invocations = previous?.invocations ?? [:]
      for (id, inv) in rec.invocations {
        let before = invocations[id]?.files ?? []
        invocations[id] = Manifest.InvocationRecord(key: "", files: Array(Set(before + inv.files)).sorted())
      }
      rec.invocations = invocations
    }
    return rec
  }

  /// Phase 2: mark the affected jobs dirty (recording old and new files) before touching
  /// the disk, so an interrupted run is cleaned up by the next one.
  func markDirty(_ work: Work, outputs: OutputSet, outcomes: [JobOutcome], manifest old: Manifest) throws {
    let touched = work.touchedJobs
    guard !touched.isEmpty else { return }
    var pending = old
    for outcome in outcomes where touched.contains(outcome.job.id) {
      var rec = finalRecord(for: outcome, work, outputs: outputs, manifest: old)
      for (path, r) in old.jobs[outcome.job.id]?.files ?? [:] where rec.files[path] == nil { rec.files[path] = r }
      for w in work.toWrite where w.job == outcome.job.id && rec.files[w.path] == nil {
        // The hash it is about to get (so a file the interrupted run wrote can be cleaned
        // up), a size that never matches (so the next run checks it).
        rec.files[w.path] = Manifest.FileRecord(hash: outputs.files[w.path]?.hash ?? "", size: -1, mtime: 0)
      }
      rec.dirty = true
      rec.inputs = ""
      pending.jobs[outcome.job.id] = rec
    }
    try pending.save(manifestPath)
  }

  /// Phase 3: create directories, write the files on several threads (each write waits for
  /// its fsync, so this is latency-bound), sync the directories, then remove stale files.
  func apply(_ work: inout Work, outputs: OutputSet) throws {
    // Stale files first: one may stand where a directory of this run's files goes.
    for r in work.toRemove { try FileSystem.remove(root + "/" + r.path) }
    // Directories emptied by that, where this run writes a file.
    for w in work.toWrite where FileSystem.isDirectoryNoFollow(root + "/" + w.path) {
      FileSystem.removeEmptyTree(root + "/" + w.path)
    }
    var syncDirs = Set<String>()
    for w in work.toWrite {
      let dir = PathRules.directory(of: root + "/" + w.path)
      if syncDirs.insert(dir).inserted {
        let made = try FileSystem.makeDirectories(dir)
        work.created[w.job, default: []].append(contentsOf: made.map { relative($0) })
      }
    }
    try ParallelWrites.run(work.toWrite.map { (root + "/" + $0.path, $0.bytes) }, threads: 8)
    for w in work.toWrite {
      if let stamp = FileSystem.stamp(root + "/" + w.path), let file = outputs.files[w.path] {
        work.records[w.path] = Manifest.FileRecord(hash: file.hash, size: stamp.size, mtime: stamp.mtime)
      }
    }
    for dir in syncDirs { FileSystem.syncDirectory(dir) }
  }

  /// Phase 4: the final manifest; directories the jobs created that are now empty go.
  func finish(_ work: Work, outputs: OutputSet, outcomes: [JobOutcome], manifest old: Manifest) throws -> Manifest {
    var manifest = old
    for outcome in outcomes {
      manifest.jobs[outcome.job.id] = finalRecord(for: outcome, work, outputs: outputs, manifest: old)
    }
    var orphanDirs: [String] = []
    for id in work.orphanJobs {
      orphanDirs += old.jobs[id]?.dirs ?? []
      manifest.jobs[id] = nil
    }
    let touched = work.touchedJobs
    for id in touched.sorted() {
      guard var rec = manifest.jobs[id] else { continue }
      var kept: [String] = []
      for dir in Set(rec.dirs).sorted(by: { $0.count > $1.count }) {
        let abs = root + "/" + dir
        guard FileSystem.isDirectory(abs) else { continue }
        if rec.files.keys.contains(where: { PathRules.contains(dir, $0) }) || !FileSystem.removeIfEmptyDirectory(abs) {
          kept.append(dir)
        }
      }
      rec.dirs = kept.sorted()
      manifest.jobs[id] = rec
    }
    for dir in Set(orphanDirs).sorted(by: { $0.count > $1.count }) {
      FileSystem.removeIfEmptyDirectory(root + "/" + dir)
    }
    if manifest != old || !touched.isEmpty { try manifest.save(manifestPath) }
    return manifest
  }

  /// Whether a job of another generation config than `config` records `path` (a template
  /// and the workspace writing into one out): the file is that job's too, so it is not
  /// stale for this config to remove. Within one config a path has one owner
  /// (``OutputSet``), so this never keeps a file a config itself abandoned.
  func recordedByOtherConfig(_ path: String, config: String?, in manifest: Manifest) -> Bool {
    manifest.jobs.values.contains { $0.config != config && $0.files[path] != nil }
  }

  /// Whether a stale file may go: it is a regular file (not a link or a directory), it is
  /// reached without leaving its job's out dir, and its contents are still what sebuf
  /// wrote. Otherwise it stays, with a note saying why (a missing file needs nothing).
  func removable(_ path: String, _ record: Manifest.FileRecord, realOut: String, into notes: inout [String]) -> Bool {
    let abs = root + "/" + path
    guard FileSystem.exists(abs) else { return false }
    let realParent = resolve(PathRules.directory(of: abs))
    guard PathRules.contains(realOut, realParent), FileSystem.isRegularNoFollow(abs) else {
      notes.append(
        "not removing stale \(path): it is no longer a regular file inside its out dir (a symlink or directory replaced it); remove it by hand if it is not needed"
      )
      return false
    }
    guard let bytes = FileSystem.read(abs), ContentHash.hex(bytes) == record.hash else {
      notes.append(
        "not removing stale \(path): it was changed since sebuf generated it; remove it by hand if it is not needed")
      return false
    }
    return true
  }

  /// Files to write where a directory stands, or under a file that is not going away:
  /// found before anything is written, so a failed run never leaves half a state.
  func layoutProblems(_ work: Work, outcomes: [JobOutcome]) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    let removed = Set(work.toRemove.map(\.path))
    let spans = Dictionary(outcomes.map { ($0.job.id, ($0.job.entry.span, $0.job.label, $0.job.index)) }) { a, _ in a }
    var checkedDirs = Set<String>()
    for w in work.toWrite {
      let (span, label, index) = spans[w.job] ?? (nil, w.job, -1)
      let what = "generate entry \(index + 1) (\(label))"
      if FileSystem.isDirectoryNoFollow(root + "/" + w.path) {
        let inside = FileSystem.walkFiles(under: root + "/" + w.path, includeHidden: true)
        if inside.contains(where: { !removed.contains(w.path + "/" + $0) }) {
          problems.append(
            .error(
              "\(what) writes the file \(w.path), but a directory with other files is there; move that directory away, or change the entry's out; nothing was written",
              rule: "GENERATE", at: span))
        }
      }
      // The nearest existing ancestor of the file must be a directory (or a link to one).
      var dir = PathRules.directory(of: w.path)
      while dir != "." && checkedDirs.insert(dir).inserted {
        let abs = root + "/" + dir
        if FileSystem.isDirectory(abs) { break }
        if FileSystem.exists(abs) && !removed.contains(dir) {
          problems.append(
            .error(
              "\(what) writes \(w.path), but \(dir) is a file, not a directory; remove or rename it; nothing was written",
              rule: "GENERATE", at: span))
          break
        }
        dir = PathRules.directory(of: dir)
      }
    }
    return problems
  }

  /// Removes temp files an interrupted run left under `dir` (symlinked directories are
  /// not entered, so a link loop cannot make the sweep endless).
  private func sweepTempFiles(_ dir: String) {
    let temps = FileSystem.walkFiles(under: dir, includeHidden: true) {
      PathRules.baseName($0).hasPrefix(FileSystem.tempMarker)
    }
    for rel in temps { try? FileSystem.remove(dir + "/" + rel) }
  }

  private func relative(_ abs: String) -> String {
    abs.hasPrefix(root + "/") ? String(abs.dropFirst(root.count + 1)) : abs
  }

  /// The real path `path` has or would have: the deepest existing ancestor resolved,
  /// the missing rest appended (it will be created as plain directories).
  func resolve(_ path: String) -> String {
    var head = PathRules.normalize(path) ?? path
    var tail: [String] = []
    while true {
      if let real = FileSystem.realPath(head) {
        return tail.isEmpty ? real : real + "/" + tail.reversed().joined(separator: "/")
      }
      let parent = PathRules.directory(of: head)
      if parent == head || parent == "." || parent.isEmpty { return path }
      tail.append(String(head.dropFirst(parent.count + 1)))
      head = parent
    }
  }
}

/// Atomic writes on a few threads.
enum ParallelWrites {
  static func run(_ items: [(path: String, bytes: [UInt8])], threads: Int) throws {
    guard items.count > 1 else {
      for item in items { try FileSystem.writeAtomically(item.bytes, to: item.path) }
      return
    }
    let queue = WorkQueue(count: items.count)
    let errors = Locked<[Error]>([])
    let group = DispatchGroup()
    for _ in 0..<min(threads, items.count) {
      group.enter()
      Thread.detachNewThread {
        while let i = queue.next() {
          do {
            try FileSystem.writeAtomically(items[i].bytes, to: items[i].path)
          } catch {
            errors.withLock { $0.append(error) }
          }
        }
        group.leave()
      }
    }
    group.wait()
    if let first = errors.withLock(\.first) { throw first }
  }
}
