// Where buf reports a deleted element, and how it compares reserved / extension ranges.

extension FileNode {
  /// For a deleted element `A.B.c`: the deepest enclosing message still present in this
  /// file, whose location the finding uses; nil means "the file, at 1:1".
  func enclosingMessageLocation(ofDeleted nestedName: String) -> Location? {
    guard nestedName.contains(".") else { return nil }
    var parts = nestedName.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    parts.removeLast()
    while !parts.isEmpty {
      if let m = messagesByNestedName[parts.joined(separator: ".")] { return m.location }
      parts.removeLast()
    }
    return nil
  }
}

/// An inclusive range of numbers.
struct TagRange: Equatable {
  var start: Int
  var end: Int
}

/// Largest field number of a message (message-set messages allow more).
let messageRangeInclusiveMax = 536_870_911
let messageSetRangeInclusiveMax = Int(Int32.max) - 1
let enumRangeInclusiveMax = Int(Int32.max)

extension MessageNode {
  /// Reserved ranges, inclusive (descriptor ends are exclusive).
  var reservedRanges: [TagRange] {
    descriptor.reservedRange.map { TagRange(start: Int($0.start), end: Int($0.end) - 1) }
  }
  var extensionRanges: [TagRange] {
    descriptor.extensionRange.map { TagRange(start: Int($0.start), end: Int($0.end) - 1) }
  }
  var maxTag: Int { descriptor.options.messageSetWireFormat ? messageSetRangeInclusiveMax : messageRangeInclusiveMax }
}

extension EnumNode {
  var reservedRanges: [TagRange] {
    descriptor.reservedRange.map { TagRange(start: Int($0.start), end: Int($0.end)) }
  }
}

/// `[5]`, `[5,9]` or `[5,max]`.
func rangeString(_ r: TagRange, max: Int) -> String {
  if r.start == r.end { return "[\(r.start)]" }
  if r.end == max { return "[\(r.start),max]" }
  return "[\(r.start),\(r.end)]"
}

/// Sorted, with overlapping and adjacent ranges merged.
func collapse(_ ranges: [TagRange]) -> [TagRange] {
  let sorted = ranges.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
  var out: [TagRange] = []
  for r in sorted {
    if let last = out.last, r.start <= last.end + 1 {
      out[out.count - 1].end = Swift.max(last.end, r.end)
    } else {
      out.append(r)
    }
  }
  return out
}

/// The parts of `start...end` that `collapsed` does not cover.
func missing(_ start: Int, _ end: Int, in collapsed: [TagRange]) -> [TagRange] {
  var out: [TagRange] = []
  var cursor = start
  for r in collapsed where r.end >= cursor {
    if r.start > end { break }
    if r.start > cursor { out.append(TagRange(start: cursor, end: r.start - 1)) }
    cursor = r.end + 1
    if cursor > end { return out }
  }
  if cursor <= end { out.append(TagRange(start: cursor, end: end)) }
  return out
}

/// buf's `checkTagRanges`: every previous range must still be covered.
func checkRanges(
  kind: String, elementKind: String, name: String, maxTag: Int, previous: [TagRange], current: [TagRange],
  location: Location?, against: Location?, file: FileNode, out: inout BreakingFindings
) {
  guard !previous.isEmpty else { return }
  let collapsed = collapse(current)
  for p in previous {
    let gone = missing(p.start, p.end, in: collapsed)
    guard !gone.isEmpty else { continue }
    let removed = gone.map { rangeString($0, max: maxTag) }.joined(separator: ", ")
    out.add(
      "Previously present \(kind) range \(quoted(rangeString(p, max: maxTag))) on \(elementKind) \(quoted(name)) is missing values: \(removed) were removed.",
      at: location, against: against, file: file)
  }
}
