import Foundation

/// Durations as markdown-link-check writes them: the `ms` package's format (`"10s"`, `"2000ms"`,
/// `"1.5m"`, `"1d"`; a bare number is milliseconds), and ours for `--max-cache-age` (`1d`, `12h`,
/// `30m`, `90s`; a bare number is seconds).
public enum MsDuration {
    /// Seconds for an `ms`-format string; nil when it is not one.
    ///
    /// Grammar of vercel/ms `parse`: `^(-?(?:\d+)?\.?\d+) *(unit)?$`, case-insensitive, where a missing
    /// unit means milliseconds. Negative values are refused here (no timeout is negative).
    public static func seconds(ms text: String) -> Double? {
        parse(text, defaultUnit: 0.001)
    }

    /// Seconds for our duration flags: like `ms`, but a bare number means seconds.
    public static func seconds(flag text: String) -> Double? {
        parse(text, defaultUnit: 1)
    }

    private static func parse(_ text: String, defaultUnit: Double) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        var numberEnd = trimmed.startIndex
        while numberEnd < trimmed.endIndex, trimmed[numberEnd].isASCII, trimmed[numberEnd].isNumber || trimmed[numberEnd] == "." {
            numberEnd = trimmed.index(after: numberEnd)
        }
        guard let value = Double(trimmed[..<numberEnd]), value >= 0 else { return nil }
        let unit = trimmed[numberEnd...].trimmingCharacters(in: .whitespaces)
        let scale: Double
        switch unit {
        case "": scale = defaultUnit
        case "ms", "msec", "msecs", "millisecond", "milliseconds": scale = 0.001
        case "s", "sec", "secs", "second", "seconds": scale = 1
        case "m", "min", "mins", "minute", "minutes": scale = 60
        case "h", "hr", "hrs", "hour", "hours": scale = 3600
        case "d", "day", "days": scale = 86400
        case "w", "week", "weeks": scale = 604_800
        case "y", "yr", "yrs", "year", "years": scale = 31_557_600
        default: return nil
        }
        return value * scale
    }
}
