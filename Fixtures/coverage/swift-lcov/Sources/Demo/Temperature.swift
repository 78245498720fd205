/// Temperature helpers for the check-coverage LCOV fixture; partly tested on purpose.
public enum Temperature {
    public static func celsius(fromFahrenheit f: Double) -> Double {
        (f - 32) * 5 / 9
    }

    public static func label(celsius c: Double) -> String {
        if c < 0 {
            return "freezing"
        } else if c < 20 {
            return "cool"
        }
        return "warm"
    }

    public static func average(_ values: [Double]) -> Double? {
        guard !values.isEmpty else {
            return nil
        }
        return values.reduce(0, +) / Double(values.count)
    }
}
