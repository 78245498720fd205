/// One remote link where it is written: the unit of a diagnostic.
public struct RemoteLinkOccurrence: Sendable, Hashable {
    /// Path as shown in diagnostics (relative to the working directory).
    public var file: String
    /// 1-based.
    public var line: Int
    /// 1-based, in Unicode scalars.
    public var column: Int
    /// The destination as written in the Markdown.
    public var url: String

    public init(file: String, line: Int, column: Int, url: String) {
        self.file = file
        self.line = line
        self.column = column
        self.url = url
    }
}
