/// Text taken from a document (a destination, a heading, a label) made safe to print in a message.
///
/// A link destination may hold any character inside `<…>`, so a document could otherwise write
/// terminal escape sequences (clear the screen, retitle the window, hide a line) or bidirectional
/// overrides into a reviewer's terminal or a CI log through our output. Each such scalar is shown
/// as `\u{1B}` instead; everything else passes unchanged.
enum DisplayText {
    static func escapingControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// C0 controls (tab and newline included: a message is one line), DEL, C1 controls, and the
    /// bidirectional embedding, override and isolate controls.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
