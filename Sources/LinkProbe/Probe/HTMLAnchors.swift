import Foundation

/// The fragments a fetched HTML page offers: every `id` attribute and the `name` of every `<a>`.
///
/// A byte scanner, not an HTML parser: tags, quoted and unquoted attribute values, comments and
/// `<script>`/`<style>` contents (skipped) are enough for anchors, and it never fails on bad markup.
enum HTMLAnchors {
    static func scan(_ bytes: [UInt8]) -> Set<String> {
        var anchors = Set<String>()
        var i = 0
        let n = bytes.count
        @inline(__always) func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
        func startsWith(_ text: String, at index: Int) -> Bool {
            var j = index
            for byte in text.utf8 {
                guard j < n, lower(bytes[j]) == byte else { return false }
                j += 1
            }
            return true
        }
        while i < n {
            guard bytes[i] == 0x3C else { i += 1; continue }  // '<'
            if startsWith("<!--", at: i) {
                i += 4
                while i < n, !startsWith("-->", at: i) { i += 1 }
                i += 3
                continue
            }
            i += 1
            guard i < n, lower(bytes[i]) >= 0x61 && lower(bytes[i]) <= 0x7A else { continue }
            var name: [UInt8] = []
            while i < n, !isSpace(bytes[i]), bytes[i] != 0x3E, bytes[i] != 0x2F {
                name.append(lower(bytes[i]))
                i += 1
            }
            // Attributes until '>'.
            while i < n, bytes[i] != 0x3E {
                if isSpace(bytes[i]) || bytes[i] == 0x2F { i += 1; continue }
                var attribute: [UInt8] = []
                while i < n, !isSpace(bytes[i]), bytes[i] != 0x3D, bytes[i] != 0x3E {
                    attribute.append(lower(bytes[i]))
                    i += 1
                }
                while i < n, isSpace(bytes[i]) { i += 1 }
                guard i < n, bytes[i] == 0x3D else { continue }  // '='
                i += 1
                while i < n, isSpace(bytes[i]) { i += 1 }
                var value: [UInt8] = []
                if i < n, bytes[i] == 0x22 || bytes[i] == 0x27 {
                    let quote = bytes[i]
                    i += 1
                    while i < n, bytes[i] != quote { value.append(bytes[i]); i += 1 }
                    i += 1
                } else {
                    while i < n, !isSpace(bytes[i]), bytes[i] != 0x3E { value.append(bytes[i]); i += 1 }
                }
                if attribute == Array("id".utf8) || (attribute == Array("name".utf8) && name == Array("a".utf8)) {
                    let text = decodeEntities(String(decoding: value, as: UTF8.self))
                    if !text.isEmpty { anchors.insert(text) }
                }
            }
            i += 1
            // Script and style contents are text, not markup.
            if name == Array("script".utf8) || name == Array("style".utf8) {
                let close = "</" + String(decoding: name, as: UTF8.self)
                while i < n, !startsWith(close, at: i) { i += 1 }
            }
        }
        return anchors
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }

    /// The few entities that show up in ids.
    private static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
