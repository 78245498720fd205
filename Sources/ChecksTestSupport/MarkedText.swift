import Foundation

/// Test input with position markers, swift-format style: each `‸` marks where an expected finding
/// starts; `«P»` is a placeholder that tests fill with nothing and then with a multibyte prefix, so every
/// case also proves that columns count characters, not bytes.
public struct MarkedText: Sendable {
    public static let marker: Character = "‸"
    public static let placeholder = "«P»"
    /// What `«P»` becomes in the multibyte run: 2 scalars, 6 UTF-8 bytes.
    public static let multibytePrefix = "é🙂"

    /// The text with markers removed.
    public let text: String
    /// 1-based (line, column-in-scalars) of each marker, in order.
    public let markers: [(line: Int, column: Int)]

    public init(_ marked: String, prefix: String = "") {
        let filled = marked.replacingOccurrences(of: MarkedText.placeholder, with: prefix)
        var text = ""
        var markers: [(Int, Int)] = []
        var line = 1
        var column = 1
        for scalar in filled.unicodeScalars {
            if Character(scalar) == MarkedText.marker {
                markers.append((line, column))
                continue
            }
            text.unicodeScalars.append(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        self.text = text
        self.markers = markers
    }

    /// Both runs of a case: without and with the multibyte prefix.
    public static func variants(_ marked: String) -> [MarkedText] {
        [MarkedText(marked), MarkedText(marked, prefix: multibytePrefix)]
    }
}
