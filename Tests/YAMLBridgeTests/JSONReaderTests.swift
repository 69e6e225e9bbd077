import Testing
@testable import YAMLBridge

@Suite struct JSONReaderTests {
    @Test func marksOnEveryNode() throws {
        let node = try JSONReader.parse(Array("{\n  \"a\": [1, true, null],\n  \"é\": \"x\"\n}".utf8), path: "t.json")
        #expect(dump(node) == """
        {double("a")@2:3-2:6: [plain("1")@2:9-2:10, plain("true")@2:12-2:16, plain("null")@2:18-2:22]@2:8-2:23, \
        double("é")@3:3-3:6: double("x")@3:8-3:11}@1:1-4:2
        """)
        #expect(node.mapping!.pairs[1].value.start.offset == 34)
    }

    @Test func stringsAndEscapes() throws {
        let node = try JSONReader.parse(Array(#"["a\"b\\c\/d\b\f\n\r\t", "\u00e9\ud83d\ude00", "", "é😀"]"#.utf8), path: "t.json")
        #expect(node.sequence!.items.map { $0.scalar!.value } == ["a\"b\\c/d\u{8}\u{c}\n\r\t", "é😀", "", "é😀"])
    }

    @Test func numbersKeepTheirText() throws {
        let node = try JSONReader.parse(Array("[0, -0, 1.50, 1e5, -2.5E-3, 123456789012345678901]".utf8), path: "t.json")
        #expect(node.sequence!.items.map { $0.scalar!.value } == ["0", "-0", "1.50", "1e5", "-2.5E-3", "123456789012345678901"])
        #expect(JSONWriter.write(node, indent: 0) == "[0,-0,1.50,1e5,-2.5E-3,123456789012345678901]")
    }

    @Test func typesLikeYAML() throws {
        let json = try JSONReader.parse(Array(#"{"a": 1, "b": "1", "c": true, "d": null}"#.utf8), path: "t.json")
        let yaml = try yaml("a: 1\nb: '1'\nc: true\nd: ~\n")
        #expect(json == yaml)
    }

    @Test(arguments: [
        ("{\"a\": 1, \"a\": 2}", """
        t.json:1:10: error: duplicate key 'a'
        {"a": 1, "a": 2}
                 ^
        t.json:1:2: note: 'a' first appears here
        {"a": 1, "a": 2}
         ^
        """),
        ("{\n  \"Resources\": {},\n  \"Resources\": []\n}", """
        t.json:3:3: error: duplicate key 'Resources'
          "Resources": []
          ^
        t.json:2:3: note: 'Resources' first appears here
          "Resources": {},
          ^
        """),
        ("[1, 2,]", """
        t.json:1:7: error: expected a JSON value, found ']'
        [1, 2,]
              ^
        """),
        ("{\"a\" 1}", """
        t.json:1:6: error: expected ':' after the key, found '1'
        {"a" 1}
             ^
        """),
        ("{\"a\": 1,}", """
        t.json:1:9: error: expected a string key, found '}'
        {"a": 1,}
                ^
        """),
        ("{'a': 1}", """
        t.json:1:2: error: expected a string key, found '''
        {'a': 1}
         ^
        """),
        ("[1 2]", """
        t.json:1:4: error: expected ',' or ']', found '2'
        [1 2]
           ^
        """),
        ("{\"a\": 1", """
        t.json:1:8: error: expected ',' or '}', found the end of the input
        {"a": 1
               ^
        """),
        ("[01]", """
        t.json:1:2: error: invalid number '01'
        [01]
         ^
        """),
        ("[1.]", """
        t.json:1:2: error: invalid number '1.'
        [1.]
         ^
        """),
        ("[-]", """
        t.json:1:2: error: invalid number '-'
        [-]
         ^
        """),
        ("\"abc", """
        t.json:1:1: error: unterminated string
        "abc
        ^
        """),
        ("[\"a\nb\"]", """
        t.json:1:4: error: control character U+000A in a string (escape it)
        ["a
           ^
        """),
        ("tru", """
        t.json:1:1: error: expected a JSON value, found 'tru'
        tru
        ^
        """),
        ("[True]", """
        t.json:1:2: error: expected a JSON value, found 'True'
        [True]
         ^
        """),
        ("[1] x", """
        t.json:1:5: error: unexpected 'x' after the JSON value
        [1] x
            ^
        """),
        ("", """
        t.json:1:1: error: expected a JSON value, found the end of the input

        ^
        """),
        ("{\"é\": \"\\q\"}", """
        t.json:1:8: error: invalid escape '\\q' in a string
        {"é": "\\q"}
               ^
        """),
        ("[\"\\ud800\"]", """
        t.json:1:3: error: unpaired surrogate '\\uD800' in a string
        ["\\ud800"]
          ^
        """),
        ("[\"\\u12\"]", """
        t.json:1:3: error: invalid unicode escape in a string (four hex digits expected)
        ["\\u12"]
          ^
        """),
        // Tabs before the error are copied into the caret line.
        ("{\n\t\"a\": nul\n}", """
        t.json:2:7: error: expected a JSON value, found 'nul'
        \t"a": nul
        \t     ^
        """),
    ])
    func errors(text: String, expected: String) {
        #expect(jsonError(text) == expected)
    }

    @Test func invalidUTF8InAString() {
        let bytes: [UInt8] = Array("[\"a".utf8) + [0xC3, 0x28] + Array("\"]".utf8)
        let error = #expect(throws: YAMLError.self) { try JSONReader.parse(bytes, path: "t.json") }
        #expect(error?.message == "invalid UTF-8 in a string")
        #expect(error?.mark == Mark(line: 1, column: 2, offset: 1))
    }

    @Test func nestingIsBounded() {
        let deep = String(repeating: "[", count: 600)
        let error = #expect(throws: YAMLError.self) { try JSONReader.parse(Array(deep.utf8), path: "t.json") }
        #expect(error?.message == "arrays and objects nest deeper than 512 levels")
        #expect(error?.mark.column == 513)
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let node = try JSONReader.parse([0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}".utf8), path: "t.json")
        #expect(node.start == Mark(line: 1, column: 1, offset: 3))
        #expect(node["a"]!.scalar!.value == "1")
    }
}
