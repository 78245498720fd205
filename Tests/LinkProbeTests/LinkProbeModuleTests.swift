import Testing
@testable import LinkProbe
