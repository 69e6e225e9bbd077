import Testing
@testable import YAMLBridge

@Suite struct JSONWriterTests {
    // Python's json.dumps(indent=4, separators=(',', ': '), ensure_ascii=False), cfn-flip's layout.
    @Test func prettyLayoutMatchesPython() throws {
        let node = try yaml("a: [1, {b: []}, {}]\ns: \"q\\\"\\\\\\n\\t\\x01\\x7Fé\\u2028/\"\ne: {}\nn: ~\nt: yes\n")
        #expect(JSONWriter.write(node, indent: 4) == """
        {
            "a": [
                1,
                {
                    "b": []
                },
                {}
            ],
            "s": "q\\"\\\\\\n\\t\\u0001\u{7F}é\u{2028}/",
            "e": {},
            "n": null,
            "t": true
        }
        """)
    }

    @Test func defaultIndentIsTwo() throws {
        #expect(JSONWriter.write(try yaml("a:\n  - 1\n")) == "{\n  \"a\": [\n    1\n  ]\n}")
    }

    @Test func compactIsOneLine() throws {
        #expect(JSONWriter.write(try yaml("a: [1, 'x']\nb: {c: null}\n"), indent: 0) == #"{"a":[1,"x"],"b":{"c":null}}"#)
    }

    @Test(arguments: [
        // Valid JSON number text is kept as written.
        ("1.50", "1.50"), ("1e5", "1e5"), ("-0", "-0"), ("2E-3", "2E-3"),
        // Other forms are written as their value.
        ("0777", "511"), ("0x1F", "31"), ("0b101", "5"), ("1_000", "1000"), ("+7", "7"), ("1.", "1.0"),
        (".5", "0.5"), ("+1.5", "1.5"), ("1_000.5", "1000.5"), ("00", "0"),
        // Not numbers: strings.
        (".inf", "\".inf\""), ("1:20", "\"1:20\""), ("09", "\"09\""),
        // Booleans and null.
        ("on", "true"), ("No", "false"), ("~", "null"),
    ])
    func scalars(text: String, expected: String) {
        #expect(JSONWriter.write(.scalar(Node.Scalar(text)), indent: 0) == expected)
    }

    @Test func typedKeysBecomeStrings() throws {
        #expect(JSONWriter.write(try yaml("1: a\ntrue: b\n~: c\n0x10: d\n[x]: e\n"), indent: 0)
            == #"{"1":"a","true":"b","null":"c","16":"d","[\"x\"]":"e"}"#)
    }

    @Test func tagsAreNotWritten() throws {
        #expect(JSONWriter.write(try yaml("a: !Ref X\nb: !!str 1\n"), indent: 0) == #"{"a":"X","b":"1"}"#)
    }
}
