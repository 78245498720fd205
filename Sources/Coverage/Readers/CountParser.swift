import Foundation

/// Byte-level parsing of the numbers in reports, without building Swift strings per attribute: a
/// 40 MB report has millions of them.
enum CountParser {
    /// An attribute value that is a non-negative decimal integer, optionally followed by a fractional
    /// part of zeros (`"3.0"`, which some writers emit), with surrounding ASCII spaces allowed. nil
    /// for anything else: a sign, an exponent, `NaN`, a non-zero fraction, or a value above
    /// `UInt64.max`.
    static func attributeCount(_ value: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var start = 0
        var end = value.count
        while start < end && value[start] == 0x20 { start += 1 }
        while end > start && value[end - 1] == 0x20 { end -= 1 }
        return count(UnsafeBufferPointer(rebasing: value[start..<end]))
    }

    /// `true` in any ASCII letter case (`branch="True"` from coverlet).
    static func isTrue(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        guard value.count == 4 else { return false }
        return value[0] | 0x20 == UInt8(ascii: "t") && value[1] | 0x20 == UInt8(ascii: "r")
            && value[2] | 0x20 == UInt8(ascii: "u") && value[3] | 0x20 == UInt8(ascii: "e")
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

    static func condition(_ value: UnsafeBufferPointer<UInt8>) -> Condition {
        guard let open = value.firstIndex(of: UInt8(ascii: "(")) else { return .none }
        let rest = value[(open + 1)...]
        guard let slash = rest.firstIndex(of: UInt8(ascii: "/")) else { return .invalid }
        let afterSlash = value[(slash + 1)...]
        guard let close = afterSlash.firstIndex(of: UInt8(ascii: ")")) else { return .invalid }
        guard let covered = count(value[(open + 1)..<slash]), let total = count(value[(slash + 1)..<close]) else {
            return .invalid
        }
        return .pair(covered: covered, total: total)
    }

    /// A header total such as `lines-valid="16"` or xcc's `"1.0"`: a finite, non-negative number.
    static func headerNumber(_ text: String) -> Double? {
        // Past 1e15 no report counts lines; `lines-valid="1e300"` trapped when compared as an Int.
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite, value >= 0, value < 1e15 else {
            return nil
        }
        return value
    }
}
