import Testing
@testable import TemplateEngine

/// `Value`: JavaScript number formatting, JSON in and out, operators, object key order.
@Suite struct ValueTests {
    static let numbers: [(Double, String)] = [
        (1.0, "1"), (-0.0, "0"), (2.5, "2.5"), (1e21, "1e+21"), (1e-7, "1e-7"), (0.000001, "0.000001"),
        (12345678901234567890, "12345678901234567000"), (0.1 + 0.2, "0.30000000000000004"), (100, "100"),
        (1e20, "100000000000000000000"), (-1.5e-9, "-1.5e-9"), (123.456, "123.456"), (Double.nan, "NaN"),
        (Double.infinity, "Infinity"), (-Double.infinity, "-Infinity"), (5e-324, "5e-324"),
        (1.7976931348623157e308, "1.7976931348623157e+308"), (2.0 / 3.0, "0.6666666666666666"), (1e15, "1000000000000000"),
    ]

    @Test(arguments: numbers)
    func formatsNumbersLikeJavaScript(_ d: Double, _ text: String) {
        #expect(Value.formatNumber(d) == text)
    }

    @Test func jsonRoundTripKeepsOrderAndOrdersIntegerKeysFirst() throws {
        let v = try Value.parseJSON(Array(#"{"b": 1, "a": [true, null, "x\u00e9\n"], "10": 2, "2": 3.50}"#.utf8))
        #expect(v.jsonString() == #"{"2":3.5,"10":2,"b":1,"a":[true,null,"xé\n"]}"#)
        #expect(v.jsonString(indent: "  ") == "{\n  \"2\": 3.5,\n  \"10\": 2,\n  \"b\": 1,\n  \"a\": [\n    true,\n    null,\n    \"xé\\n\"\n  ]\n}")
    }

    /// Objects in a list that repeat the last one's keys reuse them; a key that differs, is missing, is extra, or
    /// is spelled with escapes goes through the full string reader, and an escape never passes as a match.
    @Test func jsonObjectsRepeatingKeys() throws {
        let text = #"""
            [{"a": 1, "b\"q": 2, "c": 3}, {"a": 4, "b\"q": 5, "c": 6}, {"a": 7, "b\u0022q": 8}, {"a": 9, "b\"q": 10, "c": 11, "d": 12},
             {"a": 13, "x": 14, "c": 15}, {"\u0061": 16, "x": 17, "c": 18}, {"a": 19, "a": 20}, {"a": 21, "a": 22}, {"ab": 23}, {"a": 24}]
            """#
        let v = try Value.parseJSON(Array(text.utf8))
        #expect(v.jsonString() == #"""
            [{"a":1,"b\"q":2,"c":3},{"a":4,"b\"q":5,"c":6},{"a":7,"b\"q":8},{"a":9,"b\"q":10,"c":11,"d":12},\#
            {"a":13,"x":14,"c":15},{"a":16,"x":17,"c":18},{"a":20},{"a":22},{"ab":23},{"a":24}]
            """#)
        // The last object's key `b"q` must not match the bytes `b"q` of an invalid key (an unescaped quote).
        #expect(throws: TemplateError.self) { try Value.parseJSON(Array(#"[{"b\"q": 1}, {"b"q": 2}]"#.utf8)) }
        // Nor the key `a\q` (a decoded backslash) the bytes `a\q`, an invalid escape; `a\b` is a valid one.
        #expect(throws: TemplateError.self) { try Value.parseJSON(Array(#"[{"a\\q": 1}, {"a\q": 2}]"#.utf8)) }
        let escaped = try Value.parseJSON(Array(#"[{"a\\b": 1}, {"a\b": 2}]"#.utf8))
        #expect(escaped.jsonString() == #"[{"a\\b":1},{"a\b":2}]"#)
    }

    /// Keys of more than eight bytes are compared eight bytes at a time: one that differs only in its last byte,
    /// or only within its first eight, is read as a new key. A string with escapes keeps the plain runs between them.
    @Test func jsonLongKeysAndEscapedStrings() throws {
        let text = #"""
            [{"resourceName1": "a\"b\"c", "x": "\\\\ \/ \u00e9 tail"}, {"resourceName2": 1, "x": 2}, {"resourceNamf1": 3},
             {"rfsourceNamf1": 5}, {"resourceName1": 4, "x": "\tq\"\n"}]
            """#
        let v = try Value.parseJSON(Array(text.utf8))
        #expect(v.jsonString() == #"""
            [{"resourceName1":"a\"b\"c","x":"\\\\ / é tail"},{"resourceName2":1,"x":2},{"resourceNamf1":3},\#
            {"rfsourceNamf1":5},{"resourceName1":4,"x":"\tq\"\n"}]
            """#)
        #expect(v.arrayValue?[0].objectValue?.value(of: "x").stringValue == #"\\ / é tail"#)
    }

    /// `OrderedObject` in one allocation: growth, integer keys moved first, removal, the index from nine keys
    /// on, and copy-on-write (a copy's writes never reach the original, even one sharing a parsed key list).
    @Test func orderedObjectWritesAndCopies() throws {
        var o = OrderedObject()
        for k in ["b", "a", "10", "c", "2", "d", "e", "f", "g", "h"] { o[k] = Value(k) }
        #expect(o.keys == ["2", "10", "b", "a", "c", "d", "e", "f", "g", "h"])
        #expect(o.values.map(\.jsString) == ["2", "10", "b", "a", "c", "d", "e", "f", "g", "h"])
        #expect(o.value(of: "h").jsString == "h" && o.value(of: "zz").isUndefined)
        let before = o
        o["a"] = nil
        o["10"] = nil
        o["b"] = Value(1)
        #expect(o.keys == ["2", "b", "c", "d", "e", "f", "g", "h"])
        #expect(o.values.map(\.jsString) == ["2", "1", "c", "d", "e", "f", "g", "h"])
        #expect(o.value(of: "h").jsString == "h" && o.value(of: "a").isUndefined && o.count == 8)
        #expect(before.keys == ["2", "10", "b", "a", "c", "d", "e", "f", "g", "h"])
        #expect(before.values.map(\.jsString) == ["2", "10", "b", "a", "c", "d", "e", "f", "g", "h"])

        let list = try Value.parseJSON(Array(#"[{"x": 1, "y": 2}, {"x": 3, "y": 4}]"#.utf8))
        var second = try #require(list.arrayValue?[1].objectValue)
        second["z"] = Value(5)
        second["x"] = Value(6)
        #expect(second.keys == ["x", "y", "z"] && second.values.map(\.jsString) == ["6", "4", "5"])
        #expect(list.jsonString() == #"[{"x":1,"y":2},{"x":3,"y":4}]"#)
        var empty = OrderedObject()
        empty["k"] = Value(true)
        #expect(OrderedObject().count == 0 && empty.count == 1)
    }

    @Test func jsonStringEscapesOnlyWhatJSONStringifyEscapes() {
        #expect(Value("q\" b\\ \u{01} \u{2028} é 😀 </").jsonString() == "\"q\\\" b\\\\ \\u0001 \u{2028} é 😀 </\"")
    }

    /// Quoting goes a word at a time and jumps to the first byte to escape in a word: every position within
    /// and across words, several escapes in one word, and multi-byte characters give what a byte-by-byte
    /// reference (`FastPathTests.referenceQuote`) gives, for every length up to 40; reading the quoted text back
    /// gives the string.
    @Test func jsonQuotingMatchesBytewiseReference() throws {
        let pieces: [String] = ["a", "\"", "\\", "\n", "\t", "\u{01}", "\u{1f}", "é", "😀", " ", "~", "\u{7f}"]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for length in 0...40 {
            for _ in 0..<25 {
                var s = ""
                for _ in 0..<length {
                    seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    // Mostly plain bytes, so clean words and words with one escape both occur.
                    let pick = Int(seed >> 33) % (pieces.count * 3)
                    s += pick < pieces.count ? pieces[pick] : "x"
                }
                let quoted = FastPathTests.referenceQuote(s)
                #expect(Value(s).jsonString() == quoted, "\(Array(s.utf8))")
                // And back: the reader's word scan and its decoding of escapes straight into the string.
                #expect(try Value.parseJSON(Array(quoted.utf8)).stringValue == s, "\(Array(s.utf8))")
            }
        }
    }

    @Test func undefinedAndFunctionsVanishFromJSON() {
        let v = Value(object: [("a", .undefined), ("b", Value(array: [.undefined]))])
        #expect(v.jsonString() == #"{"b":[null]}"#)
        #expect(Value.undefined.jsonString() == nil)
    }

    @Test func stringToNumber() {
        #expect(Value("  12 ").jsNumber == 12)
        #expect(Value("0x1A").jsNumber == 26)
        #expect(Value("").jsNumber == 0)
        #expect(Value("1e3").jsNumber == 1000)
        #expect(Value("-Infinity").jsNumber == -.infinity)
        #expect(Value("12px").jsNumber.isNaN)
        #expect(Value("inf").jsNumber.isNaN)
        #expect(Value.null.jsNumber == 0)
        #expect(Value.undefined.jsNumber.isNaN)
        #expect(Value(array: [Value(7)]).jsNumber == 7)
    }

    @Test func truthiness() {
        #expect(!Value("").isTruthy && !Value(0).isTruthy && !Value(Double.nan).isTruthy && !Value.null.isTruthy)
        #expect(Value(array: []).isTruthy && Value(object: []).isTruthy && Value("0").isTruthy)
    }

    @Test func renderedText() {
        #expect(Value.undefined.renderedText == "")
        #expect(Value(array: [Value(1), Value(array: [Value(2), Value(3)]), .null]).renderedText == "1,2,3,")
        #expect(Value(object: [("a", Value(1))]).renderedText == "[object Object]")
    }
}

/// Object member lookup, which compares representations first and then strings.
@Suite struct ObjectLookupTests {
    /// Keys found whatever form their strings take: short (inline), long, non-ASCII, and a short key whose
    /// string is held out of line (made by shortening a long one), which only the string comparison finds.
    @Test func keysInEveryForm() {
        var shortened = String(repeating: "k", count: 40)
        shortened.removeLast(30)
        #expect(unsafeBitCast(shortened, to: (UInt64, UInt64).self) != unsafeBitCast("kkkkkkkkkk", to: (UInt64, UInt64).self))
        let long = "a key longer than fifteen bytes"
        let o = Value(object: [("id", Value(1)), (long, Value(2)), ("é", Value(3)), (shortened, Value(4)), ("kk", Value(5))])
        #expect(Value.member(o, name: "id").number == 1)
        #expect(Value.member(o, name: "a key longer than " + "fifteen bytes").number == 2)
        #expect(Value.member(o, name: "e\u{301}").isUndefined)  // JavaScript compares code units: no normalisation
        #expect(Value.member(o, name: "é").number == 3)
        #expect(Value.member(o, name: "kkkkkkkkkk").number == 4)
        #expect(Value.member(o, name: "kk").number == 5)
        #expect(Value.member(o, name: "k").isUndefined)
        #expect(Value.member(o, name: "").isUndefined)
    }
}
