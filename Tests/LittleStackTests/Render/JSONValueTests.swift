import Testing
@testable import LittleStack

@Suite struct JSONValueTests {
    /// (number, JavaScript's String(n))
    @Test(arguments: [
        (0.0, "0"), (-0.0, "0"), (1.0, "1"), (-5.0, "-5"), (1.5, "1.5"), (0.1, "0.1"), (100.0, "100"),
        (1e21, "1e+21"), (1e20, "100000000000000000000"), (123456789012.0, "123456789012"),
        (0.000001, "0.000001"), (1e-7, "1e-7"), (1.25e-8, "1.25e-8"), (2.5e22, "2.5e+22"),
        (Double.nan, "null"), (Double.infinity, "null"), (0.30000000000000004, "0.30000000000000004"),
    ])
    func javaScriptNumbers(value: Double, text: String) {
        #expect(JSONValue.javaScriptNumber(value) == text)
    }

    @Test func stringifyLikeJavaScript() {
        let value = JSONValue.object([
            ("s", .string("quote \" slash \\ tab \t nl \n ctl \u{1} é ✓")),
            ("a", .array([])), ("o", .object([])), ("n", .null), ("b", .bool(false)),
            ("nested", .array([.object([("k", .number(2))])])),
        ])
        #expect(value.jsonText() == #"{"s":"quote \" slash \\ tab \t nl \n ctl \u0001 é ✓","a":[],"o":{},"n":null,"b":false,"nested":[{"k":2}]}"#)
        #expect(value.jsonText(indent: 2) == #"""
        {
          "s": "quote \" slash \\ tab \t nl \n ctl \u0001 é ✓",
          "a": [],
          "o": {},
          "n": null,
          "b": false,
          "nested": [
            {
              "k": 2
            }
          ]
        }
        """#)
    }

    @Test func equalityIgnoresKeyOrder() {
        let a = JSONValue.object([("x", .number(1)), ("y", .array([.string("a")]))])
        let b = JSONValue.object([("y", .array([.string("a")])), ("x", .number(1))])
        #expect(a == b)
        #expect(a != .object([("x", .number(1))]))
        #expect(JSONValue.array([.number(1), .number(2)]) != .array([.number(2), .number(1)]))
    }

    @Test func diagnosticCaretKeepsTabs() {
        let d = Diagnostic(severity: .warning, path: "f.yaml", line: 2, column: 4, message: "m", sourceLine: "\t\tab")
        #expect(d.description == "f.yaml:2:4: warning: m\n\t\tab\n\t\t ^")
    }
}
