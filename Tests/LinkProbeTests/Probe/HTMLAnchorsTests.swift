import Testing

@testable import LinkProbe

@Suite struct HTMLAnchorsTests {
    @Test func idsAndAnchorNames() {
        let html = """
            <H1 ID="Top-Heading">x</H1><div id='single' class=x><span id=bare>y</span>
            <a name="legacy" href="#x">a</a><p name="not-an-anchor"></p>
            <!-- <p id="commented"></p> --><script>document.write('<a id="scripted">')</script>
            <style>#styled { color: red } </style><p id="a&amp;b"></p><p id=""></p><p data-id="no">
            """
        #expect(HTMLAnchors.scan(Array(html.utf8)) == ["Top-Heading", "single", "bare", "legacy", "a&b"])
    }

    @Test func brokenMarkupDoesNotTrap() {
        for text in ["<", "<a", "<a id=", "<a id=\"x", "<!--", "<script>", "<a name='y'"] {
            _ = HTMLAnchors.scan(Array(text.utf8))
        }
    }
}
