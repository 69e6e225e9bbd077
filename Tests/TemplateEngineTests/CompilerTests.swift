import Testing
@testable import TemplateEngine

/// The compiler, compared as an instruction dump.
@Suite struct CompilerTests {
    static func compile(_ text: String) throws -> String {
        let source = Source(path: "t", bytes: Array(text.utf8))
        let template = try Compiler.compile(try Parser.parse(source), source: source, registry: .builtins)
        return template.root.listing
    }

    /// A builtin that can write its result straight into the output is fused with `emit` when it is last.
    @Test func outputAndFilter() throws {
        #expect(try CompilerTests.compile("a{{ x | upper }}") == """
        emitRaw(0)
        loadName x
        filterEmit upper 0 argc: 1
        """)
        #expect(try CompilerTests.compile("{{ x | upper | capitalize }}{{ x | dump(2) }}{{ x | join(attribute='a') }}") == """
        loadName x
        filter 0 argc: 1 kwargs: []
        filter 1 argc: 1 kwargs: []
        emit
        loadName x
        loadConst(0)
        filterEmit dump 2 argc: 2
        loadName x
        loadConst(1)
        filter 3 argc: 1 kwargs: ["attribute"]
        emit
        """)
    }

    /// `if not x` jumps on `x` itself; `loop.x` reads the running loop, with the general instructions after it.
    @Test func negatedConditionsAndLoopAttributes() throws {
        #expect(try CompilerTests.compile("{% if not a %}x{% endif %}{{ 'y' if not b }}") == """
        loadName a lenient
        jumpIfTrue(3)
        emitRaw(0)
        loadName b lenient
        jumpIfTrue(7)
        loadConst(0)
        jump(8)
        loadConst(1)
        emit
        """)
        #expect(try CompilerTests.compile("{% if loop.last %}{% endif %}{% if loop.lasts %}{% endif %}") == """
        loopAttribute last skip: 3
        loadName loop
        getAttr last lenient
        jumpIfFalse(4)
        path loop.lasts skip: 7
        loadName loop
        getAttr lasts lenient
        jumpIfFalse(8)
        """)
    }

    /// A filter replaced with `addFilter` is never fused: its own function runs.
    @Test func replacedBuiltinsAreNotFused() throws {
        let env = Environment()
        env.addFilter("upper") { args, _ in Value("[" + (args.first?.string ?? "") + "]") }
        #expect(try env.render(source: "{{ 'a' | upper }}{{ 'b' | lower }}", name: "t.njk", context: .undefined) == "[a]b")
    }

    /// Fused filters print exactly what the filter and `emit` print, inside and outside their fast paths
    /// (a `set` value is never fused).
    @Test func fusedFiltersMatchTheirFilters() throws {
        let vars = #"{"s": "a-b-\"c\"\\\u0001é", "u": "ünï-x", "n": 12, "arr": ["x", null, 3, ["y", "z"], {"a": 1}], "nul": null}"#
        let outputs = [
            "s | dump", "n | dump", "nul | dump", "s | dump | safe", "s | replace('-', '+')", "s | replace('-', 1)",
            "n | replace('1', 'x')", "s | replace('', '.')", "'abcabc' | replace('bc', '')", "'aaa' | replace('a', 'b', 2)",
            "u | upper", "s | upper", "s | lower", "arr | join('/')", "arr | join", "arr | join(0)", "arr | join(nul)",
            "s | safe | upper", "s | safe | replace('a', 'b')",
        ]
        for o in outputs {
            #expect(try render("{{ \(o) }}", vars) == (try render("{% set r = \(o) %}{{ r }}", vars)), "\(o)")
        }
        #expect(try render("{{ s | dump }}|{{ arr | join('/') }}|{{ 'a-b' | replace('-', '') | upper }}", vars)
                == #""a-b-\"c\"\\\u0001é"|x//3/y,z/[object Object]|AB"#)
        // outside the fast path the filter's own errors come out, at the filter
        #expect(renderError("{{ n | join('/') }}", vars, name: "t.njk")
                == "t.njk:1:8: error: filter 'join' cannot be applied to a number (12)\n{{ n | join('/') }}\n       ^")
    }

    @Test func forLoopWithElse() throws {
        #expect(try CompilerTests.compile("{% for x in xs %}{{ x }}{% else %}-{% endfor %}") == """
        loadName xs
        pushFrame(isolate: false)
        forInit ["x"]
        forNext(exit: 8)
        emitPath x local skip: 7
        loadLocal x
        emit
        jump(3)
        forEnd(skipElse: 10)
        emitRaw(0)
        popFrame
        """)
    }

    /// Left operands are only tested (lenient under `--strict`); the right one is the value when reached.
    @Test func andOrShortCircuit() throws {
        #expect(try CompilerTests.compile("{{ a and b or c }}") == """
        loadName a lenient
        jumpIfFalseOrPop(3)
        loadName b lenient
        jumpIfTrueOrPop(5)
        loadName c
        emit
        """)
    }

    /// Only the outermost read is lenient: the parent `a` must be defined.
    @Test func defaultFilterInputIsLenient() throws {
        #expect(try CompilerTests.compile("{{ a.b | default(1) }}") == """
        path a.b skip: 3
        loadName a
        getAttr b lenient
        loadConst(0)
        filter 0 argc: 2 kwargs: []
        emit
        """)
    }

    /// `v.a.b` compiles to one `path` (or `emitPath` when printed) before the general instructions it skips;
    /// a case change after a fused filter to `filterEmitCased` before the general filters.
    @Test func attributePathsAndCasedFilters() throws {
        #expect(try CompilerTests.compile("{{ a.b.c }}{{ a.b | upper }}{{ a['x'].y }}") == """
        emitPath a.b.c skip: 5
        loadName a
        getAttr b
        getAttr c
        emit
        path a.b skip: 8
        loadName a
        getAttr b
        filterEmit upper 0 argc: 1
        emitPath a.x.y skip: 14
        loadName a
        getAttr x
        getAttr y
        emit
        """)
        #expect(try CompilerTests.compile("{{ s | replace('-', '') | upper }}") == """
        loadName s
        loadConst(0)
        loadConst(1)
        filterEmitCased replace 0 argc: 3 upper skip: 7
        filter 0 argc: 3 kwargs: []
        filter 1 argc: 1 kwargs: []
        emit
        """)
    }

    @Test func topLevelMacroIsAContextVariable() throws {
        #expect(try CompilerTests.compile("{% macro m(a) %}{{ a }}{% endmacro %}{{ m(1) }}") == """
        makeMacro(0)
        setContextVar m export
        loadLocal m
        loadConst(0)
        callAndEmit m argc: 1 kwargs: []
        """)
    }

    @Test func unknownFilterFailsOnlyWhenReached() throws {
        #expect(try CompilerTests.compile("{{ x | nope }}") == """
        fail unknown filter 'nope'
        emit
        """)
    }
}
