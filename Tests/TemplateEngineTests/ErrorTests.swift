import Testing
@testable import TemplateEngine

/// Error messages: exact text, position, source line and caret.
@Suite struct ErrorTests {
    static let rows: [(template: String, error: String)] = [
        // an unclosed expression points at its start
        ("{{ name", "t.njk:1:1: error: unclosed '{{': expected '}}' before the end of the file\n{{ name\n^"),
        // an unclosed statement names its end tag
        ("{% for x in xs %}{{ x }}", "t.njk:1:4: error: unclosed 'for': expected 'endfor' before the end of the file\n{% for x in xs %}{{ x }}\n   ^"),
        // a mismatched end tag
        ("{% if x %}a{% endfor %}", "t.njk:1:15: error: unexpected 'endfor': expected 'endif' to close 'if'\n{% if x %}a{% endfor %}\n              ^"),
        ("{% frobnicate %}", "t.njk:1:4: error: unknown block tag 'frobnicate'\n{% frobnicate %}\n   ^"),
        // the error is on line 2; the caret copies the line's indentation
        ("line one\n  {{ x | uppercase }}", "t.njk:2:10: error: unknown filter 'uppercase'\n  {{ x | uppercase }}\n         ^"),
        // tabs in the indentation are kept under the caret
        ("\t{{ x() }}", "t.njk:1:5: error: unable to call 'x', which is undefined or falsey\n\t{{ x() }}\n\t   ^"),
        ("{{ s() }}", "t.njk:1:4: error: unable to call 's', which is not a function\n{{ s() }}\n   ^"),
        ("{{ 1 in 5 }}", "t.njk:1:4: error: cannot use 'in' operator to search for '1' in unexpected types\n{{ 1 in 5 }}\n   ^"),
        // filters that throw in nunjucks fail the render
        ("{{ nul | first }}", "t.njk:1:10: error: filter 'first' cannot be applied to null\n{{ nul | first }}\n         ^"),
        ("{{ missing | join }}", "t.njk:1:14: error: filter 'join' cannot be applied to undefined\n{{ missing | join }}\n             ^"),
        ("{{ missing | trim }}", "t.njk:1:14: error: filter 'trim' cannot be applied to undefined\n{{ missing | trim }}\n             ^"),
        ("{{ missing is iterable }}", "t.njk:1:15: error: test 'iterable' cannot be applied to undefined\n{{ missing is iterable }}\n              ^"),
        ("{{ s | dictsort }}", "t.njk:1:8: error: filter 'dictsort' cannot be applied to a string\n{{ s | dictsort }}\n       ^"),
        // `}}` ends a tag even inside an object literal
        ("{% set o = {\"a\": {\"b\": 1}} %}", "t.njk:1:25: error: '}}' ends the tag here: write '} }' to close nested braces\n{% set o = {\"a\": {\"b\": 1}} %}\n                        ^"),
        ("{% include \"nope.njk\" %}", "t.njk:1:4: error: template not found: 'nope.njk'\n{% include \"nope.njk\" %}\n   ^"),
        ("{% from \"x.njk\" import _private %}", "t.njk:1:24: error: names starting with an underscore cannot be imported\n{% from \"x.njk\" import _private %}\n                       ^"),
        ("{% extends 42 %}", "t.njk:1:4: error: template name must be a string, not a number (42)\n{% extends 42 %}\n   ^"),
        ("{% block a %}{% endblock %}{% block a %}{% endblock %}", "t.njk:1:31: error: block 'a' defined more than once\n{% block a %}{% endblock %}{% block a %}{% endblock %}\n                              ^"),
        ("{{ a. }}", "t.njk:1:7: error: expected a name after '.', found '}}'\n{{ a. }}\n      ^"),
        // columns count Unicode scalars, not bytes
        ("é{{ ) }}", "t.njk:1:5: error: unexpected ')'\né{{ ) }}\n    ^"),
        ("{% macro m(1) %}{% endmacro %}", "t.njk:1:12: error: macro arguments must be names\n{% macro m(1) %}{% endmacro %}\n           ^"),
        ("{{ {1: 2} }}", "t.njk:1:5: error: dict keys must be strings or names\n{{ {1: 2} }}\n    ^"),
        // a quote in a variable name breaks nunjucks' generated code
        ("{{ a\"b }}", "t.njk:1:4: error: invalid name 'a\"b'\n{{ a\"b }}\n   ^"),
        ("{% block b %}{{ super() }}{% endblock %}", "t.njk:1:22: error: no super block available for 'b'\n{% block b %}{{ super() }}{% endblock %}\n                     ^"),
        ("x #} y", "t.njk:1:3: error: unexpected end of comment\nx #} y\n  ^"),
        // runaway recursion is an error, not a crash
        ("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}", "t.njk:1:20: error: maximum recursion depth exceeded (200 nested macro calls, includes or blocks)\n{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}\n                   ^"),
        ("{% for x in range(2000000) %}{% endfor %}", "t.njk:1:13: error: range is too large (more than 1000000 items)\n{% for x in range(2000000) %}{% endfor %}\n            ^"),
    ]

    @Test(arguments: rows)
    func message(template: String, error: String) {
        #expect(renderError(template, #"{"s": "str", "nul": null}"#, name: "t.njk") == error)
    }

    @Test func deepNestingIsAnError() {
        let deep = "{{ " + String(repeating: "(", count: 300) + "1" + String(repeating: ")", count: 300) + " }}"
        #expect(renderError(deep, name: "t.njk")?.hasPrefix("t.njk:1:104: error: nesting is too deep (more than 200 levels)") == true)
        let chain = "{{ x" + String(repeating: ".a", count: 5000) + " }}"
        #expect(renderError(chain, name: "t.njk")?.hasPrefix("t.njk:1:404: error: nesting is too deep (more than 200 levels)") == true)
        let tags = String(repeating: "{% if 1 %}", count: 300) + String(repeating: "{% endif %}", count: 300)
        #expect(renderError(tags, name: "t.njk")?.hasPrefix("t.njk:1:2007: error: nesting is too deep (more than 200 levels)") == true)
    }

    @Test func strictModeReportsTheUndefinedName() throws {
        #expect(renderError("{{ a.b }}\n{{ x }}", #"{"a": {}}"#, strict: true, name: "t.njk") == "t.njk:1:6: error: 'a.b' is undefined\n{{ a.b }}\n     ^")
        #expect(renderError("ok\n {{ x }}", strict: true, name: "t.njk") == "t.njk:2:5: error: 'x' is undefined\n {{ x }}\n    ^")
        // tests for definedness and the default filter still work
        #expect(try render("{{ x is defined }}|{{ x | default('d') }}|{{ a.b | d('e') }}", #"{"a": {}}"#, strict: true) == "false|d|e")
        #expect(try render("{{ a.b }}", #"{"a": {"b": 0}}"#, strict: true) == "0")
    }

    @Test func jsonErrorsHaveLineAndColumn() {
        #expect(throws: TemplateError.self) { try Value.parseJSON(Array("{\"a\": [1,}".utf8)) }
        do {
            _ = try Value.parseJSON(Array("{\n  \"a\": tru\n}".utf8), path: "vars.json")
        } catch let e as TemplateError {
            #expect(e.description == "vars.json:2:8: error: invalid JSON: invalid literal\n  \"a\": tru\n       ^")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
