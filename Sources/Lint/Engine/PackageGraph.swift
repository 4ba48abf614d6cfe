import Proto

/// The package import graph of an image: an edge `a → b` when a file of package `a`
/// imports a file of package `b` (files without a package are left out).
public struct PackageGraph: Sendable {
  public private(set) var names: [String] = []
  public private(set) var id: [String: Int] = [:]
  public private(set) var edges: [[Int]] = []
  public private(set) var packageOfFile: [String: String] = [:]

  public init(_ image: Image) {
    for f in image.files { packageOfFile[f.name] = f.descriptor.package }
    var seen = Set<Int64>()
    for f in image.files {
      let p = f.descriptor.package
      guard !p.isEmpty else { continue }
      let a = intern(p)
      for dep in f.descriptor.dependency {
        guard let q = packageOfFile[dep], !q.isEmpty, q != p else { continue }
        let b = intern(q)
        if seen.insert(Int64(a) << 32 | Int64(b)).inserted { edges[a].append(b) }
      }
    }
  }

  private mutating func intern(_ p: String) -> Int {
    if let i = id[p] { return i }
    let i = names.count
    names.append(p)
    id[p] = i
    edges.append([])
    return i
  }

  /// Component number of every node (Tarjan's algorithm, iterative so deep graphs do
  /// not overflow the stack).
  public func stronglyConnectedComponents() -> [Int] {
    let n = names.count
    var index = [Int](repeating: -1, count: n)
    var low = [Int](repeating: 0, count: n)
    var onStack = [Bool](repeating: false, count: n)
    var comp = [Int](repeating: -1, count: n)
    var stack: [Int] = []
    var counter = 0
    var compCount = 0
    for root in 0..<n where index[root] < 0 {
      var work: [(node: Int, next: Int)] = [(root, 0)]
      index[root] = counter
      low[root] = counter
      counter += 1
      stack.append(root)
      onStack[root] = true
      while !work.isEmpty {
        let (v, i) = work[work.count - 1]
        if i < edges[v].count {
          work[work.count - 1].next += 1
          let w = edges[v][i]
          if index[w] < 0 {
            index[w] = counter
            low[w] = counter
            counter += 1
            stack.append(w)
            onStack[w] = true
            work.append((w, 0))
          } else if onStack[w] {
            low[v] = min(low[v], index[w])
          }
        } else {
          work.removeLast()
          if let parent = work.last { low[parent.node] = min(low[parent.node], low[v]) }
          if low[v] == index[v] {
            while let w = stack.popLast() {
              onStack[w] = false
              comp[w] = compCount
              if w == v { break }
            }
            compCount += 1
          }
        }
      }
    }
    return comp
  }

  /// Shortest path `from` … `to` (both included) that stays inside one component.
  public func shortestPath(from: Int, to: Int, within comp: [Int]) -> [Int] {
    var prev = [Int: Int]()
    var queue = [from]
    var head = 0
    prev[from] = from
    while head < queue.count {
      let v = queue[head]
      head += 1
      if v == to { break }
      for w in edges[v] where comp[w] == comp[from] && prev[w] == nil {
        prev[w] = v
        queue.append(w)
      }
    }
    var path = [to]
    var cur = to
    while cur != from, let p = prev[cur] {
      path.append(p)
      cur = p
    }
    return path.reversed()
  }
}
