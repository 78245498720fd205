/// Summary counts as people read them: "1 file", "2 files", "1 entry", "1 new line".
///
/// Tools name their counts in the plural (`files`, `links`, `entries`, `new lines`, `branches`);
/// a count of one takes the singular.
public enum CountLabel {
    public static func text(_ value: Int, _ pluralNoun: String) -> String {
        "\(value) \(value == 1 ? singular(pluralNoun) : pluralNoun)"
    }

    /// English singular of the plural nouns the tools use; a word it does not know stays as it is.
    static func singular(_ noun: String) -> String {
        if noun.hasSuffix("ies") { return String(noun.dropLast(3)) + "y" }
        for ending in ["ches", "shes", "sses", "xes"] where noun.hasSuffix(ending) { return String(noun.dropLast(2)) }
        if noun.hasSuffix("s") && !noun.hasSuffix("ss") { return String(noun.dropLast()) }
        return noun
    }
}
