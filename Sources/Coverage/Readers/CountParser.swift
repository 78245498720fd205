import Foundation

/// Byte-level parsing of the numbers in reports, without building Swift strings per attribute: a
/// 40 MB report has millions of them.
enum CountParser {
    /// A non-negative decimal integer, optionally followed by a fractional part of zeros (`"3.0"`,
    /// which some writers emit), with surrounding ASCII spaces allowed. nil for anything else:
    /// a sign, an exponent, `NaN`, a non-zero fraction, or a value above `UInt64.max`.
    static func count(_ pointer: UnsafePointer<UInt8>?) -> UInt64? {
        guard var p = pointer else { return nil }
        while p.pointee == 0x20 { p += 1 }
        var value: UInt64 = 0
        var digits = 0
        while p.pointee >= 0x30 && p.pointee <= 0x39 {
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(UInt64(p.pointee - 0x30))
            if o1 || o2 { return nil }
            value = plus
            digits += 1
            p += 1
        }
        guard digits > 0 else { return nil }
        if p.pointee == UInt8(ascii: ".") {
            p += 1
            while p.pointee == UInt8(ascii: "0") { p += 1 }
        }
        while p.pointee == 0x20 { p += 1 }
        return p.pointee == 0 ? value : nil
    }

    /// The same for a byte slice (LCOV fields).
    static func count<C: Collection>(_ bytes: C) -> UInt64? where C.Element == UInt8 {
        var value: UInt64 = 0
        var digits = 0
        var iterator = bytes.makeIterator()
        var seenPoint = false
        while let byte = iterator.next() {
            if seenPoint {
                guard byte == UInt8(ascii: "0") else { return nil }
                continue
            }
            if byte == UInt8(ascii: ".") && digits > 0 {
                seenPoint = true
                continue
            }
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(UInt64(byte - 0x30))
            if o1 || o2 { return nil }
            value = plus
            digits += 1
        }
        return digits > 0 ? value : nil
    }

    /// `"66.66% (2/3)"` → (2, 3): the pair in parentheses, as diff-cover's `\((\d+)/(\d+)\)` reads it;
    /// the percent text before it is ignored (coverlet writes non-integer percents). nil when there
    /// are no parentheses (the DTD default `"100%"`), `.invalid` when they hold something else.
    enum Condition: Equatable {
        case none
        case pair(covered: UInt64, total: UInt64)
        case invalid
    }

    static func condition(_ pointer: UnsafePointer<UInt8>?) -> Condition {
        guard var p = pointer else { return .none }
        while p.pointee != 0 && p.pointee != UInt8(ascii: "(") { p += 1 }
        guard p.pointee == UInt8(ascii: "(") else { return .none }
        p += 1
        var start = p
        while p.pointee != 0 && p.pointee != UInt8(ascii: "/") { p += 1 }
        guard p.pointee == UInt8(ascii: "/") else { return .invalid }
        let covered = count(UnsafeBufferPointer(start: start, count: p - start))
        p += 1
        start = p
        while p.pointee != 0 && p.pointee != UInt8(ascii: ")") { p += 1 }
        guard p.pointee == UInt8(ascii: ")") else { return .invalid }
        let total = count(UnsafeBufferPointer(start: start, count: p - start))
        guard let covered, let total else { return .invalid }
        return .pair(covered: covered, total: total)
    }

    /// A header total such as `lines-valid="16"` or xcc's `"1.0"`: a finite, non-negative number.
    static func headerNumber(_ text: String) -> Double? {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite, value >= 0 else { return nil }
        return value
    }
}
