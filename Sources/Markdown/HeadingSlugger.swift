/// GitHub's heading anchors, ported literally from github-slugger 2.0.0 (`index.js`, `regex.js`), whose
/// fixtures were scraped from real github.com renders. One slugger per document: it remembers the slugs
/// it gave out so repeats get `-1`, `-2`, … exactly as GitHub numbers them.
public struct HeadingSlugger: Sendable {
    /// Slug → how many times its base has been reused; github-slugger's `occurrences`.
    private var occurrences: [String: Int] = [:]

    public init() {}

    /// The anchor GitHub gives the next heading with this text content.
    ///
    /// The `while` loop matters: a naive per-slug counter gets `echo`, `echo 1`, `echo-1` wrong
    /// (reference/links.md §3.5).
    public mutating func slug(_ text: String) -> String {
        let base = HeadingSlugger.slug(text)
        // Most headings are new: one hash lookup claims the slug; a repeat puts its count back.
        guard let previous = occurrences.updateValue(0, forKey: base) else { return base }
        occurrences[base] = previous
        var result = base
        while occurrences[result] != nil {
            occurrences[base, default: 0] += 1
            result = base + "-" + String(occurrences[base, default: 0])
        }
        occurrences[result] = 0
        return result
    }

    /// The slug without de-duplication: lower-case, delete what the regex deletes, each space to `-`.
    public static func slug(_ text: String) -> String {
        // Most headings are ASCII: lower-case and filter the contiguous bytes directly, without the
        // Unicode tables.
        var text = text
        if let ascii = text.withUTF8({ bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                var count = 0
                for byte in bytes {
                    switch byte {
                    case 0x20: buffer[count] = 0x2D
                    case 0x41...0x5A: buffer[count] = byte | 0x20
                    case 0x61...0x7A, 0x30...0x39, 0x5F, 0x2D: buffer[count] = byte
                    default: continue
                    }
                    count += 1
                }
                return count
            }
        }) {
            return ascii
        }
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " {
                out.append("-")
            } else if isKept(scalar) {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// github-slugger's regex deletes every code point in the categories No, P* (but `-`; Pc is kept),
    /// S*, Cc, Co, Cf, Cn and Z* (but U+0020), unless it is Alphabetic. Its tables are Unicode 13, so a
    /// code point assigned later counts as unassigned (Cn) and is deleted too.
    static func isKept(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            // a-z, 0-9, `_` and `-` survive; after lower-casing no A-Z remains.
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) || v == 0x5F || v == 0x2D
                || (v >= 0x41 && v <= 0x5A)
        }
        let properties = scalar.properties
        guard let age = properties.age, age.major < 13 || (age.major == 13 && age.minor == 0) else {
            return false
        }
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .otherNumber,
            .closePunctuation, .finalPunctuation, .initialPunctuation, .openPunctuation, .otherPunctuation,
            .dashPunctuation,
            .currencySymbol, .modifierSymbol, .mathSymbol, .otherSymbol,
            .control, .privateUse, .format, .unassigned, .surrogate,
            .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }
}
