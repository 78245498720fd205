/// Refuses XML that declares entities, before libxml2 sees a byte of it.
///
/// libxml2 runs without `XML_PARSE_NOENT` and `XML_PARSE_DTDLOAD`, so it neither substitutes entities
/// nor loads external DTDs; but it still parses an internal DTD subset and the entity declarations in
/// it, and an attribute value that names an entity is expanded to build the value. No coverage tool
/// declares entities (gcovr, istanbul and JaCoCo only name an external DTD, which is never fetched),
/// so any `<!ENTITY` in the internal subset is refused outright: the XXE and billion-laughs shapes fail
/// here in microseconds. The XML reader also refuses entity-reference nodes, as a second line.
///
/// Grammar followed (XML 1.0 §2.8 prolog, §2.5 comments, §2.6 processing instructions):
/// `prolog ::= XMLDecl? Misc* (doctypedecl Misc*)?`, `doctypedecl ::= '<!DOCTYPE' S Name (S
/// ExternalID)? S? ('[' intSubset ']' S?)? '>'`.
enum XMLEntityGuard {
    /// The prolog must end within this many bytes; real reports have a prolog of a few hundred.
    static let prologLimit = 1 << 20

    /// Scans the prolog at the start of `head`.
    /// - Parameters:
    ///   - head: the first bytes of the file (up to `prologLimit`).
    ///   - isWholeFile: `head` is the entire file, so running out of bytes is libxml2's to report.
    /// - Returns: the root element's local name (what decides Cobertura or JaCoCo), or nil when the
    ///   prolog is followed by something that is not a start tag (libxml2 then says what is wrong).
    /// - Throws: `CoverageReadError.entitiesRefused` for an entity declaration in the internal subset,
    ///   or a prolog longer than `prologLimit`.
    static func check(_ head: [UInt8], isWholeFile: Bool, path: String) throws -> String? {
        var i = 0
        let n = head.count
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        func starts(_ literal: String, at index: Int) -> Bool {
            let bytes = Array(literal.utf8)
            guard index + bytes.count <= n else { return false }
            for k in 0..<bytes.count where head[index + k] != bytes[k] { return false }
            return true
        }
        func find(_ literal: String, from index: Int) -> Int? {
            var k = index
            while k < n {
                if starts(literal, at: k) { return k }
                k += 1
            }
            return nil
        }
        let ranOut = { () throws -> String? in
            if !isWholeFile { throw CoverageReadError.entitiesRefused(file: path) }
            return nil
        }
        while true {
            while i < n, [0x20, 0x09, 0x0A, 0x0D].contains(head[i]) { i += 1 }
            guard i < n else { return try ranOut() }
            if starts("<?", at: i) {
                guard let end = find("?>", from: i + 2) else { return try ranOut() }
                i = end + 2
            } else if starts("<!--", at: i) {
                guard let end = find("-->", from: i + 4) else { return try ranOut() }
                i = end + 3
            } else if starts("<!DOCTYPE", at: i) {
                i += 9
                var quote: UInt8 = 0
                var inSubset = false
                scan: while true {
                    guard i < n else { return try ranOut() }
                    let byte = head[i]
                    if quote != 0 {
                        if byte == quote { quote = 0 }
                        // An entity declaration can hide nowhere, not even inside a literal.
                        if inSubset && starts("<!ENTITY", at: i) { throw CoverageReadError.entitiesRefused(file: path) }
                        i += 1
                        continue
                    }
                    switch byte {
                    case UInt8(ascii: "\""), UInt8(ascii: "'"):
                        quote = byte
                    case UInt8(ascii: "["):
                        inSubset = true
                    case UInt8(ascii: "]"):
                        inSubset = false
                    case UInt8(ascii: ">") where !inSubset:
                        i += 1
                        break scan
                    case UInt8(ascii: "<") where inSubset:
                        if starts("<!ENTITY", at: i) { throw CoverageReadError.entitiesRefused(file: path) }
                        if starts("<!--", at: i) {
                            guard let end = find("-->", from: i + 4) else { return try ranOut() }
                            i = end + 3
                            continue scan
                        }
                    default:
                        break
                    }
                    i += 1
                }
            } else {
                // The root element's start tag (or text libxml2 will reject): the prolog is over.
                return rootName(head, at: i)
            }
        }
    }

    /// The local name of the start tag at `index` (`<ns:coverage ...>` → `coverage`).
    private static func rootName(_ head: [UInt8], at index: Int) -> String? {
        guard index < head.count, head[index] == UInt8(ascii: "<") else { return nil }
        let delimiters: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "/"), UInt8(ascii: ">")]
        let name = head[(index + 1)...].prefix { !delimiters.contains($0) }
        guard !name.isEmpty else { return nil }
        let local = name.lastIndex(of: UInt8(ascii: ":")).map { name[($0 + 1)...] } ?? name
        return String(decoding: local, as: UTF8.self)
    }
}
