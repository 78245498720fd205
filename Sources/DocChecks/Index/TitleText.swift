/// Comparing link text with titles, and writing a title as link text.
enum TitleText {
    /// Leading and trailing white space removed, inner runs of white space (line breaks included)
    /// collapsed to one space.
    static func collapsed(_ text: String) -> String {
        // Most titles are ASCII with single spaces inside: nothing to do, and no Unicode tables.
        var previousSpace = true
        var simple = true
        for byte in text.utf8 {
            if byte >= 0x80 || byte == 0x09 || byte == 0x0A || byte == 0x0B || byte == 0x0C || byte == 0x0D || (byte == 0x20 && previousSpace) {
                simple = false
                break
            }
            previousSpace = byte == 0x20
        }
        if simple, !previousSpace || text.isEmpty { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether `linkText` (rendered, so inline markup is already stripped) agrees with `title` for a
    /// doc at `path`.
    static func matches(_ linkText: String, title: String, path: String, mode: DocIndexOptions.TitleMode) -> Bool {
        let text = collapsed(linkText)
        switch mode {
        case .ignore:
            return true
        case .exact:
            return text == title
        case .casefold:
            let folded = text.lowercased()
            if folded == title.lowercased() { return true }
            // The swiftlang/swift style: the file's name as link text (`Testing.md` or `Testing`).
            let name = RelativePath.name(of: path)
            let stem = name.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(separator: ".")
            return folded == name.lowercased() || (!stem.isEmpty && folded == stem.lowercased())
        }
    }

    /// `text` escaped so that CommonMark renders exactly `text` inside `[…]`: backslash before ASCII
    /// punctuation that could start markup (emphasis, code, links, HTML, escapes; `![` cannot
    /// start an image once its `[` is escaped), and before `&`
    /// only when it would start an entity.
    static func linkText(_ text: String) -> String {
        var out = ""
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\\", "[", "]", "`", "*", "<":
                out.unicodeScalars.append("\\")
            case "_":
                // An underscore between two letters or digits never opens or closes emphasis
                // (CommonMark §6.2), so `snake_case` stays readable.
                let before = index > 0 ? scalars[index - 1] : " "
                let after = index + 1 < scalars.count ? scalars[index + 1] : " "
                if !(isAlphanumeric(before) && isAlphanumeric(after)) { out.unicodeScalars.append("\\") }
            case "&":
                if startsEntity(scalars, at: index) { out.unicodeScalars.append("\\") }
            default:
                break
            }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// `&name;`, `&#123;` or `&#x1F;` starting at `index`.
    private static func startsEntity(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        var i = index + 1
        var length = 0
        while i < scalars.count, length <= 32 {
            let s = scalars[i]
            if s == ";" { return length > 0 }
            guard s.isASCII, s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "#" else { return false }
            i += 1
            length += 1
        }
        return false
    }
}
