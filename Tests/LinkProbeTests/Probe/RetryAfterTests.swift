import Foundation
import Testing

@testable import LinkProbe

@Suite struct RetryAfterTests {
    static let now = Date(timeIntervalSince1970: 784_111_777)  // Sun, 06 Nov 1994 08:49:37 GMT

    @Test(arguments: [
        ("120", 120.0),
        ("0", 0.0),
        ("Sun, 06 Nov 1994 08:49:47 GMT", 10.0),  // IMF-fixdate
        ("Sunday, 06-Nov-94 08:49:57 GMT", 20.0),  // RFC 850
        ("Sun Nov  6 08:50:07 1994", 30.0),  // asctime
        ("Sat, 05 Nov 1994 08:49:37 GMT", 0.0),  // in the past
    ])
    func parses(_ value: String, _ seconds: Double) {
        #expect(RetryAfter.seconds(value, now: Self.now) == seconds)
    }

    @Test(arguments: ["", "soon", "-5", "1.5"])
    func rejects(_ value: String) {
        #expect(RetryAfter.seconds(value, now: Self.now) == nil)
    }
}
