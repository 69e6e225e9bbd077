import Testing
@testable import TemplateEngine

/// The tokenizer, compared as a token dump: `kind:text@line:column`.
@Suite struct LexerTests {
    static func dump(_ text: String) throws -> String {
        var lexer = Lexer(Array(text.utf8))
        var out: [String] = []
        while let t = try lexer.next() {
            out.append("\(t.kind.rawValue):\(t.text)\(t.flags.isEmpty ? "" : "/" + t.flags)@\(t.span.line):\(t.span.column)")
        }
        return out.joined(separator: " ")
    }

    static let rows: [(template: String, tokens: String)] = [
        // data, variable delimiters, symbols, pipes
        ("a {{ x | upper }}", "data:a @1:1 variable-start:{{@1:3 symbol:x@1:6 pipe:|@1:8 symbol:upper@1:10 variable-end:}}@1:16"),
        // whitespace-control markers stay on the delimiters
        ("{%- if x -%}", "block-start:{%-@1:1 symbol:if@1:5 symbol:x@1:8 block-end:-%}@1:10"),
        // numbers: 1e3 is a symbol, 1. a float, -3 an operator and an int
        ("{{ 1e3 1. 2.50 -3 }}", "variable-start:{{@1:1 symbol:1e3@1:4 float:1.@1:8 float:2.50@1:11 operator:-@1:16 int:3@1:17 variable-end:}}@1:19"),
        // multi-character operators
        ("{{ a === b !== c // d ** e <= f }}", "variable-start:{{@1:1 symbol:a@1:4 operator:===@1:6 symbol:b@1:10 operator:!==@1:12 symbol:c@1:16 operator://@1:18 symbol:d@1:21 operator:**@1:23 symbol:e@1:26 operator:<=@1:28 symbol:f@1:31 variable-end:}}@1:33"),
        // strings: a backslash takes the next character, except n, t, r
        (#"{{ "a\"b\u\n" 'c' }}"#, "variable-start:{{@1:1 string:a\"bu\n@1:4 string:c@1:15 variable-end:}}@1:19"),
        // none/null, booleans, regex literal with flags
        ("{{ none null true r/a.b/gi }}", "variable-start:{{@1:1 none:none@1:4 none:null@1:9 boolean:true@1:14 regex:a.b/gi@1:19 variable-end:}}@1:28"),
        // comments are one token; columns count Unicode scalars
        ("é{# c #}\n{{ x }}", "data:é@1:1 comment:{# c #}@1:2 data:\n@1:9 variable-start:{{@2:1 symbol:x@2:4 variable-end:}}@2:6"),
        // brackets and punctuation
        ("{{ f(a, [1], {k: 2}) ~ z }}", "variable-start:{{@1:1 symbol:f@1:4 left-paren:(@1:5 symbol:a@1:6 comma:,@1:7 left-bracket:[@1:9 int:1@1:10 right-bracket:]@1:11 comma:,@1:12 left-curly:{@1:14 symbol:k@1:15 colon::@1:16 int:2@1:18 right-curly:}@1:19 right-paren:)@1:20 tilde:~@1:22 symbol:z@1:24 variable-end:}}@1:26"),
    ]

    @Test(arguments: rows)
    func tokens(template: String, tokens: String) throws {
        #expect(try LexerTests.dump(template) == tokens)
    }

    @Test func unterminatedCommentIsAnError() {
        #expect(throws: TemplateError.Kind.syntax("expected end of comment, got end of file")) { try LexerTests.dump("a {# b") }
    }

    @Test func strayCommentEndIsAnError() {
        #expect(throws: TemplateError.Kind.syntax("unexpected end of comment")) { try LexerTests.dump("a #} b") }
    }
}
