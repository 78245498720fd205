/// Text from a document or a report (a destination, a heading, a path) made safe to print.
///
/// A link destination may hold any character inside `<…>`, and a coverage report any byte in a
/// path, so an input could otherwise write terminal escape sequences (clear the screen, retitle the
/// window, hide a line) or bidirectional overrides into a reviewer's terminal or a CI log through our
/// output. Each such scalar is shown as `\u{1B}` instead; everything else passes unchanged. The
/// reporters that write for people (text, github, markdown) apply it to every field they print.
public enum DisplayText {
    /// - Parameter keepingNewlines: leave `\n` alone (a message whose later lines the reporter
    ///   indents); everything else that `isControl` names is escaped.
    public static func escapingControls(_ text: String, keepingNewlines: Bool = false) -> String {
        guard mayHoldControls(text) else { return text }
        let escape = { (scalar: Unicode.Scalar) in isControl(scalar) && !(keepingNewlines && scalar == "\n") }
        guard text.unicodeScalars.contains(where: escape) else { return text }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if escape(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// C0 controls (tab and newline included: a message is one line), DEL, C1 controls, and the
    /// bidirectional embedding, override and isolate controls.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// A byte scan that rules out nearly every string at once: every scalar `isControl` names starts
    /// with a byte below 0x20, 0x7F, 0xC2 (C1) or 0xE2 (the bidi controls) in UTF-8.
    private static func mayHoldControls(_ text: String) -> Bool {
        let scan = { (bytes: UnsafeBufferPointer<UInt8>) -> Bool in
            bytes.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }
        }
        return text.utf8.withContiguousStorageIfAvailable(scan) ?? Array(text.utf8).withUnsafeBufferPointer(scan)
    }
}
