/// Coverage report readers and gates (issue 5).
import CLibXML2
import ChecksCore
import Foundation

enum LibXML2Probe {
    static var version: Int32 { LIBXML_VERSION }
}
