import ChecksCore

/// With `order=alpha` or `order=folder` in the start marker: siblings out of that order. Only the
/// first per list is reported (one move usually fixes the rest); `--write` sorts every list.
public struct OrderRule: DocIndexRule {
    public static let id = "order"
    public static let severity = Severity.error
    public static let summary = "with order=alpha|folder in the start marker: an entry out of that order (the first per list)"
    public init() {}

    public func check(_ context: IndexRuleContext) -> [Diagnostic] {
        let analysis = context.analysis
        guard let order = analysis.order else { return [] }
        let outline = analysis.file.outline
        func name(_ item: Int) -> String {
            if let entry = analysis.entryByItem[item] { return TitleText.collapsed(analysis.entries[entry].link.text) }
            return outline.items[item].label
        }
        return context.rewrite.outOfOrder.map { item, previous in
            let position =
                analysis.entryByItem[item].map { (analysis.entries[$0].line, analysis.entries[$0].column) }
                ?? (analysis.file.fileLine(outline.items[item].markerPosition.line), outline.items[item].markerPosition.column)
            return diagnostic(
                context, line: position.0, column: position.1,
                "'\(name(item))' should come before '\(name(previous))' (order=\(order.rawValue)); --write sorts the list")
        }
    }
}
