import Testing

@testable import Basics

struct FileSystemTests {
  @Test func deepTreesWithoutRecursion() throws {
    let root = try FileSystem.makeTemporaryDirectory(prefix: "sebuf-fs-")
    defer { FileSystem.removeTree(root) }
    let deep = root + "/" + Array(repeating: "d", count: 300).joined(separator: "/")
    let created = try FileSystem.makeDirectories(deep)
    #expect(created.count == 300)
    try FileSystem.writeAtomically(Array("x".utf8), to: deep + "/a.proto")
    #expect(FileSystem.walkFiles(under: root).count == 1)
    FileSystem.removeTree(root + "/d")
    #expect(!FileSystem.exists(root + "/d"))
  }

  @Test func walkSkipsHiddenAndDoesNotFollowDirectoryLinks() throws {
    let root = try FileSystem.makeTemporaryDirectory(prefix: "sebuf-fs-")
    defer { FileSystem.removeTree(root) }
    try FileSystem.makeDirectories(root + "/a/.hidden")
    #expect(FileSystem.createNew(Array("1".utf8), at: root + "/a/x.proto"))
    #expect(!FileSystem.createNew(Array("2".utf8), at: root + "/a/x.proto"), "never overwrites")
    #expect(FileSystem.createNew([], at: root + "/a/.hidden/y.proto"))
    #expect(symlink(root, root + "/a/loop") == 0)
    #expect(FileSystem.walkFiles(under: root) == ["a/x.proto"])
  }

  @Test func theLockIsNeverTakenThroughASymlink() throws {
    let root = try FileSystem.makeTemporaryDirectory(prefix: "sebuf-fs-")
    defer { FileSystem.removeTree(root) }
    let outside = try FileSystem.makeTemporaryDirectory(prefix: "sebuf-fs-outside-")
    defer { FileSystem.removeTree(outside) }
    try FileSystem.makeDirectories(root + "/.sebuf")
    #expect(symlink(outside + "/planted", root + "/.sebuf/lock") == 0)
    #expect {
      try WorkspaceLock.acquire(root + "/.sebuf/lock", timeout: 1)
    } throws: {
      "\($0)".hasSuffix(
        "/.sebuf/lock is a symlink; sebuf never locks through one: remove it (.sebuf is a cache, safe to delete)")
    }
    #expect(!FileSystem.exists(outside + "/planted"))
  }

  @Test func removeEmptyTreeKeepsAnythingThatHoldsAFileOrALink() throws {
    let root = try FileSystem.makeTemporaryDirectory(prefix: "sebuf-fs-")
    defer { FileSystem.removeTree(root) }
    let outside = try FileSystem.makeTemporaryDirectory(prefix: "sebuf-fs-outside-")
    defer { FileSystem.removeTree(outside) }
    try FileSystem.makeDirectories(root + "/t/empty/deeper")
    try FileSystem.makeDirectories(root + "/t/full")
    #expect(FileSystem.createNew(Array("1".utf8), at: root + "/t/full/f"))
    try FileSystem.makeDirectories(outside + "/keep")
    #expect(symlink(outside, root + "/t/link") == 0)
    FileSystem.removeEmptyTree(root + "/t")
    #expect(!FileSystem.exists(root + "/t/empty"))
    #expect(FileSystem.isRegularNoFollow(root + "/t/full/f"))
    #expect(FileSystem.exists(root + "/t/link") && !FileSystem.isDirectoryNoFollow(root + "/t/link"))
    #expect(FileSystem.isDirectory(outside + "/keep"), "a link's target is never entered")
    FileSystem.removeTree(root + "/t/full")
    FileSystem.removeTree(root + "/t/link")
    FileSystem.removeEmptyTree(root + "/t")
    #expect(!FileSystem.exists(root + "/t"))
    #expect(FileSystem.isDirectory(outside + "/keep"))
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
