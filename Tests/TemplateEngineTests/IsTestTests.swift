import Testing
@testable import TemplateEngine

/// Every builtin `is` test.
/// Expected outputs were produced by nunjucks 3.2.4 (autoescape off) with `TableVariables.json` as the context.
@Suite struct IsTestTests {
    static let rows: [(template: String, expected: String)] = [
        // even, odd, divisibleby, truthy, falsy
        ("{{ 4 is even }}|{{ 3 is odd }}|{{ -3 is odd }}|{{ 2.5 is odd }}|{{ 9 is divisibleby(3) }}|{{ 9 is divisibleby(0) }}|{{ \"\" is falsy }}|{{ [] is truthy }}|{{ 0 is truthy }}", "true|true|false|false|true|false|true|true|false"),
        // string, number, null, none, defined, undefined
        ("{{ s is string }}|{{ html | safe is string }}|{{ n is number }}|{{ \"1\" is number }}|{{ nul is null }}|{{ nul is none }}|{{ missing is undefined }}|{{ nul is defined }}|{{ missing is defined }}", "true|false|true|false|true|true|true|true|false"),
        // equalto, eq, sameas, ne, comparisons
        ("{{ 1 is equalto(1) }}|{{ \"1\" is eq(1) }}|{{ 1 is sameas(1) }}|{{ 1 is ne(2) }}|{{ arr is ne(arr) }}|{{ 3 is ge(3) }}|{{ 3 is le(2) }}|{{ \"a\" is lt(\"b\") }}|{{ 2 is lessthan(10) }}|{{ \"2\" is greaterthan(\"10\") }}|{{ 3 is gt(2) }}", "true|false|true|true|false|true|false|true|true|true|true"),
        // lower and upper
        ("{{ \"abc\" is lower }}|{{ \"aBc\" is lower }}|{{ \"ABC\" is upper }}|{{ \"\" is upper }}|{{ html | safe is lower }}", "true|false|true|true|false"),
        // iterable and mapping
        ("{{ arr is iterable }}|{{ s is iterable }}|{{ obj is iterable }}|{{ n is iterable }}|{{ obj is mapping }}|{{ arr is mapping }}|{{ html | safe is mapping }}|{{ nul is mapping }}", "true|true|false|false|true|false|true|false"),
        // callable and escaped
        ("{{ range is callable }}|{{ s is callable }}|{{ html | e is escaped }}|{{ html is escaped }}", "true|false|true|false"),
        // macro output is a SafeString
        ("{% macro m() %}x{% endmacro %}{{ m is callable }}|{{ m() is escaped }}|{{ m() | length }}|{{ m() is string }}|{{ m() | dump }}", "true|true|1|false|{\"val\":\"x\",\"length\":1}"),
        // is not
        ("{{ 1 is not string }}|{{ missing is not defined }}|{% if n is not odd %}even{% endif %}", "true|true|even"),
    ]

    @Test(arguments: rows)
    func renders(template: String, expected: String) throws {
        #expect(try renderTable(template) == expected)
    }
}
