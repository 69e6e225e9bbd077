import Testing
@testable import YAMLBridge

@Suite struct YAMLErrorTests {
    @Test func descriptionWithNote() {
        let source = Array("a: 1\n\tb: 2\n".utf8)
        let error = YAMLError(path: "x.yaml", mark: Mark(line: 2, column: 2, offset: 6), message: "bad 'b'",
                              source: source, note: ("see 'a'", Mark(line: 1, column: 1, offset: 0)))
        #expect("\(error)" == "x.yaml:2:2: error: bad 'b'\n\tb: 2\n\t^\nx.yaml:1:1: note: see 'a'\na: 1\n^")
    }

    @Test func markBuiltByHandFindsItsLine() {
        // Offset 0 past line 1: the line is found by counting.
        let error = YAMLError(path: "x.yaml", mark: Mark(line: 3, column: 3, offset: 0), message: "m",
                              source: Array("one\r\ntwo\rthree\n".utf8))
        #expect("\(error)" == "x.yaml:3:3: error: m\nthree\n  ^")
    }

    @Test func caretPastTheEndOfTheLine() {
        let error = YAMLError(path: "p", mark: Mark(line: 1, column: 6, offset: 5), message: "m", sourceLine: "abc")
        #expect("\(error)" == "p:1:6: error: m\nabc\n     ^")
    }
}
