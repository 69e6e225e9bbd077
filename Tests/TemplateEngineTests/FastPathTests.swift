import Testing
@testable import TemplateEngine

/// Behaviour kept by the render fast paths: the remembered context lookup, `loop` attribute dispatch and the
/// in-place case change of fused `upper`/`lower`.
@Suite struct FastPathTests {
    /// A context name read in a loop is remembered; every write to the context forgets it.
    @Test func contextLookupSeesWrites() throws {
        #expect(try render("{{ x }}{% set x = 2 %}{{ x }}{% for i in [1, 2] %}{{ x }}{{ y }}{% endfor %}{% set y = 3 %}{{ y }}{{ x }}",
                           #"{"x": 1, "y": "a"}"#) == "122a2a32")
        #expect(try render("{{ m }}{% macro m() %}M{% endmacro %}{{ m() }}{{ z }}", #"{"m": "v"}"#) == "vM")
    }

    /// Every `loop` attribute by name, and names that only look like one.
    @Test func loopAttributes() throws {
        let t = "{% for x in [7, 8, 9] %}{{ loop.index }}{{ loop.index0 }}{{ loop.revindex }}{{ loop.revindex0 }}"
            + "{{ loop.first }}{{ loop.last }}{{ loop.length }}[{{ loop.lasts }}{{ loop.Index }}{{ loop.indeX }}{{ loop.lengtH }}{{ loop.fIrst }}] {% endfor %}"
        #expect(try render(t) == "1032truefalse3[] 2121falsefalse3[] 3210falsetrue3[] ")
    }

    /// Fused `upper`/`lower` change only ASCII letters, after earlier output, and leave non-ASCII text to the filter.
    @Test func fusedCaseChange() throws {
        #expect(try render("ab{{ s | upper }}|{{ s | lower }}|{{ u | upper }}|{{ s | replace('-', '') | upper }}",
                           #"{"s": "aZ-09_@[`{zA", "u": "ünï"}"#) == "abAZ-09_@[`{ZA|az-09_@[`{za|ÜNÏ|AZ09_@[`{ZA")
    }
}
