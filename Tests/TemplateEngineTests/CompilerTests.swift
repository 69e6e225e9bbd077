import Testing
@testable import TemplateEngine

/// The compiler, compared as an instruction dump.
@Suite struct CompilerTests {
    static func compile(_ text: String) throws -> String {
        let source = Source(path: "t", bytes: Array(text.utf8))
        let template = try Compiler.compile(try Parser.parse(source), source: source, registry: .builtins)
        return template.root.listing
    }

    @Test func outputAndFilter() throws {
        #expect(try CompilerTests.compile("a{{ x | upper }}") == """
        emitRaw(0)
        loadName x
        filter 0 argc: 1 kwargs: []
        emit
        """)
    }

    @Test func forLoopWithElse() throws {
        #expect(try CompilerTests.compile("{% for x in xs %}{{ x }}{% else %}-{% endfor %}") == """
        loadName xs
        pushFrame(isolate: false)
        forInit ["x"]
        forNext(exit: 7)
        loadLocal x
        emit
        jump(3)
        forEnd(skipElse: 9)
        emitRaw(0)
        popFrame
        """)
    }

    @Test func andOrShortCircuit() throws {
        #expect(try CompilerTests.compile("{{ a and b or c }}") == """
        loadName a
        jumpIfFalseOrPop(3)
        loadName b
        jumpIfTrueOrPop(5)
        loadName c
        emit
        """)
    }

    @Test func defaultFilterInputIsLenient() throws {
        #expect(try CompilerTests.compile("{{ a.b | default(1) }}") == """
        loadName a lenient
        getAttr b lenient
        loadConst(0)
        filter 0 argc: 2 kwargs: []
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
