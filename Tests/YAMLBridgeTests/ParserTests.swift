import Testing
@testable import YAMLBridge

@Suite struct ParserTests {
    @Test func composesTagsStylesAndMarks() throws {
        let text = "a: 1\nb: 'x'\nc: !Ref Foo\nd:\n  - \"q\"\n  - |\n    lit\n"
        #expect(dump(try yaml(text)) == """
        {plain("a")@1:1-1:2: plain("1")@1:4-1:5, plain("b")@2:1-2:2: single("x")@2:4-2:7, \
        plain("c")@3:1-3:2: !Ref plain("Foo")@3:4-3:12, plain("d")@4:1-4:2: \
        [double("q")@5:5-5:8, literal("lit\\n")@6:5-8:1]@5:3-8:1}@1:1-8:1
        """)
    }

    @Test func keepsKeyOrder() throws {
        let node = try yaml("zeta: 1\nalpha: 2\nmid: 3\n")
        let keys = node.mapping!.pairs.map { $0.key.scalar!.value }
        #expect(keys == ["zeta", "alpha", "mid"])
    }

    @Test func foldedAndLiteralBlocks() throws {
        let node = try yaml("f: >\n  one\n  two\n\n  three\nl: |-\n  a\n    b\nk: |+\n  x\n\n")
        #expect(node["f"]!.scalar!.value == "one two\nthree\n")
        #expect(node["f"]!.scalar!.style == .folded)
        #expect(node["l"]!.scalar!.value == "a\n  b")
        #expect(node["k"]!.scalar!.value == "x\n\n")
    }

    @Test func standardTagsAreWrittenShort() throws {
        let node = try yaml("a: !!str 12\nb: !<tag:yaml.org,2002:int> '7'\nc: ! 12\nd: !Sub [x, {}]\n")
        #expect(dump(node) == """
        {plain("a")@1:1-1:2: !!str plain("12")@1:4-1:12, plain("b")@2:1-2:2: !!int single("7")@2:4-2:32, \
        plain("c")@3:1-3:2: ! plain("12")@3:4-3:8, plain("d")@4:1-4:2: \
        !Sub [plain("x")@4:10-4:11, {}@4:13-4:15]@4:4-4:16}@1:1-5:1
        """)
    }

    @Test func marksCountUnicodeScalarsAndBytes() throws {
        // é is 2 bytes, 😀 4: columns count scalars, offsets count bytes.
        let node = try yaml("é: 😀x\nb: y\n")
        let pair = node.mapping!.pairs[0]
        #expect(pair.value.start == Mark(line: 1, column: 4, offset: 4))
        #expect(pair.value.end == Mark(line: 1, column: 6, offset: 9))
        #expect(node.mapping!.pairs[1].key.start == Mark(line: 2, column: 1, offset: 10))
    }

    @Test func crlfAndByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a: 1\r\nb: 2\r\n".utf8)
        let node = try YAMLReader.parse(bytes, path: "t.yaml")
        #expect(node.mapping!.pairs[1].key.start == Mark(line: 2, column: 1, offset: 9))
        #expect(node["b"]!.scalar!.value == "2")
    }

    @Test func emptyInputIsNull() throws {
        #expect(dump(try yaml("")) == "plain(\"\")@1:1-1:1")
        #expect(dump(try yaml("# only a comment\n")) == "plain(\"\")@2:1-2:1")
        #expect(try YAMLReader.parseStream([], path: "t.yaml").isEmpty)
    }

    @Test func streamOfDocuments() throws {
        let nodes = try YAMLReader.parseStream(Array("a: 1\n---\n- x\n--- plain\n".utf8), path: "t.yaml")
        #expect(nodes.map(dump) == [
            "{plain(\"a\")@1:1-1:2: plain(\"1\")@1:4-1:5}@1:1-2:1",
            "[plain(\"x\")@3:3-3:4]@3:1-4:1",
            "plain(\"plain\")@4:5-4:10",
        ])
    }

    @Test func secondDocumentIsAnError() {
        #expect(yamlError("a: 1\n---\nb: 2\n") == """
        t.yaml:2:1: error: expected one document, found a second
        ---
        ^
        t.yaml:1:1: note: the first document starts here
        a: 1
        ^
        """)
    }

    // MARK: - Anchors and aliases

    @Test func aliasesAreResolved() throws {
        let node = try yaml("base: &b {x: 1, y: [a, b]}\ncopy: *b\nscalar: &s hello\nagain: *s\n")
        #expect(node["copy"]! == node["base"]!)
        #expect(node["again"]!.scalar!.value == "hello")
        #expect(JSONWriter.write(node, indent: 0)
            == #"{"base":{"x":1,"y":["a","b"]},"copy":{"x":1,"y":["a","b"]},"scalar":"hello","again":"hello"}"#)
    }

    @Test func anchorsCanBeRedefined() throws {
        let node = try yaml("- &a one\n- *a\n- &a two\n- *a\n")
        #expect(JSONWriter.write(node, indent: 0) == #"["one","one","two","two"]"#)
    }

    @Test func unknownAlias() {
        #expect(yamlError("list:\n  - *nope\n") == """
        t.yaml:2:5: error: unknown alias 'nope'
          - *nope
            ^
        """)
    }

    @Test func recursiveAlias() {
        #expect(yamlError("a: &x [1, *x]\n") == """
        t.yaml:1:11: error: alias 'x' refers to a node that contains it
        a: &x [1, *x]
                  ^
        """)
    }

    @Test func billionLaughsIsRefused() {
        var text = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        let names = ["b", "c", "d", "e", "f", "g", "h", "i"]
        var previous = "a"
        for name in names {
            let refs = Array(repeating: "*\(previous)", count: 10).joined(separator: ", ")
            text += "\(name): &\(name) [\(refs)]\n"
            previous = name
        }
        // Aliases to a–d add 123,440 nodes; each *e adds 111,111 more, so the 8th *e on f's line passes a million.
        #expect(yamlError(text) == """
        t.yaml:6:36: error: aliases expand the document past 1000000 nodes (at alias 'e')
        f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
                                           ^
        """)
    }

    @Test func expansionBelowTheBoundIsFine() throws {
        // 10^4 scalars through aliases: well under the bound.
        let text = "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        let node = try yaml(text)
        #expect(node["d"]!.sequence!.items.count == 10)
    }

    // MARK: - Duplicate keys

    @Test(arguments: [
        // Plain and quoted spellings of one string are the same key.
        ("a: 1\n'a': 2\n", """
        t.yaml:2:1: error: duplicate key 'a'
        'a': 2
        ^
        t.yaml:1:1: note: 'a' first appears here
        a: 1
        ^
        """),
        // Nested, in a flow mapping.
        ("outer:\n  inner: {k: 1, k: 2}\n", """
        t.yaml:2:17: error: duplicate key 'k'
          inner: {k: 1, k: 2}
                        ^
        t.yaml:2:11: note: 'k' first appears here
          inner: {k: 1, k: 2}
                  ^
        """),
        // Tabs in the line are copied into the caret's indent.
        ("s: \"\tx\"\nm: {\"\tq\": 1, \"\tq\": 2}\n", "t.yaml:2:14: error: duplicate key '\tq'\nm: {\"\tq\": 1, \"\tq\": 2}\n     \t       ^\nt.yaml:2:5: note: '\tq' first appears here\nm: {\"\tq\": 1, \"\tq\": 2}\n    ^"),
    ])
    func duplicateKeys(text: String, expected: String) {
        #expect(yamlError(text) == expected)
    }

    @Test func typedKeysDifferFromStrings() throws {
        // 1 and "1" are different keys in YAML; so are true and "true".
        let node = try yaml("1: a\n'1': b\ntrue: c\n'true': d\n")
        #expect(node.mapping!.pairs.count == 4)
    }

    @Test func manyKeysUseTheHashTable() {
        var text = ""
        for index in 0..<40 { text += "k\(index): \(index)\n" }
        text += "k7: again\n"
        #expect(yamlError(text) == """
        t.yaml:41:1: error: duplicate key 'k7'
        k7: again
        ^
        t.yaml:8:1: note: 'k7' first appears here
        k7: 7
        ^
        """)
    }

    // MARK: - libyaml's errors

    @Test(arguments: [
        // An unclosed flow sequence: the context becomes a note.
        ("a: 1\nb: [1, 2\nc: 3\n", """
        t.yaml:3:2: error: did not find expected ',' or ']'
        c: 3
         ^
        t.yaml:2:4: note: while parsing a flow sequence
        b: [1, 2
           ^
        """),
        ("a: 1\n  b: 2\n", """
        t.yaml:2:4: error: mapping values are not allowed in this context
          b: 2
           ^
        """),
        // A tab cannot indent; libyaml's context is at the same place, so no note.
        ("\tkey: 1\n", """
        t.yaml:1:1: error: found character that cannot start any token
        \tkey: 1
        ^
        """),
        ("a: \"x\n", """
        t.yaml:2:1: error: found unexpected end of stream

        ^
        t.yaml:1:4: note: while scanning a quoted scalar
        a: "x
           ^
        """),
        ("x: \u{1}\n", "t.yaml:1:4: error: control characters are not allowed (0x01)\nx: \u{1}\n   ^"),
        ("{a: 1}}\n", """
        t.yaml:1:7: error: did not find expected <document start>
        {a: 1}}
              ^
        """),
        // Columns after non-ASCII text count scalars.
        ("é: ü: x\n", """
        t.yaml:1:5: error: mapping values are not allowed in this context
        é: ü: x
            ^
        """),
    ])
    func libyamlErrors(text: String, expected: String) {
        #expect(yamlError(text) == expected)
    }

    @Test func invalidUTF8() {
        var bytes = Array("ok: 1\nbad: ".utf8)
        bytes += [0xFF, 0x0A]
        let error = #expect(throws: YAMLError.self) { try YAMLReader.parse(bytes, path: "b.yaml") }
        #expect(error?.mark == Mark(line: 2, column: 6, offset: 11))
        #expect(error?.message == "invalid leading UTF-8 octet (0xFF)")
    }

    @Test func nestingIsBounded() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(yamlError(deep) == """
        t.yaml:1:513: error: collections nest deeper than 512 levels
        \(deep)
        \(String(repeating: " ", count: 512))^
        """)
    }
}
