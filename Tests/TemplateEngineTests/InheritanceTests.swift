import Testing
@testable import TemplateEngine

/// import, from-import, include and extends across files (Fixtures/inheritance).
/// Expected outputs were produced by nunjucks 3.2.4 (autoescape off) with `TableVariables.json` as the context.
@Suite struct InheritanceTests {
    static let rows: [(template: String, expected: String)] = [
        // import: macros see the module's own top-level variables; names with _ are not exported
        ("{% import \"m.njk\" as m %}{{ m.hello(\"a\") }}|{{ m.suffix }}|{{ m._priv }}|{{ m.pub }}", "hello a!|!||p"),
        // import with context sees the importer's variables
        ("{% set outer = \"O\" %}{% import \"m.njk\" as m with context %}{{ m.pub }}|{% import \"m.njk\" as m2 %}{{ m2.pub }}", "pO|p"),
        // from import with alias
        ("{% from \"m.njk\" import hello, suffix as sf %}{{ hello(1) }}{{ sf }}", "hello 1!!"),
        // include sees loop variables; its sets stay inside
        ("{% for x in [1,2] %}{% include \"inc.njk\" %}{% endfor %}|{{ s }}", "inc[Hello World|1|changed]inc[Hello World|2|changed]|Hello World"),
        // include without a loop
        ("{% set s = \"outer\" %}{% include \"inc.njk\" %}|{{ s }}", "inc[outer||changed]|outer"),
        // three-level extends: the middle template's sets run
        ("{% extends \"mid.njk\" %}{% block b %}cb{% endblock %}", "B[ma(ba)|cb]mid"),
        // super() through two levels
        ("{% extends \"mid.njk\" %}{% block a %}ca({{ super() }}){% endblock %}", "B[ca(ma(ba))|bb]mid"),
        // output outside blocks is dropped once extends ran; sets still run
        ("before{% extends \"base.njk\" %}after{% set s = \"child-set\" %}", "B[ba|bb]child-set"),
        // a block nested in an overriding block
        ("{% extends \"base.njk\" %}{% block a %}{% block nested %}N{% endblock %}{% endblock %}", "B[N|bb]Hello World"),
    ]

    @Test(arguments: rows)
    func renders(template: String, expected: String) throws {
        #expect(try renderTable(template, folder: "inheritance") == expected)
    }
}
