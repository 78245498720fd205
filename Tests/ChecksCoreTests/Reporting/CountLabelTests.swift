import ChecksCore
import Testing

@Suite struct CountLabelTests {
    @Test(
        arguments: [
            (1, "files", "1 file"), (2, "files", "2 files"), (0, "links", "0 links"), (1, "entries", "1 entry"),
            (1, "new lines", "1 new line"), (1, "branches", "1 branch"), (3, "branches", "3 branches"),
            (1, "benchmarks", "1 benchmark"), (1, "boxes", "1 box"),
        ] as [(Int, String, String)])
    func singularOnlyForOne(value: Int, noun: String, expected: String) {
        #expect(CountLabel.text(value, noun) == expected)
    }
}
