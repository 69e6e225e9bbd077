import Testing
@testable import TemplateEngine

/// Tags: for, set, macro, call, raw, comments, whitespace control, switch, if.
/// Expected outputs were produced by nunjucks 3.2.4 (autoescape off) with `TableVariables.json` as the context.
@Suite struct StatementTests {
    static let rows: [(template: String, expected: String)] = [
        // for over strings and objects, else on non-iterables
        ("{% for x in \"ab\" %}{{ x }}{{ loop.index }}{% endfor %}|{% for k, v in \"ab\" %}{{ k }}={{ v }};{% endfor %}|{% for x in obj %}x{% else %}none{% endfor %}|{% for x in n %}x{% else %}none{% endfor %}|{% for k, v in obj %}{{ k }}:{{ v }},{% endfor %}", "a1b2|0=a;1=b;|none|none|2:two,10:ten,b:2,a:1,"),
        // for: tuple unpacking and loop variables
        ("{% for a, b in [[1], [2, 3, 4], \"xy\"] %}{{ a }}-{{ b }};{% endfor %}|{% for x in arr %}{{ loop.revindex }}{{ loop.revindex0 }}{{ loop.first }}{{ loop.last }} {% endfor %}", "1-;2-3;x-y;|32truefalse 21falsefalse 10falsetrue "),
        // nested loops each have a loop variable
        ("{% for x in [1,2] %}{% for y in [3,4] %}{{ loop.index }}{{ x }}{{ y }} {% endfor %}{{ loop.index }}|{% endfor %}", "113 214 1|123 224 2|"),
        // set in a loop changes the outer variable; new names stay in the loop
        ("{% set x = 1 %}{% for i in [1,2] %}{% set x = x + i %}{% set y = i %}{% endfor %}{{ x }}|{{ y }}", "4|"),
        // set: several targets, block capture, inside if
        ("{% set a, b = 5 %}{{ a }}{{ b }}|{% set q %}cap{{ n }}{% endset %}{{ q }}|{% set q2 = \"x\" %}{% if t %}{% set q2 = \"y\" %}{% endif %}{{ q2 }}", "55|cap42|y"),
        // macros: defaults, keywords, caller
        ("{% macro m(a, b=2) %}{{ a }}{{ b }}{{ caller() if caller }}{% endmacro %}{{ m(1) }}|{{ m(1, 3) }}|{{ m(b=4, a=5) }}|{% call m(7) %}body{% endcall %}|{% call(x) m(8) %}[{{ x }}]{% endcall %}", "12|13|54|72body|82[]"),
        // call block with arguments
        ("{% macro list(items) %}{% for i in items %}{{ caller(i) }}{% endfor %}{% endmacro %}{% call(item) list([1, 2]) %}<{{ item }}>{% endcall %}", "<1><2>"),
        // set inside a macro is local
        ("{% macro outer() %}{{ n }}{% set n = 5 %}{{ n }}{% endmacro %}{{ outer() }}|{{ n }}", "425|42"),
        // raw and verbatim nest
        ("{% raw %}{{ x }}{% raw %}{% endraw %}{% endraw %}|{% verbatim %}{% if %}{% endverbatim %}", "{{ x }}{% raw %}{% endraw %}|{% if %}"),
        // comments and whitespace control
        ("{# comment #}a{#- c -#}  b  {#- c #} c\n  {%- if t -%}  x  {%- endif -%}  |{{- \" y \" -}}|  {{ \"z\" }}", "ab cx| y |  z"),
        // switch with fall-through
        ("{% switch n %}{% case 1 %}one{% case 42 %}forty-two{% default %}other{% endswitch %}|{% switch \"a\" %}{% case \"a\" %}{% case \"b\" %}ab{% default %}d{% endswitch %}", "forty-two|ab"),
        // if, elif, else
        ("{% if z %}a{% elif e %}b{% elseif n > 40 %}c{% else %}d{% endif %}|{% if missing %}x{% else %}y{% endif %}", "c|y"),
        // names starting with an underscore are set but not exported
        ("{% set _hidden = 1 %}{{ _hidden }}", "1"),
        // include ignore missing
        ("{% include \"missing.njk\" ignore missing %}ok", "ok"),
        // an unknown filter in a branch that does not run is no error
        ("{% if false %}{{ 1 | nosuchfilter }}{% endif %}ok", "ok"),
        // macro arguments shadow context variables even when not passed
        ("{% macro m(n) %}[{{ n }}]{% endmacro %}{{ m() }}{{ m(1) }}|{{ n }}", "[][1]|42"),
        // a call body sees the frame current when the macro calls it (loop is the macro's), locals where it was written
        ("{% macro m() %}{% for i in [1,2] %}{{ caller(i) }}{% endfor %}{% endmacro %}{% for o in [\"a\", \"b\"] %}{% call(i) m() %}{{ o }}{{ i }}{{ loop.index }}{% endcall %};{% endfor %}", "a11a22;b11b22;"),
        // macros defined in a loop are frame variables
        ("{% for x in [1, 2] %}{% macro inner(y) %}{{ x }}{{ y }}{% endmacro %}{{ inner(x) }}{% endfor %}|{{ inner }}", "12|"),
        // extra positional arguments fill keyword parameters; missing ones come from keywords
        ("{% macro m(a, b) %}{{ a }}-{{ b }}-{{ c }}{% endmacro %}{{ m(1, 2, 3) }}|{{ m(b=2) }}|{{ m(1, c=3) }}", "1-2-|-2-|1--"),
        // defaults may use earlier arguments
        ("{% macro m(a, b=a ~ \"!\") %}{{ b }}{% endmacro %}{{ m(\"x\") }}|{{ m(\"x\", \"y\") }}", "x!|y"),
        // loop is not set in an else branch
        ("{% for i in [3, 1] | sort %}{{ i }}{% else %}none{% endfor %}|{% for i in [] %}x{% else %}{{ loop }}{% endfor %}", "13|"),
        // set inside if persists, inside for does not leak new names
        ("{% if true %}{% set z = 1 %}{% endif %}{{ z }}|{% for i in [1] %}{% set zz = 1 %}{% endfor %}{{ zz }}", "1|"),
        // filter block with dump
        ("{% filter dump %}{\"a\": 1}{% endfilter %}", "\"{\\\"a\\\": 1}\""),
        // regex replace
        ("{% set r = r/^a(b)?/ %}{{ \"abc\".replace(r, \"[$1]\") }}|{{ \"xyz\" | replace(r/Y/i, \"_\") }}|{{ \"a-b-c\" | replace(r/-/g, \"+\") }}", "[b]c|x_z|a+b+c"),
    ]

    @Test(arguments: rows)
    func renders(template: String, expected: String) throws {
        #expect(try renderTable(template) == expected)
    }
}
