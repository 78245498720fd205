import Foundation

/// For executables whose issue has not landed yet: one line on stderr and exit 2, never a silent pass.
public enum FileHandleErrorPrinter {
    public static func notImplemented(_ tool: String) -> Never {
        FileHandle.standardError.write(Data("\(tool): error: not implemented yet\n".utf8))
        exit(2)
    }
}
