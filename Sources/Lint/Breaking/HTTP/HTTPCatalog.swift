// The HTTP category: sebuf's rules over the annotation model.
extension BreakingCatalog {
  static let httpEntries: [Entry] = []
}
