import Testing
@testable import TemplateEngine

/// Operators, literals, member lookup, JavaScript methods and the globals range, cycler and joiner.
/// Expected outputs were produced by nunjucks 3.2.4 (autoescape off) with `TableVariables.json` as the context.
@Suite struct ExpressionTests {
    static let rows: [(template: String, expected: String)] = [
        // range
        ("{{ range(5) | join }}|{{ range(2, 5) | join }}|{{ range(0, 10, 3) | join }}|{{ range(5, 0, -2) | join }}|{{ range(0) | length }}|{{ range(1, 3, 0) | join }}", "01234|234|0369|531|0|12"),
        // cycler
        ("{% set c = cycler(1, 2) %}{{ c.current }}|{{ c.next() }}{{ c.next() }}{{ c.next() }}|{{ c.current }}|{{ c.reset() }}{{ c.current }}|{{ c | dump }}", "|121|1||{\"current\":null}"),
        // joiner
        ("{% set j = joiner() %}{{ j() }}{{ j() }}{{ j() }}|{% set j2 = joiner(\"; \") %}{{ j2() }}a{{ j2() }}b", ",,|a; b"),
        // arithmetic precedence and JavaScript numbers
        ("{{ 1 + 2 * 3 }}|{{ (1 + 2) * 3 }}|{{ 2 ** 3 ** 2 }}|{{ -2 ** 2 }}|{{ 7 // 2 }}|{{ -7 // 2 }}|{{ 7 % -3 }}|{{ 5.5 % 2 }}|{{ 1 - - 1 }}|{{ +\"3\" + 1 }}|{{ -\"x\" }}|{{ 10 / 4 * 2 }}", "7|9|64|4|3|-4|1|1.5|2|4|NaN|5"),
        // + with strings, booleans, null, arrays
        ("{{ \"a\" + 1 }}|{{ 1 + \"a\" }}|{{ t + 1 }}|{{ nul + 1 }}|{{ arr + 1 }}|{{ obj + \"\" }}|{{ [] + [] }}|{{ missing + missing }}|{{ \"3\" * \"4\" }}|{{ \"3\" - 1 }}", "a1|1a|2|1|3,1,21|[object Object]||NaN|12|2"),
        // loose and strict equality
        ("{{ 1 == 1.0 }}|{{ \"a\" == \"a\" }}|{{ nul == 0 }}|{{ nul == missing }}|{{ \"\" == 0 }}|{{ \"0\" == false }}|{{ [1] == 1 }}|{{ [1,2] == \"1,2\" }}|{{ arr == arr }}|{{ t === true }}|{{ 1 != \"1\" }}|{{ 1 !== \"1\" }}", "true|true|false|true|true|true|true|true|true|true|false|true"),
        // ordering
        ("{{ 1 < 2 < 3 }}|{{ 3 > 2 > 1 }}|{{ \"a\" < \"b\" }}|{{ \"B\" < \"a\" }}|{{ 2 < \"10\" }}|{{ \"2\" < \"10\" }}|{{ nul < 1 }}|{{ missing < 1 }}|{{ [2] > 1 }}|{{ \"é\" > \"z\" }}", "true|false|true|true|true|false|true|false|true|true"),
        // and, or, not return operands
        ("{{ 0 or \"x\" }}|{{ \"y\" or \"x\" }}|{{ 0 and \"x\" }}|{{ 1 and \"x\" }}|{{ not nul }}|{{ not not \"a\" }}|{{ nul or missing }}|{{ (missing or \"\") | length }}", "x|y|0|x|true|true||0"),
        // inline if
        ("{{ \"x\" if t else \"y\" }}|{{ \"x\" if nul else \"y\" }}|{{ \"x\" if nul }}|{{ (\"x\" if t) ~ \"!\" }}", "x|y||x!"),
        // in and not in
        ("{{ \"b\" in \"abc\" }}|{{ \"\" in \"abc\" }}|{{ 2 in arr }}|{{ \"2\" in arr }}|{{ \"a\" in obj }}|{{ \"10\" in obj }}|{{ 10 in obj }}|{{ \"x\" not in arr }}|{{ not \"x\" in arr }}", "true|true|true|false|true|true|true|true|true"),
        // string methods
        ("{{ s.length }}|{{ s.toUpperCase() }}|{{ s.split(\" \") | dump }}|{{ s.replace(\"l\", \"L\") }}|{{ s.startsWith(\"He\") }}|{{ s.indexOf(\"o\") }}|{{ s.slice(-5) }}|{{ s.substring(6, 3) }}|{{ s.charAt(1) }}|{{ s[0] }}|{{ s.includes(\"World\") }}|{{ s.trim() }}", "11|HELLO WORLD|[\"Hello\",\"World\"]|HeLlo World|true|4|World|lo |e|H|true|Hello World"),
        // array methods and indexing
        ("{{ arr.length }}|{{ arr.join(\"+\") }}|{{ arr.indexOf(2) }}|{{ arr.slice(1) | dump }}|{{ arr.concat([4], 5) | dump }}|{{ arr.includes(3) }}|{{ arr[1] }}|{{ arr[\"1\"] }}|{{ arr[-1] }}|{{ arr.x }}", "3|3+1+2|2|[1,2]|[3,1,2,4,5]|true|1|1||"),
        // number and regex methods
        ("{{ f.toFixed(2) }}|{{ n.toString(16) }}|{{ (1/3).toFixed(3) }}|{{ r/a+/i.test(\"xAAy\") }}|{{ \"a1b2\".match(r/\\d/g) | dump }}|{{ \"a,b;c\".split(r/[,;]/) | dump }}", "2.50|2a|0.333|true|[\"1\",\"2\"]|[\"a\",\"b\",\"c\"]"),
        // more string methods
        ("{{ \"ab\".repeat(3) }}|{{ \"5\".padStart(3, \"0\") }}|{{ \"5\".padEnd(4, \"xy\") }}|{{ \"abc\".substr(1, 1) }}|{{ n.toString(2) }}|{{ \" x \".trimStart() }}|{{ \"a-b\".split(\"-\") | join(\"+\") }}|{{ \"abc\".lastIndexOf(\"c\") }}", "ababab|005|5xyx|b|101010|x |a+b|2"),
        // member lookup
        ("{{ nested.a.b.c }}|{{ nested[\"a\"][\"b\"].c }}|{{ nested.x.y }}|{{ obj[\"10\"] }}|{{ obj[10] }}|{{ obj[2] }}|{{ pairs[0][1] }}|{{ users[1].name }}|{{ nul.x }}|{{ missing.a.b }}", "deep|deep||ten|ten|two|1|Bob||"),
        // number literals and formatting
        ("{{ 1e3 }}|{{ 1. }}|{{ 007 }}|{{ 0.1 + 0.2 }}|{{ 1 / 3 }}|{{ 100 * 1.1 }}|{{ 2 ** 70 }}|{{ 2 ** -20 }}|{{ -0 }}|{{ 123456789012345680000 }}|{{ 1e21 + 1 }}", "|1|7|0.30000000000000004|0.3333333333333333|110.00000000000001|1.1805916207174113e+21|9.5367431640625e-7|0|123456789012345680000|NaN"),
        // printing values
        ("{{ \"a\" ~ 1 ~ nul ~ missing ~ t ~ arr ~ obj }}|{{ nul }}|{{ missing }}|{{ t }}|{{ arr }}|{{ [[1,2],[3]] }}|{{ obj }}|{{ mixed }}", "a1nullundefinedtrue3,1,2[object Object]|||true|3,1,2|1,2,3|[object Object]|0,1,,a,,true,false,,[object Object]"),
        // string escapes
        ("{{ \"\\u00e9\\x\" }}|{{ 'it\\'s' }}|{{ \"tab\\tx\" }}", "u00e9x|it's|tab\tx"),
        // groups, object literals
        ("{{ (1, 2, 3) }}|{{ {a: 1}.a }}|{{ {\"a b\": 1}[\"a b\"] }}|{{ [1, 2][1] }}", "3|1|1|2"),
    ]

    @Test(arguments: rows)
    func renders(template: String, expected: String) throws {
        #expect(try renderTable(template) == expected)
    }
}
