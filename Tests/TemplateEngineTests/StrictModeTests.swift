import Testing
@testable import TemplateEngine

/// `--strict`: undefined values are fine where they are only tested, stored or defaulted, and an error where
/// they are used.
@Suite struct StrictModeTests {
    private let vars = #"{"cfg": {"name": "api", "nul": null, "n": 2}}"#

    @Test func testedValuesMayBeUndefined() throws {
        #expect(try render("{% if cfg.codeKey %}A{% elif cfg.other %}B{% else %}C{% endif %}", vars, strict: true) == "C")
        #expect(try render("{% set jobs = cfg.jobs or {} %}{{ jobs | dump }}", vars, strict: true) == "{}")
        #expect(try render(#"{{ "A" if cfg.mutableTags else "B" }}|{{ "A" if missing }}"#, vars, strict: true) == "B|")
        #expect(try render("{{ not cfg.x }}|{{ cfg.x or cfg.y or 'z' }}|{{ cfg.x and 1 }}|{{ (cfg.name and cfg.n) }}", vars, strict: true)
                == "true|z||2")
        #expect(try render("{% if cfg.a or (cfg.b and not cfg.c) %}y{% else %}n{% endif %}", vars, strict: true) == "n")
        #expect(try render("{{ cfg.x is defined }}|{{ cfg.x is undefined }}|{{ cfg.x | default('d') }}|{{ cfg.x | d(cfg.name) }}",
                           vars, strict: true) == "false|true|d|api")
        // a stored undefined is checked where it is used, under the variable's name
        #expect(try render("{% set x = cfg.x %}{% if x %}no{% endif %}ok", vars, strict: true) == "ok")
        #expect(renderError("{% set x = cfg.x %}\n{{ x }}", vars, strict: true, name: "t.njk")
                == "t.njk:2:4: error: 'x' is undefined\n{{ x }}\n   ^")
    }

    @Test func usedValuesMustBeDefined() {
        #expect(renderError("{{ cfg.typo }}", vars, strict: true, name: "t.njk") == "t.njk:1:8: error: 'cfg.typo' is undefined\n{{ cfg.typo }}\n       ^")
        #expect(renderError("x\n  {{ cfg.s | upper }}", vars, strict: true, name: "t.njk")
                == "t.njk:2:10: error: 'cfg.s' is undefined\n  {{ cfg.s | upper }}\n         ^")
        #expect(renderError("{{ cfg.count + 1 }}", vars, strict: true, name: "t.njk")
                == "t.njk:1:8: error: 'cfg.count' is undefined\n{{ cfg.count + 1 }}\n       ^")
        #expect(renderError(#"{{ "a" ~ cfg["s"] }}"#, vars, strict: true, name: "t.njk")
                == "t.njk:1:13: error: 'cfg.s' is undefined\n{{ \"a\" ~ cfg[\"s\"] }}\n            ^")
        #expect(renderError(#"{% if cfg.env == "prod" %}{% endif %}"#, vars, strict: true, name: "t.njk")
                == "t.njk:1:11: error: 'cfg.env' is undefined\n{% if cfg.env == \"prod\" %}{% endif %}\n          ^")
        #expect(renderError("{% for j in cfg.jobs %}{% endfor %}", vars, strict: true, name: "t.njk")
                == "t.njk:1:17: error: 'cfg.jobs' is undefined\n{% for j in cfg.jobs %}{% endfor %}\n                ^")
        #expect(renderError("{{ cfg.fn() }}", vars, strict: true, name: "t.njk")
                == "t.njk:1:8: error: 'cfg.fn' is undefined\n{{ cfg.fn() }}\n       ^")
        // the value of `or` is its right operand when the left is falsy: output, it must be defined
        #expect(renderError("{{ cfg.a or cfg.b }}", vars, strict: true, name: "t.njk")
                == "t.njk:1:17: error: 'cfg.b' is undefined\n{{ cfg.a or cfg.b }}\n                ^")
    }

    @Test func parentsMustBeDefinedEvenInTests() throws {
        #expect(renderError("{% if missing.a %}{% endif %}", vars, strict: true, name: "t.njk")
                == "t.njk:1:7: error: 'missing' is undefined\n{% if missing.a %}{% endif %}\n      ^")
        // a null parent is a value: fine in tests, an error where the member is used
        #expect(try render("{% set jobs = cfg.nul.jobs or {} %}{{ jobs | dump }}|{{ cfg.nul.a | default('x') }}", vars, strict: true) == "{}|x")
        #expect(renderError("{{ cfg.nul.a }}", vars, strict: true, name: "t.njk")
                == "t.njk:1:12: error: cannot read 'cfg.nul.a': 'cfg.nul' is null\n{{ cfg.nul.a }}\n           ^")
        #expect(renderError("{% if (cfg.x and cfg.y).z %}{% endif %}", vars, strict: true, name: "t.njk")
                == "t.njk:1:25: error: cannot read '--expression--.z': '--expression--' is undefined\n{% if (cfg.x and cfg.y).z %}{% endif %}\n                        ^")
        // without --strict all of these render as nunjucks does
        #expect(try render("{% if missing.a %}{% endif %}{{ cfg.nul.a }}{{ cfg.typo }}", vars) == "")
    }
}
