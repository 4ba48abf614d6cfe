import Foundation
import TestSupport
import Testing

/// sebuf reads buf's local module cache as buf 1.75 does: a cache laid out and digested by
/// Python (hashlib's SHAKE256, following buf's b5 definition) for a module with a dependency
/// of its own, a LICENSE and a README; buf must accept it offline (which proves the layout
/// and the digests), then sebuf must compile the same workspace; after one cached byte changes,
/// both must refuse it.
@Suite struct BufCacheOracleTests {
  static let builder = """
    import hashlib, os, sys
    root = sys.argv[1]
    def sh(b): return "shake256:" + hashlib.shake_256(b).hexdigest(64)
    def b5(files, deps):
        # A module's files: .proto files, LICENSE and the first of buf.md/README.md/README.markdown.
        doc = next((d for d in ("buf.md", "README.md", "README.markdown") if d in files), None)
        kept = sorted(p for p in files if p.endswith(".proto") or p in ("LICENSE", doc))
        manifest = "".join("%s  %s\\n" % (sh(files[p]), p) for p in kept)
        return "b5:" + hashlib.shake_256("\\n".join([sh(manifest.encode())] + sorted(deps)).encode()).hexdigest(64)
    def put(name, commit, files, deps):
        base = os.path.join(root, "cache/v3/modules/b5", name, commit)
        for p, b in files.items():
            os.makedirs(os.path.dirname(os.path.join(base, "files", p)), exist_ok=True)
            open(os.path.join(base, "files", p), "wb").write(b)
        meta = "version: v1\\n"
        if deps:
            meta += "deps:\\n" + "".join("  - name: %s\\n    commit: %s\\n    digest: %s\\n" % d for d in deps)
        open(os.path.join(base, "module.yaml"), "w").write(meta + "files_dir: files\\n")
        return b5(files, [d[2] for d in deps])
    money = {"acme/money/v1/money.proto": b'syntax = "proto3";\\npackage acme.money.v1;\\nmessage Money { string currency = 1; int64 units = 2; }\\n',
             "LICENSE": b"Apache-2.0\\n", "README.md": b"# money\\n", "notes.txt": b"not part of the module\\n"}
    mc = "11111111111111111111111111111111"
    md = put("buf.build/acme/money", mc, money, [])
    shop = {"acme/shop/v1/price.proto": b'syntax = "proto3";\\npackage acme.shop.v1;\\nimport "acme/money/v1/money.proto";\\nmessage Price { acme.money.v1.Money amount = 1; }\\n'}
    sc = "22222222222222222222222222222222"
    sd = put("buf.build/acme/shop", sc, shop, [("buf.build/acme/money", mc, md)])
    ws = os.path.join(root, "ws")
    os.makedirs(os.path.join(ws, "proto/acme/cart/v1"))
    open(os.path.join(ws, "buf.yaml"), "w").write("version: v2\\nmodules:\\n  - path: proto\\ndeps:\\n  - buf.build/acme/shop\\n")
    open(os.path.join(ws, "buf.lock"), "w").write("version: v2\\ndeps:\\n" + "".join(
        "  - name: %s\\n    commit: %s\\n    digest: %s\\n" % d for d in [("buf.build/acme/money", mc, md), ("buf.build/acme/shop", sc, sd)]))
    open(os.path.join(ws, "proto/acme/cart/v1/cart.proto"), "w").write(
        'syntax = "proto3";\\npackage acme.cart.v1;\\nimport "acme/shop/v1/price.proto";\\nimport "acme/money/v1/money.proto";\\n'
        'message Cart { repeated acme.shop.v1.Price prices = 1; acme.money.v1.Money total = 2; }\\n')
    """

  @Test(.oracle("buf", "python3")) func bufAndSebufReadTheSameCache() throws {
    try OracleTools.require(["buf", "python3"])
    let dir = try BreakingSupport.tempDir("buf-cache")
    defer { try? FileManager.default.removeItem(at: dir) }
    let (made, _, makeErr) = try BreakingSupport.run(["python3", "-c", Self.builder, dir.path])
    try #require(made == 0, "\(makeErr)")
    let ws = dir.appendingPathComponent("ws")
    let env = "BUF_CACHE_DIR=\(dir.path)/cache"
    let sebuf = try BreakingSupport.sebufBinary()
    let (bufCode, _, bufErr) = try BreakingSupport.run(
      ["env", env, "buf", "build", "-o", "\(dir.path)/buf.binpb"], cwd: ws)
    #expect(bufCode == 0, "buf refused the cache: \(bufErr)")
    let (ourCode, _, ourErr) = try BreakingSupport.run(
      ["env", env, sebuf, "build", "-o", "\(dir.path)/sebuf.binpb"], cwd: ws)
    #expect(ourCode == 0, "\(ourErr)")
    let (_, bufFiles, _) = try BreakingSupport.run(["env", env, "buf", "ls-files"], cwd: ws)
    let (_, ourFiles, _) = try BreakingSupport.run(["env", env, sebuf, "ls-files"], cwd: ws)
    #expect(bufFiles == ourFiles)

    // One changed byte in the dependency's dependency: both refuse it.
    let cached = dir.appendingPathComponent(
      "cache/v3/modules/b5/buf.build/acme/money/11111111111111111111111111111111/files/LICENSE")
    try "Apache-2.0.\n".write(to: cached, atomically: true, encoding: .utf8)
    let (bufBad, _, _) = try BreakingSupport.run(["env", env, "buf", "build", "-o", "\(dir.path)/x.binpb"], cwd: ws)
    let (ourBad, _, ourBadErr) = try BreakingSupport.run(
      ["env", env, sebuf, "build", "-o", "\(dir.path)/y.binpb"], cwd: ws)
    #expect(bufBad != 0)
    #expect(ourBad == 1)
    #expect(ourBadErr.contains("digest verification failed for buf.build/acme/money"), "\(ourBadErr)")
  }
}
