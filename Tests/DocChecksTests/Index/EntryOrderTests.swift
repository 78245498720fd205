import Testing

@testable import DocChecks

@Suite struct EntryOrderTests {
    func key(_ path: String, folder: Bool = false, _ text: String = "") -> SortKey {
        SortKey(path: path, isFolder: folder, text: text)
    }

    @Test func folderOrder() {
        let sorted = [
            key("docs/README.md"), key("docs/alpha.md"), key("docs/Beta.md"), key("docs/zeta.md"),
            key("docs/guide", folder: true), key("docs/guide/index.md"), key("docs/guide/a.md"), key("docs/ref", folder: true),
        ]
        for (i, a) in sorted.enumerated() {
            for (j, b) in sorted.enumerated() {
                #expect(EntryOrder.less(a, b, order: .folder) == (i < j), "\(a.components) vs \(b.components)")
            }
        }
    }

    @Test func alphaOrderIgnoresCaseThenPath() {
        #expect(EntryOrder.less(key("docs/z.md", "apple"), key("docs/a.md", "Banana"), order: .alpha))
        #expect(EntryOrder.less(key("docs/a.md", "Same"), key("docs/b.md", "same"), order: .alpha))
        #expect(!EntryOrder.less(key("docs/a.md", "same"), key("docs/a.md", "same"), order: .alpha))
    }
}
