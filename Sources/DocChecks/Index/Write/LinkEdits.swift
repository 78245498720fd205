import Markdown

/// The smallest byte edits that give an entry's link new text or a new target, and the destination
/// text for a path, written the way the entry already writes its destinations.
enum LinkEdits {
    typealias Edit = (range: Range<Int>, bytes: [UInt8])

    /// Edits to `bytes` (the region) for `link`; empty when the link's source could not be located.
    ///
    /// An inline link keeps everything but the replaced part (its title, its `<…>`). A reference link
    /// that only changes text keeps its label (`[label]` becomes `[New title][label]`); one that
    /// changes target becomes an inline link, since its definition may serve other links.
    static func edits(for link: OutlineLink, in bytes: [UInt8], newText: String?, newDestination: String?) -> [Edit] {
        guard newText != nil || newDestination != nil, let form = link.form, let range = link.range,
            let textRange = link.textRange
        else { return [] }
        let textSource = String(decoding: bytes[textRange], as: UTF8.self)
        let escaped = newText.map(TitleText.linkText)
        switch form {
        case .inline:
            var edits: [Edit] = []
            if let escaped { edits.append((textRange, Array(escaped.utf8))) }
            if let newDestination, let destinationRange = link.destinationRange {
                edits.append((destinationRange, Array(newDestination.utf8)))
            }
            return edits
        case .full, .collapsed, .shortcut:
            if let newDestination {
                return [(range, Array("[\(escaped ?? textSource)](\(newDestination))".utf8))]
            }
            guard let escaped else { return [] }
            if form == .full { return [(textRange, Array(escaped.utf8))] }
            return [(range, Array("[\(escaped)][\(textSource)]".utf8))]
        case .autolink:
            return []
        }
    }

    /// The destination to write for root-relative `path` in the index at root-relative `indexPath`:
    /// root-absolute (`/docs/x.md`) when `written` was, else relative to the index's folder; a
    /// `?query` and `#fragment` of `written` are kept; percent-encoded unless `angled`.
    static func destination(to path: String, asFolder: Bool, replacing written: String, angled: Bool, indexPath: String) -> String {
        var suffix = ""
        if let cut = written.firstIndex(where: { $0 == "#" || $0 == "?" }) { suffix = String(written[cut...]) }
        var target = written.hasPrefix("/") ? "/" + path : RelativePath.from(RelativePath.folder(of: indexPath), to: path)
        if asFolder, !target.hasSuffix("/") { target += "/" }
        return (angled ? target : encoded(target)) + suffix
    }

    /// The destination of a new entry: relative to the index's folder, percent-encoded.
    static func destination(to path: String, indexPath: String) -> String {
        encoded(RelativePath.from(RelativePath.folder(of: indexPath), to: path))
    }

    /// Percent-encodes what a bare CommonMark destination cannot hold or would misread: spaces and
    /// controls, `<>` `()` `[]` `{}`, quotes, `#`, `?`, `%`, `\`, `^`, `|` and backticks. Letters
    /// outside ASCII stay as UTF-8, as people write them.
    static func encoded(_ path: String) -> String {
        let hexDigits = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count)
        for byte in path.utf8 {
            switch byte {
            case 0x00...0x20, 0x7F, 0x22, 0x23, 0x25, 0x27, 0x28, 0x29, 0x3C, 0x3E, 0x3F,
                0x5B, 0x5C, 0x5D, 0x5E, 0x60, 0x7B, 0x7C, 0x7D:
                out += [0x25, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
            default:
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
